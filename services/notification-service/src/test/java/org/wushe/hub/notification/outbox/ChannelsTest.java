package org.wushe.hub.notification.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wushe.hub.notification.support.RecordingChannel;
import org.wushe.hub.notification.support.ServiceScenario;
import org.wushe.hub.platform.core.Language;

/**
 * The channel interface: one more {@link NotificationChannel} bean (here the tests' {@link RecordingChannel}, as an
 * SMS or WeChat adapter would be) is picked up, gets a delivery of each new notification, and receives it from the
 * dispatcher with the recipient's contact; the back-off doubles up to its maximum.
 */
class ChannelsTest extends ServiceScenario {

    @Autowired
    Notifications notifications;

    @Autowired
    Dispatcher dispatcher;

    @Test
    void aSecondChannelBeanIsPickedUpAndReceivesDeliveries() {
        assertThat(notifications.channelNames()).contains(InAppChannel.NAME, EmailChannel.NAME, RecordingChannel.NAME);
        UUID volunteer = UUID.randomUUID();
        preferences(asVolunteer(volunteer), null);
        jdbc.update("UPDATE preference SET language = 'en' WHERE recipient_id = ?", volunteer);
        UUID certificate = UUID.randomUUID();
        assertThat(notifications.notify(
                        Recipient.volunteer(volunteer),
                        NotificationKind.CERTIFICATE_READY,
                        "certificate:" + certificate,
                        "notification.certificate.body",
                        List.of("CHANNEL1", "1.5"),
                        "/verify/CHANNEL1"))
                .isTrue();
        assertThat(notifications.notify(
                        Recipient.volunteer(volunteer),
                        NotificationKind.CERTIFICATE_READY,
                        "certificate:" + certificate,
                        "notification.certificate.body",
                        List.of("CHANNEL1", "1.5"),
                        "/verify/CHANNEL1"))
                .as("once per kind, ref and recipient")
                .isFalse();
        UUID id = notificationOf("volunteer", volunteer, "CERTIFICATE_READY");

        await().atMost(WAIT).until(() -> "sent".equals(delivery(id, RecordingChannel.NAME)));
        List<RecordingChannel.Sent> mine = recording.sent().stream()
                .filter(s -> s.notification().id().equals(id))
                .toList();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).contact().recipient()).isEqualTo(Recipient.volunteer(volunteer));
        assertThat(mine.get(0).contact().language()).isEqualTo(Language.EN);
        assertThat(NotificationTexts.body(mine.get(0).notification(), Language.EN))
                .isEqualTo("Your service record certificate was issued: 1.5 hours in all, verification code CHANNEL1.");
    }

    @Test
    void theBackOffDoublesUpToItsMaximum() {
        // The tests' settings: retry-base 0.5 s, retry-max 1 s.
        assertThat(dispatcher.backoff(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(dispatcher.backoff(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(dispatcher.backoff(30)).isEqualTo(Duration.ofSeconds(1));
    }
}
