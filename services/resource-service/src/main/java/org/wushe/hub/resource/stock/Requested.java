package org.wushe.hub.resource.stock;

import org.wushe.hub.events.common.Allocation;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.TimeWindow;
import org.wushe.hub.resource.common.Window;

/**
 * What a match or a member of station staff asks to set aside: a quantity of goods, an amount of fen,
 * or a number of people (人次) of a service or venue, with the session's window.
 */
public record Requested(Integer quantity, QuantityUnit unit, Long amountFen, Integer capacity, Window window) {

    /** From a match's allocation; the match's scheduled window stands in when the allocation has none. */
    public static Requested of(Allocation allocation, TimeWindow scheduledWindow) {
        Window scheduled = Window.of(scheduledWindow);
        if (allocation == null) {
            return new Requested(null, null, null, null, scheduled);
        }
        Window window = allocation.getWindow() != null ? Window.of(allocation.getWindow()) : scheduled;
        return new Requested(
                allocation.getQuantity() == null
                        ? null
                        : allocation.getQuantity().getAmount(),
                allocation.getQuantity() == null
                        ? null
                        : allocation.getQuantity().getUnit(),
                allocation.getAmountFen(),
                allocation.getCapacity(),
                window);
    }
}
