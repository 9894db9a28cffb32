package org.wushe.hub.volunteer.matching;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * A match of one of our volunteers, as the matching service proposed and station staff decided it, and
 * as the volunteer answered it: what they are to do, when, and roughly where ({@code geohash}: the need's
 * coarse cell of about 1 km, never an address). {@code declineReason} is the volunteer's own words, shown
 * to them only; {@code declinedBy} says who declined (VOLUNTEER, STATION_STAFF, SYSTEM…).
 */
public record Assignment(
        UUID matchId,
        UUID volunteerId,
        UUID needId,
        UUID communityId,
        UUID stationId,
        Instant scheduledStart,
        Instant scheduledEnd,
        Status status,
        Instant acceptedAt,
        Instant completedAt,
        Instant proposedAt,
        Instant confirmedAt,
        Instant declinedAt,
        String declinedBy,
        DeclineCategory declineCategory,
        String declineReason,

        @Schema(description = "The need's coarse place: a geohash of at most 6 characters")
        String geohash,

        @Schema(description = "The need's category, when known")
        String category) {

    /** The same with only the fields of an accepted match (from MatchAccepted). */
    public Assignment(
            UUID matchId,
            UUID volunteerId,
            UUID needId,
            UUID communityId,
            UUID stationId,
            Instant scheduledStart,
            Instant scheduledEnd,
            Status status,
            Instant acceptedAt,
            Instant completedAt) {
        this(
                matchId,
                volunteerId,
                needId,
                communityId,
                stationId,
                scheduledStart,
                scheduledEnd,
                status,
                acceptedAt,
                completedAt,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /**
     * PROPOSED to station staff; ACCEPTED by them; CONFIRMED by the volunteer (before or after staff accept:
     * {@code acceptedAt} tells); DECLINED by the volunteer, staff or the system; COMPLETED.
     */
    public enum Status {
        PROPOSED,
        ACCEPTED,
        CONFIRMED,
        DECLINED,
        COMPLETED;

        /** Still to be done: proposed, accepted or confirmed. */
        public boolean open() {
            return this == PROPOSED || this == ACCEPTED || this == CONFIRMED;
        }
    }

    /** Why a volunteer declined, the only part of their answer that leaves this service. */
    public enum DeclineCategory {
        TIME_CONFLICT,
        TOO_FAR,
        NOT_SUITABLE,
        UNAVAILABLE,
        OTHER
    }
}
