package org.wushe.hub.notification.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.notification.support.Events;
import org.wushe.hub.notification.support.ServiceScenario;
import org.wushe.hub.notification.support.Smtp;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.testing.Http;

/** The SMTP server down: the e-mail delivery is retried with back-off, and sent once the server is back. */
class SmtpOutageTest extends ServiceScenario {

    @Test
    void aDeliveryWaitsForTheSmtpServerAndIsSentWhenItComesBack() {
        UUID volunteer = UUID.randomUUID();
        String address = email("outage");
        Http me = asVolunteer(volunteer);
        preferences(me, address);

        Smtp.stop();
        UUID id;
        try {
            publish(Aggregate.VOLUNTEER, volunteer, Events.certificate(volunteer, "OUT4GE01"));
            id = notificationOf("volunteer", volunteer, "CERTIFICATE_READY");
            // The in-app copy is there at once; the e-mail is tried, fails, and waits for another attempt.
            assertThat(inbox(me, "CERTIFICATE_READY")).hasSize(1);
            await().atMost(WAIT)
                    .until(() -> jdbc.queryForObject(
                                    "SELECT attempts FROM delivery WHERE notification_id = ? AND channel = 'email'",
                                    Integer.class,
                                    id)
                            >= 2);
            assertThat(delivery(id, EmailChannel.NAME)).isEqualTo("pending");
            assertThat(jdbc.queryForObject(
                            "SELECT last_error FROM delivery WHERE notification_id = ? AND channel = 'email'",
                            String.class,
                            id))
                    .isNotBlank();
        } finally {
            Smtp.start();
        }

        await().atMost(WAIT).until(() -> Smtp.to(address).size() == 1);
        await().atMost(WAIT).until(() -> "sent".equals(delivery(id, EmailChannel.NAME)));
        assertThat(Smtp.to(address)).hasSize(1);
        assertThat(jdbc.queryForObject(
                        "SELECT sent_at IS NOT NULL FROM delivery WHERE notification_id = ? AND channel = 'email'",
                        Boolean.class,
                        id))
                .isTrue();
    }
}
