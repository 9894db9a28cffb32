package org.wushe.hub.community.community;

import java.time.Instant;
import java.util.UUID;
import org.wushe.hub.events.community.CommunityKind;

/** A community (社区) or village (村): public facts only. */
public record Community(
        UUID id,
        String name,
        CommunityKind kind,
        String districtCode,
        String streetCode,
        String geohash,
        Integer gridCount,
        Integer householdCount,
        Integer residentCount,
        Instant createdAt) {}
