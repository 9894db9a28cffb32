package org.wushe.hub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.wushe.hub.stack.ConnectorConfig;

/** The side-by-side table on stdout and the same figures as JSON. */
final class Report {

    private static final String[] CONNECTOR_KEYS = {"poll.interval.ms", "max.batch.size", "max.queue.size"};

    private final Options options;
    private final ConnectorConfig connector;
    private final OutboxPipelineBenchmark.TopicShape topic;
    private final Map<String, String> postgres;
    private final java.util.List<String> headerKeys;
    private final Measurements.Throughput rawThroughput;
    private final Measurements.Latency rawLatency;
    private final Measurements.Throughput outboxThroughput;
    private final Measurements.Latency outboxLatency;
    private final Measurements.Bare bare;
    private final Map<String, Object> memory;
    private Direct direct;

    /** The alternative relay's rounds (--direct-relay), with the bare round measured right before them. */
    record Direct(
            Measurements.Bare bare, Measurements.Throughput throughput, Measurements.Latency latency, long[] cpu) {
        double share() {
            return throughput.eventsPerSecondFromFirstWrite() / bare.eventsPerSecond();
        }
    }

    private long[] cpu;

    /** Debezium's CPU per event in the throughput round, ns: [JVM threads, walsender]. */
    Report withCpu(long[] cpu) {
        this.cpu = cpu;
        return this;
    }

    private static String cpu(long[] perEvent) {
        return perEvent == null ? "-" : String.format(Locale.ROOT, "%.1f | %.1f", perEvent[0] / 1e3, perEvent[1] / 1e3);
    }

    Report withDirect(Direct direct) {
        this.direct = direct;
        return this;
    }

    Report(
            Options options,
            ConnectorConfig connector,
            OutboxPipelineBenchmark.TopicShape topic,
            Map<String, String> postgres,
            java.util.List<String> headerKeys,
            Measurements.Throughput rawThroughput,
            Measurements.Latency rawLatency,
            Measurements.Throughput outboxThroughput,
            Measurements.Latency outboxLatency,
            Measurements.Bare bare,
            Map<String, Object> memory) {
        this.options = options;
        this.connector = connector;
        this.topic = topic;
        this.postgres = postgres;
        this.headerKeys = headerKeys;
        this.rawThroughput = rawThroughput;
        this.rawLatency = rawLatency;
        this.outboxThroughput = outboxThroughput;
        this.outboxLatency = outboxLatency;
        this.bare = bare;
        this.memory = memory;
    }

    double throughputRatio() {
        return outboxThroughput.eventsPerSecond() / rawThroughput.eventsPerSecond();
    }

    /**
     * The relay's share of what PostgreSQL commits: the pipeline's rate from its first transaction's begin to the last
     * event consumed, over the bare inserts and commits of the same events in the same transactions.
     */
    double relayShareOfBare() {
        return outboxThroughput.eventsPerSecondFromFirstWrite() / bare.eventsPerSecond();
    }

    double p50Ratio() {
        return outboxLatency.p50Ms() / rawLatency.p50Ms();
    }

    double p99Ratio() {
        return outboxLatency.p99Ms() / rawLatency.p99Ms();
    }

    String text() {
        StringBuilder out = new StringBuilder();
        String rowFormat = "%-44s %16s %16s %18s%n";
        String rule = "-".repeat(44 + 1 + 16 + 1 + 16 + 1 + 18) + "\n";
        out.append(String.format(
                Locale.ROOT,
                rowFormat,
                "RESULTS (warm-up discarded)",
                "raw Kafka",
                "outbox pipeline",
                "pipeline/baseline"));
        out.append(rule);
        row(
                out,
                rowFormat,
                "throughput, events/s (a)",
                count(rawThroughput.eventsPerSecond()),
                count(outboxThroughput.eventsPerSecond()),
                ratio(throughputRatio()));
        row(
                out,
                rowFormat,
                "  events in the burst",
                count(rawThroughput.events()),
                count(outboxThroughput.events()),
                "");
        row(
                out,
                rowFormat,
                "  elapsed to last consumed (a), ms",
                ms(rawThroughput.elapsedNanos()),
                ms(outboxThroughput.elapsedNanos()),
                "");
        row(
                out,
                rowFormat,
                "  events/s from first send | first tx begin",
                count(rawThroughput.eventsPerSecondFromFirstWrite()),
                count(outboxThroughput.eventsPerSecondFromFirstWrite()),
                ratio(outboxThroughput.eventsPerSecondFromFirstWrite()
                        / rawThroughput.eventsPerSecondFromFirstWrite()));
        row(
                out,
                rowFormat,
                "  send+flush | inserts+commits alone, ms",
                ms(rawThroughput.writeNanos()),
                ms(outboxThroughput.writeNanos()),
                "");
        row(
                out,
                rowFormat,
                "  bare inserts+commits, events/s | share (b)",
                "",
                count(bare.eventsPerSecond()),
                ratio(relayShareOfBare()));
        row(out, rowFormat, "  relay CPU/event, µs: JVM | walsender (c)", "", cpu(cpu), "");
        row(
                out,
                rowFormat,
                "latency p50, ms",
                millis(rawLatency.p50Ms()),
                millis(outboxLatency.p50Ms()),
                ratio(p50Ratio()));
        row(
                out,
                rowFormat,
                "latency p99, ms",
                millis(rawLatency.p99Ms()),
                millis(outboxLatency.p99Ms()),
                ratio(p99Ratio()));
        row(out, rowFormat, "latency max, ms", millis(rawLatency.maxMs()), millis(outboxLatency.maxMs()), "");
        row(out, rowFormat, "latency mean, ms", millis(rawLatency.meanMs()), millis(outboxLatency.meanMs()), "");
        row(out, rowFormat, "  single events @ achieved rate/s", samples(rawLatency), samples(outboxLatency), "");
        row(
                out,
                rowFormat,
                "record bytes, key + value + headers",
                size(rawThroughput.size()),
                size(outboxThroughput.size()),
                "");
        if (direct != null) {
            out.append(rule);
            row(out, rowFormat, "ALTERNATIVE: pgoutput relay (PgJDBC)", "", "pgoutput relay", "relay/Debezium");
            row(
                    out,
                    rowFormat,
                    "throughput, events/s (a)",
                    "",
                    count(direct.throughput().eventsPerSecond()),
                    ratio(direct.throughput().eventsPerSecond() / outboxThroughput.eventsPerSecond()));
            row(
                    out,
                    rowFormat,
                    "  events/s from first tx begin",
                    "",
                    count(direct.throughput().eventsPerSecondFromFirstWrite()),
                    "");
            row(
                    out,
                    rowFormat,
                    "  inserts+commits alone, ms",
                    "",
                    ms(direct.throughput().writeNanos()),
                    "");
            row(
                    out,
                    rowFormat,
                    "  bare inserts+commits, events/s | share (b)",
                    "",
                    count(direct.bare().eventsPerSecond()),
                    ratio(direct.share()));
            row(out, rowFormat, "  relay CPU/event, µs: JVM | walsender (c)", "", cpu(direct.cpu()), "");
            row(
                    out,
                    rowFormat,
                    "latency p50, ms",
                    "",
                    millis(direct.latency().p50Ms()),
                    ratio(direct.latency().p50Ms() / outboxLatency.p50Ms()));
            row(
                    out,
                    rowFormat,
                    "latency p99, ms",
                    "",
                    millis(direct.latency().p99Ms()),
                    ratio(direct.latency().p99Ms() / outboxLatency.p99Ms()));
            row(out, rowFormat, "  single events @ achieved rate/s", "", samples(direct.latency()), "");
        }
        out.append(rule);
        out.append(
                String.format(
                        Locale.ROOT,
                        "(a) raw: first send -> last record consumed; outbox: first commit returned -> last event consumed.%n"));
        out.append(
                String.format(
                        Locale.ROOT,
                        "(b) the same events in the same transactions into a table no publication holds (PostgreSQL's bare rate);%n"
                                + "    share = the pipeline's events/s from its first tx begin over that rate: the relay's share of the database's.%n"));
        out.append(
                String.format(
                        Locale.ROOT,
                        "(c) CPU the relay used in the burst per event: its threads in this JVM, and the walsender of its slot.%n"));
        out.append(String.format(
                Locale.ROOT,
                "latency: raw = just before send() -> consumer poll returned it (send time in a header);%n"));
        out.append(
                String.format(
                        Locale.ROOT,
                        "         outbox = just after commit returned -> consumer poll returned it. Both System.nanoTime(), one JVM.%n"));
        out.append(String.format(
                Locale.ROOT,
                "exactly once: every event of every round (warm-up included) consumed exactly once, both paths;%n"));
        out.append(String.format(
                Locale.ROOT, "              outbox rounds also checked against the number Debezium published.%n"));
        if (rawLatency.clampedToZero() + outboxLatency.clampedToZero() > 0) {
            out.append(String.format(
                    Locale.ROOT,
                    "note: %d latency samples were negative by clock read order and recorded as 0%n",
                    rawLatency.clampedToZero() + outboxLatency.clampedToZero()));
        }
        out.append(String.format(Locale.ROOT, "record headers (both paths): %s%n", headerSummary()));
        out.append(String.format(
                Locale.ROOT,
                "connector %s: %s%s%n",
                connector.name(),
                connectorSettings(),
                options.connectorOverrides().isEmpty() ? " (as shipped)" : " (OVERRIDDEN for this run)"));
        out.append(String.format(
                Locale.ROOT,
                "postgres: synchronous_commit=%s for the writer (server %s), wal_writer_delay=%s%s%n",
                postgres.get("writer.synchronous_commit"),
                postgres.get("server.synchronous_commit"),
                postgres.get("wal_writer_delay"),
                options.synchronousCommit() == null ? " (as the stack runs it)" : " (SET by --synchronous-commit)"));
        out.append(String.format(
                Locale.ROOT,
                "topics: %d partitions, %s (wushe.community.need and the baseline's alike)%n",
                topic.partitions(),
                topic.configs()));
        @SuppressWarnings("unchecked")
        Map<String, Object> pg = (Map<String, Object>) memory.get("postgres");
        out.append(String.format(
                Locale.ROOT,
                "memory at end: JVM heap used %,d MiB (committed %,d, max %,d); process RSS %,d MiB (peak %,d)%n",
                memory.get("heapUsedMiB"),
                memory.get("heapCommittedMiB"),
                memory.get("heapMaxMiB"),
                memory.get("rssMiB"),
                memory.get("rssPeakMiB")));
        out.append(String.format(
                Locale.ROOT,
                "               PostgreSQL (separate processes, not in RSS above): %s processes, PSS %,d MiB%n",
                pg.get("processes"),
                pg.get("pssMiB")));
        out.append(String.format(
                Locale.ROOT,
                "JDK %s (%s), %d cores%n",
                Runtime.version(),
                System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors()));
        return out.toString();
    }

    void writeJson(Path file) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("benchmark", "outbox-pipeline");
        root.put("finishedAt", Instant.now().toString());
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("jdk", Runtime.version().toString());
        env.put("vm", System.getProperty("java.vm.name"));
        env.put("cores", Runtime.getRuntime().availableProcessors());
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        root.put("environment", env);
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("events", options.events());
        opts.put("latencyEvents", options.latencyEvents());
        opts.put("rate", options.rate());
        opts.put("batch", options.batch());
        opts.put("warmupEvents", options.warmupEvents());
        opts.put("warmupLatencyEvents", options.warmupLatencyEvents());
        opts.put("connectorOverrides", options.connectorOverrides());
        opts.put(
                "synchronousCommit",
                options.synchronousCommit() == null ? "as the stack runs it" : options.synchronousCommit());
        root.put("options", opts);
        Map<String, Object> conn = new LinkedHashMap<>();
        conn.put("name", connector.name());
        for (String k : CONNECTOR_KEYS) {
            conn.put(k, connector.get(k));
        }
        root.put("connector", conn);
        root.put("postgres", postgres);
        root.put("topic", Map.of("partitions", topic.partitions(), "configs", topic.configs()));
        root.put("recordHeaders", headerKeys);
        root.put("rawKafka", path(rawThroughput, rawLatency, "sendAndFlushMs"));
        root.put("outboxPipeline", path(outboxThroughput, outboxLatency, "insertsAndCommitsMs"));
        Map<String, Object> ratios = new LinkedHashMap<>();
        ratios.put("throughput", round(throughputRatio(), 4));
        ratios.put("latencyP50", round(p50Ratio(), 3));
        ratios.put("latencyP99", round(p99Ratio(), 3));
        root.put("pipelineOverBaseline", ratios);
        Map<String, Object> bareRound = new LinkedHashMap<>();
        bareRound.put("events", bare.events());
        bareRound.put("elapsedMs", round(bare.elapsedNanos() / 1e6, 2));
        bareRound.put("eventsPerSec", round(bare.eventsPerSecond(), 1));
        root.put("bareInsertsAndCommits", bareRound);
        root.put("relayShareOfBare", round(relayShareOfBare(), 4));
        root.put("relayCpuPerEventMicros", cpuJson(cpu));
        if (direct != null) {
            Map<String, Object> d = path(direct.throughput(), direct.latency(), "insertsAndCommitsMs");
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("events", direct.bare().events());
            b.put("elapsedMs", round(direct.bare().elapsedNanos() / 1e6, 2));
            b.put("eventsPerSec", round(direct.bare().eventsPerSecond(), 1));
            d.put("bareInsertsAndCommits", b);
            d.put("relayShareOfBare", round(direct.share(), 4));
            d.put("relayCpuPerEventMicros", cpuJson(direct.cpu()));
            root.put("pgoutputRelay", d);
        }
        root.put("exactlyOnceVerified", true);
        root.put("memory", memory);
        Files.createDirectories(file.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
    }

    private static Map<String, Object> cpuJson(long[] perEvent) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (perEvent != null) {
            m.put("jvmThreads", round(perEvent[0] / 1e3, 2));
            m.put("walsender", round(perEvent[1] / 1e3, 2));
        }
        return m;
    }

    private static Map<String, Object> path(Measurements.Throughput t, Measurements.Latency l, String writeName) {
        Map<String, Object> tp = new LinkedHashMap<>();
        tp.put("events", t.events());
        tp.put("eventsPerSec", round(t.eventsPerSecond(), 1));
        tp.put("elapsedMs", round(t.elapsedNanos() / 1e6, 2));
        tp.put("eventsPerSecFromFirstWrite", round(t.eventsPerSecondFromFirstWrite(), 1));
        tp.put("elapsedFromFirstWriteMs", round(t.fromFirstWriteNanos() / 1e6, 2));
        tp.put(writeName, round(t.writeNanos() / 1e6, 2));
        Map<String, Object> lat = new LinkedHashMap<>();
        lat.put("events", l.events());
        lat.put("achievedRatePerSec", round(l.achievedRate(), 1));
        lat.put("p50Ms", round(l.p50Ms(), 3));
        lat.put("p90Ms", round(l.micros().getValueAtPercentile(90) / 1000.0, 3));
        lat.put("p99Ms", round(l.p99Ms(), 3));
        lat.put("maxMs", round(l.maxMs(), 3));
        lat.put("meanMs", round(l.meanMs(), 3));
        lat.put("samplesClampedToZero", l.clampedToZero());
        Map<String, Object> size = new LinkedHashMap<>();
        size.put("keyBytes", round(t.size().key(), 1));
        size.put("valueBytes", round(t.size().value(), 1));
        size.put("headerBytes", round(t.size().headers(), 1));
        size.put("headers", round(t.size().headerCount(), 1));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("throughput", tp);
        m.put("latency", lat);
        m.put("meanRecord", size);
        return m;
    }

    /** The router's headers, then Debezium's own context headers grouped under their prefix. */
    private String headerSummary() {
        String prefix = "__debezium.context.";
        java.util.List<String> own =
                headerKeys.stream().filter(k -> !k.startsWith(prefix)).toList();
        java.util.List<String> context = headerKeys.stream()
                .filter(k -> k.startsWith(prefix))
                .map(k -> k.substring(prefix.length()))
                .toList();
        return String.join(", ", own)
                + (context.isEmpty() ? "" : " + " + prefix + "{" + String.join(",", context) + "}");
    }

    private String connectorSettings() {
        StringBuilder b = new StringBuilder();
        for (String k : CONNECTOR_KEYS) {
            b.append(b.isEmpty() ? "" : " ").append(k).append('=').append(connector.get(k, "(default)"));
        }
        return b.toString();
    }

    private static void row(StringBuilder out, String format, String label, String a, String b, String c) {
        out.append(String.format(Locale.ROOT, format, label, a, b, c));
    }

    private static String count(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%,.0f", nanos / 1e6);
    }

    private static String millis(double v) {
        return String.format(Locale.ROOT, "%,.2f", v);
    }

    private static String ratio(double v) {
        return String.format(Locale.ROOT, v >= 10 ? "%.1fx" : "%.2fx", v);
    }

    private static String samples(Measurements.Latency l) {
        return String.format(Locale.ROOT, "%,d @ %.1f", l.events(), l.achievedRate());
    }

    private static String size(Collector.RecordSize s) {
        return String.format(Locale.ROOT, "%.0f+%.0f+%.0f", s.key(), s.value(), s.headers());
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
