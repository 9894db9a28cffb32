package org.wushe.hub.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.hub.platform.actor.Actor;
import org.wushe.hub.platform.events.EventEnvelope;
import org.wushe.hub.platform.events.EventHeaders;
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
        byte[] body = message.getPayload();
        if (body == null || body.length == 0) {
            throw new UndecodableEventException("empty value");
        }
        SpecificRecord payload = codec.decode(body);
        UUID eventId = uuid(required(h, EventHeaders.EVENT_ID));
        String type = text(h.get(EventHeaders.EVENT_TYPE));
        String aggregateType = text(h.get(EventHeaders.AGGREGATE_TYPE));
        String key = text(h.get(KafkaHeaders.RECEIVED_KEY));
        Instant occurredAt = instant(text(required(h, EventHeaders.OCCURRED_AT)));
        String actor = text(h.get(EventHeaders.ACTOR));
        String topic = text(h.get(KafkaHeaders.RECEIVED_TOPIC));
        Object partition = h.get(KafkaHeaders.RECEIVED_PARTITION);
        Object offset = h.get(KafkaHeaders.OFFSET);
        EventEnvelope.Source source = topic != null && partition instanceof Number p && offset instanceof Number o
                ? new EventEnvelope.Source(topic, p.intValue(), o.longValue())
                : null;
        EventEnvelope envelope = new EventEnvelope(
                eventId,
                type != null ? type : payload.getSchema().getName(),
                aggregateType != null ? aggregateType : "unknown",
                key != null ? key : "",
                occurredAt,
                text(h.get(EventHeaders.TRACEPARENT)),
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
                    meters.counter("wushe.inbound.events", "consumer", consumerName, "outcome", "ignored")
                            .increment();
                    return;
                }
                EventEnvelope envelope = event.envelope();
                Map<String, String> tags = new LinkedHashMap<>();
                tags.put("wushe.consumer", consumerName);
                tags.put("wushe.event.id", envelope.eventId().toString());
                tags.put("wushe.event.type", envelope.eventType());
                tags.put("wushe.aggregate.id", envelope.aggregateId());
                if (envelope.source() != null) {
                    tags.put("messaging.destination.name", envelope.source().topic());
                }
                boolean first =
                        tracing.inSpan(consumerName + " " + envelope.eventType(), envelope.traceparent(), tags, () -> {
                            // Log lines of the handler name the event (structured logs carry MDC entries as fields).
                            try (MDC.MDCCloseable id = MDC.putCloseable(
                                            "wushe.event.id", envelope.eventId().toString());
                                    MDC.MDCCloseable type =
                                            MDC.putCloseable("wushe.event.type", envelope.eventType())) {
                                return Boolean.TRUE.equals(Actor.call(
                                        actor,
                                        () -> transactions.execute(status -> {
                                            if (!processed.markProcessed(consumerName, envelope.eventId())) {
                                                return false;
                                            }
                                            handler.accept(envelope, event.payload());
                                            return true;
                                        })));
                            }
                        });
                if (!first) {
                    log.debug(
                            "{}: event {} ({}) already processed, skipped",
                            consumerName,
                            event.envelope().eventId(),
                            event.envelope().eventType());
                }
                meters.counter(
                                "wushe.inbound.events",
                                "consumer",
                                consumerName,
                                "outcome",
                                first ? "processed" : "duplicate")
                        .increment();
            };
        }
    }

    private static Object required(MessageHeaders h, String name) {
        Object v = h.get(name);
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
            return Instant.parse(v);
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
