package org.wushe.hub.volunteer.activity;

import java.time.Instant;
import java.util.Comparator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.volunteer.volunteer.VolunteerErased;

/**
 * When a volunteer erases their account, their live sign-ups for positions that have not started are withdrawn (as
 * by the volunteer: SignUpWithdrawn each, and the waiting list moves up), in the erasing transaction.
 */
@Component
class ErasedVolunteers {

    private final ActivityRepository activities;
    private final SignUpService signUps;
    private final OutboxWriter outbox;

    ErasedVolunteers(ActivityRepository activities, SignUpService signUps, OutboxWriter outbox) {
        this.activities = activities;
        this.signUps = signUps;
        this.outbox = outbox;
    }

    @EventListener
    void on(VolunteerErased erased) {
        Instant now = erased.at();
        activities.signUpsOfVolunteer(erased.volunteerId(), Integer.MAX_VALUE).stream()
                .filter(s -> s.status().live())
                .sorted(Comparator.comparing(SignUp::activityId))
                .forEach(seen -> {
                    Activity a = activities.findForShare(seen.activityId()).orElseThrow();
                    Position p = activities
                            .positionForUpdate(seen.activityId(), seen.positionId())
                            .orElse(null);
                    if (p == null || !now.isBefore(p.startsAt())) {
                        return;
                    }
                    SignUp s = activities.signUp(seen.activityId(), seen.id()).orElseThrow();
                    if (!s.status().live()) {
                        return;
                    }
                    activities.end(s.id(), SignUp.Status.WITHDRAWN, erased.by(), now);
                    outbox.publish(Aggregate.VOLUNTEER, a.id().toString(), ActivityEvents.withdrawn(s, true, now));
                    if (s.status().holdsPlace()) {
                        signUps.fillFromWaitingList(a, p, now);
                    }
                });
    }
}
