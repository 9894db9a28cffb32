package org.wushe.hub.matching;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code wushe.matching.*}: how the engine ranks and how proposals travel. Defaults are in
 * application.yml; each can be set by its environment variable (e.g. WUSHE_MATCHING_ACK_DEADLINE=PT5M).
 *
 * @param zone                         local time of weekly availability
 * @param candidates                   candidates ranked per need (the best is proposed)
 * @param maxDistanceKm                farthest a candidate may be from the need
 * @param maxActiveMatchesPerVolunteer live matches a volunteer may hold at once
 * @param ackDeadline                  a proposal unanswered this long goes up to the centre
 * @param centreDeadline               an escalated proposal unanswered this long lapses
 * @param deadlineCheckInterval        how often deadlines are checked
 * @param scarceBelow                  fewer feasible candidates than this: the need waits for the batch (urgent ones never wait)
 * @param batchInterval                how often waiting needs are assigned together
 * @param batchCandidatesPerNeed       candidates per need the batch solver chooses from
 * @param batchTimeLimit               the solver's time limit per batch
 * @param batchSize                    most needs in one batch, oldest first
 * @param weights                      weight of each score component by its machine name (skill, distance, urgency, priority, time, expiry, fairness)
 */
@Validated
@ConfigurationProperties("wushe.matching")
public record MatchingProperties(
        @NotNull ZoneId zone,
        @Min(1) @Max(50) int candidates,
        @DecimalMin("0.1") double maxDistanceKm,
        @Min(1) int maxActiveMatchesPerVolunteer,
        @NotNull Duration ackDeadline,
        @NotNull Duration centreDeadline,
        @NotNull Duration deadlineCheckInterval,
        @Min(0) int scarceBelow,
        @NotNull Duration batchInterval,
        @Min(1) int batchCandidatesPerNeed,
        @NotNull Duration batchTimeLimit,
        Integer batchSize,
        Map<String, Double> weights) {

    public MatchingProperties {
        weights = weights == null ? Map.of() : Map.copyOf(weights);
        batchSize = batchSize == null ? 2_000 : batchSize;
    }
}
