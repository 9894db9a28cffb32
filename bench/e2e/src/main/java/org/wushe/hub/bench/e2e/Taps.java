package org.wushe.hub.bench.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Where the time goes: a plain consumer (no group, every partition from the end) on the two topics a need crosses,
 * noting when each need's {@code NeedPublished} (key: need id) and each match's {@code MatchProposed} (key: match id)
 * could first be read from the broker. With the stream's need → match pairs this splits a need's latency into
 * API + community outbox, matching, and matching outbox + push. Reads the event type from the {@code eventType}
 * header only; nothing is decoded.
 */
final class Taps implements AutoCloseable {

    static final String NEED_TOPIC = "wushe.community.need";
    static final String MATCH_TOPIC = "wushe.matching.match";

    private final String bootstrap;
    private final Thread thread = new Thread(this::run, "kafka-taps");
    private final CountDownLatch ready = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Map<String, Long> needPublished = new ConcurrentHashMap<>();
    private final Map<String, Long> matchProposed = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    Taps(String bootstrap) {
        this.bootstrap = bootstrap;
        thread.setDaemon(true);
    }

    Taps start() throws InterruptedException {
        thread.start();
        if (!ready.await(60, TimeUnit.SECONDS) || failure.get() != null) {
            throw new BenchmarkFailure("Kafka taps not ready: " + failure.get());
        }
        return this;
    }

    private void run() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-e2e-taps");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> c =
                new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer = c;
            List<TopicPartition> assigned = new ArrayList<>();
            for (String topic : List.of(NEED_TOPIC, MATCH_TOPIC)) {
                for (PartitionInfo info : c.partitionsFor(topic, Duration.ofSeconds(30))) {
                    assigned.add(new TopicPartition(topic, info.partition()));
                }
            }
            c.assign(assigned);
            c.seekToEnd(assigned);
            for (TopicPartition tp : assigned) {
                c.position(tp, Duration.ofSeconds(30));
            }
            ready.countDown();
            while (running) {
                var records = c.poll(Duration.ofMillis(100));
                long now = System.nanoTime();
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    Header type = r.headers().lastHeader("eventType");
                    if (type == null || type.value() == null || r.key() == null) {
                        continue;
                    }
                    String t = new String(type.value(), StandardCharsets.UTF_8);
                    String key = new String(r.key(), StandardCharsets.UTF_8);
                    if (r.topic().equals(NEED_TOPIC) && t.endsWith("NeedPublished")) {
                        needPublished.putIfAbsent(key, now);
                    } else if (r.topic().equals(MATCH_TOPIC) && t.endsWith("MatchProposed")) {
                        matchProposed.putIfAbsent(key, now);
                    }
                }
            }
        } catch (WakeupException closing) {
            // close()
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        } finally {
            ready.countDown();
        }
    }

    Long needPublished(String needId) {
        return needPublished.get(needId);
    }

    Long matchProposed(String matchId) {
        return matchProposed.get(matchId);
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
