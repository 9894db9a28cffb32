package org.wushe.hub.volunteer.availability;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A one-off span of time the volunteer is free, e.g. a Saturday morning outside the weekly slots. */
public record OneOffWindow(@NotNull Instant start, @NotNull Instant end) {

    public OneOffWindow {
        // The contract carries instants in milliseconds.
        start = start == null ? null : start.truncatedTo(ChronoUnit.MILLIS);
        end = end == null ? null : end.truncatedTo(ChronoUnit.MILLIS);
    }
}
