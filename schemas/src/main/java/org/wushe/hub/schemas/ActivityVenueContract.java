package org.wushe.hub.schemas;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.wushe.hub.events.common.ActivityDetails;
import org.wushe.hub.events.common.ActivityPosition;
import org.wushe.hub.events.common.ServedGroup;

/**
 * The two rules the volunteer and resource services share about an activity's venue (see {@code ActivityDetails.venueOfferId}
 * and {@code activityId} of {@code ResourceReserved}): what an activity reserves at its venue, and the key its answer
 * carries as {@code matchId}. Part of the contract, so both sides compute them from the same code.
 */
public final class ActivityVenueContract {

    private ActivityVenueContract() {}

    /**
     * The key of the reservation that {@code revision} of the activity makes: a name-based UUID of both, so a redelivered
     * event finds the reservation it already made and the volunteer service recognises the answer to the revision it
     * waits for.
     */
    public static UUID key(UUID activityId, int revision) {
        return UUID.nameUUIDFromBytes(
                ("activity-venue:" + activityId + ":" + revision).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The people an activity brings to its venue (人次, what a venue's capacity counts): every position's places and
     * every resident it serves; at least one.
     */
    public static int people(ActivityDetails details) {
        int people = 0;
        for (ActivityPosition p : details.getPositions()) {
            people += Math.max(0, p.getPlaces());
        }
        for (ServedGroup g : details.getResidentsServed()) {
            people += Math.max(0, g.getCount());
        }
        return Math.max(1, people);
    }
}
