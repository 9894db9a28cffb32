package org.wushe.hub.community.need;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The clock's part in a need's life: expiring needs whose window passed, publishing due occurrences. */
@Component
public class NeedMaintenance {

    private static final Logger log = LoggerFactory.getLogger(NeedMaintenance.class);

    private final NeedService needs;
    private final NeedSeriesService series;
    private final Clock clock;

    public NeedMaintenance(NeedService needs, NeedSeriesService series, Clock clock) {
        this.needs = needs;
        this.series = series;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${wushe.community.maintenance-interval:PT1M}",
            initialDelayString = "${wushe.community.maintenance-interval:PT1M}")
    public void run() {
        int expired = needs.expireDue(clock.instant());
        int published = series.extendAll(clock.instant());
        if (expired + published > 0) {
            log.info("Needs expired: {}; occurrences of recurring needs published: {}", expired, published);
        }
    }
}
