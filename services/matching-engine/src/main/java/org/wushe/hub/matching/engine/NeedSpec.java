package org.wushe.hub.matching.engine;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;

/**
 * A published need (居民需求) as the engine sees it: what NeedPublished / NeedUpdated carry, no personal data.
 *
 * @param stationId         the station whose staff receive the proposals; not used for matching
 * @param beneficiaryCount  people served; also the places a service, venue or capacity must have left
 * @param place             coarse position (2 decimals); when null the centre of {@code geohash} is used
 * @param geohash           coarse cell, at most 6 characters; may be null when {@code place} is set
 * @param window            when the need must be met
 * @param quantity          goods wanted, or null when the need asks for no goods
 * @param unit              unit of {@code quantity}; null when unknown
 * @param requiredSkills    skills the helper must all have; empty: the category decides (see {@link MatchSettings})
 * @param languages         BCP 47 tags the helper must speak besides Mandarin, e.g. "en"
 * @param estimatedMinutes  expected service time; null: {@link MatchSettings#defaultServiceMinutes()}
 * @param publishedAtMillis when the need was published; waiting time raises the urgency value
 */
public record NeedSpec(
        UUID needId,
        UUID communityId,
        UUID stationId,
        Category category,
        Urgency urgency,
        BeneficiaryGroup beneficiaryGroup,
        int beneficiaryCount,
        GeoPoint place,
        String geohash,
        Window window,
        Integer quantity,
        QuantityUnit unit,
        Set<Skill> requiredSkills,
        Set<String> languages,
        Integer estimatedMinutes,
        long publishedAtMillis) {

    public NeedSpec {
        Objects.requireNonNull(needId, "needId");
        Objects.requireNonNull(communityId, "communityId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(beneficiaryGroup, "beneficiaryGroup");
        Objects.requireNonNull(window, "window");
        if (beneficiaryCount < 0) {
            throw new IllegalArgumentException("beneficiaryCount must not be negative");
        }
        if (quantity != null && quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1 when set, got " + quantity);
        }
        if (estimatedMinutes != null && estimatedMinutes < 1) {
            throw new IllegalArgumentException("estimatedMinutes must be positive when set, got " + estimatedMinutes);
        }
        requiredSkills = requiredSkills == null ? Set.of() : Set.copyOf(requiredSkills);
        languages = languages == null ? Set.of() : Set.copyOf(languages);
    }

    /** People served, at least one. */
    int people() {
        return Math.max(1, beneficiaryCount);
    }
}
