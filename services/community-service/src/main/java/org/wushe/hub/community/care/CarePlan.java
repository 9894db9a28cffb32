package org.wushe.hub.community.care;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A care plan for an elderly person living alone: the resident as an id, the risk, the schedule's state. */
public record CarePlan(
        UUID id,
        UUID gridId,
        UUID communityId,
        UUID residentId,
        UUID householdId,
        CareSchedule.Risk risk,
        LocalDate since,
        LocalDate lastVisitedOn,
        LocalDate nextDueOn,
        LocalDate overdueAnnouncedOn,
        Instant createdAt,
        Instant updatedAt) {

    /** A recorded visit (or the plan itself) as the API shows it: {@code overdue} and {@code daysOverdue} as of today. */
    public record View(
            UUID id,
            UUID gridId,
            UUID communityId,
            UUID residentId,
            UUID householdId,
            CareSchedule.Risk risk,
            LocalDate since,
            LocalDate lastVisitedOn,
            LocalDate nextDueOn,
            boolean overdue,
            long daysOverdue) {

        static View of(CarePlan p, LocalDate today) {
            return new View(
                    p.id(),
                    p.gridId(),
                    p.communityId(),
                    p.residentId(),
                    p.householdId(),
                    p.risk(),
                    p.since(),
                    p.lastVisitedOn(),
                    p.nextDueOn(),
                    CareSchedule.overdue(p.nextDueOn(), today),
                    CareSchedule.daysOverdue(p.nextDueOn(), today));
        }
    }

    public record Visit(
            UUID id,
            UUID planId,
            LocalDate visitedOn,
            CareSchedule.Outcome outcome,
            String note,
            String recordedBy,
            Instant recordedAt) {}
}
