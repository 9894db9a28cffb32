package org.wushe.hub.bench.matching;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.wushe.hub.matching.engine.Allocation;
import org.wushe.hub.matching.engine.BatchOptions;
import org.wushe.hub.matching.engine.BatchPlan;
import org.wushe.hub.matching.engine.EngineStats;
import org.wushe.hub.matching.engine.MatchEngine;
import org.wushe.hub.matching.engine.MatchResult;
import org.wushe.hub.matching.engine.MatchSettings;
import org.wushe.hub.matching.engine.NeedSpec;
import org.wushe.hub.matching.engine.Proposal;

/**
 * Loads a synthetic Beijing-like city into a {@link MatchEngine} and measures load time, heap, match throughput and
 * latency, how many candidates a search examines, a batch plan at city scale, streaming match-and-hold, and match
 * quality (greedy and batch against the CP-SAT optimum on small scarce instances). See README.md.
 */
public final class MatchingBenchmark {

    private static final ZonedDateTime NOW = ZonedDateTime.of(2025, 6, 11, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai"));
    private static final int CHUNK = 50_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Options options;
    private final Clock clock = Clock.fixed(NOW.toInstant(), NOW.getZone());
    private final Map<String, Object> json = new LinkedHashMap<>();

    private MatchingBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
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
        new MatchingBenchmark(options).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Runtime rt = Runtime.getRuntime();
        print("Wushe Hub matching engine benchmark");
        print(
                "  JVM       %s %s, heap max %,d MB, %d cores, %s",
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                rt.maxMemory() >> 20,
                rt.availableProcessors(),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        print(
                "  city      %,d volunteers, %,d offers, seed %d, now %s",
                options.volunteers(), options.offers(), options.seed(), NOW);
        json.put(
                "jvm",
                map(
                        "version",
                        System.getProperty("java.version"),
                        "maxHeapMb",
                        rt.maxMemory() >> 20,
                        "cores",
                        rt.availableProcessors(),
                        "args",
                        ManagementFactory.getRuntimeMXBean().getInputArguments()));
        json.put("options", options.toString());

        SyntheticCity city = new SyntheticCity(options.seed(), clock.millis());
        MatchEngine engine = new MatchEngine(MatchSettings.defaults(), clock);
        long heapBefore = heapAfterGc();
        long volunteerNanos = load(options.volunteers(), city::volunteer, engine::putVolunteer);
        long heapVolunteers = heapAfterGc();
        long offerNanos = load(options.offers(), city::offer, engine::putOffer);
        long heapLoaded = heapAfterGc();
        EngineStats stats = engine.stats();
        section("LOAD");
        print(
                "  volunteers      %,12d in %7.2f s  (%,.0f/s)",
                options.volunteers(), volunteerNanos / 1e9, options.volunteers() / (volunteerNanos / 1e9));
        print(
                "  offers          %,12d in %7.2f s  (%,.0f/s)",
                options.offers(), offerNanos / 1e9, options.offers() / (offerNanos / 1e9));
        print("  heap used after load, after GC: %,d MB (before load %,d MB)", heapLoaded >> 20, heapBefore >> 20);
        double perVolunteer = (heapVolunteers - heapBefore) / (double) options.volunteers();
        double perOffer = options.offers() == 0 ? 0 : (heapLoaded - heapVolunteers) / (double) options.offers();
        print("    per volunteer %,12.0f B", perVolunteer);
        print("    per offer     %,12.0f B", perOffer);
        print(
                "  index: %,d non-empty cells, %,d entries; %,d distinct weekly patterns; %,d volunteers without a place",
                stats.indexCells(), stats.indexEntries(), stats.availabilityPatterns(), stats.unplacedVolunteers());
        json.put(
                "load",
                map(
                        "volunteers",
                        options.volunteers(),
                        "offers",
                        options.offers(),
                        "volunteerSeconds",
                        volunteerNanos / 1e9,
                        "offerSeconds",
                        offerNanos / 1e9,
                        "heapBeforeMb",
                        heapBefore >> 20,
                        "heapAfterMb",
                        heapLoaded >> 20,
                        "bytesPerVolunteer",
                        Math.round(perVolunteer),
                        "bytesPerOffer",
                        Math.round(perOffer),
                        "indexCells",
                        stats.indexCells(),
                        "indexEntries",
                        stats.indexEntries(),
                        "weeklyPatterns",
                        stats.availabilityPatterns()));

        List<NeedSpec> warmup = needs(city, options.warmup());
        List<NeedSpec> needs = needs(city, options.needs());
        matchAll(engine, warmup, 1);
        section("MATCH");
        print("  k=%d, %,d needs per round, %,d warm-up needs discarded", options.k(), needs.size(), warmup.size());
        print("  %-8s %12s %12s %10s %10s %10s", "threads", "needs/s", "needs/CPU-s", "p50 µs", "p99 µs", "max µs");
        List<Map<String, Object>> rounds = new ArrayList<>();
        Round first = null;
        for (int threads : options.threads()) {
            Round r = matchAll(engine, needs, threads);
            first = first == null ? r : first;
            print(
                    "  %-8d %,12.0f %,12.0f %,10d %,10d %,10d",
                    threads,
                    r.needsPerSecond(),
                    r.needsPerCpuSecond(),
                    r.latency().getValueAtPercentile(50),
                    r.latency().getValueAtPercentile(99),
                    r.latency().getMaxValue());
            rounds.add(map(
                    "threads",
                    threads,
                    "needsPerSecond",
                    r.needsPerSecond(),
                    "needsPerCpuSecond",
                    r.needsPerCpuSecond(),
                    "p50Micros",
                    r.latency().getValueAtPercentile(50),
                    "p99Micros",
                    r.latency().getValueAtPercentile(99),
                    "maxMicros",
                    r.latency().getMaxValue()));
        }
        print("  needs/CPU-s: needs per CPU-second of the matching threads (ThreadMXBean), which others' load on the"
                + " cores does not lower");
        long population = (long) options.volunteers() + options.offers();
        print("  needs with at least one proposal: %.1f %%", 100.0 * first.withProposal() / needs.size());
        print(
                "  examined candidates per need: mean %,.0f, p50 %,d, p99 %,d, max %,d (of %,d in the read model)",
                first.examined().getMean(),
                first.examined().getValueAtPercentile(50),
                first.examined().getValueAtPercentile(99),
                first.examined().getMaxValue(),
                population);
        json.put(
                "match",
                map(
                        "k",
                        options.k(),
                        "needs",
                        needs.size(),
                        "rounds",
                        rounds,
                        "needsWithProposal",
                        first.withProposal(),
                        "examinedMean",
                        first.examined().getMean(),
                        "examinedP50",
                        first.examined().getValueAtPercentile(50),
                        "examinedP99",
                        first.examined().getValueAtPercentile(99),
                        "examinedMax",
                        first.examined().getMaxValue(),
                        "population",
                        population));

        if (options.planNeeds() > 0) {
            long loading = System.nanoTime();
            engine.plan(List.of(), Map.of(), BatchOptions.exactPlan());
            long nativeMillis = (System.nanoTime() - loading) / 1_000_000;
            List<NeedSpec> batch = needs.subList(0, Math.min(options.planNeeds(), needs.size()));
            long began = System.nanoTime();
            BatchPlan plan =
                    engine.plan(batch, Map.of(), BatchOptions.topK(options.planCandidates(), Duration.ofMillis((long)
                            (options.planSeconds() * 1000))));
            long total = (System.nanoTime() - began) / 1_000_000;
            section("BATCH PLAN AT CITY SCALE");
            print("  OR-Tools native libraries loaded (once per JVM) in %,d ms", nativeMillis);
            print(
                    "  %,d needs, top %d candidates each, CP-SAT limit %.0f s, %d worker(s)",
                    batch.size(),
                    options.planCandidates(),
                    options.planSeconds(),
                    engine.settings().solverWorkers());
            print(
                    "  status %s, solve %,d ms, whole plan %,d ms (search + model + solve), %,d needs assigned, total score %.1f",
                    plan.solverStatus(),
                    plan.solveMillis(),
                    total,
                    plan.assignments().size(),
                    plan.totalScore());
            json.put(
                    "cityPlan",
                    map(
                            "nativeLoadMillis",
                            nativeMillis,
                            "needs",
                            batch.size(),
                            "candidatesPerNeed",
                            options.planCandidates(),
                            "status",
                            plan.solverStatus(),
                            "solveMillis",
                            plan.solveMillis(),
                            "totalMillis",
                            total,
                            "assigned",
                            plan.assignments().size(),
                            "totalScore",
                            plan.totalScore()));
        }

        long began = System.nanoTime();
        long streamCpu0 = THREADS.getCurrentThreadCpuTime();
        int held = 0;
        List<UUID> matchIds = new ArrayList<>(needs.size());
        for (NeedSpec n : needs) {
            MatchResult r = engine.match(n, 1, Set.of());
            if (!r.proposals().isEmpty()) {
                Proposal p = r.proposals().get(0);
                UUID matchId = UUID.randomUUID();
                if (engine.tryHold(
                        matchId,
                        p.candidate(),
                        p.allocation() != null ? p.allocation() : Allocation.time(p.window()))) {
                    held++;
                    matchIds.add(matchId);
                }
            }
        }
        double streamSeconds = (System.nanoTime() - began) / 1e9;
        double streamCpuSeconds = (THREADS.getCurrentThreadCpuTime() - streamCpu0) / 1e9;
        section("STREAMING (needs in arrival order, 1 thread; each round starts from the same holds)");
        print(
                "  one at a time (match k=1, then tryHold the best): %,.0f needs/s (%,.0f per CPU-second), %,d of %,d needs held a candidate, %,d live holds",
                needs.size() / streamSeconds,
                needs.size() / streamCpuSeconds,
                held,
                needs.size(),
                engine.stats().holds());
        // the same needs again from the same state, a window at a time
        matchIds.forEach(engine::release);
        List<Map<String, Object>> windowRounds = new ArrayList<>();
        for (WindowSpec spec : options.windows()) {
            long windowBegan = System.nanoTime();
            long windowCpu0 = THREADS.getCurrentThreadCpuTime();
            List<UUID> windowHolds = new ArrayList<>(needs.size());
            spec.run(engine, needs, options.windowK(), m -> {
                if (m.matchId() != null) {
                    windowHolds.add(m.matchId());
                }
            });
            double seconds = (System.nanoTime() - windowBegan) / 1e9;
            double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - windowCpu0) / 1e9;
            print(
                    "  %s (matchWindow, top %d each): %,.0f needs/s (%,.0f per CPU-second), %,d held",
                    spec.label(),
                    options.windowK(),
                    needs.size() / seconds,
                    needs.size() / cpuSeconds,
                    windowHolds.size());
            windowRounds.add(map(
                    "window",
                    spec.toString(),
                    "needsPerSecond",
                    needs.size() / seconds,
                    "needsPerCpuSecond",
                    needs.size() / cpuSeconds,
                    "held",
                    windowHolds.size()));
            windowHolds.forEach(engine::release);
        }
        json.put(
                "streaming",
                map(
                        "needsPerSecond",
                        needs.size() / streamSeconds,
                        "needsPerCpuSecond",
                        needs.size() / streamCpuSeconds,
                        "held",
                        held,
                        "windows",
                        windowRounds));

        quality();
        Files.createDirectories(options.json().toAbsolutePath().getParent());
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(options.json().toFile(), json);
        print("%nfigures written to %s", options.json());
    }

    private void quality() {
        if (options.qualitySeeds() == 0) {
            return;
        }
        Duration limit = Duration.ofSeconds(1);
        int batchK = options.qualityK();
        double greedySum = 0;
        double batchSum = 0;
        double greedyMin = Double.MAX_VALUE;
        double batchMin = Double.MAX_VALUE;
        long exactMillis = 0;
        int served = 0;
        int servedGreedy = 0;
        int servedBatch = 0;
        int candidates = 0;
        double[] windowSum = new double[options.windows().size()];
        double[] windowMin = new double[options.windows().size()];
        java.util.Arrays.fill(windowMin, Double.MAX_VALUE);
        int[] servedWindow = new int[options.windows().size()];
        List<Map<String, Object>> instances = new ArrayList<>();
        for (int seed = 1; seed <= options.qualitySeeds(); seed++) {
            QualityRun instance = new QualityRun(seed, options.qualityNeeds(), options.qualityCandidates(), clock);
            QualityRun.Result r = instance.run(batchK, limit, options.windows(), options.windowK());
            for (int w = 0; w < windowSum.length; w++) {
                double ratio = r.window()[w] / r.optimum();
                windowSum[w] += ratio;
                windowMin[w] = Math.min(windowMin[w], ratio);
                servedWindow[w] += r.servedWindow()[w];
            }
            candidates = instance.candidates();
            double g = r.greedy() / r.optimum();
            double b = r.batch() / r.optimum();
            greedySum += g;
            batchSum += b;
            greedyMin = Math.min(greedyMin, g);
            batchMin = Math.min(batchMin, b);
            exactMillis += r.exactMillis();
            served += r.servedOptimum();
            servedGreedy += r.servedGreedy();
            servedBatch += r.servedBatch();
            instances.add(map(
                    "seed",
                    seed,
                    "optimum",
                    r.optimum(),
                    "greedy",
                    r.greedy(),
                    "batch",
                    r.batch(),
                    "servedOptimum",
                    r.servedOptimum(),
                    "servedGreedy",
                    r.servedGreedy(),
                    "servedBatch",
                    r.servedBatch(),
                    "batchStatus",
                    r.batchStatus(),
                    "windows",
                    r.window(),
                    "servedWindows",
                    r.servedWindow()));
        }
        int n = options.qualitySeeds();
        section("MATCH QUALITY");
        print(
                "  %d scarce instances of %d needs vs %d candidates (60 %% volunteers with one live match each, scarce goods",
                n, options.qualityNeeds(), candidates);
        print("  and service places); exact CP-SAT: OPTIMAL on all %d, mean solve %,d ms", n, exactMillis / n);
        print("  %-32s %8s %8s %14s", "total score / optimum", "mean", "min", "needs served");
        print(
                "  %-32s %8.3f %8.3f %14.1f",
                "streaming greedy (match + hold)", greedySum / n, greedyMin, servedGreedy / (double) n);
        List<Map<String, Object>> windowRows = new ArrayList<>();
        for (int w = 0; w < windowSum.length; w++) {
            print(
                    "  %-32s %8.3f %8.3f %14.1f",
                    options.windows().get(w).label(), windowSum[w] / n, windowMin[w], servedWindow[w] / (double) n);
            windowRows.add(map(
                    "window",
                    options.windows().get(w).toString(),
                    "mean",
                    windowSum[w] / n,
                    "min",
                    windowMin[w],
                    "served",
                    servedWindow[w] / (double) n));
        }
        print(
                "  %-32s %8.3f %8.3f %14.1f",
                "batch plan, top " + batchK + ", 1 s limit", batchSum / n, batchMin, servedBatch / (double) n);
        print("  %-32s %8.3f %8.3f %14.1f", "optimum (exact plan)", 1.0, 1.0, served / (double) n);
        json.put(
                "quality",
                map(
                        "instances",
                        instances,
                        "greedyMean",
                        greedySum / n,
                        "greedyMin",
                        greedyMin,
                        "batchMean",
                        batchSum / n,
                        "batchMin",
                        batchMin,
                        "batchCandidates",
                        batchK,
                        "windows",
                        windowRows,
                        "exactMeanMillis",
                        exactMillis / n));
    }

    /**
     * One throughput round.
     *
     * @param cpuNanos CPU time of the matching threads, summed
     */
    private record Round(
            double needsPerSecond, long cpuNanos, int needs, Histogram latency, Histogram examined, int withProposal) {

        double needsPerCpuSecond() {
            return needs / (cpuNanos / 1e9);
        }
    }

    private Round matchAll(MatchEngine engine, List<NeedSpec> needs, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Round>> parts = new ArrayList<>();
            long began = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                List<NeedSpec> share = needs.subList(needs.size() * t / threads, needs.size() * (t + 1) / threads);
                parts.add(pool.submit(() -> {
                    long cpu0 = THREADS.getCurrentThreadCpuTime();
                    Histogram latency = new Histogram(60_000_000L, 3);
                    Histogram examined = new Histogram(100_000_000L, 3);
                    int withProposal = 0;
                    for (NeedSpec n : share) {
                        long t0 = System.nanoTime();
                        MatchResult r = engine.match(n, options.k(), Set.of());
                        latency.recordValue(Math.max(1, (System.nanoTime() - t0) / 1_000));
                        examined.recordValue(r.examined());
                        withProposal += r.proposals().isEmpty() ? 0 : 1;
                    }
                    long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
                    return new Round(0, cpu, share.size(), latency, examined, withProposal);
                }));
            }
            Histogram latency = new Histogram(60_000_000L, 3);
            Histogram examined = new Histogram(100_000_000L, 3);
            int withProposal = 0;
            long cpuNanos = 0;
            for (Future<Round> f : parts) {
                Round r = f.get();
                cpuNanos += r.cpuNanos();
                latency.add(r.latency());
                examined.add(r.examined());
                withProposal += r.withProposal();
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            return new Round(needs.size() / seconds, cpuNanos, needs.size(), latency, examined, withProposal);
        } finally {
            pool.shutdown();
        }
    }

    /** Makes and puts {@code count} items in chunks; only the puts are timed, not making them. */
    private static <T> long load(int count, Supplier<T> make, Consumer<T> put) {
        long nanos = 0;
        List<T> chunk = new ArrayList<>(CHUNK);
        for (int done = 0; done < count; done += CHUNK) {
            chunk.clear();
            for (int i = 0, n = Math.min(CHUNK, count - done); i < n; i++) {
                chunk.add(make.get());
            }
            long began = System.nanoTime();
            chunk.forEach(put);
            nanos += System.nanoTime() - began;
        }
        return nanos;
    }

    private static List<NeedSpec> needs(SyntheticCity city, int n) {
        List<NeedSpec> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(city.need());
        }
        return out;
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** An ordered JSON object from key, value pairs. */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }

    private static void section(String title) {
        System.out.println();
        System.out.println(title);
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
