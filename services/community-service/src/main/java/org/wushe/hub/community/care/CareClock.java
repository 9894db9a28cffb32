package org.wushe.hub.community.care;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The clock's part in care visits: a due day passed without a visit is announced once (CareVisitDue OVERDUE). */
@Component
public class CareClock {

    private static final Logger log = LoggerFactory.getLogger(CareClock.class);

    private final CareService care;

    public CareClock(CareService care) {
        this.care = care;
    }

    @Scheduled(
            fixedDelayString = "${wushe.community.maintenance-interval:PT1M}",
            initialDelayString = "${wushe.community.maintenance-interval:PT1M}")
    public void run() {
        int announced = care.announceOverdue();
        if (announced > 0) {
            log.info("Care visits announced overdue: {}", announced);
        }
    }
}
