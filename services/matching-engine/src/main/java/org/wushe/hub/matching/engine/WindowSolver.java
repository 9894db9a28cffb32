package org.wushe.hub.matching.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The assignment of a short window of needs ({@link MatchEngine#matchWindow}), solved in memory: at most one
 * candidate per need, no resource giving more than it has left (the smallest capacity its candidates report, each
 * need's allocation as its weight), a volunteer never booked twice at overlapping times (the model of
 * {@link BatchPlanner}); the most total score, less a price for what each assignment takes from the needs that come
 * after the window.
 *
 * <p>The price: a window is a sample of the needs to come, so a resource that the window's needs want more of than
 * it has is likely wanted by later needs too. Using it costs {@code scarcityPrice × (demand − capacity) / demand},
 * where demand is what the window's needs with a candidate on it would take (each need's smallest allocation of
 * it): nothing for a resource no one else in the window wants, up to {@code scarcityPrice} for one everybody wants.
 * So a need with a choice between a contested candidate and a free one of a slightly lower score takes the free one,
 * and the contested one stays for a need that has no other (plain streaming greedy gives it away; on the benchmark's
 * scarce instances that is most of greedy's loss).
 *
 * <p>Small enough for a depth-first branch and bound: needs in window order, each need's candidates best first and
 * then "none", a branch cut once its value so far plus every later need's best score cannot beat the best
 * assignment found. Ties keep the assignment found first, so equal inputs give equal results.
 */
final class WindowSolver {

    /** Search nodes before the best assignment found so far is taken (a window of 16 needs × 10 takes far fewer). */
    static final int NODE_LIMIT = 200_000;

    /**
     * What the engine charges for the most contested resource, in score points (scores are in [0, 1]). Chosen on the
     * benchmark's scarce instances (bench/matching, MATCH QUALITY): 0 gives 0.909 of the optimum with windows of 8
     * needs, 0.1 gives 0.946, 0.2 0.949, 0.3 0.953, 0.5 0.953; on 60 instances 0.3 gives 0.951.
     */
    static final double SCARCITY_PRICE = 0.3;

    private static final double EPSILON = 1e-9;

    private final List<List<Candidate>> candidates;
    private final int[][] resource;
    private final long[] capacity;
    private final long[] used;
    /** Per resource, what using it costs. */
    private final double[] price;

    private final List<List<Window>> booked = new ArrayList<>();
    private final double[] bestAfter;
    private final int[] current;
    private int[] best;
    private double bestScore = -1;
    private int nodes;

    private WindowSolver(List<List<Candidate>> candidates, double scarcityPrice) {
        this.candidates = candidates;
        int n = candidates.size();
        Map<Object, Integer> ids = new HashMap<>();
        List<Long> capacities = new ArrayList<>();
        resource = new int[n][];
        for (int i = 0; i < n; i++) {
            List<Candidate> list = candidates.get(i);
            resource[i] = new int[list.size()];
            for (int j = 0; j < list.size(); j++) {
                Candidate.Usage u = list.get(j).usage();
                Integer id = ids.get(u.resource());
                if (id == null) {
                    id = capacities.size();
                    ids.put(u.resource(), id);
                    capacities.add(u.capacity());
                    booked.add(new ArrayList<>(2));
                } else {
                    capacities.set(id, Math.min(capacities.get(id), u.capacity()));
                }
                resource[i][j] = id;
            }
        }
        capacity = capacities.stream().mapToLong(Long::longValue).toArray();
        used = new long[capacity.length];
        long[] demand = new long[capacity.length];
        for (int i = 0; i < n; i++) {
            Map<Integer, Long> wants = new HashMap<>();
            for (int j = 0; j < resource[i].length; j++) {
                wants.merge(resource[i][j], candidates.get(i).get(j).usage().weight(), Math::min);
            }
            wants.forEach((r, w) -> demand[r] += w);
        }
        price = new double[capacity.length];
        for (int r = 0; r < price.length; r++) {
            price[r] = demand[r] > capacity[r] && demand[r] > 0
                    ? scarcityPrice * (demand[r] - Math.max(0, capacity[r])) / demand[r]
                    : 0;
        }
        bestAfter = new double[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            List<Candidate> list = candidates.get(i);
            bestAfter[i] = bestAfter[i + 1] + (list.isEmpty() ? 0 : list.get(0).score());
        }
        current = new int[n];
        Arrays.fill(current, -1);
        best = current.clone();
    }

    /**
     * @param candidates    per need of the window, in window order, best first
     * @param scarcityPrice what the most contested resource costs; 0: the most total score of the window
     * @return per need, the index of its chosen candidate, or -1
     */
    static int[] solve(List<List<Candidate>> candidates, double scarcityPrice) {
        WindowSolver s = new WindowSolver(candidates, scarcityPrice);
        s.search(0, 0);
        return s.best;
    }

    private void search(int need, double score) {
        if (need == candidates.size()) {
            if (score > bestScore + EPSILON) {
                bestScore = score;
                best = current.clone();
            }
            return;
        }
        if (nodes++ >= NODE_LIMIT || score + bestAfter[need] <= bestScore + EPSILON) {
            return;
        }
        List<Candidate> list = candidates.get(need);
        for (int j = 0; j < list.size(); j++) {
            Candidate c = list.get(j);
            int r = resource[need][j];
            Candidate.Usage u = c.usage();
            if (used[r] + u.weight() > capacity[r] || overlapsBooked(r, u.booked())) {
                continue;
            }
            used[r] += u.weight();
            if (u.booked() != null) {
                booked.get(r).add(u.booked());
            }
            current[need] = j;
            search(need + 1, score + c.score() - price[r]);
            current[need] = -1;
            if (u.booked() != null) {
                List<Window> windows = booked.get(r);
                windows.remove(windows.size() - 1);
            }
            used[r] -= u.weight();
        }
        search(need + 1, score);
    }

    private boolean overlapsBooked(int r, Window w) {
        if (w == null) {
            return false;
        }
        for (Window b : booked.get(r)) {
            if (b.overlaps(w)) {
                return true;
            }
        }
        return false;
    }
}
