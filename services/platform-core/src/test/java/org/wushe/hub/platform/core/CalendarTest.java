package org.wushe.hub.platform.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CalendarTest {

    @Test
    void theDayTurnsAtMidnightInShanghaiNotUtc() {
        Clock lateUtc =
                Clock.fixed(Instant.parse("2026-11-23T16:30:00Z"), ZoneOffset.UTC); // 00:30 on the 24th in Shanghai
        assertThat(Calendar.today(lateUtc)).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(Calendar.startOf(LocalDate.of(2026, 11, 24))).isEqualTo(Instant.parse("2026-11-23T16:00:00Z"));
    }
}
