package org.wushe.hub.bench.matching;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command-line flags of {@link MatchingBenchmark}; see {@link #USAGE}. */
record Options(
        int volunteers,
        int offers,
        int needs,
        List<Integer> threads,
        int k,
        int warmup,
        int planNeeds,
        int planCandidates,
        double planSeconds,
        int qualitySeeds,
        int qualityNeeds,
        int qualityCandidates,
        int qualityK,
        List<WindowSpec> windows,
        int windowK,
        long seed,
        Path json) {

    static final String USAGE = """
            usage: bench/matching/run [options]
              --volunteers N        volunteers in the synthetic city (default 1000000)
              --offers N            offers: goods, services, capacities, venues, funds (default 200000)
              --needs N             needs matched in each throughput round (default 20000)
              --threads LIST        thread counts of the throughput rounds, e.g. 1,2 (default 1,2)
              --k K                 proposals per need (default 5)
              --warmup N            needs matched before measuring, discarded (default 5000)
              --plan-needs N        needs in one batch plan over the whole city; 0 skips it (default 2000)
              --plan-candidates K   candidates per need in that plan (default 5)
              --plan-seconds S      CP-SAT time limit of that plan (default 10)
              --quality-seeds N     small scarce instances solved exactly, greedily and in batch (default 20)
              --quality-needs N     needs per instance (default 30)
              --quality-candidates N  volunteers and offers per instance (default 25)
              --quality-k K         candidates per need in the quality runs' batch plan (default 10)
              --windows LIST        MatchEngine.matchWindow in STREAMING and MATCH QUALITY: SIZE for fixed windows,
                                    SIZE/ASSIGN for a rolling window that assigns its first ASSIGN needs and
                                    defers the rest to the next call (default 8,16,8/2)
              --window-k K          candidates per need in a window (default 10)
              --seed S              seed of the synthetic city (default 20250611)
              --json PATH           where to write the figures (default bench/matching/results/latest.json)
            """;

    static Options parse(String[] args) {
        int volunteers = 1_000_000;
        int offers = 200_000;
        int needs = 20_000;
        List<Integer> threads = List.of(1, 2);
        int k = 5;
        int warmup = 5_000;
        int planNeeds = 2_000;
        int planCandidates = 5;
        double planSeconds = 10;
        int qualitySeeds = 20;
        int qualityNeeds = 30;
        int qualityCandidates = 25;
        int qualityK = 10;
        List<WindowSpec> windows = WindowSpec.parseList("8,16,8/2");
        int windowK = 10;
        long seed = 20250611;
        Path json = Path.of("bench", "matching", "results", "latest.json");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--volunteers" -> volunteers = number(a, value(args, ++i, a), 1);
                case "--offers" -> offers = number(a, value(args, ++i, a), 0);
                case "--needs" -> needs = number(a, value(args, ++i, a), 1);
                case "--threads" -> threads = threads(value(args, ++i, a));
                case "--k" -> k = number(a, value(args, ++i, a), 1);
                case "--warmup" -> warmup = number(a, value(args, ++i, a), 0);
                case "--plan-needs" -> planNeeds = number(a, value(args, ++i, a), 0);
                case "--plan-candidates" -> planCandidates = number(a, value(args, ++i, a), 1);
                case "--plan-seconds" -> planSeconds = seconds(value(args, ++i, a));
                case "--quality-seeds" -> qualitySeeds = number(a, value(args, ++i, a), 0);
                case "--quality-needs" -> qualityNeeds = number(a, value(args, ++i, a), 1);
                case "--quality-candidates" -> qualityCandidates = number(a, value(args, ++i, a), 2);
                case "--quality-k" -> qualityK = number(a, value(args, ++i, a), 1);
                case "--windows" -> windows = WindowSpec.parseList(value(args, ++i, a));
                case "--window-k" -> windowK = number(a, value(args, ++i, a), 1);
                case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
                case "--json" -> json = Path.of(value(args, ++i, a));
                case "-h", "--help" -> throw new HelpRequested();
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        return new Options(
                volunteers,
                offers,
                needs,
                threads,
                k,
                warmup,
                planNeeds,
                planCandidates,
                planSeconds,
                qualitySeeds,
                qualityNeeds,
                qualityCandidates,
                qualityK,
                windows,
                windowK,
                seed,
                json);
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static int number(String flag, String v, int min) {
        try {
            int n = Integer.parseInt(v.replace("_", "").replace(",", ""));
            if (n < min) {
                throw new IllegalArgumentException(flag + " must be at least " + min);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " wants a number, got " + v);
        }
    }

    private static double seconds(String v) {
        double s = Double.parseDouble(v);
        if (!(s > 0)) {
            throw new IllegalArgumentException("--plan-seconds must be positive");
        }
        return s;
    }

    private static List<Integer> threads(String v) {
        List<Integer> out = new ArrayList<>();
        for (String part : v.split(",")) {
            out.add(number("--threads", part.trim(), 1));
        }
        return List.copyOf(out);
    }

    static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(null, null, false, false);
        }
    }
}
