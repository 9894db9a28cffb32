package org.wushe.hub.matching.proposal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.wushe.hub.matching.readmodel.Replaying;

/** Finds proposals past their acknowledgement deadline and escalates or lapses each (see {@link Matchmaker#deadlinePassed}). */
@Component
public class DeadlineWatch {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);
    private static final int PER_RUN = 500;

    private final Matches matches;
    private final Matchmaker matchmaker;
    private final Clock clock;
    private final Replaying replaying;

    public DeadlineWatch(Matches matches, Matchmaker matchmaker, Clock clock, Replaying replaying) {
        this.replaying = replaying;
        this.matches = matches;
        this.matchmaker = matchmaker;
        this.clock = clock;
    }

    /** One pass; returns how many proposals were past their deadline. */
    @Scheduled(fixedDelayString = "${wushe.matching.deadline-check-interval}")
    public int check() {
        if (replaying.isOn()) {
            return 0; // escalations wait for the replay to end
        }
        List<UUID> overdue = matches.overdue(clock.instant(), PER_RUN);
        for (UUID matchId : overdue) {
            try {
                matchmaker.deadlinePassed(matchId);
            } catch (RuntimeException e) {
                log.warn("Deadline of match {} not handled this time: {}", matchId, e.toString());
            }
        }
        return overdue.size();
    }
}
