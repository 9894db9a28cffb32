package org.wushe.hub.volunteer.volunteer.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wushe.hub.platform.web.InvalidInputException;

/** Resident ID numbers (GB 11643): the check character, the birth date, and the age and flags that follow. */
class ResidentIdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @ParameterizedTest
    @CsvSource({
        // the standard's own examples
        "11010519491231002X, 1949-12-31",
        "440524188001010014, 1880-01-01",
        "110105196503151231, 1965-03-15",
        "110105201006011231, 2010-06-01",
    })
    void aNumberWithTheRightCheckCharacterCarriesItsBirthDate(String number, LocalDate birth) {
        ResidentIdNumber id = ResidentIdNumber.parse(number, TODAY);
        assertThat(id.birthDate()).isEqualTo(birth);
        assertThat(id.value()).isEqualTo(number);
    }

    @Test
    void aLowerCaseXIsReadAsUpperCaseAndSpacesAroundAreDropped() {
        assertThat(ResidentIdNumber.parse(" 11010519491231002x ", TODAY).value())
                .isEqualTo("11010519491231002X");
    }

    @ParameterizedTest
    @ValueSource(strings = {"110105194912310021", "110105196503151232", "440524188001010015", "11010519491231002Y"})
    void aWrongCheckCharacterIsRefused(String number) {
        assertThatThrownBy(() -> ResidentIdNumber.parse(number, TODAY))
                .isInstanceOf(ResidentIdNumber.Malformed.class)
                .hasMessageContaining(number.endsWith("Y") ? "18" : "check character");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1101051949123100", "1101051949123100211", "11010519491231002-", "ABCDEFGHIJKLMNOPQR"})
    void aNumberOfTheWrongShapeIsRefused(String number) {
        assertThatThrownBy(() -> ResidentIdNumber.parse(number, TODAY))
                .isInstanceOf(ResidentIdNumber.Malformed.class)
                .hasMessageContaining("18");
    }

    @Test
    void aBirthDateThatIsNoDateOrInTheFutureIsRefused() {
        // 1990-02-30 with a right check character
        String noDate = "11010519900230123" + ResidentIdNumber.checkCharacter("11010519900230123");
        assertThatThrownBy(() -> ResidentIdNumber.parse(noDate, TODAY))
                .isInstanceOf(ResidentIdNumber.Malformed.class)
                .hasMessageContaining("19900230");
        String future = "11010520270101123" + ResidentIdNumber.checkCharacter("11010520270101123");
        assertThatThrownBy(() -> ResidentIdNumber.parse(future, TODAY))
                .isInstanceOf(ResidentIdNumber.Malformed.class)
                .hasMessageContaining("2027-01-01");
    }

    @Test
    void aRequestFieldIsRefusedWith400NamingTheField() {
        assertThatThrownBy(() -> ResidentIdNumber.require("idNumber", "110105194912310021", TODAY))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.getMessage()).contains("check character"))
                .extracting("field")
                .isEqualTo("idNumber");
    }

    @ParameterizedTest
    @CsvSource({
        // birth date, day, age, young-old, minor
        "1966-12-07, 2026-12-06, 59, false, false",
        "1966-12-06, 2026-12-06, 60, true, false",
        "1957-12-06, 2026-12-06, 69, true, false",
        "1956-12-06, 2026-12-06, 70, false, false",
        "2008-12-07, 2026-12-06, 17, false, true",
        "2008-12-06, 2026-12-06, 18, false, false",
        "1960-02-29, 2020-02-28, 59, false, false",
        "1960-02-29, 2020-02-29, 60, true, false",
    })
    void ageYoungOldAndMinorFollowFromTheBirthDateOnTheDay(
            LocalDate birth, LocalDate day, int age, boolean youngOld, boolean minor) {
        assertThat(ResidentIdNumber.age(birth, day)).isEqualTo(age);
        assertThat(ResidentIdNumber.youngOld(birth, day)).isEqualTo(youngOld);
        assertThat(ResidentIdNumber.minor(birth, day)).isEqualTo(minor);
    }

    @Test
    void itsTextNeverShowsTheWholeNumber() {
        assertThat(ResidentIdNumber.parse("11010519491231002X", TODAY).toString())
                .doesNotContain("19491231")
                .contains("110105");
    }
}
