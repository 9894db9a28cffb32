package org.wushe.hub.notification.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wushe.hub.events.common.SignUpStatus;
import org.wushe.hub.notification.support.Events;
import org.wushe.hub.notification.support.ServiceScenario;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.events.EventEnvelope;
import tools.jackson.databind.JsonNode;

/**
 * The day before: of an activity starting in 20 hours, the approved volunteer is reminded once; the waiting-listed
 * and the withdrawn ones are not (nor one whose withdrawal was read before an older sign-up event); of a cancelled
 * activity, nobody. The scheduler is driven with a fixed clock.
 */
class ReminderTest extends ServiceScenario {

    @Autowired
    Watches watches;

    @Test
    void onlyTheVolunteerHoldingAPlaceIsRemindedOnceAndNobodyOfACancelledActivity() {
        Instant now = Instant.now();
        Instant start = now.plus(Duration.ofHours(20));
        UUID activity = UUID.randomUUID();
        UUID approved = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        UUID withdrawn = UUID.randomUUID();
        UUID lateRead = UUID.randomUUID();
        UUID approvedSignUp = UUID.randomUUID();
        UUID withdrawnSignUp = UUID.randomUUID();
        UUID lateSignUp = UUID.randomUUID();

        publish(Aggregate.VOLUNTEER, activity, Events.activity(activity, start));
        publish(
                Aggregate.VOLUNTEER,
                activity,
                Events.signedUp(approvedSignUp, activity, approved, SignUpStatus.PENDING, now.minusSeconds(60)));
        publish(Aggregate.VOLUNTEER, activity, Events.approved(approvedSignUp, activity, approved));
        publish(
                Aggregate.VOLUNTEER,
                activity,
                Events.signedUp(UUID.randomUUID(), activity, waiting, SignUpStatus.WAITLISTED, now.minusSeconds(50)));
        publish(
                Aggregate.VOLUNTEER,
                activity,
                Events.signedUp(withdrawnSignUp, activity, withdrawn, SignUpStatus.CONFIRMED, now.minusSeconds(40)));
        publish(
                Aggregate.VOLUNTEER,
                activity,
                Events.withdrawn(withdrawnSignUp, activity, withdrawn, now.minusSeconds(30)));
        // Read out of order: the withdrawal first, then the older sign-up; the withdrawal stands.
        publish(Aggregate.VOLUNTEER, activity, Events.withdrawn(lateSignUp, activity, lateRead, now.minusSeconds(20)));
        EventEnvelope last = publish(
                Aggregate.VOLUNTEER,
                activity,
                Events.signedUp(lateSignUp, activity, lateRead, SignUpStatus.CONFIRMED, now.minusSeconds(25)));
        awaitProcessed(last);

        UUID cancelledActivity = UUID.randomUUID();
        UUID ofCancelled = UUID.randomUUID();
        publish(Aggregate.VOLUNTEER, cancelledActivity, Events.activity(cancelledActivity, start));
        publish(
                Aggregate.VOLUNTEER,
                cancelledActivity,
                Events.signedUp(
                        UUID.randomUUID(),
                        cancelledActivity,
                        ofCancelled,
                        SignUpStatus.CONFIRMED,
                        now.minusSeconds(10)));
        awaitProcessed(publish(Aggregate.VOLUNTEER, cancelledActivity, Events.cancelled(cancelledActivity)));
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM watched_sign_up WHERE activity_id IN (?, ?)",
                                Integer.class,
                                activity,
                                cancelledActivity)
                        == 5);

        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        // Too early: 30 hours before, nobody yet.
        watches.remind(Clock.fixed(start.minus(Duration.ofHours(30)), ZoneOffset.UTC));
        assertThat(count("volunteer", approved, "ACTIVITY_REMINDER")).isZero();

        watches.remind(clock);
        watches.remind(clock);
        watches.remind(Clock.offset(clock, Duration.ofHours(2)));

        assertThat(count("volunteer", approved, "ACTIVITY_REMINDER")).isEqualTo(1);
        for (UUID none : List.of(waiting, withdrawn, lateRead, ofCancelled)) {
            assertThat(count("volunteer", none, "ACTIVITY_REMINDER"))
                    .as(none.toString())
                    .isZero();
        }
        List<JsonNode> reminders = inbox(asVolunteer(approved), "ACTIVITY_REMINDER");
        assertThat(reminders).hasSize(1);
        assertThat(reminders.get(0).get("body").asText()).contains("义诊").contains("free clinic");
        // The approval itself was a sign-up decision for the volunteer.
        assertThat(inbox(asVolunteer(approved), "SIGN_UP_DECISION")).hasSize(1);
    }

    @Test
    void anOlderActivityEventReadLateNeitherMovesTheStartBackNorUndoesACancellation() {
        Instant now = Instant.now();
        UUID moved = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        UUID ofMoved = UUID.randomUUID();
        UUID ofCancelled = UUID.randomUUID();
        // Moved to 20 h from now; the older publication (50 h from now) is read after it.
        publish(
                Aggregate.VOLUNTEER,
                moved,
                Events.changed(moved, now.plus(Duration.ofHours(20)), now.minusSeconds(60)));
        publish(
                Aggregate.VOLUNTEER,
                moved,
                Events.activity(moved, now.plus(Duration.ofHours(50)), now.minusSeconds(600)));
        publish(
                Aggregate.VOLUNTEER,
                moved,
                Events.signedUp(UUID.randomUUID(), moved, ofMoved, SignUpStatus.CONFIRMED, now.minusSeconds(30)));
        // Cancelled; its publication, older, read after it.
        publish(Aggregate.VOLUNTEER, cancelled, Events.cancelled(cancelled));
        publish(
                Aggregate.VOLUNTEER,
                cancelled,
                Events.activity(cancelled, now.plus(Duration.ofHours(20)), now.minusSeconds(600)));
        awaitProcessed(publish(
                Aggregate.VOLUNTEER,
                cancelled,
                Events.signedUp(
                        UUID.randomUUID(), cancelled, ofCancelled, SignUpStatus.CONFIRMED, now.minusSeconds(30))));
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM watched_sign_up WHERE activity_id IN (?, ?)",
                                Integer.class,
                                moved,
                                cancelled)
                        == 2);

        watches.remind(Clock.fixed(now, ZoneOffset.UTC));

        assertThat(count("volunteer", ofMoved, "ACTIVITY_REMINDER")).isEqualTo(1);
        assertThat(count("volunteer", ofCancelled, "ACTIVITY_REMINDER")).isZero();
        assertThat(jdbc.queryForObject("SELECT cancelled FROM watched_activity WHERE id = ?", Boolean.class, cancelled))
                .isTrue();
    }
}
