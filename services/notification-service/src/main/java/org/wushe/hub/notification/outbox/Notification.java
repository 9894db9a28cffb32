package org.wushe.hub.notification.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One notification to one recipient. Its texts are drawn from the catalogue when shown or sent, in the
 * reader's language: the title by its kind, the body by {@code bodyCode} with {@code args} (ids, times and
 * numbers; an argument {@code text:<code>} is itself a text of the catalogue, e.g. an activity's kind).
 *
 * @param ref  what it is about (a match, a sign-up, an activity and volunteer, a certificate): once per kind,
 *             ref and recipient
 * @param link a page of the portal, e.g. {@code /verify/AB12CD34}; may be null
 */
public record Notification(
        UUID id,
        Recipient recipient,
        NotificationKind kind,
        String ref,
        String bodyCode,
        List<String> args,
        String link,
        Instant createdAt,
        Instant readAt) {

    public Notification {
        args = List.copyOf(args);
    }
}
