package org.wushe.hub.community.need;

import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import org.wushe.hub.community.community.Community;
import org.wushe.hub.community.grid.Grid;
import org.wushe.hub.events.common.NeedDetails;
import org.wushe.hub.events.common.Quantity;
import org.wushe.hub.events.common.TimeWindow;
import org.wushe.hub.events.community.NeedClosed;
import org.wushe.hub.events.community.NeedOutcome;
import org.wushe.hub.events.community.NeedPublished;
import org.wushe.hub.events.community.NeedUpdated;
import org.wushe.hub.platform.place.CoarsePlaces;

/** The Avro events of a need: what other services see of it (a pseudonym and a coarse place, no personal data). */
final class NeedEvents {

    private NeedEvents() {}

    static NeedPublished published(Need n, Community community, Grid grid, Instant at) {
        return NeedPublished.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(at)
                .setNeedId(n.id())
                .setCommunityId(n.details().communityId())
                .setStationId(n.details().stationId())
                .setRevision(n.revision())
                .setDetails(details(n, community, grid))
                .setHazardId(n.origin().hazardId())
                .build();
    }

    static NeedUpdated updated(Need n, Community community, Grid grid, Instant at) {
        return NeedUpdated.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(at)
                .setNeedId(n.id())
                .setCommunityId(n.details().communityId())
                .setStationId(n.details().stationId())
                .setRevision(n.revision())
                .setStatus(org.wushe.hub.events.community.NeedStatus.valueOf(
                        n.status().name()))
                .setMatchId(n.matchId())
                .setDetails(details(n, community, grid))
                .build();
    }

    static NeedClosed closed(Need n, Instant at) {
        return NeedClosed.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(at)
                .setNeedId(n.id())
                .setCommunityId(n.details().communityId())
                .setStationId(n.details().stationId())
                .setRevision(n.revision())
                .setOutcome(NeedOutcome.valueOf(n.status().name()))
                .setMatchId(n.matchId())
                .build();
    }

    static NeedDetails details(Need n, Community community, Grid grid) {
        NeedDraft d = n.details();
        String geohash = d.geohash() != null ? d.geohash() : grid != null ? grid.geohash() : null;
        return NeedDetails.newBuilder()
                .setSource(d.source())
                .setCategory(d.category())
                .setUrgency(d.urgency())
                .setBeneficiaryGroup(d.beneficiaryGroup())
                .setResidentRef(n.residentRef())
                .setBeneficiaryCount(d.beneficiaryCount())
                .setTitle(d.title())
                .setPlace(CoarsePlaces.of(
                        community.districtCode(),
                        community.streetCode(),
                        community.id(),
                        d.gridId(),
                        geohash != null ? geohash : community.geohash()))
                .setTimeWindow(new TimeWindow(d.start(), d.end()))
                .setQuantity(d.quantityAmount() == null ? null : new Quantity(d.quantityAmount(), d.quantityUnit()))
                .setRequiredSkills(new ArrayList<>(d.requiredSkills()))
                .setRequiredLanguages(new ArrayList<>(d.requiredLanguages()))
                .setEstimatedMinutes(d.estimatedMinutes())
                .build();
    }
}
