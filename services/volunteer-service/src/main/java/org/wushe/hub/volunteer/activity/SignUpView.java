package org.wushe.hub.volunteer.activity;

import java.time.Instant;
import java.util.UUID;
import org.wushe.hub.events.volunteer.SignUpRejectReason;

/**
 * A sign-up as the API shows it: the volunteer by id only (their name is read with {@code GET /volunteers/{id}});
 * {@code waitingListPosition} is 1 for the first waiting; {@code noShow} once the organizer recorded one.
 */
public record SignUpView(
        UUID id,
        UUID activityId,
        UUID positionId,
        UUID volunteerId,
        SignUp.Status status,
        Integer waitingListPosition,
        Instant signedUpAt,
        Instant decidedAt,
        SignUpRejectReason rejectReason,
        Instant movedUpAt,
        Instant endedAt,
        boolean noShow) {

    static SignUpView of(SignUp s, Integer rank) {
        return new SignUpView(
                s.id(),
                s.activityId(),
                s.positionId(),
                s.volunteerId(),
                s.status(),
                rank,
                s.signedUpAt(),
                s.decidedAt(),
                s.rejectReason(),
                s.movedUpAt(),
                s.endedAt(),
                s.noShowOn() != null);
    }
}
