package org.wushe.hub.resource.stock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs {@link OfferExpiry} every {@code wushe.resource.expiry-interval} (default one minute). */
@Component
public class OfferExpiryJob {

    private final OfferExpiry expiry;

    public OfferExpiryJob(OfferExpiry expiry) {
        this.expiry = expiry;
    }

    @Scheduled(
            fixedDelayString = "${wushe.resource.expiry-interval:PT1M}",
            initialDelayString = "${wushe.resource.expiry-interval:PT1M}")
    public void run() {
        expiry.runOnce();
    }
}
