package org.wushe.hub.community.community;

import java.util.UUID;
import org.wushe.hub.events.community.CommunityRegistered;
import org.wushe.hub.platform.place.CoarsePlaces;

/** The Avro events of a community: its registration (public facts, a coarse place). */
final class CommunityEvents {

    private CommunityEvents() {}

    /** CommunityRegistered for a community just registered. */
    static CommunityRegistered registered(Community c) {
        return CommunityRegistered.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(c.createdAt())
                .setCommunityId(c.id())
                .setName(c.name())
                .setKind(c.kind())
                .setPlace(CoarsePlaces.of(c.districtCode(), c.streetCode(), c.id(), null, c.geohash()))
                .setGridCount(c.gridCount())
                .setHouseholdCount(c.householdCount())
                .setResidentCount(c.residentCount())
                .build();
    }
}
