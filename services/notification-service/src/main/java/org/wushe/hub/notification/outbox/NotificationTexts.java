package org.wushe.hub.notification.outbox;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.wushe.hub.platform.core.Calendar;
import org.wushe.hub.platform.core.Language;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.i18n.Text;

/** A notification's title and body in a language, from the catalogue ({@code notification.*}). */
public final class NotificationTexts {

    /** Times in notifications: China Standard Time, to the minute. */
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Calendar.ZONE);

    /** An argument naming a text of the catalogue instead of a literal value. */
    public static final String TEXT_PREFIX = "text:";

    private NotificationTexts() {}

    public static String title(Notification n, Language language) {
        return Messages.text(language, n.kind().titleCode());
    }

    public static String body(Notification n, Language language) {
        return Messages.text(language, n.bodyCode(), arguments(n));
    }

    /** An instant as notifications show it: {@code 2026-12-08 09:30} (Beijing time). */
    public static String when(Instant at) {
        return at == null ? "-" : WHEN.format(at);
    }

    /** An argument that is a text of the catalogue, put into the language of the sentence around it. */
    public static String text(String code) {
        return TEXT_PREFIX + code;
    }

    private static Object[] arguments(Notification n) {
        return n.args().stream()
                .map(a -> a != null && a.startsWith(TEXT_PREFIX) ? Text.of(a.substring(TEXT_PREFIX.length())) : a)
                .toArray();
    }
}
