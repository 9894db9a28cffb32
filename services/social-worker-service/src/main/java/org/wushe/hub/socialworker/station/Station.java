package org.wushe.hub.socialworker.station;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.wushe.hub.events.community.StationLevel;

/** A station or centre as StationRegistered told it; the community service owns it. */
public record Station(
        UUID id,
        String name,
        StationLevel level,
        UUID parentStationId,
        UUID communityId,
        List<UUID> servedCommunityIds,
        String districtCode,
        String streetCode,
        String geohash,
        Instant registeredAt) {

    /** The communities whose residents this station's workers serve: those it serves, and its host. */
    public List<UUID> communities() {
        java.util.LinkedHashSet<UUID> all = new java.util.LinkedHashSet<>(servedCommunityIds);
        if (communityId != null) {
            all.add(communityId);
        }
        return List.copyOf(all);
    }
}
