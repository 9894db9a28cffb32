package org.wushe.hub.resource.offer;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.resource.OfferKind;
import org.wushe.hub.resource.common.CoarsePlace;
import org.wushe.hub.resource.common.WeeklySlot;
import org.wushe.hub.resource.common.Window;

/** A donor's offer. Set exactly the block of its kind: goods, service, fund or venue. */
public record CreateOfferRequest(
        @NotNull UUID donorId,
        @Schema(example = "GOODS") @NotNull OfferKind kind,
        @Schema(example = "DAILY_GOODS") @NotNull Category category,

        @Schema(example = "爱心牛奶 milk for elderly living alone") @NotBlank @Size(max = 100)
        String title,

        @Size(max = 1000) String description,

        @Schema(description = "Groups the offer is meant for; empty means anyone")
        List<@NotNull BeneficiaryGroup> beneficiaryGroups,

        @Schema(description = "Communities the offer is limited to; empty means any within reach")
        List<@NotNull UUID> communityIds,

        @NotNull @Valid CoarsePlace place,
        @NotNull @Valid Window availableWindow,
        @Valid GoodsDetails goods,
        @Valid ServiceDetails service,
        @Valid FundDetails fund,
        @Valid VenueDetails venue) {

    public record GoodsDetails(
            @Schema(example = "100") @NotNull @Positive Integer quantity,
            @Schema(example = "BOX") @NotNull QuantityUnit unit,

            @Schema(description = "Best-before or use-by date (保质期)", example = "2026-12-31")
            LocalDate expiryDate) {}

    public record ServiceDetails(
            List<@NotNull Skill> skills,

            @Schema(description = "BCP 47 tags served besides Mandarin", example = "[\"en\"]")
            List<
                            @NotBlank @Size(max = 35)
                            @Pattern(
                                    regexp = "[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*",
                                    message = "must be a BCP 47 language tag")
                            String>
                    languages,

            @Schema(
                    description = "People (人次) per slot occurrence, or within the window when there is no schedule",
                    example = "20")
            @NotNull
            @Positive
            Integer capacity,

            @Positive Integer sessionMinutes,

            @Schema(description = "Weekly slots; empty means by appointment within the window")
            List<@NotNull @Valid WeeklySlot> schedule) {}

    public record FundDetails(
            @Schema(description = "Total in fen (分)", example = "500000") @NotNull @Positive
            Long amountFen,

            @Schema(description = "Cap per need in fen", example = "20000") @Positive
            Long maxPerNeedFen,

            @Schema(description = "What the money may be spent on (资金用途)", example = "困境儿童学习空间改造") @Size(max = 200)
            String purpose) {}

    public record VenueDetails(
            @Schema(description = "People at once", example = "40") @NotNull @Positive
            Integer capacity,

            @Schema(description = "Weekly opening hours (开放时间)")
            List<@NotNull @Valid WeeklySlot> openingHours) {}
}
