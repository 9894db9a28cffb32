package org.wushe.hub.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.wushe.hub.stack.LocalStack;
import org.wushe.hub.testing.ServiceProcess;
import org.wushe.hub.testing.TestStack;
import tools.jackson.databind.JsonNode;

/**
 * End to end on one machine: needs posted to community-service's public API at rising rates, each timed until its
 * proposal arrives on the station's Server-Sent Event stream of matching-service; raw Kafka producer → consumer on
 * the same broker in the same run as the baseline; the memory of the whole stack. See README.md.
 *
 * <p>The embedded stack (KRaft Kafka, PostgreSQL, one Debezium engine per service) runs in this JVM through
 * {@link TestStack}; community-, volunteer- and matching-service run from their exec jars as child JVMs
 * ({@link ServiceProcess}), exactly as the integration tests run them.
 */
public final class EndToEndBenchmark {

    /** Where {@code --jfr} has each service write its flight recording (the working directory is bench/e2e). */
    static final Path JFR_DIR = Path.of("target", "jfr");

    private final Options options;
    /** When the steps began and ended, for the flight recordings' samples; null until the steps run. */
    private Instant stepsFrom;

    private Instant stepsTo;
    private final long started = System.nanoTime();
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private EndToEndBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.HelpRequested e) {
            System.out.print(Options.USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        int exit;
        try {
            exit = new EndToEndBenchmark(options).run();
        } catch (Throwable e) {
            System.out.flush();
            System.err.println();
            System.err.println("==================================================================");
            System.err.println("BENCHMARK FAILED: " + e.getMessage());
            System.err.println("==================================================================");
            if (!(e instanceof BenchmarkFailure) || e.getCause() != null) {
                e.printStackTrace();
            }
            exit = 1;
        }
        System.out.flush();
        System.exit(exit);
    }

    private int run() throws Exception {
        header();
        if (options.jfr()) {
            delete(JFR_DIR.toAbsolutePath()); // last run's recordings
            Files.createDirectories(JFR_DIR);
        }
        Path stackDir = null;
        List<ServiceProcess> services = new ArrayList<>();
        StationStream stream = null;
        NeedLoad load = null;
        RawKafka raw = null;
        Taps taps = null;
        try {
            long t = System.nanoTime();
            LocalStack stack = TestStack.get();
            stackDir = stack.settings().dataDir();
            progress(
                    "stack up in %.1f s: Kafka %s, PostgreSQL %s (data in %s)",
                    secs(t), stack.kafka().bootstrapServers(), stack.database().jdbcUrl(), stackDir);

            t = System.nanoTime();
            // Private copies: another build replacing a jar under a running JVM would break it.
            Path communityJar = copy(options.communityJar());
            Path volunteerJar = copy(options.volunteerJar());
            Path matchingJar = copy(options.matchingJar());
            Map<String, Supplier<ServiceProcess>> starts = new LinkedHashMap<>();
            starts.put(
                    "community-service",
                    () -> withArgs(
                                    "community-service",
                                    ServiceProcess.builder(communityJar, "community")
                                            .env("WUSHE_COMMUNITY_RESIDENT_KEY", randomKey())
                                            .arg("--wushe.community.maintenance-interval=PT1H"))
                            .start());
            starts.put(
                    "volunteer-service",
                    () -> withArgs("volunteer-service", ServiceProcess.builder(volunteerJar, "volunteer"))
                            .start());
            starts.put(
                    "matching-service",
                    () -> withArgs("matching-service", ServiceProcess.builder(matchingJar, "matching"))
                            .start());
            Map<String, ServiceProcess> running = startAll(starts, services);
            ServiceProcess community = running.get("community-service");
            ServiceProcess volunteers = running.get("volunteer-service");
            ServiceProcess matching = running.get("matching-service");
            String matchingUrl = "http://127.0.0.1:" + matching.port();
            progress(
                    "services healthy in %.1f s (started in parallel): community-service :%d, volunteer-service :%d, matching-service :%d",
                    secs(t), community.port(), volunteers.port(), matching.port());

            Place place = Place.register(community.http());
            progress(
                    "community %s, street centre %s, community station %s; geohash %s and its 8 neighbours",
                    place.community, place.centre, place.station, place.geohash);
            long registerNanos =
                    place.registerVolunteers(volunteers.port(), options.volunteers(), options.registerConcurrency());
            progress(
                    "%,d volunteers registered through POST /volunteers in %.1f s (%,.0f/s, %d at a time)",
                    options.volunteers(),
                    registerNanos / 1e9,
                    options.volunteers() / (registerNanos / 1e9),
                    options.registerConcurrency());
            if (options.seedVolunteers() > 0) {
                long seedNanos =
                        VolunteerSeeder.seed(stack.kafka().bootstrapServers(), place.cells, options.seedVolunteers());
                progress(
                        "%,d more volunteers seeded onto %s in %.1f s (%,.0f/s)",
                        options.seedVolunteers(),
                        VolunteerSeeder.TOPIC,
                        seedNanos / 1e9,
                        options.seedVolunteers() / (seedNanos / 1e9));
            }
            t = System.nanoTime();
            JsonNode engine = awaitVolunteers(matchingUrl, options.volunteers() + options.seedVolunteers());
            double untilEngine = secs(t);
            progress(
                    "matching-service's engine holds %s volunteers %.1f s after the last registration (%s index entries)",
                    engine.get("engine").get("volunteers"),
                    untilEngine,
                    engine.get("engine").get("indexEntries"));

            stream = new StationStream(matchingUrl, place.station).open(Duration.ofSeconds(30));
            progress("SSE stream of station %s open ('hello' received)", place.station);

            Map<String, String> jars = Map.of(
                    options.communityJar().getFileName().toString(),
                    "community-service",
                    options.volunteerJar().getFileName().toString(),
                    "volunteer-service",
                    options.matchingJar().getFileName().toString(),
                    "matching-service");
            Path pgData = stackDir.resolve("postgres");
            StackMemory.Snapshot idle = StackMemory.take("idle, after set-up", jars, pgData);

            // Raw Kafka on the same broker, while the services idle.
            raw = new RawKafka(stack.kafka().bootstrapServers(), options.rawRecordBytes());
            raw.burst(Math.min(5_000, options.rawRecords()));
            raw.paced(options.rawRate(), 1);
            RawKafka.Throughput rawBurst = raw.burst(options.rawRecords());
            progress(
                    "raw Kafka burst: %,d records of %,d B in %.2f s -> %,.0f records/s (%.1f MiB/s), each exactly once",
                    rawBurst.records(),
                    rawBurst.valueBytes(),
                    rawBurst.seconds(),
                    rawBurst.recordsPerSecond(),
                    rawBurst.mibPerSecond());
            RawKafka.Latency rawLatency = raw.paced(options.rawRate(), options.rawSeconds());
            progress(
                    "raw Kafka paced: %,d records at %.0f/s -> p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                    rawLatency.records(),
                    rawLatency.achievedRate(),
                    rawLatency.p50Ms(),
                    rawLatency.p99Ms(),
                    rawLatency.maxMs());
            raw.close();
            raw = null;

            taps = new Taps(stack.kafka().bootstrapServers()).start();
            load = new NeedLoad(community.port(), place, stream, taps, options.maxInFlight());
            NeedLoad.Step warmup = null;
            if (options.warmupNeeds() > 0) {
                warmup = load.run("warm-up", options.warmupRate(), options.warmupNeeds(), options.graceSeconds());
                progress(
                        "warm-up, discarded: %d needs at %.0f/s, %d proposed within the grace, p50 %.0f ms, p99 %.0f ms",
                        warmup.planned(), warmup.offeredRate(), warmup.proposed(), warmup.p50Ms(), warmup.p99Ms());
                long drainStart = System.nanoTime();
                int left = load.drain(Duration.ofMinutes(2));
                progress(
                        "warm-up drained: %s after %.1f s more",
                        left == 0 ? "every need proposed" : left + " needs still without a proposal", secs(drainStart));
            }

            List<NeedLoad.Step> steps = new ArrayList<>();
            List<StackCpu.PerNeed> cpu = new ArrayList<>();
            stepsFrom = Instant.now();
            StackCpu.Sample firstCpu = null;
            StackCpu.Sample lastCpu = null;
            String stopReason = null;
            long capacity =
                    3L * (options.volunteers() + options.seedVolunteers()) - (warmup == null ? 0 : warmup.created());
            System.out.println();
            System.out.println(stepHeader());
            for (double rate : options.steps()) {
                int count = (int) Math.max(1, Math.round(rate * options.stepSeconds()));
                if (count > capacity) {
                    stopReason = String.format(
                            Locale.ROOT,
                            "the next step (%d needs) exceeds what %,d volunteers can still take (%d live matches)",
                            count,
                            options.volunteers() + options.seedVolunteers(),
                            capacity);
                    break;
                }
                StackCpu.Sample cpuBefore = StackCpu.take(jars, pgData);
                NeedLoad.Step s = load.run(fmt(rate) + "/s", rate, count, options.graceSeconds());
                lastCpu = StackCpu.take(jars, pgData);
                stepsTo = Instant.now();
                firstCpu = firstCpu == null ? cpuBefore : firstCpu;
                cpu.add(StackCpu.perNeed(fmt(rate) + "/s", s.created(), cpuBefore, lastCpu));
                capacity -= s.created();
                steps.add(s);
                System.out.println(stepLine(s));
                String behind = behind(s);
                if (behind != null) {
                    stopReason = "stopped raising after " + fmt(rate) + "/s: " + behind;
                    break;
                }
            }
            System.out.println();
            System.out.println(stagesHeader());
            for (NeedLoad.Step s : steps) {
                System.out.println(stagesLine(s));
            }
            System.out.println();
            if (!cpu.isEmpty()) {
                // CPU from /proc over each step and its grace, divided by the needs it created; "outside" is the
                // machine's busy
                // time not used by the stack (other programs), in cores.
                System.out.println(StackCpu.header(List.copyOf(lastCpu.ms().keySet())));
                cpu.forEach(p -> System.out.println(StackCpu.line(p)));
                System.out.println();
                System.out.println(
                        "the bench JVM's busiest threads over the steps (broker, relay and load share this JVM):");
                System.out.print(StackCpu.busiestThreads(firstCpu, lastCpu, 12));
                System.out.println();
            }
            if (stopReason != null) {
                progress("%s", stopReason);
            } else {
                progress("every step kept up; raise --steps to find the limit");
            }

            StackMemory.Snapshot loaded = StackMemory.take("after the last step", jars, pgData);
            JsonNode engineAfter = Place.engine(client, matchingUrl);

            Report report = new Report(
                    options,
                    Instant.now(),
                    untilEngine,
                    registerNanos / 1e9,
                    rawBurst,
                    rawLatency,
                    warmup,
                    steps,
                    stopReason,
                    stream,
                    idle,
                    loaded,
                    engineAfter,
                    loadAverage(),
                    otherJvms(),
                    cpu);
            System.out.print(report.text(this::behind));
            Path json = options.json().toAbsolutePath();
            report.writeJson(json, this::behind);
            System.out.println("figures written to " + json);
            return 0;
        } finally {
            progress("stopping: station stream, services, stack");
            if (raw != null) {
                raw.close();
            }
            if (stream != null) {
                stream.close();
            }
            if (load != null) {
                load.close();
            }
            if (taps != null) {
                taps.close();
            }
            services.parallelStream().forEach(ServiceProcess::close);
            delete(Path.of("target", "service-jars").toAbsolutePath());
            if (options.jfr() && stepsTo != null) {
                System.out.println();
                System.out.println("JDK Flight Recorder, the services' hot methods during the steps:");
                for (Path recording : HotMethods.recordings(JFR_DIR)) {
                    System.out.print(HotMethods.summary(recording, stepsFrom, stepsTo, 12));
                }
            }
            if (stackDir != null) {
                TestStack.get().close();
                if (!options.keepData()) {
                    delete(stackDir);
                } else {
                    progress("data kept in %s", stackDir);
                }
            }
            progress("done in %.0f s", secs(started));
        }
    }

    /** Why the stream is behind at this step, or null when it kept up. */
    String behind(NeedLoad.Step s) {
        if (s.created() == 0) {
            return "the API created no need";
        }
        if (s.proposalsPerSecond() < options.behindShare() * s.offeredRate()) {
            return String.format(
                    Locale.ROOT,
                    "%.1f proposals/s < %.0f %% of %s/s offered",
                    s.proposalsPerSecond(),
                    options.behindShare() * 100,
                    fmt(s.offeredRate()));
        }
        if (s.missing() > 0 && s.missing() >= Math.max(1, 0.01 * s.created())) {
            return s.missing() + " needs without a proposal " + s.graceSeconds() + " s after the step";
        }
        if (!(s.p99Ms() <= options.maxP99Ms())) {
            return String.format(Locale.ROOT, "need->proposal p99 %.0f ms > %.0f ms", s.p99Ms(), options.maxP99Ms());
        }
        return null;
    }

    static String stepHeader() {
        return String.format(
                Locale.ROOT,
                "%-9s %6s %7s %8s %8s %8s | %8s %9s %8s %8s %8s %7s",
                "offered",
                "needs",
                "API/s",
                "API p50",
                "API p99",
                "failed",
                "proposed",
                "props/s",
                "p50 ms",
                "p99 ms",
                "max ms",
                "missing");
    }

    static String stepLine(NeedLoad.Step s) {
        return String.format(
                Locale.ROOT,
                "%-9s %6d %7.1f %8.1f %8.1f %8d | %8d %9.1f %8.0f %8.0f %8.0f %7d",
                fmt(s.offeredRate()) + "/s",
                s.planned(),
                s.apiRate(),
                s.apiP50Ms(),
                s.apiP99Ms(),
                s.failed(),
                s.proposed(),
                s.proposalsPerSecond(),
                s.p50Ms(),
                s.p99Ms(),
                s.maxMs(),
                s.missing());
    }

    static String stagesHeader() {
        return String.format(
                Locale.ROOT,
                "%-9s %6s | %-27s | %-27s | %-27s",
                "where the time goes",
                "",
                "POST -> NeedPublished on Kafka",
                "-> MatchProposed on Kafka",
                "-> PROPOSED on the stream");
    }

    static String stagesLine(NeedLoad.Step s) {
        NeedLoad.Stages t = s.stages();
        if (t == null) {
            return String.format(
                    Locale.ROOT, "%-9s %6s | (no need seen on both topics)", fmt(s.offeredRate()) + "/s", "");
        }
        return String.format(
                Locale.ROOT,
                "%-9s %6d | p50 %7.0f ms  p99 %7.0f ms | p50 %7.0f ms  p99 %7.0f ms | p50 %7.0f ms  p99 %7.0f ms",
                fmt(s.offeredRate()) + "/s",
                t.needs(),
                t.toNeedTopicP50(),
                t.toNeedTopicP99(),
                t.toMatchTopicP50(),
                t.toMatchTopicP99(),
                t.toStreamP50(),
                t.toStreamP99());
    }

    private JsonNode awaitVolunteers(String matchingUrl, int expected) throws Exception {
        long deadline = System.nanoTime()
                + Duration.ofSeconds(Math.max(120, expected / 10)).toNanos();
        long lastPrint = System.nanoTime();
        while (true) {
            JsonNode engine = Place.engine(client, matchingUrl);
            int seen = engine.get("engine").get("volunteers").asInt();
            if (seen >= expected) {
                return engine;
            }
            if (System.nanoTime() > deadline) {
                throw new BenchmarkFailure(
                        "matching-service's engine holds " + seen + " of " + expected + " volunteers after "
                                + Duration.ofNanos(System.nanoTime() - deadline)
                                        .plusSeconds(Math.max(120, expected / 10))
                                        .toSeconds()
                                + " s");
            }
            if (System.nanoTime() - lastPrint > 5_000_000_000L) {
                progress("  … engine holds %,d of %,d volunteers", seen, expected);
                lastPrint = System.nanoTime();
            }
            Thread.sleep(250);
        }
    }

    private static Path copy(Path jar) throws IOException {
        Path dir = Path.of("target", "service-jars").toAbsolutePath();
        Files.createDirectories(dir);
        Path copy = dir.resolve(jar.getFileName());
        Files.copy(jar, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    private ServiceProcess.Builder withArgs(String service, ServiceProcess.Builder builder) {
        options.serviceArgs().getOrDefault(service, List.of()).forEach(builder::arg);
        if (options.jfr()) {
            builder.jvmArg("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + JFR_DIR.resolve(service + ".jfr").toAbsolutePath());
        }
        return builder;
    }

    /**
     * Starts the services in parallel, each a child JVM. On a crowded machine one may miss ServiceProcess's start
     * timeout: that one is tried once more, alone. Every service that started is added to {@code started} at once,
     * so that a later failure still closes it.
     */
    private Map<String, ServiceProcess> startAll(
            Map<String, Supplier<ServiceProcess>> starts, List<ServiceProcess> started) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(starts.size(), r -> new Thread(r, "service-start"));
        Map<String, CompletableFuture<ServiceProcess>> futures = new LinkedHashMap<>();
        starts.forEach((name, start) -> futures.put(name, CompletableFuture.supplyAsync(start, pool)));
        pool.shutdown();
        Map<String, ServiceProcess> running = new LinkedHashMap<>();
        List<String> again = new ArrayList<>();
        for (Map.Entry<String, CompletableFuture<ServiceProcess>> f : futures.entrySet()) {
            try {
                ServiceProcess p = f.getValue().get();
                started.add(p);
                running.put(f.getKey(), p);
            } catch (ExecutionException e) {
                String message = String.valueOf(e.getCause().getMessage());
                progress(
                        "%s did not start in parallel with the others: %s",
                        f.getKey(), message.lines().findFirst().orElse(""));
                again.add(f.getKey());
            }
        }
        for (String name : again) {
            try {
                ServiceProcess p = starts.get(name).get();
                started.add(p);
                running.put(name, p);
                progress("%s started on the second try, alone", name);
            } catch (RuntimeException e) {
                throw new BenchmarkFailure(name + " did not start: " + e.getMessage(), e);
            }
        }
        return running;
    }

    private void header() {
        var runtime = ManagementFactory.getRuntimeMXBean();
        System.out.println(
                "Wushe Hub end-to-end benchmark: need posted -> proposal on the station's SSE stream, vs raw Kafka");
        System.out.printf(
                Locale.ROOT,
                "  JVM       %s %s, %d cores, heap max %,d MB, %s%n",
                runtime.getVmName(),
                runtime.getSpecVersion() + " (" + System.getProperty("java.version") + ")",
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                runtime.getInputArguments());
        System.out.printf(
                Locale.ROOT,
                "  machine   load average %s; %d other JVMs running on the machine (other builds or tests)%n",
                loadAverage(),
                otherJvms());
        System.out.printf(
                Locale.ROOT,
                "  load      steps %s needs/s, %d s each, grace %d s; %,d volunteers; warm-up %d needs at %s/s%n",
                options.steps().stream().map(EndToEndBenchmark::fmt).toList(),
                options.stepSeconds(),
                options.graceSeconds(),
                options.volunteers() + options.seedVolunteers(),
                options.warmupNeeds(),
                fmt(options.warmupRate()));
        for (Path jar : List.of(options.communityJar(), options.volunteerJar(), options.matchingJar())) {
            System.out.printf(Locale.ROOT, "  service   %s (built %s)%n", jar.getFileName(), modified(jar));
        }
        if (!options.serviceArgs().isEmpty()) {
            System.out.printf(
                    Locale.ROOT, "  EXPERIMENT services run with extra arguments %s%n", options.serviceArgs());
        }
        System.out.printf(
                Locale.ROOT,
                "  raw Kafka burst %,d x %,d B; paced %d/s for %d s%n",
                options.rawRecords(),
                options.rawRecordBytes(),
                options.rawRate(),
                options.rawSeconds());
        System.out.println();
    }

    private static String modified(Path file) {
        try {
            return Files.getLastModifiedTime(file)
                    .toInstant()
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                    .toString();
        } catch (IOException e) {
            return "missing";
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** JVMs on the machine that are neither this one nor its children: builds and tests of others. */
    static long otherJvms() {
        java.util.Set<Long> ours = new java.util.HashSet<>();
        ours.add(ProcessHandle.current().pid());
        ProcessHandle.current().descendants().forEach(p -> ours.add(p.pid()));
        return ProcessHandle.allProcesses()
                .filter(p -> !ours.contains(p.pid()))
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .count();
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static String fmt(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : String.format(Locale.ROOT, "%.1f", rate);
    }

    private double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private void progress(String format, Object... args) {
        System.out.printf(
                Locale.ROOT,
                "[%6.1f s] %s%n",
                (System.nanoTime() - started) / 1e9,
                String.format(Locale.ROOT, format, args));
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
