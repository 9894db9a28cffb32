package org.wushe.hub.platform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What every event carries beside its Avro payload, as Kafka headers: the event id (deduplication
 * key), its type (the Avro record's simple name), the aggregate it belongs to (its id is the Kafka
 * key, so one aggregate's events stay in order), when it happened, and the W3C trace context.
 */
public record EventEnvelope(UUID eventId, String eventType, String aggregateType, String aggregateId,
                            Instant occurredAt, String traceparent) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
