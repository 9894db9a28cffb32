package org.wushe.hub.resource.stock;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.hub.events.common.Allocation;
import org.wushe.hub.events.resource.ExpiryReason;
import org.wushe.hub.events.resource.ReleaseReason;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.resource.ResourceProperties;
import org.wushe.hub.resource.offer.Offer;
import org.wushe.hub.resource.offer.OfferEvents;
import org.wushe.hub.resource.offer.OfferService;

/**
 * Time running out, one offer or reservation per transaction:
 * <ul>
 * <li>goods past their expiry date (过期) stop being offered: their reservations are released (reason
 *     OFFER_EXPIRED, the goods cannot be handed over any more), what is left is withdrawn, and
 *     {@code ResourceExpired} (PAST_EXPIRY_DATE) is published;</li>
 * <li>offers whose available window is over stop being offered (WINDOW_ENDED); reservations already
 *     made stay until their match completes or is declined;</li>
 * <li>reservations held past their {@code expiresAt} lapse (RESERVATION_EXPIRED) and go back to the offer; an
 *     activity's venue, held until a while after the activity, was used by it and is consumed instead.</li>
 * </ul>
 * Running it again finds nothing more to do: every step acts only on what is still ACTIVE or RESERVED.
 */
@Service
public class OfferExpiry {

    private static final Logger log = LoggerFactory.getLogger(OfferExpiry.class);
    private static final int BATCH = 200;

    public record Run(int offersExpired, int reservationsReleased) {}

    private final OfferService offers;
    private final OfferStockService stock;
    private final ReservationRepository reservations;
    private final ReservationService reservationService;
    private final OutboxWriter outbox;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ResourceProperties properties;
    private final MeterRegistry meters;

    public OfferExpiry(
            OfferService offers,
            OfferStockService stock,
            ReservationRepository reservations,
            ReservationService reservationService,
            OutboxWriter outbox,
            TransactionTemplate tx,
            Clock clock,
            ResourceProperties properties,
            MeterRegistry meters) {
        this.offers = offers;
        this.stock = stock;
        this.reservations = reservations;
        this.reservationService = reservationService;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
        this.meters = meters;
    }

    /** One pass over everything due now. */
    public Run runOnce() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, properties.zone());
        int expired = 0;
        int released = 0;
        List<UUID> due;
        do {
            due = offers.dueForExpiry(today, now, BATCH);
            for (UUID offerId : due) {
                Integer n = tx.execute(s -> expire(offerId, now, today));
                if (n != null && n >= 0) {
                    expired++;
                    released += n;
                }
            }
        } while (due.size() == BATCH);
        List<UUID> lapsed;
        do {
            lapsed = reservations.lapsed(now, BATCH);
            for (UUID reservationId : lapsed) {
                if (Boolean.TRUE.equals(tx.execute(s -> reservations
                        .find(reservationId)
                        .flatMap(r -> r.source() == Reservation.Source.ACTIVITY
                                ? reservationService.consumeHeldVenue(r)
                                : reservationService.release(r, ReleaseReason.RESERVATION_EXPIRED))
                        .isPresent()))) {
                    released++;
                }
            }
        } while (lapsed.size() == BATCH);
        if (expired > 0 || released > 0) {
            log.info(
                    "Expiry: {} offers expired, {} reservations settled (released; activities' venues consumed)",
                    expired,
                    released);
        }
        return new Run(expired, released);
    }

    /** Expires one offer; the number of reservations released, or -1 if it was not (or no longer) due. */
    private int expire(UUID offerId, Instant now, LocalDate today) {
        Offer offer = offers.find(offerId).orElseThrow();
        boolean pastDate = StockRules.pastExpiryDate(offer, today);
        boolean windowEnded = !now.isBefore(offer.availableWindow().end());
        // Updating the row waits for reservations in flight on this offer (they share-lock it) and holds off new ones.
        if (!(pastDate || windowEnded) || !offers.markExpired(offerId, now)) {
            return -1;
        }
        long withdrawn = stock.withdrawAll(offer);
        List<UUID> released = new ArrayList<>();
        if (pastDate) {
            for (Reservation r : reservations.held(offerId)) {
                reservationService.release(r, ReleaseReason.OFFER_EXPIRED).ifPresent(x -> released.add(x.id()));
            }
        }
        Allocation gone = OfferEvents.allocation(offer, withdrawn, null);
        outbox.publish(
                Aggregate.OFFER,
                offerId.toString(),
                OfferEvents.expired(
                        offerId,
                        pastDate ? ExpiryReason.PAST_EXPIRY_DATE : ExpiryReason.WINDOW_ENDED,
                        pastDate ? offer.goods().expiryDate() : null,
                        gone,
                        released,
                        now));
        meters.counter("wushe.resource.offers.expired", "reason", pastDate ? "PAST_EXPIRY_DATE" : "WINDOW_ENDED")
                .increment();
        return released.size();
    }
}
