package org.wushe.hub.resource.stock;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.UUID;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.resource.common.Window;

/**
 * Station staff set part of an offer aside by hand (手工预留). Give the amount in the offer's measure:
 * quantity for goods, amountFen for funds, capacity (people, default 1) and window for services and venues.
 */
public record ReserveRequest(
        @Schema(description = "The need the reservation serves") @NotNull
        UUID needId,

        @Schema(
                description =
                        "The match, when the reservation is for one; a reference is made up from the idempotency key otherwise")
        UUID matchId,

        @Schema(description = "Goods: units to reserve", example = "2") @Positive
        Integer quantity,

        @Schema(description = "Goods: the unit, which must be the offer's", example = "BOX")
        QuantityUnit unit,

        @Schema(description = "Funds: amount in fen", example = "20000") @Positive
        Long amountFen,

        @Schema(description = "Services and venues: people (人次), default 1", example = "1") @Positive
        Integer capacity,

        @Schema(description = "Services and venues: the session; it must fall in one of the offer's weekly slots")
        @Valid
        Window window) {

    /** The request's identity for idempotency: a repeat with the same key must ask for the same thing. */
    String fingerprint(UUID offerId) {
        return String.join(
                "|",
                String.valueOf(offerId),
                String.valueOf(needId),
                String.valueOf(matchId),
                String.valueOf(quantity),
                String.valueOf(unit),
                String.valueOf(amountFen),
                String.valueOf(capacity),
                window == null ? "null" : window.start() + "/" + window.end());
    }
}
