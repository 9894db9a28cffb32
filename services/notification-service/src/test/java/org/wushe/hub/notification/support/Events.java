package org.wushe.hub.notification.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.wushe.hub.events.common.ActivityDetails;
import org.wushe.hub.events.common.ActivityKind;
import org.wushe.hub.events.common.ActivityPosition;
import org.wushe.hub.events.common.ActivityPublisherKind;
import org.wushe.hub.events.common.SignUpStatus;
import org.wushe.hub.events.common.TimeWindow;
import org.wushe.hub.events.matching.MatchAccepted;
import org.wushe.hub.events.matching.MatchDeclined;
import org.wushe.hub.events.matching.MatchProposed;
import org.wushe.hub.events.volunteer.ActivityCancelled;
import org.wushe.hub.events.volunteer.ActivityPublished;
import org.wushe.hub.events.volunteer.CertificateIssued;
import org.wushe.hub.events.volunteer.SignUpApproved;
import org.wushe.hub.events.volunteer.SignUpWithdrawn;
import org.wushe.hub.events.volunteer.VolunteerSignedUp;

/** The upstream services' events as the tests need them (the house rule: events are built in …Events classes). */
public final class Events {

    private Events() {}

    public static MatchAccepted accepted(UUID matchId, UUID stationId, UUID volunteerId, Instant start) {
        return MatchAccepted.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setMatchId(matchId)
                .setNeedId(UUID.randomUUID())
                .setCommunityId(UUID.randomUUID())
                .setStationId(stationId)
                .setVolunteerId(volunteerId)
                .setScheduledWindow(start == null ? null : new TimeWindow(start, start.plusSeconds(3600)))
                .build();
    }

    public static MatchProposed proposed(UUID matchId, UUID stationId, Instant expiresAt) {
        return MatchProposed.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setMatchId(matchId)
                .setNeedId(UUID.randomUUID())
                .setCommunityId(UUID.randomUUID())
                .setStationId(stationId)
                .setVolunteerId(UUID.randomUUID())
                .setScore(0.8)
                .setExplanation(List.of())
                .setRank(1)
                .setExpiresAt(expiresAt)
                .build();
    }

    public static MatchDeclined declined(UUID matchId, UUID stationId) {
        return MatchDeclined.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setMatchId(matchId)
                .setNeedId(UUID.randomUUID())
                .setCommunityId(UUID.randomUUID())
                .setStationId(stationId)
                .setDeclinedBy(org.wushe.hub.events.matching.Decider.STATION_STAFF)
                .setReason(org.wushe.hub.events.matching.DeclineReason.NOT_SUITABLE)
                .build();
    }

    public static CertificateIssued certificate(UUID volunteerId, String code) {
        Instant now = Instant.now();
        return CertificateIssued.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setCertificateId(UUID.randomUUID())
                .setVolunteerId(volunteerId)
                .setVerificationCode(code)
                .setIssuer(org.wushe.hub.events.volunteer.CertificateIssuer.STATION)
                .setStationId(UUID.randomUUID())
                .setTotalMinutes(750)
                .setServiceRecords(6)
                .setStars(0)
                .setIssuedAt(now)
                .build();
    }

    public static ActivityPublished activity(UUID activityId, Instant start) {
        return activity(activityId, start, Instant.now());
    }

    /** An ActivityChanged moving the activity to {@code start}, as of {@code at}. */
    public static org.wushe.hub.events.volunteer.ActivityChanged changed(UUID activityId, Instant start, Instant at) {
        ActivityPublished p = activity(activityId, start, at);
        return org.wushe.hub.events.volunteer.ActivityChanged.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(at)
                .setActivityId(activityId)
                .setRevision(2)
                .setDetails(p.getDetails())
                .build();
    }

    public static ActivityPublished activity(UUID activityId, Instant start, Instant at) {
        TimeWindow window = new TimeWindow(start, start.plusSeconds(3 * 3600));
        return ActivityPublished.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(at)
                .setActivityId(activityId)
                .setRevision(1)
                .setDetails(ActivityDetails.newBuilder()
                        .setPublisherKind(ActivityPublisherKind.STATION)
                        .setPublisherId(UUID.randomUUID())
                        .setKind(ActivityKind.FREE_CLINIC)
                        .setTimeWindow(window)
                        .setCoHostOrganizationIds(List.of())
                        .setCoHostDonorIds(List.of())
                        .setApprovalRequired(true)
                        .setResidentsServed(List.of())
                        .setPositions(List.of(ActivityPosition.newBuilder()
                                .setPositionId(UUID.randomUUID())
                                .setPlaces(2)
                                .setWaitingListLimit(5)
                                .setRequiredSkills(List.of())
                                .setTimeWindow(window)
                                .build()))
                        .build())
                .build();
    }

    public static ActivityCancelled cancelled(UUID activityId) {
        return ActivityCancelled.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setActivityId(activityId)
                .setRevision(2)
                .setReason(org.wushe.hub.events.volunteer.ActivityCancelReason.WEATHER)
                .setSignUpsCancelled(1)
                .build();
    }

    public static VolunteerSignedUp signedUp(
            UUID signUpId, UUID activityId, UUID volunteerId, SignUpStatus status, Instant at) {
        return VolunteerSignedUp.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(at)
                .setSignUpId(signUpId)
                .setActivityId(activityId)
                .setPositionId(UUID.randomUUID())
                .setVolunteerId(volunteerId)
                .setStatus(status)
                .setPlacesTaken(1)
                .setPlaces(2)
                .setWaitingCount(0)
                .build();
    }

    public static SignUpApproved approved(UUID signUpId, UUID activityId, UUID volunteerId) {
        return SignUpApproved.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setSignUpId(signUpId)
                .setActivityId(activityId)
                .setPositionId(UUID.randomUUID())
                .setVolunteerId(volunteerId)
                .build();
    }

    public static SignUpWithdrawn withdrawn(UUID signUpId, UUID activityId, UUID volunteerId, Instant at) {
        return SignUpWithdrawn.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(at)
                .setSignUpId(signUpId)
                .setActivityId(activityId)
                .setPositionId(UUID.randomUUID())
                .setVolunteerId(volunteerId)
                .setWithdrawnBy(org.wushe.hub.events.volunteer.SignUpWithdrawnBy.VOLUNTEER)
                .setHeldPlace(true)
                .build();
    }

    public static org.wushe.hub.events.volunteer.VolunteerLeft left(UUID volunteerId) {
        return org.wushe.hub.events.volunteer.VolunteerLeft.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setVolunteerId(volunteerId)
                .setErasedBy(org.wushe.hub.events.volunteer.ErasedBy.SELF)
                .build();
    }
}
