package org.wushe.hub.matching.proposal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.wushe.hub.matching.engine.Allocation;
import org.wushe.hub.matching.engine.CandidateRef;
import org.wushe.hub.matching.engine.ScoreComponent;
import org.wushe.hub.matching.engine.Window;

/** One match as stored: the proposal with its explanation, and what became of it. */
public record MatchRecord(
        UUID matchId,
        UUID needId,
        UUID communityId,
        UUID stationId,
        CandidateRef candidate,
        String candidateLabel,
        int rank,
        String mode,
        double score,
        List<ScoreComponent> explanation,
        Window window,
        Allocation allocation,
        MatchStatus status,
        Instant proposedAt,
        Instant deadline,
        UUID escalatedTo,
        Instant escalatedAt,
        String decidedBy,
        Instant decidedAt,
        String declineReason,
        String note,
        Integer serviceMinutes,
        Instant completedAt) {

    /** What the match holds of its candidate: the offer's allocation, or the volunteer's booked time. */
    public Allocation held() {
        return Allocation.held(allocation, window);
    }
}
