package org.wushe.hub.community.need;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.NeedSource;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;

/**
 * What a need asks for, as staff wrote it (REST or a need-list row), before the rules and references
 * are checked. {@code residentId} is the internal id; events carry the resident's pseudonym instead.
 */
public record NeedDraft(
        UUID communityId,
        UUID stationId,
        UUID gridId,
        UUID residentId,
        NeedSource source,
        Category category,
        Urgency urgency,
        BeneficiaryGroup beneficiaryGroup,
        Integer beneficiaryCount,
        String title,
        String geohash,
        Instant start,
        Instant end,
        Integer quantityAmount,
        QuantityUnit quantityUnit,
        List<Skill> requiredSkills,
        List<String> requiredLanguages,
        Integer estimatedMinutes) {

    public NeedDraft {
        source = source == null ? NeedSource.NEED_LIST : source;
        beneficiaryCount = beneficiaryCount == null ? 1 : beneficiaryCount;
        title = title == null ? null : title.strip();
        requiredSkills = requiredSkills == null ? List.of() : List.copyOf(requiredSkills);
        requiredLanguages = requiredLanguages == null ? List.of() : List.copyOf(requiredLanguages);
    }

    public NeedDraft withStation(UUID station) {
        return new NeedDraft(
                communityId,
                station,
                gridId,
                residentId,
                source,
                category,
                urgency,
                beneficiaryGroup,
                beneficiaryCount,
                title,
                geohash,
                start,
                end,
                quantityAmount,
                quantityUnit,
                requiredSkills,
                requiredLanguages,
                estimatedMinutes);
    }

    public NeedDraft withResident(UUID resident) {
        return new NeedDraft(
                communityId,
                stationId,
                gridId,
                resident,
                source,
                category,
                urgency,
                beneficiaryGroup,
                beneficiaryCount,
                title,
                geohash,
                start,
                end,
                quantityAmount,
                quantityUnit,
                requiredSkills,
                requiredLanguages,
                estimatedMinutes);
    }

    public NeedDraft withWindow(Instant newStart, Instant newEnd) {
        return new NeedDraft(
                communityId,
                stationId,
                gridId,
                residentId,
                source,
                category,
                urgency,
                beneficiaryGroup,
                beneficiaryCount,
                title,
                geohash,
                newStart,
                newEnd,
                quantityAmount,
                quantityUnit,
                requiredSkills,
                requiredLanguages,
                estimatedMinutes);
    }
}
