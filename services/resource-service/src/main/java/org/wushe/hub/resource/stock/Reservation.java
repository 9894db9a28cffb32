package org.wushe.hub.resource.stock;

import java.time.Instant;
import java.util.UUID;
import org.wushe.hub.resource.common.Window;

/**
 * A part of an offer's stock set aside for one match (at most one per match), or a venue's window for one revision of an
 * activity (source ACTIVITY: {@code needId} is then the activity's id, {@code matchId} the reservation's key, see
 * {@link ActivityVenues}): RESERVED until the match
 * completes (CONSUMED) or is declined, lapses or the goods expire (RELEASED). {@code amount} is in the
 * offer's measure: units of goods, fen, or people. {@code stationId} is the station whose match holds it
 * (its staff release and hand it over); null only for reservations made before stations were recorded,
 * which only the hub admin settles by hand.
 */
public record Reservation(
        UUID id,
        UUID offerId,
        UUID stockId,
        UUID matchId,
        UUID needId,
        UUID stationId,
        long amount,
        Window window,
        Status status,
        Source source,
        Instant reservedAt,
        Instant expiresAt,
        Instant settledAt,
        String releaseReason,
        Long consumedAmount) {

    public enum Status {
        RESERVED,
        RELEASED,
        CONSUMED
    }

    /**
     * MATCH: an accepted match (wushe.matching.match); STAFF: station staff over REST; ACTIVITY: an activity's venue
     * (wushe.volunteer.volunteer).
     */
    public enum Source {
        MATCH,
        STAFF,
        ACTIVITY
    }

    /** The activity whose venue this is, for source ACTIVITY; null otherwise. */
    public UUID activityId() {
        return source == Source.ACTIVITY ? needId : null;
    }
}
