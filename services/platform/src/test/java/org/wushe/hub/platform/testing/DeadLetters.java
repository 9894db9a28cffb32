package org.wushe.hub.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.support.KafkaHeaders;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.events.EventHeaders;
import org.wushe.hub.testing.TestStack;
import org.wushe.hub.testing.TopicReader;

/**
 * Poison records and the dead letters they become, on the real stack: a record that is no event, sent to an
 * aggregate's topic as a broken producer would, and what the consumers put on {@code <topic>.dlt} for it. Shared with
 * the services through the platform's test-jar (it needs {@link Aggregate} and {@link EventHeaders}, which
 * {@code wushe-testing} cannot see).
 */
public final class DeadLetters {

    /** The header Spring Kafka's dead-letter publisher names the consumer group with. */
    public static final String ORIGINAL_GROUP = KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP;

    private DeadLetters() {}

    /**
     * Sends {@code value} keyed {@code key} to the aggregate's topic with an event id header (as the outbox router sets
     * one), so that only its body is wrong.
     */
    public static void poison(Aggregate aggregate, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(aggregate.topic(), key, value);
            record.headers()
                    .add(EventHeaders.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            producer.send(record);
        }
    }

    /**
     * The dead letter keyed {@code key} on the aggregate's dead-letter topic: reads the topic from its start until
     * there is one, and asserts that exactly one was read.
     */
    public static ConsumerRecord<String, byte[]> awaitOne(Aggregate aggregate, String key, Duration timeout) {
        return awaitOne(aggregate, r -> key.equals(r.key()), timeout);
    }

    /**
     * As {@link #awaitOne(Aggregate, String, Duration)}, of the consumer group {@code group} alone: each group that
     * reads a topic dead-letters a poison record itself.
     */
    public static ConsumerRecord<String, byte[]> awaitOne(
            Aggregate aggregate, String key, String group, Duration timeout) {
        return awaitOne(aggregate, r -> key.equals(r.key()) && group.equals(header(r, ORIGINAL_GROUP)), timeout);
    }

    private static ConsumerRecord<String, byte[]> awaitOne(
            Aggregate aggregate, Predicate<ConsumerRecord<String, byte[]>> keep, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> dead = TopicReader.readUntil(
                TestStack.bootstrapServers(), aggregate.deadLetterTopic(), keep, kept -> !kept.isEmpty(), timeout);
        assertThat(dead).hasSize(1);
        return dead.get(0);
    }

    /** Why the record was dead-lettered ({@link EventHeaders#DEAD_LETTER_REASON}), or null if it does not say. */
    public static String reason(ConsumerRecord<String, byte[]> deadLetter) {
        return header(deadLetter, EventHeaders.DEAD_LETTER_REASON);
    }

    /** The record's last header {@code name} as UTF-8 text, or null if it has none. */
    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
