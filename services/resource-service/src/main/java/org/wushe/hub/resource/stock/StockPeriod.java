package org.wushe.hub.resource.stock;

import java.util.UUID;
import org.wushe.hub.resource.common.Window;

/** One row of stock: what a period of an offer holds ({@code total}), has left and has had withdrawn. */
public record StockPeriod(UUID id, UUID offerId, Window period, long total, long available, long withdrawn) {}
