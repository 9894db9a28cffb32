package org.wushe.hub.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.wushe.hub.platform.events.EventHeaders;

/**
 * A plain {@link KafkaConsumer} on its own thread (a consumer is single-threaded: nothing else touches
 * it) that reads one topic from its current end, assigned to every partition (no group, no rebalance
 * delay), and notes for each expected event id how many copies arrived and when the first one did:
 * the {@link System#nanoTime()} right after the poll that returned it.
 *
 * <p>Everything the thread records is read by the caller only after {@link #awaitDrained} returned,
 * which orders it (a {@link CountDownLatch} is a happens-before edge).
 */
final class Collector implements AutoCloseable {

    /** Header the raw-Kafka baseline uses to carry its send time (nanoTime, 8 bytes). */
    static final String SENT_NANOS_HEADER = "benchSentNanos";

    private final String bootstrap;
    private final String topic;
    private final Set<UUID> expected;
    private final Thread thread;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final CountDownLatch allArrived;
    private final CountDownLatch drained = new CountDownLatch(1);
    private final AtomicInteger distinct = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean running = true;
    private volatile boolean drainRequested;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    // Written by the consumer thread only; read after drained.
    private final Map<UUID, Integer> copies = new HashMap<>();
    private final Map<UUID, Long> firstReceived = new HashMap<>();
    private final Map<UUID, Long> sentByHeader = new HashMap<>();
    private final List<String> unexpected = new ArrayList<>();
    private int unexpectedCount;
    private int headerMismatches;
    private long lastNewNanos;
    private long keyBytes;
    private long valueBytes;
    private long headerBytes;
    private int headerCount;
    private int sized;
    private int partitions;
    private ConsumerRecord<byte[], byte[]> sample;

    Collector(String name, String bootstrap, String topic, Set<UUID> expected) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.expected = Set.copyOf(expected);
        this.allArrived = new CountDownLatch(this.expected.isEmpty() ? 0 : 1);
        this.thread = new Thread(this::run, "collector-" + name);
        this.thread.setDaemon(true);
    }

    /** Starts reading at the topic's current end; returns once the consumer's positions are fixed. */
    Collector start(Duration timeout) throws InterruptedException {
        thread.start();
        if (!ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new BenchmarkFailure(
                    "consumer of " + topic + " not ready within " + timeout.toSeconds() + " s" + cause());
        }
        rethrow();
        return this;
    }

    private void run() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, thread.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        try (KafkaConsumer<byte[], byte[]> c =
                new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer = c;
            List<TopicPartition> assigned = new ArrayList<>();
            for (PartitionInfo info : c.partitionsFor(topic, Duration.ofSeconds(30))) {
                assigned.add(new TopicPartition(topic, info.partition()));
            }
            if (assigned.isEmpty()) {
                throw new BenchmarkFailure("topic " + topic + " has no partitions");
            }
            partitions = assigned.size();
            c.assign(assigned);
            c.seekToEnd(assigned);
            for (TopicPartition tp : assigned) {
                c.position(tp, Duration.ofSeconds(30)); // resolve now, so nothing written after start() is skipped
            }
            ready.countDown();
            Map<TopicPartition, Long> drainTo = null;
            while (running) {
                ConsumerRecords<byte[], byte[]> records = c.poll(Duration.ofMillis(100));
                long now = System.nanoTime();
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    handle(r, now);
                }
                if (drainRequested && drainTo == null) {
                    drainTo = c.endOffsets(assigned, Duration.ofSeconds(30));
                }
                if (drainTo != null && drained.getCount() > 0 && reached(c, drainTo)) {
                    drained.countDown();
                }
            }
        } catch (WakeupException e) {
            // close()
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        } finally {
            ready.countDown();
            allArrived.countDown();
            drained.countDown();
        }
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> c, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (c.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void handle(ConsumerRecord<byte[], byte[]> r, long now) {
        Header idHeader = r.headers().lastHeader(EventHeaders.ID);
        UUID id = idHeader == null || idHeader.value() == null ? null : parse(idHeader.value());
        if (id == null || !expected.contains(id)) {
            unexpectedCount++;
            if (unexpected.size() < 5) {
                unexpected.add(
                        "partition " + r.partition() + " offset " + r.offset() + " id " + (id == null ? "(none)" : id));
            }
            return;
        }
        Header eventId = r.headers().lastHeader(EventHeaders.EVENT_ID);
        if (eventId == null || !id.toString().equals(new String(eventId.value(), StandardCharsets.UTF_8))) {
            headerMismatches++;
        }
        int n = copies.merge(id, 1, Integer::sum);
        if (n > 1) {
            return;
        }
        firstReceived.put(id, now);
        Header sent = r.headers().lastHeader(SENT_NANOS_HEADER);
        if (sent != null) {
            sentByHeader.put(id, ByteBuffer.wrap(sent.value()).getLong());
        }
        keyBytes += r.key() == null ? 0 : r.key().length;
        valueBytes += r.value() == null ? 0 : r.value().length;
        for (Header h : r.headers()) {
            if (!h.key().equals(SENT_NANOS_HEADER)) {
                headerBytes +=
                        h.key().getBytes(StandardCharsets.UTF_8).length + (h.value() == null ? 0 : h.value().length);
                headerCount++;
            }
        }
        sized++;
        if (sample == null) {
            sample = r;
        }
        lastNewNanos = now;
        if (distinct.incrementAndGet() == expected.size()) {
            allArrived.countDown();
        }
    }

    private static UUID parse(byte[] value) {
        try {
            return UUID.fromString(new String(value, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Waits until every expected event id has arrived at least once. */
    boolean awaitAll(Duration timeout) throws InterruptedException {
        boolean all = allArrived.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        rethrow();
        return all && distinct.get() == expected.size();
    }

    /**
     * Reads on up to the end offsets the topic has now, so copies that arrive after the last new event
     * (duplicates) are counted too. Call after {@link #awaitAll}.
     */
    void awaitDrained(Duration timeout) throws InterruptedException {
        drainRequested = true;
        if (!drained.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new BenchmarkFailure(
                    "consumer of " + topic + " did not reach the end offsets within " + timeout.toSeconds() + " s");
        }
        rethrow();
    }

    int distinct() {
        return distinct.get();
    }

    Map<UUID, Integer> copies() {
        return copies;
    }

    Map<UUID, Long> firstReceived() {
        return firstReceived;
    }

    Map<UUID, Long> sentByHeader() {
        return sentByHeader;
    }

    int unexpectedCount() {
        return unexpectedCount;
    }

    List<String> unexpectedSamples() {
        return unexpected;
    }

    int headerMismatches() {
        return headerMismatches;
    }

    long lastNewNanos() {
        return lastNewNanos;
    }

    int partitions() {
        return partitions;
    }

    ConsumerRecord<byte[], byte[]> sample() {
        return sample;
    }

    /** Mean size of the records as they travel: key, value, and headers (key + value bytes), without the bench's own header. */
    RecordSize recordSize() {
        return sized == 0
                ? new RecordSize(0, 0, 0, 0)
                : new RecordSize(
                        (double) keyBytes / sized,
                        (double) valueBytes / sized,
                        (double) headerBytes / sized,
                        (double) headerCount / sized);
    }

    record RecordSize(double key, double value, double headers, double headerCount) {
        double total() {
            return key + value + headers;
        }
    }

    private void rethrow() {
        Throwable t = failure.get();
        if (t != null) {
            throw t instanceof BenchmarkFailure b
                    ? b
                    : new BenchmarkFailure("consumer of " + topic + " failed: " + t, t);
        }
    }

    private String cause() {
        Throwable t = failure.get();
        return t == null ? "" : ": " + t;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        thread.join(30_000);
    }
}
