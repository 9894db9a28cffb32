package org.wushe.hub.resource.offer;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.wushe.hub.resource.common.WeeklySlot;

/**
 * What a provider may change of an active offer; every part is optional and only what is set changes.
 * The block of the offer's kind may be set (goods, service, fund or venue), no other. Kind, category,
 * place, groups, communities and the window's start stay as offered (withdraw and offer anew for those).
 */
@Schema(description = "Only the fields set change. Stock never goes below what is reserved and handed over.")
public record UpdateOfferRequest(
        @Schema(example = "爱心牛奶 milk for elderly living alone") @Size(max = 100)
        String title,

        @Schema(description = "An empty string clears it") @Size(max = 1000)
        String description,

        @Schema(
                description = "New end of the available window; after its start and in the future",
                example = "2026-12-31T10:00:00Z")
        Instant availableUntil,

        @Valid GoodsChange goods,
        @Valid ServiceChange service,
        @Valid FundChange fund,
        @Valid VenueChange venue) {

    public record GoodsChange(
            @Schema(
                    description = "Stock offered in all, up or down, never below what is reserved and handed over",
                    example = "80")
            @Positive
            Integer quantity,

            @Schema(description = "Best-before or use-by date (保质期), not in the past", example = "2026-12-31")
            LocalDate expiryDate) {}

    public record ServiceChange(
            @Schema(
                    description = "People (人次) per slot occurrence, never below what a slot has reserved",
                    example = "10")
            @Positive
            Integer capacity,

            @Schema(description = "Weekly slots, replacing the old ones; reservations made stay")
            List<@NotNull @Valid WeeklySlot> schedule) {}

    public record FundChange(
            @Schema(description = "Total in fen (分), never below what is reserved and paid out", example = "300000")
            @Positive
            Long amountFen,

            @Schema(description = "Cap per need in fen, at most amountFen", example = "20000") @Positive
            Long maxPerNeedFen) {}

    public record VenueChange(
            @Schema(description = "People at once, never below what a slot has reserved", example = "30") @Positive
            Integer capacity,

            @Schema(description = "Weekly opening hours, replacing the old ones")
            List<@NotNull @Valid WeeklySlot> openingHours) {}
}
