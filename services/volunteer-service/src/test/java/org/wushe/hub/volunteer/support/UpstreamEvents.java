package org.wushe.hub.volunteer.support;

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
import org.wushe.hub.events.matching.MatchAccepted;
import org.wushe.hub.events.matching.MatchCompleted;
import org.wushe.hub.events.resource.DonorKind;
import org.wushe.hub.events.resource.DonorRegistered;

/** Events of the other services, as they write them: a need, its match, the shops. */
public final class UpstreamEvents {

    public static final UUID COMMUNITY = UUID.fromString("7d1f0a52-3c3e-4a7e-9a57-1f1d6f0c2a11");
    public static final UUID STATION = UUID.fromString("5b6a9d0e-8f2c-4c1d-b3a4-2e7f9c8d1a22");

    private UpstreamEvents() {}

    public static Place tongzhou() {
        return Place.newBuilder()
                .setDistrictCode("110112")
                .setStreetCode("110112104")
                .setCommunityId(COMMUNITY)
                .setGeohash("wx4gtn")
                .build();
    }

    public static NeedPublished needPublished(UUID needId, Category category, Instant at) {
        Instant now = at.truncatedTo(ChronoUnit.MILLIS);
        return NeedPublished.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setNeedId(needId)
                .setCommunityId(COMMUNITY)
                .setStationId(STATION)
                .setRevision(1)
                .setDetails(NeedDetails.newBuilder()
                        .setSource(NeedSource.MICRO_WISH)
                        .setCategory(category)
                        .setUrgency(Urgency.URGENT)
                        .setBeneficiaryGroup(BeneficiaryGroup.ELDERLY_ALONE)
                        .setTitle("门锁损坏需维修 door lock broken")
                        .setPlace(tongzhou())
                        .setTimeWindow(TimeWindow.newBuilder()
                                .setStart(now)
                                .setEnd(now.plus(4, ChronoUnit.HOURS))
                                .build())
                        .build())
                .build();
    }

    public static MatchAccepted matchAccepted(UUID matchId, UUID needId, UUID volunteerId, Instant at) {
        Instant now = at.truncatedTo(ChronoUnit.MILLIS);
        return MatchAccepted.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setMatchId(matchId)
                .setNeedId(needId)
                .setCommunityId(COMMUNITY)
                .setStationId(STATION)
                .setVolunteerId(volunteerId)
                .setScheduledWindow(TimeWindow.newBuilder()
                        .setStart(now.plus(1, ChronoUnit.HOURS))
                        .setEnd(now.plus(3, ChronoUnit.HOURS))
                        .build())
                .build();
    }

    public static org.wushe.hub.events.matching.MatchProposed matchProposed(
            UUID matchId, UUID needId, UUID volunteerId, Instant at) {
        Instant now = at.truncatedTo(ChronoUnit.MILLIS);
        return org.wushe.hub.events.matching.MatchProposed.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setMatchId(matchId)
                .setNeedId(needId)
                .setCommunityId(COMMUNITY)
                .setStationId(STATION)
                .setVolunteerId(volunteerId)
                .setScore(0.8)
                .setProposedWindow(TimeWindow.newBuilder()
                        .setStart(now.plus(1, ChronoUnit.HOURS))
                        .setEnd(now.plus(3, ChronoUnit.HOURS))
                        .build())
                .build();
    }

    public static org.wushe.hub.events.matching.MatchDeclined matchDeclined(
            UUID matchId, UUID needId, UUID volunteerId, org.wushe.hub.events.matching.Decider by, Instant at) {
        return org.wushe.hub.events.matching.MatchDeclined.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(at.truncatedTo(ChronoUnit.MILLIS))
                .setMatchId(matchId)
                .setNeedId(needId)
                .setCommunityId(COMMUNITY)
                .setStationId(STATION)
                .setVolunteerId(volunteerId)
                .setDeclinedBy(by)
                .setReason(org.wushe.hub.events.matching.DeclineReason.NOT_SUITABLE)
                .build();
    }

    public static MatchCompleted matchCompleted(UUID matchId, UUID needId, UUID volunteerId, int minutes, Instant at) {
        return MatchCompleted.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(at.truncatedTo(ChronoUnit.MILLIS))
                .setMatchId(matchId)
                .setNeedId(needId)
                .setCommunityId(COMMUNITY)
                .setStationId(STATION)
                .setVolunteerId(volunteerId)
                .setServiceMinutes(minutes)
                .build();
    }

    public static DonorRegistered donorRegistered(UUID donorId, String name, DonorKind kind, Instant at) {
        return DonorRegistered.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(at.truncatedTo(ChronoUnit.MILLIS))
                .setDonorId(donorId)
                .setName(name)
                .setKind(kind)
                .setCommunityId(COMMUNITY)
                .setPlace(tongzhou())
                .build();
    }
}
