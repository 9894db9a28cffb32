package org.wushe.hub.resource.stock;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.resource.OfferKind;
import org.wushe.hub.resource.offer.OfferStatus;

/**
 * The stock of an offer in its measure (units of goods, fen, or people per slot). For goods and funds
 * {@code total = available + reserved + consumed + withdrawn}; for services and venues the same holds
 * per period.
 */
@Schema(description = "Stock of an offer: goods in units, funds in fen, services and venues in people per slot")
public record StockView(
        UUID offerId,
        OfferKind kind,
        OfferStatus status,
        String measure,
        QuantityUnit unit,
        long total,
        Long available,
        long reserved,
        long consumed,
        long withdrawn,
        List<Period> periods) {

    public record Period(java.time.Instant start, java.time.Instant end, long total, long available, long withdrawn) {}
}
