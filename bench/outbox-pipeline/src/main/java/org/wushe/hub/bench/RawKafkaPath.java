package org.wushe.hub.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.wushe.hub.bench.NeedEventFactory.BenchEvent;
import org.wushe.hub.platform.events.EventHeaders;
import org.wushe.hub.schemas.AvroEventCodec;
import org.wushe.hub.stack.ConnectorConfig;

/**
 * The baseline: a {@link KafkaProducer} configured like the CDC bridge's (acks=all, idempotent,
 * linger.ms=1, lz4, plus any {@code producer.override.*} of the connector) writing records of the
 * same shape as the pipeline's (key = need id, value = the Avro message, the router's headers copied
 * from a record the pipeline produced) to a fresh topic with the same partitions and topic settings.
 */
final class RawKafkaPath implements AutoCloseable {

    private final String bootstrap;
    private final String topic;
    private final AvroEventCodec codec;
    private final NeedEventFactory factory;
    private final List<Header> template;
    private final KafkaProducer<byte[], byte[]> producer;
    private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
    private final AtomicLong acked = new AtomicLong();
    private final Callback callback = (metadata, e) -> {
        if (e != null) {
            sendFailure.compareAndSet(null, e);
        } else {
            acked.incrementAndGet();
        }
    };

    RawKafkaPath(
            String bootstrap,
            String topic,
            ConnectorConfig connector,
            AvroEventCodec codec,
            NeedEventFactory factory,
            ConsumerRecord<byte[], byte[]> pipelineSample) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.codec = codec;
        this.factory = factory;
        this.template = List.of(pipelineSample.headers().toArray());
        this.producer = new KafkaProducer<>(
                producerProperties(bootstrap, connector), new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** The CDC bridge's producer settings (see OutboxCdc#producerProperties), for a fair comparison. */
    static Properties producerProperties(String bootstrap, ConnectorConfig connector) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-raw-kafka");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        connector.config().forEach((k, v) -> {
            if (k.startsWith("producer.override.")) {
                p.put(k.substring("producer.override.".length()), v);
            }
        });
        return p;
    }

    /** Sends {@code events} records as fast as the producer takes them. */
    Measurements.Throughput throughput(String round, int events) throws Exception {
        List<BenchEvent> prepared = factory.next(events);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(events);
        for (BenchEvent e : prepared) {
            records.add(record(e));
        }
        Set<UUID> ids = OutboxPath.idsOf(prepared);
        System.gc();
        try (Collector c = new Collector("raw", bootstrap, topic, ids).start(Duration.ofSeconds(30))) {
            long began = System.nanoTime();
            for (ProducerRecord<byte[], byte[]> r : records) {
                producer.send(r, callback);
            }
            producer.flush();
            long written = System.nanoTime();
            checkSends(round);
            awaitAll(round, c, events);
            long last = c.lastNewNanos();
            settle(round, c, ids);
            return new Measurements.Throughput(events, last - began, last - began, written - began, c.recordSize());
        }
    }

    /** Single records at {@code rate} per second; the send time travels in a header. */
    Measurements.Latency latency(String round, int events, int rate) throws Exception {
        List<BenchEvent> prepared = factory.next(events);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(events);
        for (BenchEvent e : prepared) {
            records.add(record(e));
        }
        Set<UUID> ids = OutboxPath.idsOf(prepared);
        System.gc();
        try (Collector c = new Collector("raw", bootstrap, topic, ids).start(Duration.ofSeconds(30))) {
            double achieved = Measurements.paced(events, rate, i -> {
                ProducerRecord<byte[], byte[]> r = records.get(i);
                r.headers()
                        .add(
                                Collector.SENT_NANOS_HEADER,
                                ByteBuffer.allocate(Long.BYTES)
                                        .putLong(System.nanoTime())
                                        .array());
                producer.send(r, callback);
            });
            producer.flush();
            checkSends(round);
            awaitAll(round, c, events);
            settle(round, c, ids);
            return Measurements.latency(ids, c.sentByHeader(), c, achieved);
        }
    }

    private ProducerRecord<byte[], byte[]> record(BenchEvent e) {
        RecordHeaders headers = new RecordHeaders();
        byte[] id = e.eventId().toString().getBytes(StandardCharsets.UTF_8);
        for (Header h : template) {
            byte[] value = switch (h.key()) {
                case EventHeaders.ID, EventHeaders.EVENT_ID -> id;
                case EventHeaders.TRACEPARENT ->
                    h.value() == null ? null : e.traceparent().getBytes(StandardCharsets.UTF_8);
                default -> h.value(); // eventType, aggregateType, occurredAt: same bytes, same size
            };
            headers.add(h.key(), value);
        }
        return new ProducerRecord<>(
                topic, null, e.needId().getBytes(StandardCharsets.UTF_8), codec.encode(e.payload()), headers);
    }

    private void checkSends(String round) {
        Exception e = sendFailure.get();
        if (e != null) {
            throw new BenchmarkFailure(round + ": the producer failed: " + e, e);
        }
    }

    private static void awaitAll(String round, Collector c, int events) throws InterruptedException {
        Duration timeout = Measurements.timeoutFor(events);
        if (!c.awaitAll(timeout)) {
            throw new BenchmarkFailure(round + ": only " + c.distinct() + " of " + events
                    + " records reached the consumer within " + timeout.toSeconds() + " s");
        }
    }

    private void settle(String round, Collector c, Set<UUID> ids) throws InterruptedException {
        Thread.sleep(200);
        c.awaitDrained(Duration.ofSeconds(30));
        Measurements.verifyExactlyOnce(round, ids, c);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
