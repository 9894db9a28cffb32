package org.wushe.hub.matching.engine;

import org.wushe.hub.events.common.QuantityUnit;

/**
 * The part of an offer a match uses, like the Avro Allocation: only the fields of the offer's kind are set.
 * For a volunteer the service may pass an allocation with just {@code window} to {@link MatchEngine#hold}, so that
 * the volunteer is not proposed again for an overlapping time.
 *
 * @param quantity  GOODS: units
 * @param unit      GOODS: their unit
 * @param amountFen FUND: fen
 * @param capacity  SERVICE/VENUE/CAPACITY: places (人次)
 * @param window    SERVICE/VENUE/CAPACITY: the session; for a volunteer hold: the time they are booked
 */
public record Allocation(Integer quantity, QuantityUnit unit, Long amountFen, Integer capacity, Window window) {

    public Allocation {
        if (quantity != null && quantity < 0
                || amountFen != null && amountFen < 0
                || capacity != null && capacity < 0) {
            throw new IllegalArgumentException(
                    "an allocation is never negative: " + quantity + ", " + amountFen + ", " + capacity);
        }
    }

    public static Allocation goods(int quantity, QuantityUnit unit) {
        return new Allocation(quantity, unit, null, null, null);
    }

    public static Allocation fund(long amountFen) {
        return new Allocation(null, null, amountFen, null, null);
    }

    public static Allocation places(int capacity, Window window) {
        return new Allocation(null, null, null, capacity, window);
    }

    /**
     * What a match holds of its candidate: the offer's allocation, or for a volunteer (no allocation) the time they are
     * booked, so that nobody is proposed twice for one hour; null when neither is known.
     */
    public static Allocation held(Allocation allocation, Window window) {
        return allocation != null ? allocation : window == null ? null : time(window);
    }

    /** A volunteer's booked time. */
    public static Allocation time(Window window) {
        return new Allocation(null, null, null, null, window);
    }
}
