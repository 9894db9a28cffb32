package org.wushe.hub.socialworker.visit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import org.wushe.hub.events.common.NeedDetails;
import org.wushe.hub.events.common.NeedSource;
import org.wushe.hub.events.common.Quantity;
import org.wushe.hub.events.common.TimeWindow;
import org.wushe.hub.events.socialworker.VisitRaisedNeed;
import org.wushe.hub.events.socialworker.VisitRecorded;
import org.wushe.hub.platform.place.CoarsePlaces;
import org.wushe.hub.socialworker.station.Station;

/** The Avro events of a visit: what was done and, for a need it found, the need as the community service will publish it (the resident as residentRef, a coarse place; the notes stay here). */
final class VisitEvents {

    private VisitEvents() {}

    /** VisitRecorded: kind, outcome, when and how long, and whether it raised a need. */
    static VisitRecorded recorded(Visit v, Visit.RaisedNeed need, Instant now) {
        return VisitRecorded.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setVisitId(v.id())
                .setSocialWorkerId(v.socialWorkerId())
                .setStationId(v.stationId())
                .setCommunityId(v.communityId())
                .setKind(v.kind())
                .setOutcome(v.outcome())
                .setVisitedAt(v.visitedAt())
                .setMinutes(v.minutes())
                .setCaseId(v.caseId())
                .setNeedRaised(need != null)
                .build();
    }

    /** VisitRaisedNeed: the need the visit found, placed coarsely within the station's area. */
    static VisitRaisedNeed raisedNeed(Visit v, Visit.RaisedNeed need, Station station, Instant now) {
        return VisitRaisedNeed.newBuilder()
                .setEventId(need.eventId())
                .setOccurredAt(now)
                .setVisitId(v.id())
                .setSocialWorkerId(v.socialWorkerId())
                .setCommunityId(v.communityId())
                .setStationId(v.stationId())
                .setDetails(NeedDetails.newBuilder()
                        .setSource(NeedSource.VISIT)
                        .setCategory(need.category())
                        .setUrgency(need.urgency())
                        .setBeneficiaryGroup(need.beneficiaryGroup())
                        .setResidentRef(v.residentRef())
                        .setBeneficiaryCount(need.beneficiaryCount())
                        .setTitle(need.title())
                        .setPlace(CoarsePlaces.of(
                                station.districtCode(),
                                station.streetCode(),
                                v.communityId(),
                                need.gridId(),
                                need.geohash() != null ? need.geohash() : station.geohash()))
                        .setTimeWindow(TimeWindow.newBuilder()
                                .setStart(need.start())
                                .setEnd(need.end())
                                .build())
                        .setQuantity(
                                need.quantityAmount() == null
                                        ? null
                                        : new Quantity(need.quantityAmount(), need.quantityUnit()))
                        .setRequiredSkills(new ArrayList<>(need.requiredSkills()))
                        .setRequiredLanguages(new ArrayList<>(need.requiredLanguages()))
                        .setEstimatedMinutes(need.estimatedMinutes())
                        .build())
                .build();
    }
}
