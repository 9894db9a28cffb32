package org.wushe.hub.socialworker.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Dates are calendar days in China Standard Time: a report covers days, a case opens on a day. */
public final class Calendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Clocks of phones and servers differ a little: "now" for work recorded after it happened. */
    public static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMinutes(5);

    private Calendar() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** 00:00 of the day in Asia/Shanghai. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }
}
