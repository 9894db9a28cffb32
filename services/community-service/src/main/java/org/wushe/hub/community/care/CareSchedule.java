package org.wushe.hub.community.care;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * When the next care visit is due, by the person's risk: HIGH weekly (7 days), MEDIUM fortnightly (14 days), LOW
 * monthly (the same day of the next month, or its last day). Counted from the latest visit that found the person
 * (any outcome but NOT_HOME), or from the day the plan starts before the first. A visit on the due day is on time;
 * the day after, it is overdue.
 */
public final class CareSchedule {

    /** The risk that sets how often the person is visited. */
    public enum Risk {
        /** 高风险: weekly. */
        HIGH,
        /** 中风险: fortnightly. */
        MEDIUM,
        /** 低风险: monthly. */
        LOW
    }

    /** What a visit found. NOT_HOME (无人应答) does not count as a visit: the schedule stays where it was. */
    public enum Outcome {
        WELL,
        NEED_FOUND,
        REFERRED,
        NOT_HOME;

        public boolean counts() {
            return this != NOT_HOME;
        }
    }

    private CareSchedule() {}

    /** The last day the next visit is on time. */
    public static LocalDate nextDue(Risk risk, LocalDate since, LocalDate lastVisitedOn) {
        LocalDate from = lastVisitedOn != null && lastVisitedOn.isAfter(since) ? lastVisitedOn : since;
        return switch (risk) {
            case HIGH -> from.plusDays(7);
            case MEDIUM -> from.plusDays(14);
            case LOW -> from.plusMonths(1);
        };
    }

    public static boolean overdue(LocalDate dueOn, LocalDate today) {
        return today.isAfter(dueOn);
    }

    /** Days past the due day (0 when on time). */
    public static long daysOverdue(LocalDate dueOn, LocalDate today) {
        return Math.max(0, ChronoUnit.DAYS.between(dueOn, today));
    }
}
