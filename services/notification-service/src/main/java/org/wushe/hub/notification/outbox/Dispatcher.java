package org.wushe.hub.notification.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.hub.notification.NotificationProperties;
import org.wushe.hub.platform.actor.Actor;

/**
 * Works through the notification outbox: takes due pending deliveries ({@code FOR UPDATE SKIP LOCKED}, so
 * instances share the work without sending one twice), sends each through its channel and marks it sent;
 * skips it with the reason when the recipient turned the channel off or has no address there, or the channel
 * is not configured; on failure tries again after {@code retry-base}, doubling up to {@code retry-max}, and
 * after {@code max-attempts} marks it failed. Nothing accepted is lost while a channel (an SMTP server) is down.
 */
@Component
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    public static final String ACTOR = Actor.system("notification-dispatcher");

    private final NotificationRepository repository;
    private final Map<String, NotificationChannel> channels;
    private final ContactBook contacts;
    private final TransactionTemplate transactions;
    private final NotificationProperties properties;
    private final Clock clock;

    public Dispatcher(
            NotificationRepository repository,
            List<NotificationChannel> channels,
            ContactBook contacts,
            TransactionTemplate transactions,
            NotificationProperties properties,
            Clock clock) {
        this.repository = repository;
        this.channels = channels.stream().collect(Collectors.toMap(NotificationChannel::name, Function.identity()));
        this.contacts = contacts;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${wushe.notification.dispatch-interval:PT5S}",
            initialDelayString = "${wushe.notification.dispatch-interval:PT5S}")
    public void dispatch() {
        int handled;
        do {
            handled = dispatchOnce();
        } while (handled >= properties.dispatchBatch());
    }

    /** One batch of due deliveries in one transaction; how many were handled. */
    public int dispatchOnce() {
        Integer handled = Actor.call(
                ACTOR,
                () -> transactions.execute(status -> {
                    Instant now = clock.instant();
                    List<NotificationRepository.Due> due = repository.lockDue(now, properties.dispatchBatch());
                    for (NotificationRepository.Due d : due) {
                        deliver(d, now);
                    }
                    return due.size();
                }));
        return handled == null ? 0 : handled;
    }

    private void deliver(NotificationRepository.Due d, Instant now) {
        NotificationChannel channel = channels.get(d.channel());
        if (channel == null) {
            repository.skipped(d, "channel " + d.channel() + " is not installed 渠道未安装", now);
            return;
        }
        var unavailable = channel.unavailable();
        if (unavailable.isPresent()) {
            repository.skipped(d, unavailable.get(), now);
            return;
        }
        Notification n = repository.find(d.notificationId()).orElseThrow();
        ContactBook.Reach reach = contacts.reach(n, channel, "send notification " + n.id() + " by " + channel.name());
        if (reach.isSkipped()) {
            repository.skipped(d, reach.skipped(), now);
            return;
        }
        try {
            channel.send(n, reach.contact());
            repository.sent(d, clock.instant());
        } catch (Exception e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            int attempts = d.attempts() + 1;
            if (attempts >= properties.maxAttempts()) {
                log.warn("Delivery of {} by {} failed after {} attempts: {}", n.id(), channel.name(), attempts, error);
                repository.failed(d, error, now);
            } else {
                Instant next = now.plus(backoff(attempts));
                log.info(
                        "Delivery of {} by {} failed (attempt {}), again at {}: {}",
                        n.id(),
                        channel.name(),
                        attempts,
                        next,
                        error);
                repository.retry(d, error, next);
            }
        }
    }

    /** The wait after the {@code attempts}-th failure: retry-base doubled each time, at most retry-max. */
    Duration backoff(int attempts) {
        Duration wait = properties.retryBase();
        for (int i = 1; i < attempts && wait.compareTo(properties.retryMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(properties.retryMax()) > 0 ? properties.retryMax() : wait;
    }
}
