package org.wushe.hub.schemas;

import static org.wushe.hub.schemas.SampleEvents.COMMUNITY;
import static org.wushe.hub.schemas.SampleEvents.NEED;
import static org.wushe.hub.schemas.SampleEvents.SAT_0930;
import static org.wushe.hub.schemas.SampleEvents.STATION;
import static org.wushe.hub.schemas.SampleEvents.id;

import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.community.FollowUpRecorded;
import org.wushe.hub.events.community.FollowUpRecorder;
import org.wushe.hub.events.community.ServiceRated;
import org.wushe.hub.events.community.WishSubmitted;

/**
 * A resident of {@link SampleEvents}' community sends a micro-wish (微心愿) from their phone; once the door lock is fixed
 * they rate the service 2 stars, and the station's staff follow it up (回访).
 */
final class SampleResidentEvents {

    static final UUID WISH = id("wish: a walking frame");

    private SampleResidentEvents() {}

    static List<SpecificRecord> all() {
        return List.of(wishSubmitted(), serviceRated(), followUpRecorded());
    }

    static WishSubmitted wishSubmitted() {
        return WishSubmitted.newBuilder()
                .setEventId(id("r1"))
                .setOccurredAt(SAT_0930)
                .setWishId(WISH)
                .setCommunityId(COMMUNITY)
                .setStationId(STATION)
                .setCategory(Category.DAILY_GOODS)
                .build();
    }

    static ServiceRated serviceRated() {
        return ServiceRated.newBuilder()
                .setEventId(id("r2"))
                .setOccurredAt(SAT_0930)
                .setNeedId(NEED)
                .setCommunityId(COMMUNITY)
                .setStationId(STATION)
                .setStars(2)
                .setFollowUpOpened(true)
                .build();
    }

    static FollowUpRecorded followUpRecorded() {
        return FollowUpRecorded.newBuilder()
                .setEventId(id("r3"))
                .setOccurredAt(SAT_0930)
                .setFollowUpId(id("follow-up"))
                .setNeedId(NEED)
                .setCommunityId(COMMUNITY)
                .setStationId(STATION)
                .setRecordedBy(FollowUpRecorder.STATION_STAFF)
                .build();
    }
}
