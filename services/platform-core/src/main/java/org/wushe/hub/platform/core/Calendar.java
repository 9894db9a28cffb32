package org.wushe.hub.platform.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The hub's calendar: dates are calendar days in China Standard Time (Asia/Shanghai). A report covers days, a case
 * opens on a day, a project ends on a day, not at an instant.
 */
public final class Calendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Clocks of phones and servers differ a little: "now" for work recorded after it happened. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private Calendar() {}

    /** Today in Asia/Shanghai by {@code clock}. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** 00:00 of the day in Asia/Shanghai. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }
}
