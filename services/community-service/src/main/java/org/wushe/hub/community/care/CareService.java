package org.wushe.hub.community.care;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.community.grid.Grid;
import org.wushe.hub.community.grid.GridAccess;
import org.wushe.hub.community.household.Household;
import org.wushe.hub.community.household.HouseholdService;
import org.wushe.hub.community.web.Accountability;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.privacy.PersonalDataScreen;
import org.wushe.hub.platform.web.InvalidInputException;

/**
 * Care plans and visits. A plan is for a resident registered in a household of the grid; the grid's grid worker
 * (or its community's staff) sets it and records visits; the stations serving the community see the overdue ones.
 * Each change of the schedule announces the next due day (CareVisitDue SCHEDULED); {@link CareClock} announces a
 * due day passed without a visit once (OVERDUE).
 */
@Service
public class CareService {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final CareRepository plans;
    private final GridAccess access;
    private final HouseholdService households;
    private final OutboxWriter outbox;
    private final Clock clock;

    public CareService(
            CareRepository plans, GridAccess access, HouseholdService households, OutboxWriter outbox, Clock clock) {
        this.plans = plans;
        this.access = access;
        this.households = households;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A new or changed plan, and whether it was new. */
    public record Saved(CarePlan.View plan, boolean created) {}

    @Transactional
    public Saved setPlan(UUID gridId, UUID residentId, CareSchedule.Risk risk, LocalDate since) {
        Grid grid = access.requireWorker("gridId", gridId);
        Instant now = now();
        LocalDate today = today(now);
        Household.Home home = households
                .householdOf(residentId)
                .filter(h -> h.gridId().equals(grid.id()))
                .orElseThrow(() -> new InvalidInputException("residentId", Messages.text("care.resident-not-in-grid")));
        if (since != null && since.isAfter(today)) {
            throw new InvalidInputException("since", Messages.text("care.since-in-future"));
        }
        Optional<CarePlan> existing = plans.lockOfResident(residentId);
        CarePlan plan;
        if (existing.isPresent()) {
            CarePlan p = existing.get();
            LocalDate start = since != null ? since : p.since();
            // A resident who moved to a household of this grid brings their plan (and its visits) along.
            plan = new CarePlan(
                    p.id(),
                    grid.id(),
                    p.communityId(),
                    p.residentId(),
                    home.id(),
                    risk,
                    start,
                    p.lastVisitedOn(),
                    CareSchedule.nextDue(risk, start, p.lastVisitedOn()),
                    p.overdueAnnouncedOn(),
                    p.createdAt(),
                    now);
            plans.update(plan);
        } else {
            LocalDate start = since != null ? since : today;
            plan = new CarePlan(
                    UUID.randomUUID(),
                    grid.id(),
                    grid.communityId(),
                    residentId,
                    home.id(),
                    risk,
                    start,
                    null,
                    CareSchedule.nextDue(risk, start, null),
                    null,
                    now,
                    now);
            plans.insert(plan);
        }
        outbox.publish(Aggregate.GRID, plan.gridId().toString(), CareEvents.scheduled(plan, now));
        return new Saved(CarePlan.View.of(plan, today), existing.isEmpty());
    }

    /** A visit recorded; one that found the person moves the schedule on. */
    @Transactional
    public CarePlan.View recordVisit(UUID planId, LocalDate visitedOn, CareSchedule.Outcome outcome, String note) {
        CarePlan p = plans.find(planId)
                .orElseThrow(() -> new InvalidInputException("id", Messages.text("care.plan-not-found", planId), 404));
        access.requireWorker("id", access.grid("id", p.gridId()));
        p = plans.lock(planId).orElseThrow();
        Instant now = now();
        LocalDate today = today(now);
        if (visitedOn.isAfter(today)) {
            throw new InvalidInputException("visitedOn", Messages.text("care.visit-in-future"));
        }
        if (visitedOn.isBefore(p.since())) {
            throw new InvalidInputException("visitedOn", Messages.text("care.visit-before-plan", p.since()));
        }
        plans.insert(new CarePlan.Visit(
                UUID.randomUUID(),
                p.id(),
                visitedOn,
                outcome,
                PersonalDataScreen.screen("note", note == null || note.isBlank() ? null : note),
                Accountability.actor(),
                now));
        if (outcome.counts() && (p.lastVisitedOn() == null || visitedOn.isAfter(p.lastVisitedOn()))) {
            p = new CarePlan(
                    p.id(),
                    p.gridId(),
                    p.communityId(),
                    p.residentId(),
                    p.householdId(),
                    p.risk(),
                    p.since(),
                    visitedOn,
                    CareSchedule.nextDue(p.risk(), p.since(), visitedOn),
                    p.overdueAnnouncedOn(),
                    p.createdAt(),
                    now);
            plans.update(p);
            outbox.publish(Aggregate.GRID, p.gridId().toString(), CareEvents.scheduled(p, now));
        }
        return CarePlan.View.of(p, today);
    }

    public List<CarePlan.View> ofGrid(UUID gridId) {
        Grid grid = access.requireReader("gridId", gridId);
        LocalDate today = today(now());
        return plans.ofGrid(grid.id()).stream()
                .map(p -> CarePlan.View.of(p, today))
                .toList();
    }

    public List<CarePlan.Visit> visits(UUID planId) {
        CarePlan p = plans.find(planId)
                .orElseThrow(() -> new InvalidInputException("id", Messages.text("care.plan-not-found", planId), 404));
        access.requireReader("id", access.grid("id", p.gridId()));
        return plans.visits(planId);
    }

    /** The grid's plans whose visit is overdue, most overdue first. */
    public List<CarePlan.View> overdueOfGrid(UUID gridId) {
        Grid grid = access.requireReader("gridId", gridId);
        LocalDate today = today(now());
        return plans.overdueOfGrid(grid.id(), today).stream()
                .map(p -> CarePlan.View.of(p, today))
                .toList();
    }

    /** The overdue plans of every grid of the communities the station serves, for its staff. */
    public List<CarePlan.View> overdueOfStation(UUID stationId) {
        Set<UUID> communities = access.requireStationStaff("stationId", stationId);
        LocalDate today = today(now());
        return plans.overdueOfCommunities(communities, today).stream()
                .map(p -> CarePlan.View.of(p, today))
                .toList();
    }

    /** Announces each due day passed without a visit, once (CareVisitDue OVERDUE); answers how many. */
    @Transactional
    public int announceOverdue() {
        Instant now = now();
        List<CarePlan> due = plans.lockUnannouncedOverdue(today(now), 500);
        for (CarePlan p : due) {
            plans.announcedOverdue(p.id(), p.nextDueOn());
            outbox.publish(Aggregate.GRID, p.gridId().toString(), CareEvents.overdue(p, now));
        }
        return due.size();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZONE);
    }
}
