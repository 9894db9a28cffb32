package org.wushe.hub.matching.engine;

import java.time.DayOfWeek;
import java.util.Objects;

/**
 * A slot that repeats every week, in local wall-clock time of the engine's zone (default Asia/Shanghai):
 * minutes of the day, start inclusive, end exclusive, not crossing midnight (end 1440 is midnight).
 */
public record WeeklySlot(DayOfWeek day, int startMinute, int endMinute) {

    public WeeklySlot {
        Objects.requireNonNull(day, "day");
        if (startMinute < 0 || endMinute > 1440 || startMinute >= endMinute) {
            throw new IllegalArgumentException(
                    "weekly slot wants 0 <= startMinute < endMinute <= 1440, got " + startMinute + ".." + endMinute);
        }
    }
}
