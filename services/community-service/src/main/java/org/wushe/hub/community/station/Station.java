package org.wushe.hub.community.station;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.wushe.hub.events.community.StationLevel;

/**
 * A social work station or centre: district guidance centre, street/town centre (社会工作服务中心) or
 * community station (社区社会工作服务站). Its staff receive the matches of the communities it serves.
 */
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
        Instant createdAt) {}
