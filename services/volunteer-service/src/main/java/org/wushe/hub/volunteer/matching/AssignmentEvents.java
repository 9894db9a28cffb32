package org.wushe.hub.volunteer.matching;

import java.time.Instant;
import java.util.UUID;
import org.wushe.hub.events.volunteer.AssignmentAnswer;
import org.wushe.hub.events.volunteer.AssignmentAnswerKind;
import org.wushe.hub.events.volunteer.AssignmentDeclineReason;
import org.wushe.hub.events.volunteer.VolunteerAvailabilityDeclared;
import org.wushe.hub.volunteer.availability.Availability;
import org.wushe.hub.volunteer.availability.AvailabilityEvents;

/**
 * A volunteer's answer to an assignment, as {@code VolunteerAvailabilityDeclared} with {@code assignmentAnswer} and
 * their availability unchanged; only the decline's category travels, never their own words. Keyed by the volunteer.
 */
final class AssignmentEvents {

    private AssignmentEvents() {}

    static VolunteerAvailabilityDeclared answered(
            Assignment a,
            AssignmentAnswerKind answer,
            AssignmentDeclineReason reason,
            Availability availability,
            Instant now) {
        return VolunteerAvailabilityDeclared.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setVolunteerId(a.volunteerId())
                .setAvailability(AvailabilityEvents.toAvro(availability))
                .setAssignmentAnswer(AssignmentAnswer.newBuilder()
                        .setMatchId(a.matchId())
                        .setNeedId(a.needId())
                        .setAnswer(answer)
                        .setDeclineReason(reason)
                        .build())
                .build();
    }
}
