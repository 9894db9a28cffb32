package org.wushe.hub.resource.stock;

import org.wushe.hub.events.common.Allocation;
import org.wushe.hub.events.common.Quantity;
import org.wushe.hub.events.resource.OfferKind;
import org.wushe.hub.resource.common.Window;
import org.wushe.hub.resource.offer.Offer;

/** Amounts of an offer in the contract's terms ({@code Allocation}): quantity, fen, or people with a window. */
public final class Allocations {

    private Allocations() {
    }

    public static Allocation of(Offer offer, long amount, Window window) {
        Allocation.Builder b = Allocation.newBuilder();
        switch (offer.kind()) {
            case GOODS -> b.setQuantity(Quantity.newBuilder().setAmount(Math.toIntExact(amount)).setUnit(offer.goods().unit()).build());
            case FUND -> b.setAmountFen(amount);
            default -> b.setCapacity(Math.toIntExact(amount)).setWindow(window == null ? null : window.toAvro());
        }
        return b.build();
    }

    /** What is left: no window for goods and funds, the slot for services and venues. */
    public static Allocation remaining(Offer offer, long available, Window period) {
        return of(offer, available, offer.kind() == OfferKind.GOODS || offer.kind() == OfferKind.FUND ? null : period);
    }

    /** The amount an allocation names in the offer's measure, or null when it names none. */
    public static Long amountOf(Offer offer, Allocation a) {
        if (a == null) {
            return null;
        }
        return switch (offer.kind()) {
            case GOODS -> a.getQuantity() == null ? null : Long.valueOf(a.getQuantity().getAmount());
            case FUND -> a.getAmountFen();
            default -> a.getCapacity() == null ? null : Long.valueOf(a.getCapacity());
        };
    }
}
