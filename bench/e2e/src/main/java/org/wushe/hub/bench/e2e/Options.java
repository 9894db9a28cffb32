package org.wushe.hub.bench.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Command-line flags of {@link EndToEndBenchmark}; see {@link #USAGE}. */
record Options(
        List<Double> steps,
        int stepSeconds,
        int graceSeconds,
        int volunteers,
        int seedVolunteers,
        int registerConcurrency,
        int warmupNeeds,
        double warmupRate,
        double behindShare,
        double maxP99Ms,
        int maxInFlight,
        int rawRecords,
        int rawRecordBytes,
        int rawRate,
        int rawSeconds,
        Path json,
        Path communityJar,
        Path volunteerJar,
        Path matchingJar,
        Map<String, List<String>> serviceArgs,
        boolean keepData,
        boolean jfr) {

    static final List<String> SERVICES = List.of("community-service", "volunteer-service", "matching-service");

    static final String USAGE = """
            usage: bench/e2e/run [--profile high] [options]
              --profile high            the high-rate profile: steps 50,100,200,500,1000,2000 of 10 s, 200 volunteers
                                        registered and 15,000 seeded, 1,024 requests in flight (flags after it override it)
              --steps LIST              needs per second offered in each step, rising (default 5,10,20,40,80)
              --step-seconds S          length of each step (default 20)
              --grace-seconds S         after a step's last need, how long its proposals may still arrive (default 15)
              --volunteers N            volunteers registered before the load (default 2000; each takes at most 3 live matches)
              --seed-volunteers N       more volunteers written straight onto wushe.volunteer.volunteer as copies of one that
                                        volunteer-service published (default 0; see VolunteerSeeder)
              --register-concurrency N  concurrent POST /volunteers during set-up (default 16)
              --warmup-needs N          needs posted first at --warmup-rate and discarded (default 100)
              --warmup-rate R           (default 10)
              --behind-share F          stop raising when proposals/s < F x offered (default 0.8)
              --max-p99-ms MS           stop raising when need->proposal p99 exceeds this (default 5000)
              --max-in-flight N         POST /needs requests open at once; the pacer waits beyond (default 256)
              --raw-records N           raw Kafka burst: records (default 50000)
              --raw-record-bytes B      raw Kafka record value size (default 1024)
              --raw-rate R              raw Kafka paced latency: records per second (default 200)
              --raw-seconds S           raw Kafka paced latency: duration (default 10)
              --json PATH               where the figures go (default bench/e2e/results/latest.json)
              --service-arg NAME=ARG    an extra program argument for one service, for experiments, e.g.
                                        matching-service=--spring.cloud.stream.bindings.needs-in-0.consumer.concurrency=3
                                        (repeatable; printed in the output and the JSON)
              --keep-data               keep the stack's data directory (Kafka log, PostgreSQL) under target/
              --jfr                     each service records with JDK Flight Recorder (settings=profile) into
                                        bench/e2e/target/jfr/; the run prints each one's hot methods during the steps
            The services' exec jars come from the system properties wushe.e2e.community-service.jar,
            wushe.e2e.volunteer-service.jar and wushe.e2e.matching-service.jar (the run script sets them).
            """;

    static Options parse(String[] args) {
        List<Double> steps = List.of(5.0, 10.0, 20.0, 40.0, 80.0);
        int stepSeconds = 20;
        int grace = 15;
        int volunteers = 2_000;
        int registerConcurrency = 16;
        int warmupNeeds = 100;
        double warmupRate = 10;
        double behind = 0.8;
        double maxP99 = 5_000;
        int maxInFlight = 256;
        int rawRecords = 50_000;
        int rawBytes = 1_024;
        int rawRate = 200;
        int rawSeconds = 10;
        Path json = Path.of("bench", "e2e", "results", "latest.json");
        boolean keep = false;
        boolean jfr = false;
        int seed = 0;
        Map<String, List<String>> serviceArgs = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--profile" -> {
                    String profile = value(args, ++i, a);
                    if (!profile.equals("high")) {
                        throw new IllegalArgumentException("--profile knows only high, got " + profile);
                    }
                    steps = List.of(50.0, 100.0, 200.0, 500.0, 1_000.0, 2_000.0);
                    stepSeconds = 10;
                    volunteers = 200;
                    seed = 15_000;
                    maxInFlight = 1_024;
                }
                case "--seed-volunteers" -> seed = nonNegative(a, value(args, ++i, a));
                case "--steps" -> steps = rates(value(args, ++i, a));
                case "--step-seconds" -> stepSeconds = positive(a, value(args, ++i, a));
                case "--grace-seconds" -> grace = positive(a, value(args, ++i, a));
                case "--volunteers" -> volunteers = positive(a, value(args, ++i, a));
                case "--register-concurrency" -> registerConcurrency = positive(a, value(args, ++i, a));
                case "--warmup-needs" -> warmupNeeds = nonNegative(a, value(args, ++i, a));
                case "--warmup-rate" -> warmupRate = positiveDouble(a, value(args, ++i, a));
                case "--behind-share" -> behind = positiveDouble(a, value(args, ++i, a));
                case "--max-p99-ms" -> maxP99 = positiveDouble(a, value(args, ++i, a));
                case "--max-in-flight" -> maxInFlight = positive(a, value(args, ++i, a));
                case "--raw-records" -> rawRecords = positive(a, value(args, ++i, a));
                case "--raw-record-bytes" -> rawBytes = positive(a, value(args, ++i, a));
                case "--raw-rate" -> rawRate = positive(a, value(args, ++i, a));
                case "--raw-seconds" -> rawSeconds = positive(a, value(args, ++i, a));
                case "--json" -> json = Path.of(value(args, ++i, a));
                case "--service-arg" -> {
                    String kv = value(args, ++i, a);
                    int eq = kv.indexOf('=');
                    String service = eq <= 0 ? "" : kv.substring(0, eq).trim();
                    if (!SERVICES.contains(service)) {
                        throw new IllegalArgumentException(
                                "--service-arg wants NAME=ARG with NAME one of " + SERVICES + ", got " + kv);
                    }
                    serviceArgs.computeIfAbsent(service, k -> new ArrayList<>()).add(kv.substring(eq + 1));
                }
                case "--keep-data" -> keep = true;
                case "--jfr" -> jfr = true;
                case "-h", "--help" -> throw new HelpRequested();
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (behind > 1) {
            throw new IllegalArgumentException("--behind-share is a share of the offered rate, at most 1");
        }
        if (rawRate > 10_000) {
            throw new IllegalArgumentException("--raw-rate above 10000/s is not a paced latency test any more");
        }
        return new Options(
                steps,
                stepSeconds,
                grace,
                volunteers,
                seed,
                registerConcurrency,
                warmupNeeds,
                warmupRate,
                behind,
                maxP99,
                maxInFlight,
                rawRecords,
                rawBytes,
                rawRate,
                rawSeconds,
                json,
                jar("community-service"),
                jar("volunteer-service"),
                jar("matching-service"),
                Map.copyOf(serviceArgs),
                keep,
                jfr);
    }

    private static Path jar(String service) {
        String p = System.getProperty("wushe.e2e." + service + ".jar");
        if (p == null || p.isBlank()) {
            throw new IllegalArgumentException(
                    "system property wushe.e2e." + service + ".jar is not set (bench/e2e/run sets it)");
        }
        return Path.of(p).toAbsolutePath();
    }

    private static List<Double> rates(String v) {
        List<Double> out = new ArrayList<>();
        for (String s : v.split(",")) {
            if (!s.isBlank()) {
                out.add(positiveDouble("--steps", s.trim()));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("--steps wants a list such as 5,10,20");
        }
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i) <= out.get(i - 1)) {
                throw new IllegalArgumentException("--steps must rise, got " + v);
            }
        }
        return List.copyOf(out);
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
            throw new IllegalArgumentException(flag + " wants a whole number, got " + v);
        }
    }

    private static double positiveDouble(String flag, String v) {
        try {
            double d = Double.parseDouble(v.toLowerCase(Locale.ROOT));
            if (!(d > 0) || Double.isInfinite(d)) {
                throw new IllegalArgumentException(flag + " must be positive, got " + v);
            }
            return d;
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
