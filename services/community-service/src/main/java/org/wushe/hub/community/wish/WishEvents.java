package org.wushe.hub.community.wish;

import java.time.Instant;
import java.util.UUID;
import org.wushe.hub.events.community.FollowUpRecorded;
import org.wushe.hub.events.community.FollowUpRecorder;
import org.wushe.hub.events.community.ServiceRated;
import org.wushe.hub.events.community.WishSubmitted;
import org.wushe.hub.platform.security.Roles;

/** The Avro events of residents' wishes, ratings and follow-ups: ids, places, kinds and stars; never a text or the resident. */
final class WishEvents {

    private WishEvents() {}

    static WishSubmitted submitted(Wish w, Instant at) {
        return WishSubmitted.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(at)
                .setWishId(w.id())
                .setCommunityId(w.communityId())
                .setStationId(w.stationId())
                .setCategory(w.category())
                .build();
    }

    static ServiceRated rated(Rating r, Instant at) {
        return ServiceRated.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(at)
                .setNeedId(r.needId())
                .setCommunityId(r.communityId())
                .setStationId(r.stationId())
                .setStars(r.stars())
                .setFollowUpOpened(r.asksForFollowUp())
                .build();
    }

    /** The recorder's role as FollowUpRecorded says it: STATION_STAFF, SOCIAL_WORKER, or UNKNOWN for any other. */
    static FollowUpRecorder recorder(String role) {
        if (Roles.STATION_STAFF.equals(role)) {
            return FollowUpRecorder.STATION_STAFF;
        }
        return Roles.SOCIAL_WORKER.equals(role) ? FollowUpRecorder.SOCIAL_WORKER : FollowUpRecorder.UNKNOWN;
    }

    static FollowUpRecorded followUpRecorded(FollowUp f, Instant at) {
        return FollowUpRecorded.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(at)
                .setFollowUpId(f.id())
                .setNeedId(f.needId())
                .setCommunityId(f.communityId())
                .setStationId(f.stationId())
                .setRecordedBy(recorder(f.recordedRole()))
                .build();
    }
}
