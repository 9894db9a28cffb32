package org.wushe.hub.community.need;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A recurring need: a template and its recurrence; each occurrence is published as a need of its own. */
public record NeedSeries(
        UUID id,
        NeedDraft template,
        Recurrence recurrence,
        Instant firstStart,
        Duration duration,
        int nextOccurrence,
        boolean active,
        Instant createdAt) {

    NeedDraft occurrence(int k) {
        Instant start = recurrence.startOf(k, firstStart);
        return template.withWindow(start, start.plus(duration));
    }
}
