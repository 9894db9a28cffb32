package org.wushe.hub.resource.offer;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/** Why a provider withdraws an offer (optional); kept in this service only, never in an event. */
public record WithdrawOfferRequest(
        @Schema(example = "库存已全部捐出 all given out elsewhere") @Size(max = 200)
        String reason) {}
