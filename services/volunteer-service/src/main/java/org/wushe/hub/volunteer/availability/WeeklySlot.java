package org.wushe.hub.volunteer.availability;

import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** A slot that repeats every week, in local wall-clock time (Asia/Shanghai), e.g. Saturday 09:00–11:30. */
public record WeeklySlot(
        @NotNull DayOfWeek day,
        @NotNull LocalTime start,
        @NotNull LocalTime end) {

    public WeeklySlot {
        // The contract carries times of day in milliseconds.
        start = start == null ? null : start.truncatedTo(ChronoUnit.MILLIS);
        end = end == null ? null : end.truncatedTo(ChronoUnit.MILLIS);
    }
}
