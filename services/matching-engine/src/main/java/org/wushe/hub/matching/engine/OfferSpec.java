package org.wushe.hub.matching.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Skill;

/**
 * An offer the read model keeps: a ResourceOffered (GOODS, SERVICE, FUND, VENUE) or a ServiceCapacityOffered
 * (CAPACITY, whose {@code offerId} is the capacityId).
 *
 * @param beneficiaryGroups groups it is meant for; empty (or ALL_RESIDENTS among them): anyone
 * @param communityIds      communities it is limited to; empty: any community within reach of {@code place}
 * @param place             coarse position; when null the centre of {@code geohash} is used
 * @param available         when the offer can be used
 * @param remaining         GOODS: units left; FUND: fen left; SERVICE/VENUE/CAPACITY: places per slot occurrence
 *                          (or within {@code available} when there are no weekly slots)
 * @param unit              GOODS: the unit of {@code remaining}
 * @param expiryDate        GOODS: best-before date, or null
 * @param maxPerNeedFen     FUND: cap per need, or null for {@link MatchSettings#defaultFundPerNeedFen()}
 * @param skills            SERVICE/CAPACITY: skills the provider brings
 * @param languages         SERVICE/CAPACITY: BCP 47 tags served besides Mandarin
 * @param weeklySlots       SERVICE/VENUE/CAPACITY: schedule or opening hours; empty: any time in {@code available}
 * @param sessionMinutes    length of one session, or null for the need's own estimate
 */
public record OfferSpec(
        UUID offerId,
        UUID providerId,
        OfferKind kind,
        Category category,
        Set<BeneficiaryGroup> beneficiaryGroups,
        Set<UUID> communityIds,
        GeoPoint place,
        String geohash,
        Window available,
        long remaining,
        QuantityUnit unit,
        LocalDate expiryDate,
        Long maxPerNeedFen,
        Set<Skill> skills,
        Set<String> languages,
        List<WeeklySlot> weeklySlots,
        Integer sessionMinutes) {

    public OfferSpec {
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(available, "available");
        if (remaining < 0) {
            throw new IllegalArgumentException("remaining must not be negative, got " + remaining);
        }
        if (maxPerNeedFen != null && maxPerNeedFen < 1) {
            throw new IllegalArgumentException("maxPerNeedFen must be positive when set, got " + maxPerNeedFen);
        }
        if (sessionMinutes != null && sessionMinutes < 1) {
            throw new IllegalArgumentException("sessionMinutes must be positive when set, got " + sessionMinutes);
        }
        beneficiaryGroups = beneficiaryGroups == null ? Set.of() : Set.copyOf(beneficiaryGroups);
        communityIds = communityIds == null ? Set.of() : Set.copyOf(communityIds);
        skills = skills == null ? Set.of() : Set.copyOf(skills);
        languages = languages == null ? Set.of() : Set.copyOf(languages);
        weeklySlots = weeklySlots == null ? List.of() : List.copyOf(weeklySlots);
    }

    /** How proposals name this offer. */
    public CandidateRef ref() {
        return new CandidateRef(kind == OfferKind.CAPACITY ? CandidateKind.CAPACITY : CandidateKind.OFFER, offerId);
    }
}
