package org.wushe.hub.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wushe.hub.platform.web.InvalidInputException;

class PersonalDataScreenTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "王阿姨 13912345678 门锁坏了",
                "联系 139-1234-5678",
                "电话010-62345678",
                "编号12345678901234",
                "电话１３９１２３４５６７８",
                "手机 139 1234 5678",
                "1 3 9 1 2 3 4 5 6 7 8 找王阿姨",
                "１３９－１２３４－５６７８",
                "139.1234.5678",
                "+86 139 1234 5678",
                "房间302-13912345678",
                "座机 ０１０－６２３４５６７８",
                "电话（010）62345678",
                "139—1234—5678",
                "139_1234_5678"
            })
    void phoneNumbersAreFoundHoweverTheyAreWritten(String text) {
        assertThat(PersonalDataScreen.find(text)).contains(PersonalDataScreen.Finding.PHONE);
        assertThat(PersonalDataScreen.Finding.PHONE.message()).doesNotContain("1391", "6234");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "身份证11010519491231002X补办",
                "身份证 110105 19491231 002X",
                "１１０１０５１９４９１２３１００２Ｘ",
                "1101 0519 4912 3100 2X",
                "110105-19491231-0021"
            })
    void idNumbersAreFoundHoweverTheyAreWritten(String text) {
        assertThat(PersonalDataScreen.find(text)).contains(PersonalDataScreen.Finding.ID_NUMBER);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "门锁损坏需维修 door lock broken",
                "每周配送牛奶2箱",
                "2026年11月23日义诊",
                "3号楼5单元 楼道灯坏了",
                "电话探访 call 9999",
                "2026-12-05 09:30 上门",
                "2026/12/05 送米 5 袋",
                "３号楼５０２室",
                "12-05 至 12-12 每天 2 次",
                "第1、2、3期",
                ""
            })
    void ordinaryTextPasses(String text) {
        assertThat(PersonalDataScreen.find(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "女儿电话13912345678",
                "call 139 1234 5678 later",
                "139-1234-5678",
                "座机 010-69541234",
                "身份证110112193001010014",
                "ID 11011219300101001X"
            })
    void screenRefusesNamingTheFieldWithoutRepeatingTheNumber(String text) {
        assertThatThrownBy(() -> PersonalDataScreen.screen("notes", text))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("notes");
                    assertThat(e.getMessage()).doesNotContain(text);
                });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-11-23 入户，门锁坏了",
                "服务 12 次，共 480 分钟",
                "residentRef 8f2c1a4e-0000-4000-8000-000000000001",
                "match 00000000-0000-4000-8000-139123456780 declined",
                "楼号 12 单元 55",
                "第 3 次会谈 session 3 of 6",
                "预计 2026年12月1日 上午9时"
            })
    void screenPassesOrdinaryNotesAndIdsStripped(String text) {
        assertThat(PersonalDataScreen.screen("notes", " " + text + " ")).isEqualTo(text);
    }
}
