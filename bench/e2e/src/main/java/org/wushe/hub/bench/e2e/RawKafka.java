package org.wushe.hub.bench.e2e;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The baseline on the same broker: a plain {@link KafkaProducer} (acks=all, idempotent, linger.ms=1, lz4: the CDC
 * bridge's settings) to a topic of 6 partitions like the hub's, and a plain {@link KafkaConsumer} assigned every
 * partition from the end, on its own thread, that stamps each record with {@link System#nanoTime()} as its poll
 * returns. Every round checks that each record arrived exactly once.
 */
final class RawKafka implements AutoCloseable {

    static final String TOPIC = "wushe.bench.e2e.raw-kafka";
    private static final String ROUND = "benchRound";
    private static final String SEQ = "benchSeq";
    private static final String SENT = "benchSentNanos";

    /** A burst: records from the first send to the last consumed. */
    record Throughput(int records, int valueBytes, double seconds, double recordsPerSecond, double mibPerSecond) {}

    /** Paced single records: send to poll. */
    record Latency(int records, double offeredRate, double achievedRate, double p50Ms, double p99Ms, double maxMs) {}

    private final String bootstrap;
    private final int valueBytes;
    private final KafkaProducer<byte[], byte[]> producer;
    private final byte[][] values;
    private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
    private final Reader reader;
    private int round;

    RawKafka(String bootstrap, int valueBytes) throws Exception {
        this.bootstrap = bootstrap;
        this.valueBytes = valueBytes;
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin a = Admin.create(admin)) {
            a.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-e2e-raw-kafka");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        // Printable text with random content, so lz4 finds about what it finds in Avro or JSON events.
        Random random = new Random(42);
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.:{}\"";
        this.values = new byte[64][];
        for (int v = 0; v < values.length; v++) {
            byte[] b = new byte[valueBytes];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
            }
            values[v] = b;
        }
        this.reader = new Reader();
        reader.start();
    }

    Throughput burst(int records) throws InterruptedException {
        Expect e = reader.expect(++round, records);
        List<ProducerRecord<byte[], byte[]>> prepared = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            prepared.add(record(round, i, null));
        }
        long began = System.nanoTime();
        for (ProducerRecord<byte[], byte[]> r : prepared) {
            producer.send(r, (m, ex) -> {
                if (ex != null) {
                    sendFailure.compareAndSet(null, ex);
                }
            });
        }
        producer.flush();
        check("burst");
        e.await("burst", Duration.ofSeconds(120));
        double seconds = (e.lastNanos - began) / 1e9;
        return new Throughput(
                records, valueBytes, seconds, records / seconds, records * (double) valueBytes / seconds / (1 << 20));
    }

    Latency paced(int rate, int seconds) throws InterruptedException {
        int records = rate * seconds;
        Expect e = reader.expect(++round, records);
        long period = Math.round(1e9 / rate);
        long began = System.nanoTime();
        for (int i = 0; i < records; i++) {
            long due = began + i * period;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            producer.send(record(round, i, System.nanoTime()), (m, ex) -> {
                if (ex != null) {
                    sendFailure.compareAndSet(null, ex);
                }
            });
        }
        long lastSend = System.nanoTime();
        producer.flush();
        check("paced");
        e.await("paced", Duration.ofSeconds(60));
        Histogram h = new Histogram(3);
        for (int i = 0; i < records; i++) {
            h.recordValue(Math.max(1, (e.received[i] - e.sent[i]) / 1_000));
        }
        double achieved = records > 1 ? (records - 1) / ((lastSend - began) / 1e9) : rate;
        return new Latency(
                records,
                rate,
                achieved,
                h.getValueAtPercentile(50) / 1e3,
                h.getValueAtPercentile(99) / 1e3,
                h.getMaxValue() / 1e3);
    }

    private ProducerRecord<byte[], byte[]> record(int round, int seq, Long sentNanos) {
        ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(
                TOPIC, Integer.toString(seq).getBytes(StandardCharsets.UTF_8), values[seq % values.length]);
        r.headers().add(ROUND, ByteBuffer.allocate(4).putInt(round).array());
        r.headers().add(SEQ, ByteBuffer.allocate(4).putInt(seq).array());
        if (sentNanos != null) {
            r.headers().add(SENT, ByteBuffer.allocate(8).putLong(sentNanos).array());
        }
        return r;
    }

    private void check(String what) {
        Exception e = sendFailure.get();
        if (e != null) {
            throw new BenchmarkFailure("raw Kafka " + what + ": the producer failed: " + e, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
        reader.close();
    }

    /** What one round expects: each sequence number once. Written by the reader thread, read after {@link #await}. */
    private static final class Expect {
        final int round;
        final int count;
        final long[] received;
        final long[] sent;
        final AtomicInteger distinct = new AtomicInteger();
        final CountDownLatch done = new CountDownLatch(1);
        int duplicates;
        int strays;
        volatile long lastNanos;

        Expect(int round, int count) {
            this.round = round;
            this.count = count;
            this.received = new long[count];
            this.sent = new long[count];
        }

        void await(String what, Duration timeout) throws InterruptedException {
            if (!done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new BenchmarkFailure("raw Kafka " + what + ": only " + distinct.get() + " of " + count
                        + " records consumed within " + timeout.toSeconds() + " s");
            }
            // Copies that arrive right after the last new record are duplicates too.
            Thread.sleep(200);
            synchronized (this) {
                if (duplicates > 0 || strays > 0) {
                    throw new BenchmarkFailure(
                            "raw Kafka " + what + ": " + duplicates + " duplicates, " + strays + " stray records");
                }
            }
        }
    }

    private final class Reader implements Runnable {
        private final Thread thread = new Thread(this, "raw-kafka-reader");
        private final CountDownLatch ready = new CountDownLatch(1);
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private volatile Expect current;
        private volatile boolean running = true;
        private volatile KafkaConsumer<byte[], byte[]> consumer;

        void start() throws InterruptedException {
            thread.setDaemon(true);
            thread.start();
            if (!ready.await(60, TimeUnit.SECONDS) || failure.get() != null) {
                throw new BenchmarkFailure("raw Kafka consumer not ready: " + failure.get());
            }
        }

        Expect expect(int round, int count) {
            Expect e = new Expect(round, count);
            current = e;
            return e;
        }

        @Override
        public void run() {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-e2e-raw-reader");
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
            try (KafkaConsumer<byte[], byte[]> c =
                    new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                consumer = c;
                List<TopicPartition> assigned = new ArrayList<>();
                for (PartitionInfo info : c.partitionsFor(TOPIC, Duration.ofSeconds(30))) {
                    assigned.add(new TopicPartition(TOPIC, info.partition()));
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
                        handle(r, now);
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

        private void handle(ConsumerRecord<byte[], byte[]> r, long now) {
            Expect e = current;
            Header round = r.headers().lastHeader(ROUND);
            Header seq = r.headers().lastHeader(SEQ);
            if (e == null
                    || round == null
                    || seq == null
                    || ByteBuffer.wrap(round.value()).getInt() != e.round) {
                if (e != null) {
                    synchronized (e) {
                        e.strays++;
                    }
                }
                return;
            }
            int i = ByteBuffer.wrap(seq.value()).getInt();
            synchronized (e) {
                if (i < 0 || i >= e.count) {
                    e.strays++;
                    return;
                }
                if (e.received[i] != 0) {
                    e.duplicates++;
                    return;
                }
                e.received[i] = now;
                Header sent = r.headers().lastHeader(SENT);
                if (sent != null) {
                    e.sent[i] = ByteBuffer.wrap(sent.value()).getLong();
                }
            }
            e.lastNanos = now;
            if (e.distinct.incrementAndGet() == e.count) {
                e.done.countDown();
            }
        }

        void close() {
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

    static Map<String, Object> settings() {
        return Map.of(
                "acks", "all", "enable.idempotence", true, "linger.ms", 1, "compression.type", "lz4", "partitions", 6);
    }
}
