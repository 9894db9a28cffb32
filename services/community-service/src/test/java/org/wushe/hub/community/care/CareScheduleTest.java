package org.wushe.hub.community.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wushe.hub.community.care.CareSchedule.Risk.HIGH;
import static org.wushe.hub.community.care.CareSchedule.Risk.LOW;
import static org.wushe.hub.community.care.CareSchedule.Risk.MEDIUM;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The schedule of care visits: HIGH weekly, MEDIUM fortnightly, LOW monthly, from the latest visit or the plan's start. */
class CareScheduleTest {

    static final LocalDate SINCE = LocalDate.of(2026, 11, 2);

    @Test
    void the_first_visit_is_due_one_interval_after_the_plan_starts() {
        assertThat(CareSchedule.nextDue(HIGH, SINCE, null)).isEqualTo(LocalDate.of(2026, 11, 9));
        assertThat(CareSchedule.nextDue(MEDIUM, SINCE, null)).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(CareSchedule.nextDue(LOW, SINCE, null)).isEqualTo(LocalDate.of(2026, 12, 2));
    }

    @Test
    void later_visits_are_due_one_interval_after_the_latest() {
        LocalDate visited = LocalDate.of(2026, 11, 20);
        assertThat(CareSchedule.nextDue(HIGH, SINCE, visited)).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(CareSchedule.nextDue(MEDIUM, SINCE, visited)).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(CareSchedule.nextDue(LOW, SINCE, visited)).isEqualTo(LocalDate.of(2026, 12, 20));
    }

    @Test
    void monthly_falls_on_the_last_day_of_a_shorter_month() {
        assertThat(CareSchedule.nextDue(LOW, LocalDate.of(2027, 1, 31), null)).isEqualTo(LocalDate.of(2027, 2, 28));
    }

    @Test
    void a_visit_before_the_plan_was_changed_does_not_pull_the_schedule_back() {
        assertThat(CareSchedule.nextDue(HIGH, SINCE, SINCE.minusDays(30))).isEqualTo(SINCE.plusDays(7));
    }

    @Test
    void a_visit_on_the_due_day_is_on_time_and_the_day_after_it_is_overdue() {
        LocalDate due = LocalDate.of(2026, 11, 9);
        assertThat(CareSchedule.overdue(due, due.minusDays(1))).isFalse();
        assertThat(CareSchedule.overdue(due, due)).isFalse();
        assertThat(CareSchedule.overdue(due, due.plusDays(1))).isTrue();
        assertThat(CareSchedule.daysOverdue(due, due)).isZero();
        assertThat(CareSchedule.daysOverdue(due, due.plusDays(3))).isEqualTo(3);
        assertThat(CareSchedule.daysOverdue(due, due.minusDays(3))).isZero();
    }

    @Test
    void nobody_at_home_is_not_a_visit() {
        assertThat(CareSchedule.Outcome.NOT_HOME.counts()).isFalse();
        assertThat(CareSchedule.Outcome.WELL.counts()).isTrue();
        assertThat(CareSchedule.Outcome.NEED_FOUND.counts()).isTrue();
        assertThat(CareSchedule.Outcome.REFERRED.counts()).isTrue();
    }
}
