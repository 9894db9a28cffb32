package org.wushe.hub.community.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.CertificationLevel;
import org.wushe.hub.events.common.NeedDetails;
import org.wushe.hub.events.common.NeedSource;
import org.wushe.hub.events.common.Place;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.TimeWindow;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.events.matching.Decider;
import org.wushe.hub.events.matching.DeclineReason;
import org.wushe.hub.events.matching.MatchAccepted;
import org.wushe.hub.events.matching.MatchCompleted;
import org.wushe.hub.events.matching.MatchDeclined;
import org.wushe.hub.events.matching.MatchEscalated;
import org.wushe.hub.events.matching.MatchProposed;
import org.wushe.hub.events.socialworker.Employment;
import org.wushe.hub.events.socialworker.SocialWorkerAssigned;
import org.wushe.hub.events.socialworker.SocialWorkerRegistered;
import org.wushe.hub.events.socialworker.VisitKind;
import org.wushe.hub.events.socialworker.VisitOutcome;
import org.wushe.hub.events.socialworker.VisitRaisedNeed;
import org.wushe.hub.events.socialworker.VisitRecorded;

/** Events of other services about this service's needs, as the matching and social-worker services write them. */
public final class HubEvents {

    private HubEvents() {}

    /** A need of this service as the matching service knows it (from NeedPublished). */
    public record KnownNeed(UUID needId, UUID communityId, UUID stationId) {}

    public static MatchProposed proposed(KnownNeed n, UUID matchId, Instant at) {
        return MatchProposed.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(millis(at))
                .setMatchId(matchId)
                .setNeedId(n.needId())
                .setCommunityId(n.communityId())
                .setStationId(n.stationId())
                .setVolunteerId(UUID.randomUUID())
                .setScore(0.82)
                .setRank(1)
                .setProposedWindow(TimeWindow.newBuilder()
                        .setStart(millis(at.plus(1, ChronoUnit.DAYS)))
                        .setEnd(millis(at.plus(1, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS)))
                        .build())
                .setExpiresAt(millis(at.plus(2, ChronoUnit.HOURS)))
                .build();
    }

    public static MatchEscalated escalated(KnownNeed n, UUID matchId, Instant at) {
        return MatchEscalated.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(millis(at))
                .setMatchId(matchId)
                .setNeedId(n.needId())
                .setCommunityId(n.communityId())
                .setStationId(n.stationId())
                .setEscalatedTo(UUID.randomUUID())
                .setProposedAt(millis(at.minus(2, ChronoUnit.HOURS)))
                .setDeadline(millis(at))
                .build();
    }

    public static MatchAccepted accepted(KnownNeed n, UUID matchId, Instant at) {
        return MatchAccepted.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(millis(at))
                .setMatchId(matchId)
                .setNeedId(n.needId())
                .setCommunityId(n.communityId())
                .setStationId(n.stationId())
                .setVolunteerId(UUID.randomUUID())
                .build();
    }

    public static MatchDeclined declined(KnownNeed n, UUID matchId, Instant at) {
        return MatchDeclined.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(millis(at))
                .setMatchId(matchId)
                .setNeedId(n.needId())
                .setCommunityId(n.communityId())
                .setStationId(n.stationId())
                .setVolunteerId(UUID.randomUUID())
                .setDeclinedBy(Decider.VOLUNTEER)
                .setReason(DeclineReason.TIME_CONFLICT)
                .build();
    }

    public static MatchCompleted completed(KnownNeed n, UUID matchId, Instant at) {
        return MatchCompleted.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(millis(at))
                .setMatchId(matchId)
                .setNeedId(n.needId())
                .setCommunityId(n.communityId())
                .setStationId(n.stationId())
                .setVolunteerId(UUID.randomUUID())
                .setServiceMinutes(90)
                .build();
    }

    /** A home visit that found nothing to raise. */
    public static VisitRecorded visitRecorded(UUID worker, UUID community, UUID station, Instant at) {
        return VisitRecorded.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(millis(at))
                .setVisitId(UUID.randomUUID())
                .setSocialWorkerId(worker)
                .setStationId(station)
                .setCommunityId(community)
                .setKind(VisitKind.HOME)
                .setOutcome(VisitOutcome.WELL)
                .setVisitedAt(millis(at.minus(1, ChronoUnit.HOURS)))
                .setMinutes(40)
                .build();
    }

    /** What a home visit found, as the social-worker service raises it: a repair for the resident, in the grid. */
    public static VisitRaisedNeed visitRaisedNeed(
            UUID worker, UUID visit, UUID community, UUID station, UUID grid, UUID residentRef, Instant start) {
        return VisitRaisedNeed.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(millis(Instant.now()))
                .setVisitId(visit)
                .setSocialWorkerId(worker)
                .setCommunityId(community)
                .setStationId(station)
                .setDetails(NeedDetails.newBuilder()
                        .setSource(NeedSource.VISIT)
                        .setCategory(Category.HOME_REPAIR)
                        .setUrgency(Urgency.URGENT)
                        .setBeneficiaryGroup(BeneficiaryGroup.ELDERLY_ALONE)
                        .setResidentRef(residentRef)
                        .setTitle("厨房水管漏水需维修 kitchen pipe leaking")
                        .setPlace(Place.newBuilder()
                                .setDistrictCode("110112")
                                .setStreetCode("110112104")
                                .setCommunityId(community)
                                .setGridId(grid)
                                .setGeohash("wx4g0b")
                                .build())
                        .setTimeWindow(TimeWindow.newBuilder()
                                .setStart(millis(start))
                                .setEnd(millis(start.plus(3, ChronoUnit.HOURS)))
                                .build())
                        .setRequiredSkills(List.of(Skill.PLUMBING))
                        .setRequiredLanguages(List.of())
                        .setEstimatedMinutes(90)
                        .build())
                .build();
    }

    /** A social worker registered at {@code station} (null: at none), as the social-worker service announces it. */
    public static SocialWorkerRegistered registered(UUID worker, UUID station, Instant at) {
        return SocialWorkerRegistered.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(millis(at))
                .setSocialWorkerId(worker)
                .setStationId(station)
                .setEmployment(Employment.FULL_TIME)
                .setCertificationLevel(CertificationLevel.ASSISTANT)
                .setTrainedLocally(true)
                .setSkills(List.of())
                .setLanguages(List.of())
                .build();
    }

    /** A social worker moved from {@code previous} to {@code station} (null: to none) at {@code at}, from that day on. */
    public static SocialWorkerAssigned assigned(UUID worker, UUID station, UUID previous, Instant at) {
        return SocialWorkerAssigned.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(millis(at))
                .setSocialWorkerId(worker)
                .setStationId(station)
                .setPreviousStationId(previous)
                .setSupervisorId(null)
                .setAssignedOn(LocalDate.ofInstant(at, ZoneId.of("Asia/Shanghai")))
                .build();
    }

    private static Instant millis(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS);
    }
}
