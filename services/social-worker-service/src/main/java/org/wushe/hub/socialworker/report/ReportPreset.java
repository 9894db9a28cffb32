package org.wushe.hub.socialworker.report;

import java.time.LocalDate;

/** The periods centre managers ask for most, as whole days in Asia/Shanghai up to today. */
public enum ReportPreset {
    /** 本月: the first of this month to today. */
    THIS_MONTH,
    /** 上月: the whole of last month. */
    LAST_MONTH,
    /** 本年: the first of January to today. */
    THIS_YEAR;

    public LocalDate from(LocalDate today) {
        return switch (this) {
            case THIS_MONTH -> today.withDayOfMonth(1);
            case LAST_MONTH -> today.withDayOfMonth(1).minusMonths(1);
            case THIS_YEAR -> today.withDayOfYear(1);
        };
    }

    public LocalDate to(LocalDate today) {
        return this == LAST_MONTH ? today.withDayOfMonth(1).minusDays(1) : today;
    }
}
