package org.wushe.hub.volunteer.activity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.wushe.hub.events.common.ActivityDetails;
import org.wushe.hub.events.common.ActivityPosition;
import org.wushe.hub.events.common.ServedGroup;
import org.wushe.hub.events.common.SignUpStatus;
import org.wushe.hub.events.common.TimeWindow;
import org.wushe.hub.events.volunteer.ActivityCancelReason;
import org.wushe.hub.events.volunteer.ActivityCancelled;
import org.wushe.hub.events.volunteer.ActivityChanged;
import org.wushe.hub.events.volunteer.ActivityPublished;
import org.wushe.hub.events.volunteer.SignUpApproved;
import org.wushe.hub.events.volunteer.SignUpMovedUp;
import org.wushe.hub.events.volunteer.SignUpRejectReason;
import org.wushe.hub.events.volunteer.SignUpRejected;
import org.wushe.hub.events.volunteer.SignUpWithdrawn;
import org.wushe.hub.events.volunteer.SignUpWithdrawnBy;
import org.wushe.hub.events.volunteer.VolunteerCheckedIn;
import org.wushe.hub.events.volunteer.VolunteerCheckedOut;
import org.wushe.hub.events.volunteer.VolunteerSignedUp;

/**
 * An activity and its sign-ups as their events carry them: ids, kinds, times and counts; never the activity's title,
 * description or duties. Keyed by activity id; each event a new id.
 */
final class ActivityEvents {

    private ActivityEvents() {}

    static ActivityPublished published(Activity a, List<Position> positions, Instant now) {
        return ActivityPublished.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setActivityId(a.id())
                .setRevision(a.revision())
                .setDetails(details(a, positions))
                .build();
    }

    static ActivityChanged changed(Activity changed, List<Position> positions, Instant now) {
        return ActivityChanged.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setActivityId(changed.id())
                .setRevision(changed.revision())
                .setDetails(details(changed, positions))
                .build();
    }

    static ActivityCancelled cancelled(
            Activity cancelled, ActivityCancelReason reason, int signUpsCancelled, Instant now) {
        return ActivityCancelled.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setActivityId(cancelled.id())
                .setRevision(cancelled.revision())
                .setReason(reason)
                .setSignUpsCancelled(signUpsCancelled)
                .build();
    }

    /** A new sign-up {@code s} for position {@code p}, with the position's counts including it. */
    static VolunteerSignedUp signedUp(SignUp s, Position p, int placesTaken, int waitingCount, Instant now) {
        return VolunteerSignedUp.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setSignUpId(s.id())
                .setActivityId(s.activityId())
                .setPositionId(p.id())
                .setVolunteerId(s.volunteerId())
                .setStatus(status(s.status()))
                .setPlacesTaken(placesTaken)
                .setPlaces(p.places())
                .setWaitingCount(waitingCount)
                .build();
    }

    static SignUpApproved approved(SignUp s, Instant now) {
        return SignUpApproved.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setSignUpId(s.id())
                .setActivityId(s.activityId())
                .setPositionId(s.positionId())
                .setVolunteerId(s.volunteerId())
                .build();
    }

    static SignUpRejected rejected(SignUp s, SignUpRejectReason reason, Instant now) {
        return SignUpRejected.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setSignUpId(s.id())
                .setActivityId(s.activityId())
                .setPositionId(s.positionId())
                .setVolunteerId(s.volunteerId())
                .setReason(reason)
                .build();
    }

    /** The sign-up {@code s} as it was before its withdrawal, by the volunteer themself or else the organizer. */
    static SignUpWithdrawn withdrawn(SignUp s, boolean bySelf, Instant now) {
        return SignUpWithdrawn.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setSignUpId(s.id())
                .setActivityId(s.activityId())
                .setPositionId(s.positionId())
                .setVolunteerId(s.volunteerId())
                .setWithdrawnBy(bySelf ? SignUpWithdrawnBy.VOLUNTEER : SignUpWithdrawnBy.ORGANIZER)
                .setHeldPlace(s.status().holdsPlace())
                .build();
    }

    /** The waiting sign-up {@code next} moves up to {@code status}. */
    static SignUpMovedUp movedUp(Activity a, Position p, SignUp next, SignUp.Status status, Instant now) {
        return SignUpMovedUp.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setSignUpId(next.id())
                .setActivityId(a.id())
                .setPositionId(p.id())
                .setVolunteerId(next.volunteerId())
                .setStatus(status(status))
                .build();
    }

    /** The sign-up {@code s} checked in at {@code at} (by the volunteer's scan or by staff), or its check-in time corrected. */
    static VolunteerCheckedIn checkedIn(SignUp s, Instant at, boolean byStaff, boolean corrected, Instant now) {
        return VolunteerCheckedIn.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setSignUpId(s.id())
                .setActivityId(s.activityId())
                .setPositionId(s.positionId())
                .setVolunteerId(s.volunteerId())
                .setCheckedInAt(at)
                .setByStaff(byStaff)
                .setCorrected(corrected)
                .build();
    }

    /** The sign-up {@code s} checked out, its attendance worth {@code creditedMinutes} in all; or either time corrected. */
    static VolunteerCheckedOut checkedOut(
            SignUp s,
            Instant checkedInAt,
            Instant checkedOutAt,
            boolean byStaff,
            int creditedMinutes,
            boolean corrected,
            Instant now) {
        return VolunteerCheckedOut.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setSignUpId(s.id())
                .setActivityId(s.activityId())
                .setPositionId(s.positionId())
                .setVolunteerId(s.volunteerId())
                .setCheckedInAt(checkedInAt)
                .setCheckedOutAt(checkedOutAt)
                .setByStaff(byStaff)
                .setCreditedMinutes(creditedMinutes)
                .setCorrected(corrected)
                .build();
    }

    private static SignUpStatus status(SignUp.Status status) {
        return switch (status) {
            case PENDING -> SignUpStatus.PENDING;
            case CONFIRMED -> SignUpStatus.CONFIRMED;
            case WAITLISTED -> SignUpStatus.WAITLISTED;
            default -> throw new IllegalArgumentException(status + " is not a live sign-up");
        };
    }

    static ActivityDetails details(Activity a, List<Position> positions) {
        return ActivityDetails.newBuilder()
                .setPublisherKind(a.publisherKind())
                .setPublisherId(a.publisherId())
                .setKind(a.kind())
                .setCommunityId(a.communityId())
                .setTimeWindow(window(a.startsAt(), a.endsAt()))
                .setVenueOfferId(a.venueOfferId())
                .setCoHostOrganizationIds(List.copyOf(a.coHostOrganizationIds()))
                .setCoHostDonorIds(List.copyOf(a.coHostDonorIds()))
                .setApprovalRequired(a.approvalRequired())
                .setResidentsServed(a.residentsServed().entrySet().stream()
                        .map(e -> ServedGroup.newBuilder()
                                .setGroup(e.getKey())
                                .setCount(e.getValue())
                                .build())
                        .toList())
                .setPositions(positions.stream()
                        .map(p -> ActivityPosition.newBuilder()
                                .setPositionId(p.id())
                                .setPlaces(p.places())
                                .setWaitingListLimit(p.waitingListLimit())
                                .setRequiredSkills(List.copyOf(p.skills()))
                                .setRequiredQualification(p.qualification())
                                .setTimeWindow(window(p.startsAt(), p.endsAt()))
                                .build())
                        .toList())
                .build();
    }

    static TimeWindow window(java.time.Instant start, java.time.Instant end) {
        return TimeWindow.newBuilder().setStart(start).setEnd(end).build();
    }
}
