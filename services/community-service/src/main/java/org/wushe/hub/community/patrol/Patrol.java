package org.wushe.hub.community.patrol;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.Urgency;

/** A patrol round of a grid and what it found. Notes and titles are screened; the resident is an id (a pseudonym in the need). */
public final class Patrol {

    private Patrol() {}

    /** What a grid worker checks at a household. */
    public enum Item {
        /** 燃气: pipes, hoses, alarms. */
        GAS,
        /** 消防: extinguishers, blocked exits, stairwell clutter. */
        FIRE,
        /** 电线: old or overloaded wiring, e-bikes charged indoors. */
        WIRING,
        /** 居住条件: heating, damp, food, hygiene. */
        LIVING_CONDITIONS
    }

    /** A finding: waiting for community staff (REPORTED), its need published (PUBLISHED), or set aside (DISMISSED). */
    public enum HazardStatus {
        REPORTED,
        PUBLISHED,
        DISMISSED
    }

    public record Round(
            UUID id, UUID gridId, UUID communityId, LocalDate patrolledOn, String recordedBy, Instant recordedAt) {}

    public record Check(UUID householdId, Item item, boolean ok, String note) {}

    public record Hazard(
            UUID id,
            UUID patrolId,
            UUID householdId,
            UUID gridId,
            UUID communityId,
            Item item,
            Category category,
            Urgency urgency,
            BeneficiaryGroup beneficiaryGroup,
            String title,
            UUID residentId,
            UUID stationId,
            Instant windowEnd,
            HazardStatus status,
            UUID needId,
            Instant reportedAt,
            String reviewedBy,
            Instant reviewedAt,
            String dismissReason) {

        Hazard published(UUID need, String by, Instant at) {
            return new Hazard(
                    id,
                    patrolId,
                    householdId,
                    gridId,
                    communityId,
                    item,
                    category,
                    urgency,
                    beneficiaryGroup,
                    title,
                    residentId,
                    stationId,
                    windowEnd,
                    HazardStatus.PUBLISHED,
                    need,
                    reportedAt,
                    by,
                    at,
                    null);
        }

        Hazard dismissed(String reason, String by, Instant at) {
            return new Hazard(
                    id,
                    patrolId,
                    householdId,
                    gridId,
                    communityId,
                    item,
                    category,
                    urgency,
                    beneficiaryGroup,
                    title,
                    residentId,
                    stationId,
                    windowEnd,
                    HazardStatus.DISMISSED,
                    null,
                    reportedAt,
                    by,
                    at,
                    reason);
        }
    }

    /** A round as lists show it. */
    public record Summary(
            UUID id,
            UUID gridId,
            LocalDate patrolledOn,
            int householdsVisited,
            int hazardsFound,
            String recordedBy,
            Instant recordedAt) {}

    /** A round with every check and finding. */
    public record View(Summary patrol, List<Check> checks, List<Hazard> hazards) {}
}
