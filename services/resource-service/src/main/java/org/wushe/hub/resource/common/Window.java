package org.wushe.hub.resource.common;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.wushe.hub.events.common.TimeWindow;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.web.InvalidInputException;

/** A span of time [start, end). */
@Schema(description = "A span of time [start, end), ISO-8601 instants")
public record Window(
        @NotNull @Schema(example = "2026-11-28T01:00:00Z") Instant start,
        @NotNull @Schema(example = "2026-12-31T10:00:00Z") Instant end) {

    /** Bad input unless end is after start; {@code field} names the window in the request. */
    public Window requireOrdered(String field) {
        if (!end.isAfter(start)) {
            throw new InvalidInputException(field + ".end", Messages.text("window.end-before-start"));
        }
        return this;
    }

    public boolean contains(Window other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    public static Window of(TimeWindow avro) {
        return avro == null ? null : new Window(avro.getStart(), avro.getEnd());
    }
}
