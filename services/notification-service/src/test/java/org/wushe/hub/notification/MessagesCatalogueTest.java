package org.wushe.hub.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.notification.outbox.Notification;
import org.wushe.hub.notification.outbox.NotificationKind;
import org.wushe.hub.notification.outbox.NotificationTexts;
import org.wushe.hub.notification.outbox.Recipient;
import org.wushe.hub.platform.core.Language;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.testing.MessageCatalogue;

/** notification-service's texts: both languages agree, every code the service names is in a catalogue. */
class MessagesCatalogueTest {

    @Test
    void bothLanguagesHoldTheSameKeysAndEveryCodeNamedExists() {
        MessageCatalogue.assertBothLanguagesAgree("messages/service");
        assertThat(MessageCatalogue.assertEveryCodeExists(
                        Path.of("src/main/java"), "messages/service", "messages/platform"))
                .contains("inbox.size-range", "preference.email-invalid", "inbox.not-found");
        // Codes a notification names by its kind, its body and its arguments (not written as Messages.text calls).
        List<String> named = new java.util.ArrayList<>(List.of(
                "notification.assignment.body",
                "notification.assignment.body-unscheduled",
                "notification.sign-up.approved",
                "notification.sign-up.rejected",
                "notification.sign-up.moved-up",
                "notification.reminder.body",
                "notification.certificate.body",
                "notification.left.body",
                "notification.deadline.body",
                "notification.mail.footer"));
        for (var kind : org.wushe.hub.events.common.ActivityKind.values()) {
            named.add("activity.kind." + kind.name());
        }
        for (var reason : org.wushe.hub.events.volunteer.SignUpRejectReason.values()) {
            named.add("sign-up.reason." + reason.name());
        }
        assertThat(named)
                .allSatisfy(code -> assertThat(Messages.has(code)).as(code).isTrue());
        for (NotificationKind kind : NotificationKind.values()) {
            assertThat(Messages.has(kind.titleCode())).as(kind.titleCode()).isTrue();
        }
    }

    @Test
    void aBodyPutsTextArgumentsIntoTheLanguageOfTheSentence() {
        Notification n = new Notification(
                UUID.randomUUID(),
                Recipient.volunteer(UUID.randomUUID()),
                NotificationKind.ACTIVITY_REMINDER,
                "activity:x",
                "notification.reminder.body",
                List.of(NotificationTexts.text("activity.kind.NEIGHBOURHOOD_FESTIVAL"), "2026-12-08 09:00"),
                "/volunteer",
                java.time.Instant.now(),
                null);
        assertThat(NotificationTexts.body(n, Language.EN))
                .isEqualTo(
                        "Reminder: the activity you signed up for (neighbourhood festival) starts at 2026-12-08 09:00 "
                                + "(Beijing time).");
        assertThat(NotificationTexts.body(n, Language.ZH))
                .startsWith("提醒：您报名的活动（邻里节）将于 2026-12-08 09:00（北京时间）开始。")
                .endsWith("(neighbourhood festival) starts at 2026-12-08 09:00 (Beijing time).");
        assertThat(NotificationTexts.title(n, Language.ZH)).isEqualTo("活动提醒 Activity reminder");
    }
}
