package org.wushe.hub.resource.offer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.events.resource.OfferKind;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.web.InvalidInputException;
import org.wushe.hub.resource.ResourceProperties;
import org.wushe.hub.resource.common.Enums;
import org.wushe.hub.resource.common.WeeklySlot;
import org.wushe.hub.resource.donor.DonorService;

@Service
public class OfferService {

    private final OfferRepository offers;
    private final DonorService donors;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final ResourceProperties properties;

    public OfferService(
            OfferRepository offers,
            DonorService donors,
            OutboxWriter outbox,
            Clock clock,
            ResourceProperties properties) {
        this.offers = offers;
        this.donors = donors;
        this.outbox = outbox;
        this.clock = clock;
        this.properties = properties;
    }

    /** Checks the offer against the rules Bean Validation cannot express, stores it and publishes {@code ResourceOffered}. */
    @Transactional
    public Offer create(CreateOfferRequest r) {
        Instant now = clock.instant();
        Offer offer = validated(r, now, LocalDate.ofInstant(now, properties.zone()));
        if (!donors.exists(r.donorId())) {
            throw new InvalidInputException("donorId", Messages.text("donor.not-found", r.donorId()), 404);
        }
        offers.insert(offer);
        outbox.publish(Aggregate.OFFER, offer.id().toString(), OfferEvents.offered(offer, UUID.randomUUID(), now));
        return offer;
    }

    public Offer get(UUID id) {
        return offers.find(id)
                .orElseThrow(() -> new InvalidInputException("offerId", Messages.text("offer.not-found", id), 404));
    }

    public List<Offer> list(UUID donorId, OfferKind kind, OfferStatus status, int limit, int offset) {
        return offers.list(donorId, Enums.known(kind, "kind"), status, limit, offset);
    }

    public long count(OfferStatus status) {
        return offers.count(status);
    }

    /** The offer, if there is one with this id (for the other features; {@link #get} answers 404 instead). */
    public Optional<Offer> find(UUID id) {
        return offers.find(id);
    }

    /**
     * The offer, share-locked until the caller's transaction ends ({@link OfferRepository#findForShare}): stock changes of one
     * offer run side by side, while its expiry, change or withdrawal waits for them.
     */
    public Optional<Offer> findForShare(UUID id) {
        return offers.findForShare(id);
    }

    /** Active goods past their expiry date and active offers whose window is over ({@link OfferRepository#dueForExpiry}). */
    public List<UUID> dueForExpiry(LocalDate today, Instant now, int limit) {
        return offers.dueForExpiry(today, now, limit);
    }

    /** Marks an active offer expired, in the caller's transaction; false if it no longer was active. */
    public boolean markExpired(UUID id, Instant at) {
        return offers.markExpired(id, at);
    }

    /** The domain rules of a new offer; throws {@link InvalidInputException} naming the first bad field. */
    static Offer validated(CreateOfferRequest r, Instant now, LocalDate today) {
        OfferKind kind = Enums.known(r.kind(), "kind");
        Enums.known(r.category(), "category");
        r.availableWindow().requireOrdered("availableWindow");
        if (!r.availableWindow().end().isAfter(now)) {
            throw new InvalidInputException("availableWindow.end", Messages.text("offer.window-over"));
        }
        List<String> present = new ArrayList<>();
        if (r.goods() != null) present.add("goods");
        if (r.service() != null) present.add("service");
        if (r.fund() != null) present.add("fund");
        if (r.venue() != null) present.add("venue");
        String block = kind.name().toLowerCase();
        if (!present.contains(block)) {
            throw new InvalidInputException(block, Messages.text("offer.block-required", kind));
        }
        present.remove(block);
        if (!present.isEmpty()) {
            throw new InvalidInputException(present.get(0), Messages.text("offer.block-not-for-kind", kind, block));
        }
        Offer.Goods goods = null;
        Offer.ServiceDetails service = null;
        Offer.Fund fund = null;
        Offer.Venue venue = null;
        switch (kind) {
            case GOODS -> {
                CreateOfferRequest.GoodsDetails g = r.goods();
                Enums.known(g.unit(), "goods.unit");
                if (g.expiryDate() != null && g.expiryDate().isBefore(today)) {
                    throw new InvalidInputException("goods.expiryDate", Messages.text("offer.goods-expired"));
                }
                goods = new Offer.Goods(g.quantity(), g.unit(), g.expiryDate());
            }
            case SERVICE -> {
                CreateOfferRequest.ServiceDetails s = r.service();
                service = new Offer.ServiceDetails(
                        Enums.allKnown(s.skills(), "service.skills"),
                        s.languages() == null ? List.of() : List.copyOf(s.languages()),
                        s.capacity(),
                        s.sessionMinutes(),
                        slots(s.schedule(), "service.schedule"));
            }
            case FUND -> {
                CreateOfferRequest.FundDetails f = r.fund();
                if (f.maxPerNeedFen() != null && f.maxPerNeedFen() > f.amountFen()) {
                    throw new InvalidInputException(
                            "fund.maxPerNeedFen", Messages.text("offer.cap-above-amount", f.amountFen()));
                }
                fund = new Offer.Fund(f.amountFen(), f.maxPerNeedFen(), blankToNull(f.purpose()));
            }
            case VENUE -> {
                CreateOfferRequest.VenueDetails v = r.venue();
                venue = new Offer.Venue(v.capacity(), slots(v.openingHours(), "venue.openingHours"));
            }
            default -> throw new InvalidInputException("kind", Messages.text("offer.kind-not-offerable", kind));
        }
        return new Offer(
                UUID.randomUUID(),
                r.donorId(),
                kind,
                r.category(),
                r.title().strip(),
                blankToNull(r.description()),
                Enums.allKnown(r.beneficiaryGroups(), "beneficiaryGroups"),
                r.communityIds() == null ? List.of() : List.copyOf(r.communityIds()),
                r.place().coarsened(),
                r.availableWindow(),
                OfferStatus.ACTIVE,
                goods,
                service,
                fund,
                venue,
                now,
                null);
    }

    private static List<WeeklySlot> slots(List<WeeklySlot> slots, String field) {
        if (slots == null) {
            return List.of();
        }
        for (int i = 0; i < slots.size(); i++) {
            slots.get(i).requireOrdered(field + "[" + i + "]");
        }
        return List.copyOf(slots);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
