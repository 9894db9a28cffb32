package org.wushe.hub.matching.view;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.wushe.hub.matching.engine.ScoreComponent;

/**
 * A match as station staff see it (REST and Server-Sent Events): the proposal, why it scored as it
 * did in plain words, and what became of it. Nothing personal: needs and candidates are shown by
 * their titles, categories and short ids.
 */
public record MatchView(
        UUID matchId,
        UUID needId,
        UUID stationId,
        UUID communityId,
        String status,
        String statusZh,
        String mode,
        int rank,
        double score,
        Candidate candidate,
        List<ScoreComponent> explanation,
        Span window,
        Allocated allocation,
        Need need,
        Instant proposedAt,
        Instant deadline,
        UUID escalatedTo,
        String decidedBy,
        Instant decidedAt,
        String declineReason,
        String note,
        Integer serviceMinutes) {

    public record Candidate(String kind, UUID id, String label) {}

    public record Span(Instant start, Instant end) {}

    public record Allocated(Integer quantity, String unit, Long amountFen, Integer capacity) {}

    public record Need(
            String title,
            String category,
            String urgency,
            String beneficiaryGroup,
            int beneficiaryCount,
            Span window,
            String state,
            String waitingZh,
            String waitingEn) {}
}
