package org.wushe.hub.matching.engine;

import java.util.List;
import java.util.UUID;

/**
 * A candidate for a need, with its score (Σ weight × value of {@code explanation}, in [0, 1]).
 *
 * @param window     when the service could happen: inside the need's window, not before now, where both sides
 *                   are free; at least the need's estimated minutes unless the overlap is shorter
 * @param allocation what the offer would give; null for a volunteer
 */
public record Proposal(
        UUID needId,
        CandidateRef candidate,
        double score,
        List<ScoreComponent> explanation,
        Window window,
        Allocation allocation) {

    public Proposal {
        explanation = List.copyOf(explanation);
    }

    /** What a match of this proposal holds of the candidate ({@link Allocation#held}). */
    public Allocation held() {
        return Allocation.held(allocation, window);
    }

    /** The component of this name, or null. */
    public ScoreComponent component(String name) {
        for (ScoreComponent c : explanation) {
            if (c.component().equals(name)) {
                return c;
            }
        }
        return null;
    }
}
