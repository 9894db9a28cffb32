package org.wushe.hub.matching.engine;

import java.time.Duration;

/**
 * How {@link MatchEngine#plan} builds and solves a batch.
 *
 * @param candidatesPerNeed the best candidates of each need that enter the model (ignored when {@code exact})
 * @param timeLimit         CP-SAT's wall-clock limit (ignored when {@code exact}); null: none
 * @param exact             every feasible (need, candidate) pair enters the model and the solver runs until it
 *                          proves the optimum; the plan reports OPTIMAL or the call throws
 */
public record BatchOptions(int candidatesPerNeed, Duration timeLimit, boolean exact) {

    public BatchOptions {
        if (!exact && candidatesPerNeed < 1) {
            throw new IllegalArgumentException("candidatesPerNeed must be positive, got " + candidatesPerNeed);
        }
        if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
            throw new IllegalArgumentException("timeLimit must be positive, got " + timeLimit);
        }
    }

    /** Every feasible pair, solved to proven optimality. */
    public static BatchOptions exactPlan() {
        return new BatchOptions(Integer.MAX_VALUE, null, true);
    }

    /** The best {@code candidatesPerNeed} of each need, solved within {@code timeLimit}. */
    public static BatchOptions topK(int candidatesPerNeed, Duration timeLimit) {
        return new BatchOptions(candidatesPerNeed, timeLimit, false);
    }
}
