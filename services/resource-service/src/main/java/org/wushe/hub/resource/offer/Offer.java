package org.wushe.hub.resource.offer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
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

/**
 * What a donor gives: goods (物资), a service (服务), funds (资金) or a venue (场地). Exactly the details
 * block of its kind is set. {@code revision} counts the provider's changes ({@code PUT /offers/{id}});
 * a withdrawn offer keeps when and why ({@code POST /offers/{id}/withdraw}).
 */
public record Offer(
        UUID id,
        UUID donorId,
        OfferKind kind,
        Category category,
        String title,
        String description,
        List<BeneficiaryGroup> beneficiaryGroups,
        List<UUID> communityIds,
        CoarsePlace place,
        Window availableWindow,
        OfferStatus status,
        Goods goods,
        ServiceDetails service,
        Fund fund,
        Venue venue,
        Instant createdAt,
        Instant expiredAt,
        int revision,
        Instant withdrawnAt,
        String withdrawalReason) {

    /** A new offer: revision 0, not withdrawn. */
    public Offer(
            UUID id,
            UUID donorId,
            OfferKind kind,
            Category category,
            String title,
            String description,
            List<BeneficiaryGroup> beneficiaryGroups,
            List<UUID> communityIds,
            CoarsePlace place,
            Window availableWindow,
            OfferStatus status,
            Goods goods,
            ServiceDetails service,
            Fund fund,
            Venue venue,
            Instant createdAt,
            Instant expiredAt) {
        this(
                id,
                donorId,
                kind,
                category,
                title,
                description,
                beneficiaryGroups,
                communityIds,
                place,
                availableWindow,
                status,
                goods,
                service,
                fund,
                venue,
                createdAt,
                expiredAt,
                0,
                null,
                null);
    }

    @Schema(description = "Goods in stock (物资)")
    public record Goods(int quantity, QuantityUnit unit, LocalDate expiryDate) {}

    @Schema(
            description =
                    "A service (服务): capacity is people (人次) per occurrence of a schedule slot, or within the whole window when there is no schedule")
    public record ServiceDetails(
            List<Skill> skills,
            List<String> languages,
            int capacity,
            Integer sessionMinutes,
            List<WeeklySlot> schedule) {}

    @Schema(description = "Money (资金), in fen (分; 100 fen = 1 yuan)")
    public record Fund(long amountFen, Long maxPerNeedFen, String purpose) {}

    @Schema(description = "A venue (场地): capacity is people at once, per occurrence of an opening-hours slot")
    public record Venue(int capacity, List<WeeklySlot> openingHours) {}

    @JsonIgnore
    public boolean isActive() {
        return status == OfferStatus.ACTIVE;
    }

    /** Weekly slots that stock is counted per (service schedule or venue opening hours); empty for goods and funds. */
    public List<WeeklySlot> slots() {
        if (service != null) {
            return service.schedule();
        }
        if (venue != null) {
            return venue.openingHours();
        }
        return List.of();
    }
}
