package org.wushe.hub.resource.offer;

import java.time.Instant;
import org.wushe.hub.platform.web.InvalidInputException;

/**
 * What changing or withdrawing an offer ({@link OfferChanges}) asks of the offer's stock. The stock feature keeps it
 * ({@code stock.OfferStockService}): stock is the stock of offers, so it knows offers, and offers know only this. Both
 * run in the caller's transaction, after it has locked the offer's row for update (offer, then reservation, then stock,
 * the order every change of stock keeps).
 */
public interface OfferStock {

    /**
     * Moves the stock rows with the change: goods and funds have one row over the whole window (its end moves
     * with the window, its total with the stock); services and venues one per slot occurrence reserved so far
     * (their totals follow the places per slot). Returns what is available now of goods or funds, else null.
     *
     * @throws InvalidInputException naming the field when the stock or places would fall below what is reserved and
     *                               handed over, or the window would end before a reservation held on it
     */
    Long change(Offer before, Offer after, Instant now);

    /** Withdraws what is still available of the offer; the amount withdrawn, in its measure (per slot for services and venues). */
    long withdrawAll(Offer offer);
}
