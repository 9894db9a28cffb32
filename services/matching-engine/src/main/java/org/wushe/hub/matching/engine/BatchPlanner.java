package org.wushe.hub.matching.engine;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.Literal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses at most one candidate per need so that no resource gives more than it has, maximising
 * Σ round(1000 × score): a 0-1 program solved with OR-Tools CP-SAT. One boolean per (need, candidate); per need
 * at most one; per volunteer at most their free live-match slots, and never two overlapping windows; per goods
 * offer or fund at most its stock; per session occurrence at most its places (each need's allocation as its
 * weight). A greedy assignment (best pairs first) is given to the solver as a hint.
 */
final class BatchPlanner {

    /** Objective coefficients are scores in thousandths. */
    static final int SCALE = 1000;

    private static volatile boolean nativesLoaded;

    private BatchPlanner() {}

    /**
     * @param chosen for each need, the index of its chosen candidate, or -1
     */
    record Solution(int[] chosen, String status, long solveMillis) {}

    private record Pair(int need, int index, Candidate candidate) {}

    static Solution solve(List<List<Candidate>> candidates, BatchOptions options, int workers) {
        loadNatives();
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            for (int j = 0; j < candidates.get(i).size(); j++) {
                pairs.add(new Pair(i, j, candidates.get(i).get(j)));
            }
        }
        CpModel model = new CpModel();
        BoolVar[] x = new BoolVar[pairs.size()];
        long[] gain = new long[pairs.size()];
        for (int p = 0; p < pairs.size(); p++) {
            x[p] = model.newBoolVar("x" + p);
            gain[p] = Math.round(pairs.get(p).candidate().score() * SCALE);
        }
        int p = 0;
        for (List<Candidate> list : candidates) {
            if (list.size() > 1) {
                model.addAtMostOne(Arrays.copyOfRange(x, p, p + list.size(), Literal[].class));
            }
            p += list.size();
        }
        for (List<Integer> users : byResource(pairs).values()) {
            addCapacity(model, x, pairs, users);
            addNoOverlap(model, x, pairs, users);
        }
        model.maximize(LinearExpr.weightedSum(x, gain));

        int[] greedy = greedy(candidates, pairs);
        for (int q = 0; q < pairs.size(); q++) {
            model.addHint(x[q], greedy[pairs.get(q).need()] == pairs.get(q).index());
        }
        CpSolver solver = new CpSolver();
        solver.getParameters().setNumWorkers(workers);
        if (!options.exact() && options.timeLimit() != null) {
            solver.getParameters().setMaxTimeInSeconds(options.timeLimit().toNanos() / 1e9);
        }
        long began = System.nanoTime();
        CpSolverStatus status = solver.solve(model);
        long millis = (System.nanoTime() - began) / 1_000_000;
        if (options.exact() && status != CpSolverStatus.OPTIMAL) {
            throw new IllegalStateException("CP-SAT did not prove the plan optimal: " + status);
        }
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return new Solution(greedy, status.name(), millis);
        }
        int[] chosen = new int[candidates.size()];
        Arrays.fill(chosen, -1);
        for (int q = 0; q < pairs.size(); q++) {
            if (solver.booleanValue(x[q])) {
                chosen[pairs.get(q).need()] = pairs.get(q).index();
            }
        }
        return new Solution(chosen, status.name(), millis);
    }

    private static Map<Object, List<Integer>> byResource(List<Pair> pairs) {
        Map<Object, List<Integer>> users = new LinkedHashMap<>();
        for (int q = 0; q < pairs.size(); q++) {
            users.computeIfAbsent(pairs.get(q).candidate().usage().resource(), k -> new ArrayList<>())
                    .add(q);
        }
        return users;
    }

    /** Σ weight × x ≤ capacity, unless every user together fits anyway. */
    private static void addCapacity(CpModel model, BoolVar[] x, List<Pair> pairs, List<Integer> users) {
        long capacity = Long.MAX_VALUE;
        long total = 0;
        for (int q : users) {
            capacity = Math.min(capacity, pairs.get(q).candidate().usage().capacity());
            total += pairs.get(q).candidate().usage().weight();
        }
        if (total <= capacity) {
            return;
        }
        BoolVar[] vars = new BoolVar[users.size()];
        long[] weights = new long[users.size()];
        for (int u = 0; u < users.size(); u++) {
            vars[u] = x[users.get(u)];
            weights[u] = pairs.get(users.get(u)).candidate().usage().weight();
        }
        model.addLessOrEqual(LinearExpr.weightedSum(vars, weights), capacity);
    }

    /** A volunteer is not booked twice at once. */
    private static void addNoOverlap(CpModel model, BoolVar[] x, List<Pair> pairs, List<Integer> users) {
        for (int a = 0; a < users.size(); a++) {
            Window wa = pairs.get(users.get(a)).candidate().usage().booked();
            for (int b = a + 1; wa != null && b < users.size(); b++) {
                Window wb = pairs.get(users.get(b)).candidate().usage().booked();
                if (wb != null && wa.overlaps(wb)) {
                    model.addAtMostOne(new Literal[] {x[users.get(a)], x[users.get(b)]});
                }
            }
        }
    }

    /** Best pairs first, each taken when its need is still open and its resource still has room. */
    private static int[] greedy(List<List<Candidate>> candidates, List<Pair> pairs) {
        int[] chosen = new int[candidates.size()];
        Arrays.fill(chosen, -1);
        List<Pair> order = new ArrayList<>(pairs);
        order.sort(Comparator.comparing(Pair::candidate, Matcher.BEST_FIRST).thenComparingInt(Pair::need));
        Map<Object, Long> used = new HashMap<>();
        Map<Object, List<Window>> booked = new HashMap<>();
        for (Pair pair : order) {
            Candidate.Usage usage = pair.candidate().usage();
            long already = used.getOrDefault(usage.resource(), 0L);
            List<Window> windows = booked.getOrDefault(usage.resource(), List.of());
            boolean clash = usage.booked() != null && windows.stream().anyMatch(usage.booked()::overlaps);
            if (chosen[pair.need()] >= 0 || already + usage.weight() > usage.capacity() || clash) {
                continue;
            }
            chosen[pair.need()] = pair.index();
            used.put(usage.resource(), already + usage.weight());
            if (usage.booked() != null) {
                booked.computeIfAbsent(usage.resource(), k -> new ArrayList<>()).add(usage.booked());
            }
        }
        return chosen;
    }

    private static void loadNatives() {
        if (nativesLoaded) {
            return;
        }
        synchronized (BatchPlanner.class) {
            if (!nativesLoaded) {
                try {
                    Loader.loadNativeLibraries();
                } catch (RuntimeException | LinkageError e) {
                    throw new IllegalStateException(
                            "cannot load the OR-Tools native libraries for "
                                    + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                                    + "; wushe-matching-engine brings linux-x86-64, linux-aarch64 and darwin-aarch64: add "
                                    + "com.google.ortools:ortools-<platform> for another platform",
                            e);
                }
                nativesLoaded = true;
            }
        }
    }
}
