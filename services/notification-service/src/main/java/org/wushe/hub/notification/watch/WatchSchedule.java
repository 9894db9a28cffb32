package org.wushe.hub.notification.watch;

import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.wushe.hub.platform.actor.Actor;

/** Runs the day-before reminders and the deadline warnings every {@code wushe.notification.watch-interval}. */
@Component
public class WatchSchedule {

    public static final String ACTOR = Actor.system("notification-watch");

    private final Watches watches;
    private final Clock clock;

    public WatchSchedule(Watches watches, Clock clock) {
        this.watches = watches;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${wushe.notification.watch-interval:PT1M}",
            initialDelayString = "${wushe.notification.watch-interval:PT1M}")
    public void run() {
        Actor.run(ACTOR, () -> {
            watches.remind(clock);
            watches.warn(clock);
        });
    }
}
