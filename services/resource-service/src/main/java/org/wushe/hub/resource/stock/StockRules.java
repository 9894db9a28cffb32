package org.wushe.hub.resource.stock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.wushe.hub.events.resource.OfferKind;
import org.wushe.hub.events.resource.ReservationFailure;
import org.wushe.hub.resource.common.WeeklySlot;
import org.wushe.hub.resource.common.Window;
import org.wushe.hub.resource.offer.Offer;
import org.wushe.hub.resource.offer.OfferStatus;

/**
 * Pure rules of stock: whether an offer can serve a request at all, how much it takes, and which
 * period that amount counts against. Goods and funds count against the offer's whole window;
 * services and venues against one occurrence of a weekly slot (capacity per slot), or the whole
 * window when they have no schedule. Whether enough is left is decided by the database, atomically.
 */
public final class StockRules {

    private StockRules() {}

    public sealed interface Plan permits Take, Refuse {}

    /** Take {@code amount} from the stock of {@code period}, which holds {@code periodTotal} when fresh. */
    public record Take(long amount, Window period, long periodTotal, Window window) implements Plan {}

    /** The offer cannot serve the request; {@code field} names what in the request is at fault. */
    public record Refuse(ReservationFailure reason, String field, String message) implements Plan {}

    public static Plan plan(Offer offer, Requested req, Instant now, ZoneId zone) {
        if (offer.status() == OfferStatus.EXPIRED) {
            return new Refuse(ReservationFailure.OFFER_EXPIRED, "offerId", "the offer has expired 资源已过期");
        }
        if (offer.status() == OfferStatus.WITHDRAWN) {
            return new Refuse(ReservationFailure.OFFER_WITHDRAWN, "offerId", "the provider withdrew the offer 资源已撤回");
        }
        if (!now.isBefore(offer.availableWindow().end())) {
            return new Refuse(
                    ReservationFailure.OFFER_EXPIRED, "offerId", "the offer's available window has ended 可用时间已结束");
        }
        if (pastExpiryDate(offer, LocalDate.ofInstant(now, zone))) {
            return new Refuse(
                    ReservationFailure.OFFER_EXPIRED, "offerId", "the goods are past their expiry date 物资已过期");
        }
        OfferKind kind = offer.kind();
        if (kind == OfferKind.GOODS) {
            if (req.quantity() == null) {
                return new Refuse(ReservationFailure.OTHER, "quantity", "goods are reserved by quantity");
            }
            if (req.quantity() <= 0) {
                return new Refuse(ReservationFailure.OTHER, "quantity", "must be greater than 0");
            }
            if (req.unit() != null && req.unit() != offer.goods().unit()) {
                return new Refuse(
                        ReservationFailure.OTHER,
                        "unit",
                        "the offer counts in " + offer.goods().unit() + ", not " + req.unit());
            }
            return new Take(
                    req.quantity(), offer.availableWindow(), offer.goods().quantity(), null);
        }
        if (kind == OfferKind.FUND) {
            if (req.amountFen() == null) {
                return new Refuse(ReservationFailure.OTHER, "amountFen", "funds are reserved by amount in fen");
            }
            if (req.amountFen() <= 0) {
                return new Refuse(ReservationFailure.OTHER, "amountFen", "must be greater than 0");
            }
            Long cap = offer.fund().maxPerNeedFen();
            if (cap != null && req.amountFen() > cap) {
                return new Refuse(
                        ReservationFailure.OTHER, "amountFen", "more than the offer's cap per need of " + cap + " fen");
            }
            return new Take(
                    req.amountFen(), offer.availableWindow(), offer.fund().amountFen(), null);
        }
        // Services and venues: people (人次), one by default.
        int people = req.capacity() == null ? 1 : req.capacity();
        if (people <= 0) {
            return new Refuse(ReservationFailure.OTHER, "capacity", "must be greater than 0");
        }
        long perSlot = capacityPerSlot(offer);
        Window window = req.window();
        if (window != null && !window.end().isAfter(window.start())) {
            return new Refuse(ReservationFailure.OTHER, "window.end", "must be after start");
        }
        if (window != null && !offer.availableWindow().contains(window)) {
            return new Refuse(ReservationFailure.OFFER_EXPIRED, "window", "outside the offer's available window");
        }
        List<WeeklySlot> slots = offer.slots();
        if (slots.isEmpty()) {
            return new Take(people, offer.availableWindow(), perSlot, window);
        }
        if (window == null) {
            return new Refuse(ReservationFailure.OTHER, "window", "required: the offer is given in weekly slots");
        }
        Optional<Window> occurrence = occurrence(slots, window, zone);
        if (occurrence.isEmpty()) {
            return new Refuse(ReservationFailure.OTHER, "window", "not within one of the offer's weekly slots");
        }
        return new Take(people, occurrence.get(), perSlot, window);
    }

    /** The occurrence of a weekly slot (local time) that wholly contains the window, if any. */
    public static Optional<Window> occurrence(List<WeeklySlot> slots, Window window, ZoneId zone) {
        ZonedDateTime start = window.start().atZone(zone);
        ZonedDateTime end = window.end().atZone(zone);
        LocalDate date = start.toLocalDate();
        for (WeeklySlot slot : slots) {
            boolean sameDay =
                    slot.day() == date.getDayOfWeek() && end.toLocalDate().equals(date);
            if (sameDay
                    && !start.toLocalTime().isBefore(slot.start())
                    && !end.toLocalTime().isAfter(slot.end())) {
                return Optional.of(new Window(
                        date.atTime(slot.start()).atZone(zone).toInstant(),
                        date.atTime(slot.end()).atZone(zone).toInstant()));
            }
        }
        return Optional.empty();
    }

    /** Goods stop being offered the day after their expiry date (a date in China Standard Time). */
    public static boolean pastExpiryDate(Offer offer, LocalDate today) {
        return offer.goods() != null
                && offer.goods().expiryDate() != null
                && offer.goods().expiryDate().isBefore(today);
    }

    public static long capacityPerSlot(Offer offer) {
        if (offer.service() != null) {
            return offer.service().capacity();
        }
        if (offer.venue() != null) {
            return offer.venue().capacity();
        }
        throw new IllegalArgumentException(offer.kind() + " offers have no capacity");
    }

    /** The amount an offer holds when nothing is taken: of its single period for goods and funds, per slot otherwise. */
    public static long total(Offer offer) {
        if (offer.goods() != null) {
            return offer.goods().quantity();
        }
        if (offer.fund() != null) {
            return offer.fund().amountFen();
        }
        return capacityPerSlot(offer);
    }

    /** Running short means INSUFFICIENT_STOCK for goods and funds, SLOT_TAKEN for services and venues. */
    public static ReservationFailure shortage(Offer offer) {
        return offer.kind() == OfferKind.GOODS || offer.kind() == OfferKind.FUND
                ? ReservationFailure.INSUFFICIENT_STOCK
                : ReservationFailure.SLOT_TAKEN;
    }

    /** The request field that carries the amount, for an offer's kind. */
    public static String amountField(Offer offer) {
        return switch (offer.kind()) {
            case GOODS -> "quantity";
            case FUND -> "amountFen";
            default -> "capacity";
        };
    }
}
