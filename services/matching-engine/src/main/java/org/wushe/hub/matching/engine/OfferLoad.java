package org.wushe.hub.matching.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * What live holds take from an offer: stock (goods units or fund fen) and places per occurrence. Kept apart from
 * {@link Offer} so that it survives a replaced offer and may arrive before it.
 */
final class OfferLoad {

    long heldStock;
    final List<PlaceHold> places = new ArrayList<>(2);

    /** Places held in the occurrence: holds whose window overlaps it, and holds without a window. */
    long heldPlaces(Window occurrence) {
        long sum = 0;
        for (PlaceHold p : places) {
            if (p.window() == null || p.window().overlaps(occurrence)) {
                sum += p.places();
            }
        }
        return sum;
    }

    boolean isEmpty() {
        return heldStock == 0 && places.isEmpty();
    }

    /** Places held in the session {@code window}; null: in every occurrence. */
    record PlaceHold(Window window, int places) {}
}
