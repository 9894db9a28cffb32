package org.wushe.hub.socialworker.report;

import java.time.Instant;
import java.time.LocalDate;
import org.wushe.hub.platform.core.Calendar;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.web.InvalidInputException;

/** Whole days {@code from}..{@code to} (inclusive) in Asia/Shanghai, as [start, end) instants. */
public record ReportPeriod(LocalDate from, LocalDate to) {

    /** Reports cover a month, a quarter, a year; a few years at most. */
    public static final int MAX_YEARS = 5;

    public static ReportPeriod of(LocalDate from, LocalDate to, LocalDate today) {
        return of(from, to, today, MAX_YEARS);
    }

    /** As {@link #of(LocalDate, LocalDate, LocalDate)}, spanning at most {@code maxYears}. */
    public static ReportPeriod of(LocalDate from, LocalDate to, LocalDate today, int maxYears) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", Messages.text("report.to-before-from", from));
        }
        if (from.isAfter(today)) {
            throw new InvalidInputException("from", Messages.text("date.in-future", today));
        }
        if (to.isAfter(from.plusYears(maxYears))) {
            throw new InvalidInputException(
                    "to", Messages.text("report.too-long", maxYears, from, from.plusYears(maxYears)));
        }
        return new ReportPeriod(from, to);
    }

    public Instant start() {
        return Calendar.startOf(from);
    }

    public Instant end() {
        return Calendar.startOf(to.plusDays(1));
    }
}
