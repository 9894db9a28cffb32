package org.wushe.hub.volunteer.matching;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.events.volunteer.AssignmentAnswerKind;
import org.wushe.hub.events.volunteer.AssignmentDeclineReason;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.volunteer.availability.AvailabilityService;
import org.wushe.hub.volunteer.volunteer.VolunteerErased;
import org.wushe.hub.volunteer.web.Problems;

/**
 * A volunteer answers a match proposed or accepted for them: confirms it, or declines it with a reason.
 * The answer is stored and published in one transaction as {@code VolunteerAvailabilityDeclared} with
 * {@code assignmentAnswer} (their availability unchanged); the matching service declines a declined match
 * and proposes the next candidate. The volunteer's own words stay here, only the category travels.
 * Answering again the same way changes nothing and publishes nothing; a declined, completed or (for
 * a confirmation) already confirmed assignment cannot be answered otherwise (409).
 */
@Service
public class AssignmentAnswers {

    /** Stored as the decline's reason (staff see it in the assignment); no words of the volunteer. */
    static final String LEFT = "志愿者已注销 the volunteer has left";

    private final AssignmentRepository assignments;
    private final AvailabilityService availability;
    private final OutboxWriter outbox;
    private final Clock clock;

    public AssignmentAnswers(
            AssignmentRepository assignments, AvailabilityService availability, OutboxWriter outbox, Clock clock) {
        this.assignments = assignments;
        this.availability = availability;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Assignment confirm(UUID volunteerId, UUID matchId) {
        Assignment a = locked(volunteerId, matchId);
        if (a.status() == Assignment.Status.CONFIRMED) {
            return a;
        }
        if (a.status() != Assignment.Status.PROPOSED && a.status() != Assignment.Status.ACCEPTED) {
            throw Problems.conflict("matchId", Messages.text("assignment.not-confirmable", a.status()));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        assignments.confirmed(matchId, now);
        publish(a, AssignmentAnswerKind.CONFIRMED, null, now);
        return assignments.lock(matchId).orElseThrow();
    }

    @Transactional
    public Assignment decline(UUID volunteerId, UUID matchId, Assignment.DeclineCategory category, String reason) {
        Assignment a = locked(volunteerId, matchId);
        if (a.status() == Assignment.Status.DECLINED && "VOLUNTEER".equals(a.declinedBy())) {
            return a; // declined already: a repeated request changes nothing
        }
        if (a.status() == Assignment.Status.DECLINED || a.status() == Assignment.Status.COMPLETED) {
            throw Problems.conflict("matchId", Messages.text("assignment.not-declinable", a.status()));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        assignments.declinedByVolunteer(matchId, category, reason, now);
        publish(a, AssignmentAnswerKind.DECLINED, AssignmentDeclineReason.valueOf(category.name()), now);
        return assignments.lock(matchId).orElseThrow();
    }

    /**
     * A volunteer who erased their account cannot do what was proposed or accepted for them: each open assignment of
     * theirs is declined on their behalf (UNAVAILABLE, no words of theirs), so matching proposes the next candidate.
     */
    @EventListener
    void on(VolunteerErased erased) {
        assignments.of(erased.volunteerId(), Integer.MAX_VALUE).stream()
                .filter(a -> a.status().open())
                .forEach(a -> declineForLeaver(a.matchId(), erased.at()));
    }

    /**
     * Declines the match on behalf of a volunteer who left, if it is still open: also a match accepted after the
     * erasure (the acceptance crossed it). Published as their answer, DECLINED with UNAVAILABLE.
     */
    void declineForLeaver(UUID matchId, Instant at) {
        assignments.lock(matchId).filter(a -> a.status().open()).ifPresent(a -> {
            Instant now = at.truncatedTo(ChronoUnit.MILLIS);
            assignments.declinedByVolunteer(matchId, Assignment.DeclineCategory.UNAVAILABLE, LEFT, now);
            publish(a, AssignmentAnswerKind.DECLINED, AssignmentDeclineReason.UNAVAILABLE, now);
        });
    }

    /** The volunteer's assignment, locked; 404 naming {@code matchId} when it is not theirs or not known. */
    private Assignment locked(UUID volunteerId, UUID matchId) {
        return assignments
                .lock(matchId)
                .filter(a -> a.volunteerId().equals(volunteerId))
                .orElseThrow(() ->
                        Problems.notFound("matchId", Messages.text("assignment.not-found", matchId, volunteerId)));
    }

    private void publish(Assignment a, AssignmentAnswerKind answer, AssignmentDeclineReason reason, Instant now) {
        outbox.publish(
                Aggregate.VOLUNTEER,
                a.volunteerId().toString(),
                AssignmentEvents.answered(a, answer, reason, availability.load(a.volunteerId()), now));
    }
}
