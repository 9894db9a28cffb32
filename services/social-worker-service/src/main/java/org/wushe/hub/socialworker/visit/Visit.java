package org.wushe.hub.socialworker.visit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.events.socialworker.VisitKind;
import org.wushe.hub.events.socialworker.VisitOutcome;

/** A phone or home visit to a resident known only as {@code residentRef}; the notes never leave this service. */
public record Visit(
        UUID id,
        UUID socialWorkerId,
        UUID stationId,
        UUID communityId,
        UUID residentRef,
        UUID caseId,
        VisitKind kind,
        VisitOutcome outcome,
        Instant visitedAt,
        Integer minutes,
        String notes,
        RaisedNeed raisedNeed,
        Instant createdAt) {

    /** The visit as a list shows it without a reason: everything but the notes. */
    public Visit withoutNotes() {
        return new Visit(
                id,
                socialWorkerId,
                stationId,
                communityId,
                residentRef,
                caseId,
                kind,
                outcome,
                visitedAt,
                minutes,
                null,
                raisedNeed,
                createdAt);
    }

    /** The need a visit found, as the community service will publish it (source VISIT). */
    public record RaisedNeed(
            UUID eventId,
            Category category,
            Urgency urgency,
            BeneficiaryGroup beneficiaryGroup,
            int beneficiaryCount,
            String title,
            UUID gridId,
            String geohash,
            Instant start,
            Instant end,
            Integer quantityAmount,
            QuantityUnit quantityUnit,
            List<Skill> requiredSkills,
            List<String> requiredLanguages,
            Integer estimatedMinutes) {}
}
