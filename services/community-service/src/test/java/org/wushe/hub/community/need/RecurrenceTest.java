package org.wushe.hub.community.need;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class RecurrenceTest {

    static final Instant FIRST =
            LocalDateTime.parse("2026-12-01T08:00").atZone(Recurrence.ZONE).toInstant();

    @Test
    void weeklyOccurrencesKeepTheirLocalTimeAndComeAsTheHorizonReachesThem() {
        Recurrence weekly = new Recurrence(Recurrence.Frequency.WEEKLY, 1, null, null);

        assertThat(weekly.startOf(3, FIRST)).isEqualTo(FIRST.plus(14, ChronoUnit.DAYS));
        assertThat(weekly.due(1, FIRST, FIRST.plus(14, ChronoUnit.DAYS))).containsExactly(1, 2);
        assertThat(weekly.due(3, FIRST, FIRST.plus(29, ChronoUnit.DAYS))).containsExactly(3, 4, 5);
        assertThat(weekly.exhaustedAfter(100, FIRST)).isFalse();
    }

    @Test
    void aCountOrAnEndDateEndsTheSeries() {
        Recurrence sixTimes = new Recurrence(Recurrence.Frequency.WEEKLY, 2, 6, null);
        assertThat(sixTimes.due(1, FIRST, FIRST.plus(365, ChronoUnit.DAYS))).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(sixTimes.exhaustedAfter(6, FIRST)).isTrue();
        assertThat(sixTimes.startOf(2, FIRST)).isEqualTo(FIRST.plus(14, ChronoUnit.DAYS));

        Recurrence untilNewYear =
                new Recurrence(Recurrence.Frequency.DAILY, 1, null, Instant.parse("2026-12-05T00:00:00Z"));
        assertThat(untilNewYear.due(1, FIRST, FIRST.plus(30, ChronoUnit.DAYS))).containsExactly(1, 2, 3, 4);
        assertThat(untilNewYear.exhaustedAfter(4, FIRST)).isTrue();
    }

    @Test
    void aMonthlyNeedOnThe31stFallsOnTheLastDayOfShorterMonths() {
        Instant jan31 =
                LocalDateTime.parse("2027-01-31T09:00").atZone(Recurrence.ZONE).toInstant();
        Recurrence monthly = new Recurrence(Recurrence.Frequency.MONTHLY, 1, null, null);

        assertThat(monthly.startOf(2, jan31))
                .isEqualTo(LocalDateTime.parse("2027-02-28T09:00")
                        .atZone(Recurrence.ZONE)
                        .toInstant());
        assertThat(monthly.startOf(3, jan31))
                .isEqualTo(LocalDateTime.parse("2027-03-31T09:00")
                        .atZone(Recurrence.ZONE)
                        .toInstant());
    }
}
