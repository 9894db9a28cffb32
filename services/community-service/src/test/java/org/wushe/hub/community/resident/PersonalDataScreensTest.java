package org.wushe.hub.community.resident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wushe.hub.community.need.TitleScreen;
import org.wushe.hub.platform.core.IdNumbers;

class PersonalDataScreensTest {

    @Test
    void idNumbersCarryACheckCharacter() {
        assertThat(IdNumbers.isValid("11010519491231002X")).isTrue();
        assertThat(IdNumbers.isValid("11010519491231002x")).isTrue();
        assertThat(IdNumbers.isValid("110105194912310021")).isFalse();
        assertThat(IdNumbers.isValid("1101051949123100")).isFalse();
        assertThat(IdNumbers.isValid(null)).isFalse();
        assertThat(IdNumbers.checkCharacter("11010519491231002")).isEqualTo('X');
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "王阿姨 13912345678 门锁坏了",
                "联系 139-1234-5678",
                "电话010-62345678",
                "身份证11010519491231002X补办",
                "编号12345678901234"
            })
    void titlesWithPhoneOrIdNumbersAreRefusedWithoutRepeatingThem(String title) {
        assertThat(TitleScreen.problem(title))
                .hasValueSatisfying(p -> assertThat(p).doesNotContain("1391", "6234", "1101", "12345"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"门锁损坏需维修 door lock broken", "每周配送牛奶2箱", "2026年11月23日义诊", "3号楼5单元 楼道灯坏了", "电话探访 call 9999"})
    void ordinaryTitlesPass(String title) {
        assertThat(TitleScreen.problem(title)).isEmpty();
    }
}
