package org.wushe.hub.community.resident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameSearchTest {

    @Test
    void namesAreComparedAsPeopleTypeThem() {
        assertThat(NameSearch.normalize("  ＺＨＡＮＧ   Wei ")).isEqualTo("zhang wei");
        assertThat(NameSearch.normalize("阿依古丽・买买提")).isEqualTo("阿依古丽·买买提");
        assertThat(NameSearch.rank("欧阳明月", "欧阳明月")).isZero();
        assertThat(NameSearch.rank("欧阳明月", "欧阳")).isEqualTo(1);
        assertThat(NameSearch.rank("李欧阳", "欧阳")).isEqualTo(-1);
    }

    @Test
    void aQueryHoldsOneChineseCharacterOrTwoLetters() {
        assertThat(NameSearch.specificEnough("张")).isTrue();
        assertThat(NameSearch.specificEnough("zh")).isTrue();
        assertThat(NameSearch.specificEnough("z")).isFalse();
        assertThat(NameSearch.specificEnough("1")).isFalse();
        assertThat(NameSearch.specificEnough("")).isFalse();
        assertThat(NameSearch.specificEnough("· ")).isFalse();
    }

    @Test
    void phonesAreMaskedInTheMiddle() {
        assertThat(NameSearch.maskPhone("13812345678")).isEqualTo("138****5678");
        assertThat(NameSearch.maskPhone("010-12345678")).isEqualTo("010*****5678");
        assertThat(NameSearch.maskPhone("12345")).isEqualTo("***45");
        assertThat(NameSearch.maskPhone(null)).isNull();
    }
}
