package org.wushe.hub.socialworker.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wushe.hub.platform.web.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataScreenTest {

    @ParameterizedTest
    @ValueSource(strings = {"女儿电话13912345678", "call 139 1234 5678 later", "139-1234-5678", "座机 010-69541234",
            "身份证110112193001010014", "ID 11011219300101001X"})
    void phoneAndIdNumbersAreRefusedNamingTheField(String text) {
        assertThatThrownBy(() -> PersonalDataScreen.screen("notes", text))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("notes");
                    assertThat(e.getMessage()).doesNotContain(text);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23 入户，门锁坏了", "服务 12 次，共 480 分钟", "residentRef 8f2c1a4e-0000-4000-8000-000000000001",
            "楼号 12 单元 55", "第 3 次会谈 session 3 of 6", "预计 2026年12月1日 上午9时"})
    void ordinaryNotesPass(String text) {
        assertThat(PersonalDataScreen.screen("notes", " " + text + " ")).isEqualTo(text);
    }
}
