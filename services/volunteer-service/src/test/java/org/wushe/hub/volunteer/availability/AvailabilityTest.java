package org.wushe.hub.volunteer.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wushe.hub.volunteer.web.RuleViolation;

class AvailabilityTest {

    private final Instant now = Instant.parse("2026-11-23T02:00:00Z");

    @Test
    void weeklySlotsAndFutureWindowsThatDoNotOverlapAreFine() {
        Availability a = new Availability(
                List.of(
                        new WeeklySlot(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(11, 30)),
                        new WeeklySlot(DayOfWeek.SATURDAY, LocalTime.of(14, 0), LocalTime.of(17, 0)),
                        new WeeklySlot(DayOfWeek.WEDNESDAY, LocalTime.of(19, 0), LocalTime.of(21, 0))),
                List.of(new OneOffWindow(
                        now.plus(Duration.ofDays(3)),
                        now.plus(Duration.ofDays(3)).plus(Duration.ofHours(4)))),
                8);

        assertThat(a.violations(now, "")).isEmpty();
    }

    @Test
    void slotsThatEndBeforeTheyStartOrOverlapAreNamed() {
        Availability a = new Availability(
                List.of(
                        new WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(11, 0), LocalTime.of(9, 0)),
                        new WeeklySlot(DayOfWeek.SUNDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)),
                        new WeeklySlot(DayOfWeek.SUNDAY, LocalTime.of(11, 0), LocalTime.of(13, 0))),
                List.of(),
                null);

        assertThat(a.violations(now, "availability."))
                .extracting(RuleViolation::field)
                .containsExactly("availability.weeklySlots[0].end", "availability.weeklySlots[2]");
    }

    @Test
    void windowsInThePastTooLongTooFarAheadOrOverlappingAreNamed() {
        Instant tomorrow = now.plus(Duration.ofDays(1));
        Availability a = new Availability(
                List.of(),
                List.of(
                        new OneOffWindow(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1))),
                        new OneOffWindow(tomorrow, tomorrow.plus(Duration.ofDays(8))),
                        new OneOffWindow(
                                now.plus(Duration.ofDays(400)),
                                now.plus(Duration.ofDays(400)).plus(Duration.ofHours(2))),
                        new OneOffWindow(tomorrow.plus(Duration.ofHours(1)), tomorrow.plus(Duration.ofHours(3)))),
                null);

        assertThat(a.violations(now, ""))
                .extracting(RuleViolation::field)
                .containsExactly(
                        "oneOffWindows[0].end", "oneOffWindows[1].end", "oneOffWindows[2].start", "oneOffWindows[3]");
    }
}
