package org.wushe.hub.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/** What one round measured, and the helpers both paths share (pacing, exactly-once check, histograms). */
final class Measurements {

    private Measurements() {}

    /**
     * A burst of {@code events}. {@code elapsedNanos}: first send (raw) or first commit returned
     * (outbox) to the last event consumed; {@code fromFirstWriteNanos}: from the moment writing began
     * (the first send, or the first outbox transaction began); {@code writeNanos}: writing alone
     * (send + flush, or inserts + commits).
     */
    record Throughput(
            int events, long elapsedNanos, long fromFirstWriteNanos, long writeNanos, Collector.RecordSize size) {
        double eventsPerSecond() {
            return events / (elapsedNanos / 1e9);
        }

        double eventsPerSecondFromFirstWrite() {
            return events / (fromFirstWriteNanos / 1e9);
        }
    }

    /** The same inserts and commits into a table no publication holds: PostgreSQL's rate without a relay's share. */
    record Bare(int events, long elapsedNanos) {
        double eventsPerSecond() {
            return events / (elapsedNanos / 1e9);
        }
    }

    /** Single events at a paced rate; the histogram is in microseconds. */
    record Latency(int events, Histogram micros, double achievedRate, int clampedToZero, Collector.RecordSize size) {
        double p50Ms() {
            return micros.getValueAtPercentile(50) / 1000.0;
        }

        double p99Ms() {
            return micros.getValueAtPercentile(99) / 1000.0;
        }

        double maxMs() {
            return micros.getMaxValue() / 1000.0;
        }

        double meanMs() {
            return micros.getMean() / 1000.0;
        }
    }

    /** Runs {@code action(i)} for i in [0, count) on a fixed schedule; returns the rate achieved (events/s). */
    static double paced(int count, int ratePerSecond, PacedAction action) throws Exception {
        long interval = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        long start = System.nanoTime();
        long lastStart = start;
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            lastStart = System.nanoTime();
            action.run(i);
        }
        return count < 2 ? ratePerSecond : (count - 1) / ((lastStart - start) / 1e9);
    }

    @FunctionalInterface
    interface PacedAction {
        void run(int i) throws Exception;
    }

    static Histogram histogram() {
        return new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
    }

    /**
     * Latency of each event from {@code sent} (nanoTime) to the first poll that returned it. An event
     * can only be received before its send time was noted by a thread switch at the wrong moment; such
     * a sample is recorded as zero and counted.
     */
    static Latency latency(Collection<UUID> ids, Map<UUID, Long> sent, Collector c, double achievedRate) {
        Histogram h = histogram();
        int clamped = 0;
        for (UUID id : ids) {
            Long s = sent.get(id);
            Long r = c.firstReceived().get(id);
            if (s == null || r == null) {
                throw new BenchmarkFailure("no " + (s == null ? "send" : "receive") + " time for event " + id);
            }
            long micros = (r - s) / 1_000;
            if (micros < 0) {
                clamped++;
                micros = 0;
            }
            h.recordValue(micros);
        }
        return new Latency(ids.size(), h, achievedRate, clamped, c.recordSize());
    }

    /** Fails loudly unless every written event arrived exactly once and nothing else arrived. */
    static void verifyExactlyOnce(String round, Collection<UUID> written, Collector c) {
        List<UUID> missing = new ArrayList<>();
        for (UUID id : written) {
            if (!c.copies().containsKey(id)) {
                missing.add(id);
            }
        }
        long duplicated = c.copies().values().stream().filter(n -> n > 1).count();
        long extraCopies = c.copies().values().stream().mapToLong(n -> n - 1).sum();
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add(missing.size() + " of " + written.size() + " events missing (e.g. "
                    + missing.subList(0, Math.min(3, missing.size())) + ")");
        }
        if (duplicated > 0) {
            problems.add(duplicated + " events arrived more than once (" + extraCopies + " extra copies)");
        }
        if (c.unexpectedCount() > 0) {
            problems.add(c.unexpectedCount() + " records that were not written by this round (e.g. "
                    + c.unexpectedSamples() + ")");
        }
        if (c.headerMismatches() > 0) {
            problems.add(c.headerMismatches() + " records whose eventId header differs from their id header");
        }
        if (!problems.isEmpty()) {
            throw new BenchmarkFailure(round + ": NOT exactly once: " + String.join("; ", problems));
        }
    }

    static Duration timeoutFor(int events) {
        return Duration.ofSeconds(60 + events / 200);
    }
}
