package org.wushe.hub.platform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What every event carries beside its Avro payload, as Kafka headers: the event id (deduplication
 * key), its type (the Avro record's simple name), the aggregate it belongs to (its id is the Kafka
 * key, so one aggregate's events stay in order), when it happened, the W3C trace context, and who
 * acted ({@code actor}: a person's account id, {@code system:<consumer>} or {@code system:<service>};
 * null when nobody was named, and on events written before the header existed).
 *
 * <p>{@code source} is where a consumer read the event (topic, partition, offset); null on the
 * producing side.
 */
public record EventEnvelope(
        UUID eventId,
        String eventType,
        String aggregateType,
        String aggregateId,
        Instant occurredAt,
        String traceparent,
        String actor,
        Source source) {

    /** Where an inbound event was read. */
    public record Source(String topic, int partition, long offset) {}

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    public EventEnvelope(
            UUID eventId,
            String eventType,
            String aggregateType,
            String aggregateId,
            Instant occurredAt,
            String traceparent,
            String actor) {
        this(eventId, eventType, aggregateType, aggregateId, occurredAt, traceparent, actor, null);
    }

    public EventEnvelope(
            UUID eventId,
            String eventType,
            String aggregateType,
            String aggregateId,
            Instant occurredAt,
            String traceparent) {
        this(eventId, eventType, aggregateType, aggregateId, occurredAt, traceparent, null, null);
    }
}
