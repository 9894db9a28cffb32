package org.wushe.hub.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.hub.platform.actor.Actor;
import org.wushe.hub.platform.events.EventEnvelope;
import org.wushe.hub.platform.events.EventHeaders;
import org.wushe.hub.platform.events.Instants;
import org.wushe.hub.platform.tracing.EventTracing;
import org.wushe.hub.schemas.AvroEventCodec;
import org.wushe.hub.schemas.UndecodableEventException;

/**
 * Builds idempotent Spring Cloud Stream consumers: decode the Avro payload and the envelope, then, in
 * one transaction, record the event id as processed and run the handler for its type. A record that
 * cannot be decoded raises {@link UndecodableEventException}, which is not retried and sends the
 * record to {@code <topic>.dlt} with the reason (see {@link DeadLetterPublishing}).
 *
 * <pre>{@code
 * @Bean Consumer<Message<byte[]>> needs(InboundEvents inbound) {
 *     return inbound.consumer("matching")
 *             .on(NeedPublished.class, (envelope, need) -> index.add(need))
 *             .on(NeedClosed.class, (envelope, closed) -> index.remove(closed.getNeedId()))
 *             .build();
 * }
 * }</pre>
 */
public class InboundEvents {

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

    private final AvroEventCodec codec;
    private final ProcessedEvents processed;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final EventTracing tracing;

    public InboundEvents(
            AvroEventCodec codec, ProcessedEvents processed, TransactionTemplate transactions, MeterRegistry meters) {
        this(codec, processed, transactions, meters, EventTracing.NONE);
    }

    /** Each handler runs in a span that continues the trace named by the record's {@code traceparent} header. */
    public InboundEvents(
            AvroEventCodec codec,
            ProcessedEvents processed,
            TransactionTemplate transactions,
            MeterRegistry meters,
            EventTracing tracing) {
        this.codec = codec;
        this.processed = processed;
        this.transactions = transactions;
        this.meters = meters;
        this.tracing = tracing;
    }

    /** A consumer named {@code consumerName}: the key of its processed events, and its actor {@code system:<consumerName>}. */
    public Builder consumer(String consumerName) {
        return new Builder(consumerName);
    }

    /** Decodes a Kafka message into its envelope and payload, or says why it cannot. */
    public InboundEvent decode(Message<byte[]> message) {
        MessageHeaders h = message.getHeaders();
        return decode(message.getPayload(), h::get);
    }

    /** Decodes a record's value with its headers (Kafka's and the hub's, by name), or says why it cannot. */
    InboundEvent decode(byte[] body, Function<String, Object> h) {
        if (body == null || body.length == 0) {
            throw new UndecodableEventException("empty value");
        }
        SpecificRecord payload = codec.decode(body);
        UUID eventId = uuid(required(h, EventHeaders.EVENT_ID));
        String type = text(h.apply(EventHeaders.EVENT_TYPE));
        String aggregateType = text(h.apply(EventHeaders.AGGREGATE_TYPE));
        String key = text(h.apply(KafkaHeaders.RECEIVED_KEY));
        Instant occurredAt = instant(text(required(h, EventHeaders.OCCURRED_AT)));
        String actor = text(h.apply(EventHeaders.ACTOR));
        String topic = text(h.apply(KafkaHeaders.RECEIVED_TOPIC));
        Object partition = h.apply(KafkaHeaders.RECEIVED_PARTITION);
        Object offset = h.apply(KafkaHeaders.OFFSET);
        EventEnvelope.Source source = topic != null && partition instanceof Number p && offset instanceof Number o
                ? new EventEnvelope.Source(topic, p.intValue(), o.longValue())
                : null;
        EventEnvelope envelope = new EventEnvelope(
                eventId,
                type != null ? type : payload.getSchema().getName(),
                aggregateType != null ? aggregateType : "unknown",
                key != null ? key : "",
                occurredAt,
                text(h.apply(EventHeaders.TRACEPARENT)),
                actor == null || actor.isBlank() ? null : actor,
                source);
        return new InboundEvent(envelope, payload);
    }

    public final class Builder {
        private final String consumerName;
        private final Map<Class<? extends SpecificRecord>, BiConsumer<EventEnvelope, SpecificRecord>> handlers =
                new LinkedHashMap<>();

        private Builder(String consumerName) {
            this.consumerName = consumerName;
        }

        /**
         * The handler for one event type; it runs inside the transaction that marks the event processed,
         * as the actor {@code system:<consumer name>} (so events it writes say the service acted; the
         * envelope still tells who acted upstream).
         */
        @SuppressWarnings("unchecked")
        public <T extends SpecificRecord> Builder on(Class<T> type, BiConsumer<EventEnvelope, T> handler) {
            handlers.put(type, (envelope, payload) -> handler.accept(envelope, (T) payload));
            return this;
        }

        public Consumer<Message<byte[]>> build() {
            Map<Class<? extends SpecificRecord>, BiConsumer<EventEnvelope, SpecificRecord>> byType =
                    Map.copyOf(handlers);
            String actor = Actor.system(consumerName);
            return message -> {
                InboundEvent event = decode(message);
                BiConsumer<EventEnvelope, SpecificRecord> handler =
                        byType.get(event.payload().getClass());
                if (handler == null) {
                    // Another event on the same topic that this consumer does not need: forward compatible.
                    count(consumerName, "ignored", 1);
                    return;
                }
                EventEnvelope envelope = event.envelope();
                boolean first = Boolean.TRUE.equals(traced(
                        consumerName,
                        envelope,
                        () -> Actor.call(
                                actor,
                                () -> transactions.execute(status -> {
                                    if (!processed.markProcessed(consumerName, envelope.eventId())) {
                                        return false;
                                    }
                                    handler.accept(envelope, event.payload());
                                    return true;
                                }))));
                if (!first) {
                    log.debug(
                            "{}: event {} ({}) already processed, skipped",
                            consumerName,
                            event.envelope().eventId(),
                            event.envelope().eventType());
                }
                count(consumerName, first ? "processed" : "duplicate", 1);
            };
        }
    }

    /** An event of type {@code T} in a batch: its envelope and payload. */
    public record Received<T extends SpecificRecord>(EventEnvelope envelope, T payload) {}

    /**
     * A batch consumer named {@code consumerName} (as {@link #consumer}), for a binding in batch mode
     * ({@code consumer.batch-mode: true}): the records of one poll are decoded, their event ids recorded as
     * processed in one statement, and the new ones handled in order, all in one transaction.
     */
    public BatchBuilder batchConsumer(String consumerName) {
        return new BatchBuilder(consumerName);
    }

    /**
     * Builds a {@code Consumer<Message<List<byte[]>>>} for a binding in batch mode, with native decoding
     * ({@code consumer.batch-mode: true}, {@code consumer.use-native-decoding: true}: without it Spring Cloud
     * Function converts each value as JSON and silently drops the Avro ones). Per record, the same handlers
     * as {@link Builder}'s ({@link #on}); per run of consecutive events of one type, a handler that takes them
     * all at once ({@link #onRun}) for set-based SQL.
     *
     * <p>Failures: a record that cannot be decoded goes to {@code <topic>.dlt} with its reason, after the records
     * before it are committed; the records after it are polled again and handled. A handler that throws rolls
     * the whole batch back; the batch is then handled again record by record, each in its own transaction, so
     * that only the record that fails goes through the dead-letter policy ({@link DeadLetterPublishing}: retried,
     * then {@code <topic>.dlt} with the reason; waited for if the database is down) and the others are kept.
     * Both signal the failed record to the error handler with a {@link BatchListenerFailedException}.
     */
    public final class BatchBuilder {
        private final String consumerName;
        private final Map<Class<? extends SpecificRecord>, Consumer<List<Received<SpecificRecord>>>> handlers =
                new LinkedHashMap<>();
        private final Set<Class<? extends SpecificRecord>> perRecord = new HashSet<>();

        private BatchBuilder(String consumerName) {
            this.consumerName = consumerName;
        }

        /** The handler for each event of one type, as {@link Builder#on}. */
        @SuppressWarnings("unchecked")
        public <T extends SpecificRecord> BatchBuilder on(Class<T> type, BiConsumer<EventEnvelope, T> handler) {
            handlers.put(type, run -> {
                for (Received<SpecificRecord> r : run) {
                    traced(consumerName, r.envelope(), () -> {
                        handler.accept(r.envelope(), (T) r.payload());
                        return null;
                    });
                }
            });
            perRecord.add(type);
            return this;
        }

        /**
         * The handler for a run of consecutive new events of one type in a batch (in their order on the
         * partitions; a single event when the batch is handled record by record). It runs in the batch's
         * transaction; what it changes besides the database must wait for the commit.
         */
        @SuppressWarnings({"unchecked", "rawtypes"})
        public <T extends SpecificRecord> BatchBuilder onRun(Class<T> type, Consumer<List<Received<T>>> handler) {
            handlers.put(type, (Consumer) handler);
            perRecord.remove(type);
            return this;
        }

        public Consumer<Message<List<byte[]>>> build() {
            Map<Class<? extends SpecificRecord>, Consumer<List<Received<SpecificRecord>>>> byType =
                    Map.copyOf(handlers);
            Set<Class<? extends SpecificRecord>> traceEach = Set.copyOf(perRecord);
            String actor = Actor.system(consumerName);
            return batch -> {
                List<byte[]> values = batch.getPayload();
                List<Function<String, Object>> headers = recordHeaders(batch.getHeaders(), values.size());
                List<Received<SpecificRecord>> events = new ArrayList<>(values.size());
                List<Integer> indexes = new ArrayList<>(values.size());
                int ignored = 0;
                UndecodableEventException undecodable = null;
                int undecodableAt = -1;
                for (int i = 0; i < values.size(); i++) {
                    InboundEvent event;
                    try {
                        event = decode(values.get(i), headers.get(i));
                    } catch (UndecodableEventException e) {
                        undecodable = e;
                        undecodableAt = i;
                        break;
                    }
                    if (!byType.containsKey(event.payload().getClass())) {
                        ignored++; // another event on the same topic that this consumer does not need
                        continue;
                    }
                    events.add(new Received<>(event.envelope(), event.payload()));
                    indexes.add(i);
                }
                count(consumerName, "ignored", ignored);
                try {
                    handle(events, byType, traceEach, actor);
                } catch (RuntimeException batchFailed) {
                    log.warn(
                            "{}: a batch of {} events failed ({}); handling them one by one",
                            consumerName,
                            events.size(),
                            DeadLetterPublishing.reason(batchFailed));
                    for (int k = 0; k < events.size(); k++) {
                        try {
                            handle(List.of(events.get(k)), byType, traceEach, actor);
                        } catch (RuntimeException failed) {
                            throw new BatchListenerFailedException(
                                    consumerName + ": event "
                                            + events.get(k).envelope().eventId() + " failed",
                                    failed,
                                    indexes.get(k));
                        }
                    }
                }
                if (undecodable != null) {
                    throw new BatchListenerFailedException(
                            consumerName + ": record " + undecodableAt + " of the batch cannot be decoded",
                            undecodable,
                            undecodableAt);
                }
            };
        }

        /** One transaction: the events' ids recorded in one statement, then the new ones handled in order. */
        private void handle(
                List<Received<SpecificRecord>> events,
                Map<Class<? extends SpecificRecord>, Consumer<List<Received<SpecificRecord>>>> byType,
                Set<Class<? extends SpecificRecord>> traceEach,
                String actor) {
            if (events.isEmpty()) {
                return;
            }
            int handled = Actor.call(
                    actor,
                    () -> transactions.execute(status -> {
                        Set<UUID> fresh = processed.markProcessed(
                                consumerName,
                                events.stream().map(e -> e.envelope().eventId()).toList());
                        int n = 0;
                        List<Received<SpecificRecord>> run = new ArrayList<>();
                        for (Received<SpecificRecord> e : events) {
                            if (!fresh.remove(e.envelope().eventId())) {
                                log.debug(
                                        "{}: event {} ({}) already processed, skipped",
                                        consumerName,
                                        e.envelope().eventId(),
                                        e.envelope().eventType());
                                continue;
                            }
                            if (!run.isEmpty()
                                    && run.get(0).payload().getClass()
                                            != e.payload().getClass()) {
                                runOf(run, byType, traceEach);
                                run = new ArrayList<>();
                            }
                            run.add(e);
                            n++;
                        }
                        runOf(run, byType, traceEach);
                        return n;
                    }));
            count(consumerName, "processed", handled);
            count(consumerName, "duplicate", events.size() - handled);
        }

        private void runOf(
                List<Received<SpecificRecord>> run,
                Map<Class<? extends SpecificRecord>, Consumer<List<Received<SpecificRecord>>>> byType,
                Set<Class<? extends SpecificRecord>> traceEach) {
            if (run.isEmpty()) {
                return;
            }
            Class<? extends SpecificRecord> type = run.get(0).payload().getClass();
            Consumer<List<Received<SpecificRecord>>> handler = byType.get(type);
            if (traceEach.contains(type)) {
                handler.accept(run); // each record in its own span (see on)
            } else {
                // One span for the run, continuing the first event's trace.
                traced(consumerName, run.get(0).envelope(), () -> {
                    handler.accept(run);
                    return null;
                });
            }
        }
    }

    /**
     * The headers of each record of a batch message: Spring Kafka gives each Kafka header as a list in the
     * records' order, and the records' own headers as {@link KafkaHeaders#BATCH_CONVERTED_HEADERS}.
     */
    private static List<Function<String, Object>> recordHeaders(MessageHeaders h, int size) {
        List<?> converted = list(h.get(KafkaHeaders.BATCH_CONVERTED_HEADERS));
        List<?> keys = list(h.get(KafkaHeaders.RECEIVED_KEY));
        List<?> topics = list(h.get(KafkaHeaders.RECEIVED_TOPIC));
        List<?> partitions = list(h.get(KafkaHeaders.RECEIVED_PARTITION));
        List<?> offsets = list(h.get(KafkaHeaders.OFFSET));
        List<Function<String, Object>> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Map<?, ?> own =
                    converted != null && i < converted.size() && converted.get(i) instanceof Map<?, ?> m ? m : Map.of();
            Object key = at(keys, i);
            Object topic = at(topics, i);
            Object partition = at(partitions, i);
            Object offset = at(offsets, i);
            out.add(name -> switch (name) {
                case KafkaHeaders.RECEIVED_KEY -> key;
                case KafkaHeaders.RECEIVED_TOPIC -> topic;
                case KafkaHeaders.RECEIVED_PARTITION -> partition;
                case KafkaHeaders.OFFSET -> offset;
                default -> own.get(name);
            });
        }
        return out;
    }

    private static List<?> list(Object v) {
        return v instanceof List<?> l ? l : null;
    }

    private static Object at(List<?> l, int i) {
        return l != null && i < l.size() ? l.get(i) : null;
    }

    /**
     * Runs {@code work} in a span that continues the event's trace, with the event named in the log lines' MDC
     * (structured logs carry MDC entries as fields).
     */
    private <T> T traced(String consumerName, EventEnvelope envelope, Supplier<T> work) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("wushe.consumer", consumerName);
        tags.put("wushe.event.id", envelope.eventId().toString());
        tags.put("wushe.event.type", envelope.eventType());
        tags.put("wushe.aggregate.id", envelope.aggregateId());
        if (envelope.source() != null) {
            tags.put("messaging.destination.name", envelope.source().topic());
        }
        return tracing.inSpan(consumerName + " " + envelope.eventType(), envelope.traceparent(), tags, () -> {
            try (MDC.MDCCloseable id = MDC.putCloseable(
                            "wushe.event.id", envelope.eventId().toString());
                    MDC.MDCCloseable type = MDC.putCloseable("wushe.event.type", envelope.eventType())) {
                return work.get();
            }
        });
    }

    private void count(String consumerName, String outcome, int n) {
        if (n > 0) {
            meters.counter("wushe.inbound.events", "consumer", consumerName, "outcome", outcome)
                    .increment(n);
        }
    }

    private static Object required(Function<String, Object> h, String name) {
        Object v = h.apply(name);
        if (v == null) {
            throw new UndecodableEventException("missing header " + name);
        }
        return v;
    }

    private static UUID uuid(Object v) {
        try {
            return UUID.fromString(text(v));
        } catch (IllegalArgumentException e) {
            throw new UndecodableEventException("header eventId is not a UUID: " + text(v));
        }
    }

    private static Instant instant(String v) {
        try {
            return Instants.parse(v);
        } catch (DateTimeParseException e) {
            throw new UndecodableEventException("header occurredAt is not an ISO-8601 instant: " + v);
        }
    }

    static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return v.toString();
    }
}
