package org.wushe.hub.notification.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes notifications and their deliveries, and answers a recipient's inbox. A notification is written once
 * per kind, ref and recipient; with it one delivery per channel: decided at once for a channel that delivers by
 * being written (in-app: sent, or skipped when turned off), pending for the {@link Dispatcher} otherwise.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final NotificationRepository repository;
    private final List<NotificationChannel> channels;
    private final ContactBook contacts;
    private final Clock clock;

    public Notifications(
            NotificationRepository repository, List<NotificationChannel> channels, ContactBook contacts, Clock clock) {
        this.repository = repository;
        this.channels = List.copyOf(channels);
        this.contacts = contacts;
        this.clock = clock;
    }

    /**
     * Notifies the recipient of {@code kind} about {@code ref}, unless that was done before or the recipient left
     * ({@link Departures}); true when written now. Runs in the caller's transaction (the consumer's, which records the event processed).
     */
    @Transactional
    public boolean notify(
            Recipient recipient, NotificationKind kind, String ref, String bodyCode, List<String> args, String link) {
        repository.lockRecipient(recipient);
        if (repository.departed(recipient)) {
            log.debug("{} left: no {} about {}", recipient, kind, ref);
            return false;
        }
        Instant now = clock.instant();
        Notification n = new Notification(UUID.randomUUID(), recipient, kind, ref, bodyCode, args, link, now, null);
        if (!repository.insert(n)) {
            log.debug("{} {} for {} already notified", kind, ref, recipient);
            return false;
        }
        for (NotificationChannel channel : channels) {
            if (channel.deliveredOnWrite()) {
                ContactBook.Reach reach = contacts.reach(n, channel, "deliver notification " + n.id());
                repository.insertDelivery(
                        n.id(),
                        channel.name(),
                        reach.isSkipped() ? "skipped" : "sent",
                        now,
                        reach.skipped(),
                        reach.isSkipped() ? null : now);
            } else {
                repository.insertDelivery(n.id(), channel.name(), "pending", now, null, null);
            }
        }
        return true;
    }

    /** The names of the channels installed (in-app, e-mail, …). */
    public List<String> channelNames() {
        return channels.stream().map(NotificationChannel::name).toList();
    }

    public List<Notification> inbox(List<Recipient> recipients, boolean unreadOnly, int page, int size) {
        return repository.inbox(recipients, unreadOnly, page, size);
    }

    public long unread(List<Recipient> recipients) {
        return repository.unread(recipients);
    }

    /** Marks one of the recipients' notifications read; false when none of theirs has the id. */
    @Transactional
    public boolean markRead(UUID id, List<Recipient> recipients) {
        return repository.markRead(id, recipients, clock.instant());
    }

    @Transactional
    public int markAllRead(List<Recipient> recipients) {
        return repository.markAllRead(recipients, clock.instant());
    }
}
