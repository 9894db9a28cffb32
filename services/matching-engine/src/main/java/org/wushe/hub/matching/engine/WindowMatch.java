package org.wushe.hub.matching.engine;

import java.util.UUID;

/**
 * What {@link MatchEngine#matchWindow} did for one need of the window.
 *
 * @param proposal the candidate assigned to the need and held, explained; null when none
 * @param matchId  the id the engine held it under ({@link MatchEngine#release} it when the match ends); null when none
 * @param held     what the hold takes: the proposal's allocation, or for a volunteer the booked window
 *                 ({@link Allocation#time}); pass it to {@link MatchEngine#hold} to restore the hold
 * @param reasonZh why nothing was assigned, in Chinese; null when assigned
 * @param reasonEn the same in English
 * @param candidates how many feasible candidates the need had (up to the {@code candidatesPerNeed} searched), so a
 *                   caller can tell a need with a single possible candidate from one with a choice
 */
public record WindowMatch(
        UUID needId,
        Proposal proposal,
        UUID matchId,
        Allocation held,
        String reasonZh,
        String reasonEn,
        int candidates) {

    /** Planned with the window but not assigned yet (beyond its {@code assign} first needs): match it again. */
    public boolean deferred() {
        return proposal == null && reasonZh == null;
    }
}
