package org.wushe.hub.resource.stock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.events.resource.OfferKind;
import org.wushe.hub.resource.offer.Offer;
import org.wushe.hub.resource.offer.OfferService;

@RestController
@Tag(name = "stock", description = "What is left of each offer")
public class StockController {

    private final OfferService offers;
    private final StockRepository stock;
    private final ReservationRepository reservations;

    public StockController(OfferService offers, StockRepository stock, ReservationRepository reservations) {
        this.offers = offers;
        this.stock = stock;
        this.reservations = reservations;
    }

    @GetMapping("/offers/{offerId}/stock")
    @Operation(summary = "Stock of an offer: total, available, reserved, consumed, withdrawn, per period")
    public StockView stock(@PathVariable UUID offerId) {
        Offer offer = offers.get(offerId);
        List<StockPeriod> periods = stock.periods(offerId);
        long[] heldAndConsumed = reservations.heldAndConsumed(offerId);
        long total = StockRules.total(offer);
        long withdrawn = periods.stream().mapToLong(StockPeriod::withdrawn).sum();
        Long available;
        String measure;
        if (offer.kind() == OfferKind.GOODS || offer.kind() == OfferKind.FUND) {
            // One period; until the first reservation opens it, all of it is available.
            available = periods.isEmpty() ? total : periods.get(0).available();
            measure = offer.kind() == OfferKind.GOODS ? "quantity" : "fen";
        } else {
            available = null; // per slot: see periods; an unbooked slot has all its capacity
            measure = "people per slot";
        }
        return new StockView(
                offerId,
                offer.kind(),
                offer.status(),
                measure,
                offer.goods() == null ? null : offer.goods().unit(),
                total,
                available,
                heldAndConsumed[0],
                heldAndConsumed[1],
                withdrawn,
                periods.stream()
                        .map(p -> new StockView.Period(
                                p.period().start(), p.period().end(), p.total(), p.available(), p.withdrawn()))
                        .toList());
    }
}
