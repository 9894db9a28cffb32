package org.wushe.hub.community.station;

import java.util.ArrayList;
import java.util.UUID;
import org.wushe.hub.events.community.StationRegistered;
import org.wushe.hub.platform.place.CoarsePlaces;

/** The Avro events of a station: its registration, with its place in the hierarchy and the communities it serves. */
final class StationEvents {

    private StationEvents() {}

    /** StationRegistered for a station just registered. */
    static StationRegistered registered(Station s) {
        return StationRegistered.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(s.createdAt())
                .setStationId(s.id())
                .setName(s.name())
                .setLevel(s.level())
                .setParentStationId(s.parentStationId())
                .setCommunityId(s.communityId())
                .setServedCommunityIds(new ArrayList<>(s.servedCommunityIds()))
                .setPlace(CoarsePlaces.of(s.districtCode(), s.streetCode(), s.communityId(), null, s.geohash()))
                .build();
    }
}
