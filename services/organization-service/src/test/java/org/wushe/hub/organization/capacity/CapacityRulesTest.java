package org.wushe.hub.organization.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wushe.hub.platform.web.InvalidInputException;

class CapacityRulesTest {

    static ServiceCapacity.Slot slot(DayOfWeek day, String start, String end) {
        return new ServiceCapacity.Slot(day, LocalTime.parse(start), LocalTime.parse(end));
    }

    @Test
    void slotsOfDifferentDaysOrThatOnlyTouchAreFine() {
        assertThatCode(() -> CapacityRules.requireSlots(List.of(
                        slot(DayOfWeek.SATURDAY, "09:00", "11:30"),
                        slot(DayOfWeek.SATURDAY, "11:30", "12:00"),
                        slot(DayOfWeek.SUNDAY, "09:00", "11:30"))))
                .doesNotThrowAnyException();
    }

    @Test
    void anOverlapNamesTheLaterSlotAndABackwardSlotItsEnd() {
        assertThatThrownBy(() -> CapacityRules.requireSlots(List.of(
                        slot(DayOfWeek.SATURDAY, "09:00", "11:30"),
                        slot(DayOfWeek.MONDAY, "09:00", "11:30"),
                        slot(DayOfWeek.SATURDAY, "08:00", "09:01"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("weeklySlots[2]");
                    assertThat(e.getMessage()).contains("weeklySlots[0]");
                });
        assertThatThrownBy(() -> CapacityRules.requireSlots(List.of(slot(DayOfWeek.SATURDAY, "09:00", "09:00"))))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("weeklySlots[0].end"));
    }

    @Test
    void aSessionMustFitTheLongestSlot() {
        List<ServiceCapacity.Slot> slots =
                List.of(slot(DayOfWeek.SATURDAY, "09:00", "10:00"), slot(DayOfWeek.SUNDAY, "09:00", "11:30"));
        assertThatCode(() -> CapacityRules.requireSessionFits(150, slots)).doesNotThrowAnyException();
        assertThatCode(() -> CapacityRules.requireSessionFits(null, slots)).doesNotThrowAnyException();
        assertThatThrownBy(() -> CapacityRules.requireSessionFits(151, slots))
                .hasMessageContaining("longest is 150 minutes");
    }

    @Test
    void thePeriodEndsOnOrAfterItsStartNotInThePastAndWithinThreeYears() {
        LocalDate today = LocalDate.of(2026, 3, 1);
        assertThatCode(() -> CapacityRules.requirePeriod(today, today, today)).doesNotThrowAnyException();
        assertThatCode(() -> CapacityRules.requirePeriod(today.minusDays(30), today.plusYears(2), today))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> CapacityRules.requirePeriod(today, today.minusDays(1), today))
                .hasMessageContaining("before validFrom");
        assertThatThrownBy(() -> CapacityRules.requirePeriod(today.minusDays(10), today.minusDays(1), today))
                .hasMessageContaining("in the past");
        assertThatThrownBy(() ->
                        CapacityRules.requirePeriod(today, today.plusYears(3).plusDays(1), today))
                .hasMessageContaining("at most 3 years");
    }
}
