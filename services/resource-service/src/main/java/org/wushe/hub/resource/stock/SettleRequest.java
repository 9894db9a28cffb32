package org.wushe.hub.resource.stock;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.wushe.hub.events.resource.ReleaseReason;

/** Bodies of the staff's release and consumption requests. */
public final class SettleRequest {

    private SettleRequest() {}

    public record Release(
            @Schema(
                    description = "MATCH_DECLINED, NEED_CLOSED, PROVIDER_WITHDREW or OTHER (default)",
                    example = "NEED_CLOSED")
            ReleaseReason reason) {}

    /** What was actually used, in the offer's measure; all of the reservation when empty. The rest goes back. */
    public record Consume(
            @Schema(example = "2") @PositiveOrZero Integer quantity,
            @PositiveOrZero Long amountFen,
            @Positive Integer capacity) {}
}
