package org.wushe.hub.platform.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.NeedDetails;
import org.wushe.hub.events.common.NeedSource;
import org.wushe.hub.events.common.Place;
import org.wushe.hub.events.common.TimeWindow;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.events.community.NeedPublished;

/** Realistic need events for the pipeline tests: the revision is the need's own sequence number. */
public final class NeedEvents {

    private static final UUID COMMUNITY = UUID.fromString("7d1f0a52-3c3e-4a7e-9a57-1f1d6f0c2a11");
    private static final UUID STATION = UUID.fromString("5b6a9d0e-8f2c-4c1d-b3a4-2e7f9c8d1a22");

    private NeedEvents() {}

    public static NeedPublished needPublished(UUID needId, int revision) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return NeedPublished.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setNeedId(needId)
                .setCommunityId(COMMUNITY)
                .setStationId(STATION)
                .setRevision(revision)
                .setDetails(NeedDetails.newBuilder()
                        .setSource(NeedSource.MICRO_WISH)
                        .setCategory(Category.HOME_REPAIR)
                        .setUrgency(Urgency.URGENT)
                        .setBeneficiaryGroup(BeneficiaryGroup.ELDERLY_ALONE)
                        .setTitle("门锁损坏需维修 door lock broken #" + revision)
                        .setPlace(Place.newBuilder()
                                .setDistrictCode("110112")
                                .setStreetCode("110112106")
                                .setCommunityId(COMMUNITY)
                                .setGeohash("wx4g0b")
                                .build())
                        .setTimeWindow(TimeWindow.newBuilder()
                                .setStart(now)
                                .setEnd(now.plus(4, ChronoUnit.HOURS))
                                .build())
                        .build())
                .build();
    }
}
