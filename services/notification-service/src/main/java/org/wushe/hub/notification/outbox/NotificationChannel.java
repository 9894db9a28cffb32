package org.wushe.hub.notification.outbox;

import java.util.Optional;

/**
 * A way notifications reach people. Each bean is a channel: every new notification gets one delivery per
 * channel, which the {@link Dispatcher} sends through {@link #send} (or skips, when the recipient turned the
 * channel off for that kind or has no address on it). An SMS or WeChat adapter is one more bean; see the
 * README ("Adding a channel").
 */
public interface NotificationChannel {

    /** The channel's name, stored with its deliveries and choices: {@code in-app}, {@code email}, {@code sms}, … */
    String name();

    /** Whether a recipient needs an address on this channel (an e-mail address, a phone number) to be reached. */
    default boolean needsAddress() {
        return true;
    }

    /** Why this channel cannot send at all (not configured), or empty; its deliveries are then skipped with it. */
    default Optional<String> unavailable() {
        return Optional.empty();
    }

    /** Whether the notification is delivered by being written (the in-app inbox): decided then, not dispatched. */
    default boolean deliveredOnWrite() {
        return false;
    }

    /**
     * Sends the notification to the contact. Throwing means not sent: the dispatcher retries with back-off, up
     * to its maximum of attempts; a retry must not send twice what went out (an SMTP server that accepted the
     * message before failing is the rare exception every mail system shares).
     */
    void send(Notification notification, Contact contact) throws Exception;
}
