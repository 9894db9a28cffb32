package org.wushe.hub.notification.preference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.notification.outbox.EmailChannel;
import org.wushe.hub.notification.outbox.InAppChannel;
import org.wushe.hub.notification.support.Events;
import org.wushe.hub.notification.support.ServiceScenario;
import org.wushe.hub.notification.support.Smtp;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.testing.Http;
import tools.jackson.databind.JsonNode;

/** Each person chooses: e-mail turned off for a kind sends no mail (the delivery is skipped); the inbox still has it. */
class PreferencesTest extends ServiceScenario {

    @Test
    void emailTurnedOffForAKindIsSkippedAndTheInboxStillHasIt() throws Exception {
        UUID volunteer = UUID.randomUUID();
        String address = email("no-certificate-mail");
        Http me = asVolunteer(volunteer);
        preferences(me, address, Http.map("kind", "CERTIFICATE_READY", "inApp", true, "email", false));

        publish(Aggregate.VOLUNTEER, volunteer, Events.certificate(volunteer, "NOMA1L01"));
        UUID id = notificationOf("volunteer", volunteer, "CERTIFICATE_READY");
        await().atMost(WAIT).until(() -> "skipped".equals(delivery(id, EmailChannel.NAME)));
        assertThat(jdbc.queryForObject(
                        "SELECT last_error FROM delivery WHERE notification_id = ? AND channel = 'email'",
                        String.class,
                        id))
                .contains("turned off");
        assertThat(delivery(id, InAppChannel.NAME)).isEqualTo("sent");
        JsonNode item = inbox(me, "CERTIFICATE_READY").get(0);
        assertThat(item.get("link").asText()).isEqualTo("/verify/NOMA1L01");
        assertThat(item.get("body").asText()).contains("NOMA1L01").contains("12.5");
        awaitSettled("volunteer", volunteer);
        assertThat(Smtp.to(address)).isEmpty();
    }

    @Test
    void inAppTurnedOffKeepsItOutOfTheInbox() {
        UUID volunteer = UUID.randomUUID();
        Http me = asVolunteer(volunteer);
        preferences(me, null, Http.map("kind", "CERTIFICATE_READY", "inApp", false));

        publish(Aggregate.VOLUNTEER, volunteer, Events.certificate(volunteer, "NOINAPP1"));
        UUID id = notificationOf("volunteer", volunteer, "CERTIFICATE_READY");
        assertThat(delivery(id, InAppChannel.NAME)).isEqualTo("skipped");
        // No address set: e-mail is skipped for that reason.
        await().atMost(WAIT).until(() -> "skipped".equals(delivery(id, EmailChannel.NAME)));
        assertThat(jdbc.queryForObject(
                        "SELECT last_error FROM delivery WHERE notification_id = ? AND channel = 'email'",
                        String.class,
                        id))
                .contains("no email address");
        assertThat(inbox(me, "CERTIFICATE_READY")).isEmpty();
    }

    @Test
    void theSettingsReadBackWithDefaultsAndEachReadOfTheAddressIsLogged() {
        UUID volunteer = UUID.randomUUID();
        Http me = asVolunteer(volunteer);
        JsonNode fresh = me.get("/notifications/me/preferences").json();
        assertThat(fresh.has("email")).isFalse();
        assertThat(fresh.get("language").asText()).isEqualTo("zh-CN");
        assertThat(fresh.get("kinds")).hasSize(5).allSatisfy(k -> {
            assertThat(k.get("inApp").asBoolean()).isTrue();
            assertThat(k.get("email").asBoolean()).isTrue();
        });

        String address = email("settings");
        Http.Response put = me.put(
                "/notifications/me/preferences",
                Http.map(
                        "email",
                        address,
                        "language",
                        "en",
                        "kinds",
                        java.util.List.of(Http.map("kind", "ACTIVITY_REMINDER", "email", false))));
        assertThat(put.status()).as(put.text()).isEqualTo(200);
        JsonNode read = me.get("/notifications/me/preferences").json();
        assertThat(read.get("email").asText()).isEqualTo(address);
        assertThat(read.get("language").asText()).isEqualTo("en");
        JsonNode reminder = null;
        for (JsonNode k : read.get("kinds")) {
            if (k.get("kind").asText().equals("ACTIVITY_REMINDER")) {
                reminder = k;
            }
        }
        assertThat(reminder.get("email").asBoolean()).isFalse();
        assertThat(reminder.get("inApp").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM contact_access WHERE recipient_id = ? AND actor = ?",
                        Integer.class,
                        volunteer,
                        "v-" + volunteer))
                .isEqualTo(2); // the PUT's answer and the GET
    }
}
