package org.wushe.hub.organization.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Dates are calendar dates in China Standard Time: a project ends on a day, not at an instant. */
public final class Calendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

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
