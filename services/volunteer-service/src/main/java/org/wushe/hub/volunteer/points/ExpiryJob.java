package org.wushe.hub.volunteer.points;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.wushe.hub.volunteer.VolunteerProperties;

/** Writes off expired points regularly, one account per transaction. Running it twice changes nothing. */
@Component
public class ExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(ExpiryJob.class);

    private final PointsService points;
    private final VolunteerProperties properties;

    public ExpiryJob(PointsService points, VolunteerProperties properties) {
        this.points = points;
        this.properties = properties;
    }

    @Scheduled(
            fixedDelayString = "${wushe.volunteer.expiry-interval:PT1H}",
            initialDelayString = "${wushe.volunteer.expiry-interval:PT1H}")
    public void scheduled() {
        runOnce();
    }

    /** Expires what is due; returns the points written off. */
    public long runOnce() {
        long total = 0;
        for (UUID account : points.accountsWithExpiryDue(properties.expiryBatch())) {
            try {
                total += points.expire(account);
            } catch (RuntimeException e) {
                log.error("Could not expire the points of account {}", account, e);
            }
        }
        if (total > 0) {
            log.info("Expired {} points", total);
        }
        return total;
    }
}
