package org.wushe.hub.resource.offer;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.events.common.Allocation;
import org.wushe.hub.events.resource.ExpiryReason;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.i18n.Text;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.web.InvalidInputException;
import org.wushe.hub.resource.ResourceProperties;
import org.wushe.hub.resource.common.WeeklySlot;
import org.wushe.hub.resource.common.Window;

/**
 * A provider changes or withdraws an active offer, in one transaction with its event:
 * <ul>
 * <li>a change publishes {@code ResourceOffered} again with the next revision and, for goods and funds,
 *     what is still available; stock moves up or down but never below what is reserved and handed over
 *     (400 naming the field otherwise);</li>
 * <li>a withdrawal publishes {@code ResourceExpired} with reason WITHDRAWN: what is still available is
 *     withdrawn, reservations already made stay with their matches (released later, they are written
 *     off, not offered again), and nothing new can be reserved.</li>
 * </ul>
 * The offer's row is locked for update first, so both wait for reservations in flight and hold off new
 * ones (the same order as expiry: offer, then reservation, then stock); the stock moves through {@link OfferStock},
 * which the stock feature keeps. Who may is checked by the caller ({@code OfferController}) before anything is written.
 */
@Service
public class OfferChanges {

    private final OfferRepository offers;
    private final OfferStock stock;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final ResourceProperties properties;
    private final MeterRegistry meters;

    public OfferChanges(
            OfferRepository offers,
            OfferStock stock,
            OutboxWriter outbox,
            Clock clock,
            ResourceProperties properties,
            MeterRegistry meters) {
        this.offers = offers;
        this.stock = stock;
        this.outbox = outbox;
        this.clock = clock;
        this.properties = properties;
        this.meters = meters;
    }

    /** Applies the change and publishes the offer's next revision; 409 naming {@code offerId} unless the offer is active. */
    @Transactional
    public Offer change(UUID offerId, UpdateOfferRequest r) {
        Offer before = activeForUpdate(offerId, Text.of("offer.action-changed"));
        Instant now = clock.instant();
        Offer after = changed(before, r, now, LocalDate.ofInstant(now, properties.zone()));
        if (after.equals(before)) {
            return before; // nothing to change: no new revision, no event
        }
        after = withRevision(after, before.revision() + 1);
        Long available = stock.change(before, after, now);
        offers.update(after);
        Allocation left = available == null ? null : OfferEvents.allocation(after, available, null);
        outbox.publish(Aggregate.OFFER, offerId.toString(), OfferEvents.offered(after, left, UUID.randomUUID(), now));
        meters.counter("wushe.resource.offers.changed").increment();
        return offers.find(offerId).orElseThrow();
    }

    /** Withdraws the offer; 409 naming {@code offerId} unless it is active. */
    @Transactional
    public Offer withdraw(UUID offerId, String reason) {
        Offer offer = activeForUpdate(offerId, Text.of("offer.action-withdrawn"));
        Instant now = clock.instant();
        offers.markWithdrawn(offerId, now, reason == null || reason.isBlank() ? null : reason.strip());
        long withdrawn = stock.withdrawAll(offer);
        outbox.publish(
                Aggregate.OFFER,
                offerId.toString(),
                OfferEvents.expired(
                        offerId,
                        ExpiryReason.WITHDRAWN,
                        null,
                        OfferEvents.allocation(offer, withdrawn, null),
                        List.of(),
                        now));
        meters.counter("wushe.resource.offers.withdrawn").increment();
        return offers.find(offerId).orElseThrow();
    }

    private Offer activeForUpdate(UUID offerId, Text what) {
        Offer offer = offers.findForUpdate(offerId)
                .orElseThrow(
                        () -> new InvalidInputException("offerId", Messages.text("offer.not-found", offerId), 404));
        if (!offer.isActive()) {
            throw new InvalidInputException("offerId", Messages.text("offer.not-active", offer.status(), what), 409);
        }
        return offer;
    }

    /** The offer with the request's changes, checked; throws {@link InvalidInputException} naming the first bad field. */
    static Offer changed(Offer o, UpdateOfferRequest r, Instant now, LocalDate today) {
        String block = o.kind().name().toLowerCase();
        for (String[] part : new String[][] {
            {"goods", r.goods() == null ? null : ""},
            {"service", r.service() == null ? null : ""},
            {"fund", r.fund() == null ? null : ""},
            {"venue", r.venue() == null ? null : ""}
        }) {
            if (part[1] != null && !part[0].equals(block)) {
                throw new InvalidInputException(part[0], Messages.text("offer.block-not-for-kind", o.kind(), block));
            }
        }
        String title = o.title();
        if (r.title() != null) {
            if (r.title().isBlank()) {
                throw new InvalidInputException("title", Messages.text("offer.title-blank"));
            }
            title = r.title().strip();
        }
        String description = r.description() == null
                ? o.description()
                : r.description().isBlank() ? null : r.description().strip();
        Window window = o.availableWindow();
        if (r.availableUntil() != null) {
            if (!r.availableUntil().isAfter(now)) {
                throw new InvalidInputException("availableUntil", Messages.text("offer.until-not-future"));
            }
            if (!r.availableUntil().isAfter(window.start())) {
                throw new InvalidInputException(
                        "availableUntil", Messages.text("offer.until-before-start", window.start()));
            }
            window = new Window(window.start(), r.availableUntil());
        }
        Offer.Goods goods = o.goods();
        Offer.ServiceDetails service = o.service();
        Offer.Fund fund = o.fund();
        Offer.Venue venue = o.venue();
        if (r.goods() != null) {
            LocalDate expiry = goods.expiryDate();
            if (r.goods().expiryDate() != null) {
                if (r.goods().expiryDate().isBefore(today)) {
                    throw new InvalidInputException("goods.expiryDate", Messages.text("offer.goods-expired"));
                }
                expiry = r.goods().expiryDate();
            }
            goods = new Offer.Goods(
                    r.goods().quantity() == null ? goods.quantity() : r.goods().quantity(), goods.unit(), expiry);
        }
        if (r.service() != null) {
            service = new Offer.ServiceDetails(
                    service.skills(),
                    service.languages(),
                    r.service().capacity() == null
                            ? service.capacity()
                            : r.service().capacity(),
                    service.sessionMinutes(),
                    r.service().schedule() == null
                            ? service.schedule()
                            : slots(r.service().schedule(), "service.schedule"));
        }
        if (r.fund() != null) {
            long amount =
                    r.fund().amountFen() == null ? fund.amountFen() : r.fund().amountFen();
            Long cap = r.fund().maxPerNeedFen() == null
                    ? fund.maxPerNeedFen()
                    : r.fund().maxPerNeedFen();
            if (cap != null && cap > amount) {
                throw new InvalidInputException("fund.maxPerNeedFen", Messages.text("offer.cap-above-amount", amount));
            }
            fund = new Offer.Fund(amount, cap, fund.purpose());
        }
        if (r.venue() != null) {
            venue = new Offer.Venue(
                    r.venue().capacity() == null ? venue.capacity() : r.venue().capacity(),
                    r.venue().openingHours() == null
                            ? venue.openingHours()
                            : slots(r.venue().openingHours(), "venue.openingHours"));
        }
        return new Offer(
                o.id(),
                o.donorId(),
                o.kind(),
                o.category(),
                title,
                description,
                o.beneficiaryGroups(),
                o.communityIds(),
                o.place(),
                window,
                o.status(),
                goods,
                service,
                fund,
                venue,
                o.createdAt(),
                o.expiredAt(),
                o.revision(),
                o.withdrawnAt(),
                o.withdrawalReason());
    }

    private static Offer withRevision(Offer o, int revision) {
        return new Offer(
                o.id(),
                o.donorId(),
                o.kind(),
                o.category(),
                o.title(),
                o.description(),
                o.beneficiaryGroups(),
                o.communityIds(),
                o.place(),
                o.availableWindow(),
                o.status(),
                o.goods(),
                o.service(),
                o.fund(),
                o.venue(),
                o.createdAt(),
                o.expiredAt(),
                revision,
                o.withdrawnAt(),
                o.withdrawalReason());
    }

    private static List<WeeklySlot> slots(List<WeeklySlot> slots, String field) {
        for (int i = 0; i < slots.size(); i++) {
            slots.get(i).requireOrdered(field + "[" + i + "]");
        }
        return List.copyOf(slots);
    }
}
