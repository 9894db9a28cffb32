package org.wushe.hub.resource.stock;

import java.time.Instant;
import org.springframework.stereotype.Service;
import org.wushe.hub.events.resource.OfferKind;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.web.InvalidInputException;
import org.wushe.hub.resource.offer.Offer;
import org.wushe.hub.resource.offer.OfferStock;

/** The stock's side of a provider's change or withdrawal of an offer (see {@link OfferStock}). */
@Service
public class OfferStockService implements OfferStock {

    private final StockRepository stock;
    private final ReservationRepository reservations;

    public OfferStockService(StockRepository stock, ReservationRepository reservations) {
        this.stock = stock;
        this.reservations = reservations;
    }

    @Override
    public Long change(Offer before, Offer after, Instant now) {
        if (before.kind() == OfferKind.GOODS || before.kind() == OfferKind.FUND) {
            String field = before.kind() == OfferKind.GOODS ? "goods.quantity" : "fund.amountFen";
            StockPeriod period =
                    stock.period(before.id(), before.availableWindow()).orElse(null);
            if (period == null) {
                return StockRules.total(after);
            }
            long total = StockRules.total(after);
            long available = stock.resize(period.id(), total)
                    .orElseThrow(() -> new InvalidInputException(
                            field, Messages.text("stock.below-held", period.total() - period.available())));
            if (!after.availableWindow().end().equals(before.availableWindow().end())) {
                stock.movePeriodEnd(
                        before.id(),
                        before.availableWindow(),
                        after.availableWindow().end());
            }
            return available;
        }
        if (!after.availableWindow().end().equals(before.availableWindow().end())) {
            for (Reservation held : reservations.held(before.id())) {
                if (held.window() != null
                        && held.window().end().isAfter(after.availableWindow().end())) {
                    throw new InvalidInputException(
                            "availableUntil",
                            Messages.text(
                                    "stock.window-before-hold", held.window().end()));
                }
            }
        }
        long capacity = StockRules.capacityPerSlot(after);
        if (capacity != StockRules.capacityPerSlot(before)) {
            String field = before.kind() == OfferKind.SERVICE ? "service.capacity" : "venue.capacity";
            for (StockPeriod period : stock.periods(before.id())) {
                if (period.period().end().isAfter(now)
                        && stock.resize(period.id(), capacity).isEmpty()) {
                    throw new InvalidInputException(
                            field,
                            Messages.text(
                                    "stock.slot-below-held",
                                    period.total() - period.available(),
                                    period.period().start()));
                }
            }
        }
        return null;
    }

    @Override
    public long withdrawAll(Offer offer) {
        long withdrawn;
        if (offer.kind() == OfferKind.GOODS || offer.kind() == OfferKind.FUND) {
            stock.openPeriod(offer.id(), offer.availableWindow(), StockRules.total(offer));
            withdrawn = stock.withdrawAll(offer.id());
        } else {
            stock.withdrawAll(offer.id());
            withdrawn = StockRules.capacityPerSlot(offer);
        }
        return withdrawn;
    }
}
