package org.wushe.hub.notification.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wushe.hub.events.common.SignUpStatus;
import org.wushe.hub.notification.outbox.Departures;
import org.wushe.hub.notification.outbox.EmailChannel;
import org.wushe.hub.notification.outbox.InAppChannel;
import org.wushe.hub.notification.support.Events;
import org.wushe.hub.notification.support.ServiceScenario;
import org.wushe.hub.notification.support.Smtp;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.events.EventEnvelope;
import org.wushe.hub.testing.Http;

/**
 * A volunteer erases their account (VolunteerLeft) while an e-mail to them waits for the SMTP server: the e-mail is
 * skipped (left) and never sent, their settings and sealed address are deleted, their notification kept but emptied,
 * the log of reads of their address kept; the event again changes nothing; a MatchAccepted crossing the erasure and
 * the day-before reminder of their activity create nothing for them.
 */
class LeavingTest extends ServiceScenario {

    @Autowired
    Watches watches;

    @Test
    void aVolunteerWhoLeftIsLetGoOfAndNothingIsWrittenForThemAgain() throws Exception {
        UUID volunteer = UUID.randomUUID();
        UUID activity = UUID.randomUUID();
        UUID signUp = UUID.randomUUID();
        String address = email("leaving");
        Http me = asVolunteer(volunteer);
        preferences(me, address, java.util.Map.of("kind", "CERTIFICATE_READY", "email", false));
        assertThat(me.get("/notifications/me/preferences").status()).isEqualTo(200); // a logged read
        Instant start = Instant.now().plus(Duration.ofHours(12));

        long[] readsAfterLeaving = {-1};
        Smtp.stop();
        UUID decision;
        try {
            publish(Aggregate.VOLUNTEER, activity, Events.activity(activity, start));
            publish(
                    Aggregate.VOLUNTEER,
                    activity,
                    Events.signedUp(signUp, activity, volunteer, SignUpStatus.PENDING, Instant.now()));
            publish(Aggregate.VOLUNTEER, activity, Events.approved(signUp, activity, volunteer));
            decision = notificationOf("volunteer", volunteer, "SIGN_UP_DECISION");
            await().atMost(WAIT)
                    .until(() -> jdbc.queryForObject(
                                    "SELECT attempts FROM delivery WHERE notification_id = ? AND channel = 'email'",
                                    Integer.class,
                                    decision)
                            >= 1);
            assertThat(delivery(decision, EmailChannel.NAME)).isEqualTo("pending");
            assertThat(rows("watched_sign_up", "volunteer_id", volunteer)).isEqualTo(1);
            long accessLog = rows("contact_access", "recipient_id", volunteer);
            assertThat(accessLog).isGreaterThanOrEqualTo(2);

            EventEnvelope left = publish(Aggregate.VOLUNTEER, volunteer, Events.left(volunteer));
            awaitProcessed(left);

            assertThat(delivery(decision, EmailChannel.NAME)).isEqualTo("skipped");
            assertThat(jdbc.queryForObject(
                            "SELECT last_error FROM delivery WHERE notification_id = ? AND channel = 'email'",
                            String.class,
                            decision))
                    .isEqualTo(Departures.LEFT);
            assertThat(delivery(decision, InAppChannel.NAME)).isEqualTo("sent");
            assertThat(jdbc.queryForObject(
                            "SELECT args ->> 'body' FROM notification WHERE id = ?", String.class, decision))
                    .isEqualTo(Departures.BODY);
            assertThat(jdbc.queryForObject(
                            "SELECT jsonb_array_length(args -> 'args') FROM notification WHERE id = ?",
                            Integer.class,
                            decision))
                    .isZero();
            assertThat(jdbc.queryForObject("SELECT link FROM notification WHERE id = ?", String.class, decision))
                    .isNull();
            assertThat(rows("preference", "recipient_id", volunteer)).isZero();
            assertThat(rows("contact", "recipient_id", volunteer)).isZero();
            assertThat(rows("channel_choice", "recipient_id", volunteer)).isZero();
            assertThat(rows("watched_sign_up", "volunteer_id", volunteer)).isZero();
            // The log of reads stays (the dispatcher may have read the address once more before the erasure).
            long logAfterLeaving = rows("contact_access", "recipient_id", volunteer);
            assertThat(logAfterLeaving).isGreaterThanOrEqualTo(accessLog);
            readsAfterLeaving[0] = logAfterLeaving;
            assertThat(rows("departed_recipient", "recipient_id", volunteer)).isEqualTo(1);

            // A token issued before the erasure cannot store an address again: 410, as a problem.
            Http.Response again410 = me.put(
                    "/notifications/me/preferences",
                    Http.map("email", address, "language", "zh-CN", "kinds", java.util.List.of()));
            assertThat(again410.status()).as(again410.text()).isEqualTo(410);
            assertThat(again410.contentType()).contains("application/problem+json");
            assertThat(rows("contact", "recipient_id", volunteer)).isZero();
            assertThat(rows("preference", "recipient_id", volunteer)).isZero();

            // The event again (another id): nothing changes.
            EventEnvelope again = publish(Aggregate.VOLUNTEER, volunteer, Events.left(volunteer));
            awaitProcessed(again);
            assertThat(rows("departed_recipient", "recipient_id", volunteer)).isEqualTo(1);
            assertThat(delivery(decision, EmailChannel.NAME)).isEqualTo("skipped");
        } finally {
            Smtp.start();
        }

        // A MatchAccepted that crossed the erasure, a sign-up event read late, and the day-before reminder: nothing.
        UUID match = UUID.randomUUID();
        EventEnvelope accepted =
                publish(Aggregate.MATCH, match, Events.accepted(match, UUID.randomUUID(), volunteer, start));
        EventEnvelope late = publish(
                Aggregate.VOLUNTEER,
                activity,
                Events.signedUp(UUID.randomUUID(), activity, volunteer, SignUpStatus.CONFIRMED, Instant.now()));
        awaitProcessed(accepted);
        awaitProcessed(late);
        watches.remind(Clock.fixed(start.minus(Duration.ofHours(2)), ZoneOffset.UTC));
        assertThat(count("volunteer", volunteer, "ASSIGNMENT")).isZero();
        assertThat(count("volunteer", volunteer, "ACTIVITY_REMINDER")).isZero();
        assertThat(rows("watched_sign_up", "volunteer_id", volunteer)).isZero();
        assertThat(rows("notification", "recipient_id", volunteer)).isEqualTo(1);

        awaitSettled("volunteer", volunteer);
        assertThat(Smtp.to(address)).isEmpty();
        assertThat(delivery(decision, EmailChannel.NAME)).isEqualTo("skipped");
        assertThat(rows("contact_access", "recipient_id", volunteer))
                .as("no read of their address after they left")
                .isEqualTo(readsAfterLeaving[0]);
    }

    private long rows(String table, String column, UUID id) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE " + column + " = ?", Long.class, id);
    }
}
