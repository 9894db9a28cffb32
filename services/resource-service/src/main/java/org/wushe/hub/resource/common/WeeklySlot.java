package org.wushe.hub.resource.common;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Locale;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.web.InvalidInputException;

/**
 * A slot that repeats every week in local time (Asia/Shanghai), e.g. Saturday 09:00–11:30: a service's
 * schedule or a venue's opening hours (开放时间). It does not cross midnight.
 */
@Schema(description = "Weekly slot in local time (Asia/Shanghai), e.g. SATURDAY 09:00-11:30")
public record WeeklySlot(
        @NotNull @Schema(example = "SATURDAY") DayOfWeek day,
        @NotNull @Schema(type = "string", example = "09:00") LocalTime start,
        @NotNull @Schema(type = "string", example = "11:30") LocalTime end) {

    public WeeklySlot requireOrdered(String field) {
        if (!end.isAfter(start)) {
            throw new InvalidInputException(field + ".end", Messages.text("window.end-before-start"));
        }
        return this;
    }

    /** Stored as {@code SATURDAY 09:00-11:30}. */
    public String text() {
        return day + " " + start + "-" + end;
    }

    public static WeeklySlot parse(String text) {
        try {
            String[] dayAndTimes = text.split(" ");
            String[] times = dayAndTimes[1].split("-");
            return new WeeklySlot(
                    DayOfWeek.valueOf(dayAndTimes[0].toUpperCase(Locale.ROOT)),
                    LocalTime.parse(times[0]),
                    LocalTime.parse(times[1]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a weekly slot: " + text, e);
        }
    }
}
