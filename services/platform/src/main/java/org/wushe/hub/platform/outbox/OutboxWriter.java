package org.wushe.hub.platform.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.wushe.hub.platform.actor.Actor;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.events.EventEnvelope;
import org.wushe.hub.platform.tracing.EventTracing;
import org.wushe.hub.schemas.AvroEventCodec;

/**
 * Writes domain events to the service's {@code outbox} table inside the caller's transaction, so an
 * event exists exactly when the change that caused it commits. Debezium reads the insert from the
 * write-ahead log and routes it to the aggregate's topic; the row is deleted in the same
 * transaction, so the table stays empty and needs no clean-up job. Each event names who acted: the
 * {@link Actor} of the writing thread (a person's id in an HTTP request, {@code system:<consumer>}
 * in an inbound handler, {@code system:<service>} in a scheduled job), or nobody; and each carries the W3C
 * {@code traceparent} of the span it was written in, so the trace goes on through Kafka.
 */
public class OutboxWriter {

    private static final String INSERT =
            "INSERT INTO outbox (id, aggregatetype, aggregateid, type, payload, occurredat, traceparent, actor) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String DELETE = "DELETE FROM outbox WHERE id = ANY (?)";

    private final JdbcTemplate jdbc;
    private final AvroEventCodec codec;
    private final Clock clock;
    private final EventTracing tracing;

    public OutboxWriter(JdbcTemplate jdbc, AvroEventCodec codec, Clock clock) {
        this(jdbc, codec, clock, EventTracing.NONE);
    }

    /** Rows get the {@code traceparent} of the span current when they are written (unless the event names one). */
    public OutboxWriter(JdbcTemplate jdbc, AvroEventCodec codec, Clock clock, EventTracing tracing) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.clock = clock;
        this.tracing = tracing;
    }

    /** One event of one aggregate. */
    public record Event(Aggregate aggregate, String aggregateId, SpecificRecord payload, String traceparent) {
        public Event(Aggregate aggregate, String aggregateId, SpecificRecord payload) {
            this(aggregate, aggregateId, payload, null);
        }
    }

    public EventEnvelope publish(Aggregate aggregate, String aggregateId, SpecificRecord event) {
        return publishAll(List.of(new Event(aggregate, aggregateId, event))).get(0);
    }

    /** Writes the events in the given order (which is their order on each aggregate's partition). */
    public List<EventEnvelope> publishAll(List<Event> events) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(
                    "outbox events must be written in the transaction of the change they describe");
        }
        Instant now = clock.instant();
        String actor = Actor.currentOrNull();
        String traceparent = tracing.currentTraceparent();
        List<EventEnvelope> envelopes = new ArrayList<>(events.size());
        List<Object[]> rows = new ArrayList<>(events.size());
        for (Event e : events) {
            if (!e.aggregate().carries(e.payload().getClass())) {
                throw new IllegalArgumentException(e.payload().getClass().getSimpleName() + " is not an event of "
                        + e.aggregate().type() + " (it carries "
                        + e.aggregate().events().stream()
                                .map(Class::getSimpleName)
                                .toList() + ")");
            }
            EventEnvelope envelope = new EventEnvelope(
                    field(e.payload(), "eventId", UUID.class).orElseGet(UUID::randomUUID),
                    e.payload().getSchema().getName(),
                    e.aggregate().type(),
                    e.aggregateId(),
                    field(e.payload(), "occurredAt", Instant.class).orElse(now),
                    e.traceparent() != null ? e.traceparent() : traceparent,
                    actor);
            rows.add(new Object[] {
                envelope.eventId(),
                envelope.aggregateType(),
                envelope.aggregateId(),
                envelope.eventType(),
                codec.encode(e.payload()),
                Timestamp.from(envelope.occurredAt()),
                envelope.traceparent(),
                envelope.actor()
            });
            envelopes.add(envelope);
        }
        jdbc.batchUpdate(INSERT, rows);
        UUID[] ids = envelopes.stream().map(EventEnvelope::eventId).toArray(UUID[]::new);
        jdbc.update(con -> {
            var ps = con.prepareStatement(DELETE);
            ps.setArray(1, con.createArrayOf("uuid", ids));
            return ps;
        });
        return envelopes;
    }

    /** Events carry their own id and time; the envelope repeats them so headers and payload agree. */
    private static <T> Optional<T> field(SpecificRecord record, String name, Class<T> type) {
        Schema.Field f = record.getSchema().getField(name);
        if (f == null) {
            return Optional.empty();
        }
        Object value = record.get(f.pos());
        return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
    }
}
