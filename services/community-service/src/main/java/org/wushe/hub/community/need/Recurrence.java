package org.wushe.hub.community.need;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * How a recurring need repeats (e.g. milk every week, a haircut every month): every {@code interval}
 * days, weeks or months from the first occurrence, in local time (Asia/Shanghai), until a number of
 * occurrences or a date. Occurrences are numbered from 1. A monthly need on the 31st falls on the
 * last day of shorter months.
 */
public record Recurrence(Frequency frequency, int interval, Integer count, Instant until) {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** A guard against unbounded work, e.g. after a long outage. */
    static final int MAX_PER_CALL = 200;

    public enum Frequency {
        DAILY,
        WEEKLY,
        MONTHLY
    }

    public Recurrence {
        if (frequency == null || interval < 1) {
            throw new IllegalArgumentException("a recurrence needs a frequency and an interval of at least 1");
        }
    }

    public Instant startOf(int occurrence, Instant firstStart) {
        ZonedDateTime first = firstStart.atZone(ZONE);
        long steps = (long) (occurrence - 1) * interval;
        ZonedDateTime start = switch (frequency) {
            case DAILY -> first.plusDays(steps);
            case WEEKLY -> first.plusWeeks(steps);
            case MONTHLY -> first.plusMonths(steps);
        };
        return start.toInstant();
    }

    /** Whether the series has an occurrence with this number at all. */
    public boolean has(int occurrence, Instant firstStart) {
        if (occurrence < 1 || (count != null && occurrence > count)) {
            return false;
        }
        return until == null || startOf(occurrence, firstStart).isBefore(until);
    }

    /** The occurrences from {@code next} on that start before {@code horizonEnd}, in order. */
    public List<Integer> due(int next, Instant firstStart, Instant horizonEnd) {
        List<Integer> due = new ArrayList<>();
        for (int k = next;
                has(k, firstStart) && startOf(k, firstStart).isBefore(horizonEnd) && due.size() < MAX_PER_CALL;
                k++) {
            due.add(k);
        }
        return due;
    }

    /** Whether no occurrence after {@code last} exists. */
    public boolean exhaustedAfter(int last, Instant firstStart) {
        return !has(last + 1, firstStart);
    }
}
