package org.wushe.hub.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.hub.bench.NeedEventFactory.BenchEvent;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.stack.OutboxCdc;

/**
 * The outbox pipeline as a service runs it: {@link OutboxWriter} in a Spring transaction → PostgreSQL
 * WAL → Debezium (pgoutput, outbox event router, the shipped connector configuration) → Kafka → a
 * plain consumer on {@code wushe.community.need}.
 */
final class OutboxPath {

    static final String TOPIC = Aggregate.NEED.topic();

    private final String bootstrap;
    private final String topic;
    private final LongSupplier published;
    private final OutboxWriter writer;
    private final TransactionTemplate tx;
    private final NeedEventFactory factory;
    private ConsumerRecord<byte[], byte[]> lastSample;
    private RelayCpu cpu;
    private long[] lastCpuPerEvent;

    OutboxPath(String bootstrap, OutboxCdc cdc, OutboxWriter writer, TransactionTemplate tx, NeedEventFactory factory) {
        this(bootstrap, TOPIC, cdc::published, writer, tx, factory);
    }

    /** The same rounds through another relay, which writes to {@code topic} and counts what Kafka acknowledged. */
    OutboxPath(
            String bootstrap,
            String topic,
            LongSupplier published,
            OutboxWriter writer,
            TransactionTemplate tx,
            NeedEventFactory factory) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.published = published;
        this.writer = writer;
        this.tx = tx;
        this.factory = factory;
    }

    /** Reads the relay's CPU around each throughput round. */
    OutboxPath measuringCpu(RelayCpu cpu) {
        this.cpu = cpu;
        return this;
    }

    /** The last throughput round's relay CPU per event, ns: [JVM threads, walsender]; null if not measured. */
    long[] lastCpuPerEvent() {
        return lastCpuPerEvent;
    }

    /** Writes {@code events} in transactions of {@code batch}, as fast as one writer can. */
    Measurements.Throughput throughput(String round, int events, int batch) throws Exception {
        List<BenchEvent> prepared = factory.next(events);
        List<List<OutboxWriter.Event>> transactions = new ArrayList<>();
        for (int from = 0; from < events; from += batch) {
            transactions.add(prepared.subList(from, Math.min(events, from + batch)).stream()
                    .map(OutboxPath::outboxEvent)
                    .toList());
        }
        Set<UUID> ids = ids(prepared);
        long publishedBefore = published.getAsLong();
        System.gc();
        try (Collector c = new Collector("outbox", bootstrap, topic, ids).start(Duration.ofSeconds(30))) {
            long[] cpuBefore = cpu == null ? null : cpu.read();
            long began = System.nanoTime();
            long firstCommit = 0;
            for (List<OutboxWriter.Event> t : transactions) {
                tx.executeWithoutResult(status -> writer.publishAll(t));
                if (firstCommit == 0) {
                    firstCommit = System.nanoTime();
                }
            }
            long written = System.nanoTime();
            awaitAll(round, c, events, publishedBefore);
            long last = c.lastNewNanos();
            if (cpuBefore != null) {
                long[] cpuAfter = cpu.read();
                lastCpuPerEvent =
                        new long[] {(cpuAfter[0] - cpuBefore[0]) / events, (cpuAfter[1] - cpuBefore[1]) / events};
            }
            settle(round, c, ids, publishedBefore);
            lastSample = c.sample();
            return new Measurements.Throughput(
                    events, last - firstCommit, last - began, written - began, c.recordSize());
        }
    }

    /** One event per transaction, at {@code rate} per second; latency from commit returned to consumed. */
    Measurements.Latency latency(String round, int events, int rate) throws Exception {
        List<BenchEvent> prepared = factory.next(events);
        List<List<OutboxWriter.Event>> transactions =
                prepared.stream().map(e -> List.of(outboxEvent(e))).toList();
        Set<UUID> ids = ids(prepared);
        Map<UUID, Long> committed = new HashMap<>(events * 2); // this thread only
        long publishedBefore = published.getAsLong();
        System.gc();
        try (Collector c = new Collector("outbox", bootstrap, topic, ids).start(Duration.ofSeconds(30))) {
            double achieved = Measurements.paced(events, rate, i -> {
                tx.executeWithoutResult(status -> writer.publishAll(transactions.get(i)));
                committed.put(prepared.get(i).eventId(), System.nanoTime());
            });
            awaitAll(round, c, events, publishedBefore);
            settle(round, c, ids, publishedBefore);
            lastSample = c.sample();
            return Measurements.latency(ids, committed, c, achieved);
        }
    }

    /** The first record of the last round, as the pipeline put it on the wire. */
    ConsumerRecord<byte[], byte[]> lastSample() {
        return lastSample;
    }

    /** Writes one event and waits until Debezium has published it: the topic then exists. */
    void probe() throws InterruptedException {
        long before = published.getAsLong();
        BenchEvent e = factory.next();
        tx.executeWithoutResult(status -> writer.publishAll(List.of(outboxEvent(e))));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (published.getAsLong() <= before) {
            if (System.nanoTime() > deadline) {
                throw new BenchmarkFailure("the relay published nothing within 60 s of the first outbox commit");
            }
            Thread.sleep(10);
        }
    }

    private void awaitAll(String round, Collector c, int events, long publishedBefore) throws InterruptedException {
        Duration timeout = Measurements.timeoutFor(events);
        if (!c.awaitAll(timeout)) {
            throw new BenchmarkFailure(round + ": only " + c.distinct() + " of " + events
                    + " events reached the consumer within " + timeout.toSeconds() + " s (the relay published "
                    + (published.getAsLong() - publishedBefore) + ")");
        }
    }

    /** Reads on to the topic's end, then checks exactly once, on the wire and in the connector's count. */
    private void settle(String round, Collector c, Set<UUID> ids, long publishedBefore) throws InterruptedException {
        // The connector counts a batch after Kafka acknowledged all of it; the consumer can be faster.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (published.getAsLong() - publishedBefore < ids.size() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(200); // a late redelivery would be on its way by now
        c.awaitDrained(Duration.ofSeconds(30));
        Measurements.verifyExactlyOnce(round, ids, c);
        long count = published.getAsLong() - publishedBefore;
        if (count != ids.size()) {
            throw new BenchmarkFailure(
                    round + ": NOT exactly once: wrote " + ids.size() + " events, the relay published " + count);
        }
    }

    private static OutboxWriter.Event outboxEvent(BenchEvent e) {
        return new OutboxWriter.Event(Aggregate.NEED, e.needId(), e.payload(), e.traceparent());
    }

    private static Set<UUID> ids(List<BenchEvent> events) {
        Set<UUID> ids = new LinkedHashSet<>();
        events.forEach(e -> ids.add(e.eventId()));
        if (ids.size() != events.size()) {
            throw new BenchmarkFailure("event ids are not unique");
        }
        return ids;
    }

    static Set<UUID> idsOf(List<BenchEvent> events) {
        return ids(events);
    }
}
