package org.wushe.hub.matching.engine;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A joint assignment of scarce volunteers and offers to needs.
 *
 * @param assignments       at most one proposal per need, in the order the needs were given
 * @param unassignedReasons for each need without an assignment: why, in Chinese and English ("中文 / English")
 * @param totalScore        Σ score of the assignments (scores as computed at plan start)
 * @param solverStatus      CP-SAT's status: OPTIMAL, FEASIBLE (time limit reached), or UNKNOWN when it found no
 *                          solution in time and the plan is the greedy one it was hinted with
 * @param solveMillis       wall-clock time of the solve alone
 */
public record BatchPlan(
        List<Proposal> assignments,
        Map<UUID, String> unassignedReasons,
        double totalScore,
        String solverStatus,
        long solveMillis) {

    public BatchPlan {
        assignments = List.copyOf(assignments);
        unassignedReasons = Map.copyOf(unassignedReasons);
    }
}
