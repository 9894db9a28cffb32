package org.wushe.hub.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Command-line flags of {@link OutboxPipelineBenchmark}; see {@link #USAGE}. */
record Options(
        int events,
        int latencyEvents,
        int rate,
        int batch,
        int warmupEvents,
        int warmupLatencyEvents,
        Path json,
        Map<String, String> connectorOverrides,
        String synchronousCommit,
        boolean keepData,
        boolean directRelay) {

    static final String USAGE = """
            usage: bench/outbox-pipeline/run [options]
              --events N                events per throughput round, each path (default 20000)
              --latency-events N        single events per latency round, each path (default 1000)
              --rate R                  pace of the latency rounds, events per second (default 200)
              --batch B                 outbox events per transaction in the throughput round (default 500)
              --warmup N                warm-up events per path, burst, discarded (default 2000)
              --warmup-latency-events N warm-up single events per path, paced, discarded (default 100)
              --json PATH               where to write the figures (default bench/outbox-pipeline/results/latest.json)
              --connector-override K=V  run the community connector with K=V on top of deploy/connect
                                        (an experiment, e.g. poll.interval.ms=5; repeatable; printed in the output)
              --synchronous-commit V    SET synchronous_commit = V on the benchmark writer's sessions (on, off, local,
                                        remote_write); default: leave the embedded server's setting (zonky: off)
              --keep-data               keep the temporary data directory (Kafka log, PostgreSQL) for inspection
              --direct-relay            also measure the alternative relay: pgoutput read through PgJDBC's replication
                                        API by one thread, no Debezium (PgOutputRelay), with its own bare round
            """;

    static Options parse(String[] args) {
        int events = 20_000;
        int latencyEvents = 1_000;
        int rate = 200;
        int batch = 500;
        int warmup = 2_000;
        int warmupLatency = 100;
        Path json = Path.of("bench", "outbox-pipeline", "results", "latest.json");
        Map<String, String> overrides = new LinkedHashMap<>();
        String synchronousCommit = null;
        boolean keep = false;
        boolean direct = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--events" -> events = positive(a, value(args, ++i, a));
                case "--latency-events" -> latencyEvents = positive(a, value(args, ++i, a));
                case "--rate" -> rate = positive(a, value(args, ++i, a));
                case "--batch" -> batch = positive(a, value(args, ++i, a));
                case "--warmup" -> warmup = nonNegative(a, value(args, ++i, a));
                case "--warmup-latency-events" -> warmupLatency = nonNegative(a, value(args, ++i, a));
                case "--json" -> json = Path.of(value(args, ++i, a));
                case "--connector-override" -> {
                    String kv = value(args, ++i, a);
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--connector-override wants KEY=VALUE, got " + kv);
                    }
                    overrides.put(
                            kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
                }
                case "--synchronous-commit" -> {
                    synchronousCommit = value(args, ++i, a).trim().toLowerCase(java.util.Locale.ROOT);
                    if (!synchronousCommit.matches("on|off|local|remote_write|remote_apply")) {
                        throw new IllegalArgumentException(
                                "--synchronous-commit wants on, off, local, remote_write or remote_apply");
                    }
                }
                case "--keep-data" -> keep = true;
                case "--direct-relay" -> direct = true;
                case "-h", "--help" -> throw new HelpRequested();
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (rate > 10_000) {
            throw new IllegalArgumentException("--rate above 10000/s is not a paced latency test any more");
        }
        return new Options(
                events,
                latencyEvents,
                rate,
                batch,
                warmup,
                warmupLatency,
                json,
                Map.copyOf(overrides),
                synchronousCommit,
                keep,
                direct);
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static int positive(String flag, String v) {
        int n = nonNegative(flag, v);
        if (n == 0) {
            throw new IllegalArgumentException(flag + " must be positive");
        }
        return n;
    }

    private static int nonNegative(String flag, String v) {
        try {
            int n = Integer.parseInt(v.replace("_", "").replace(",", ""));
            if (n < 0) {
                throw new IllegalArgumentException(flag + " must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " wants a number, got " + v);
        }
    }

    static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(null, null, false, false);
        }
    }
}
