package org.wushe.hub.community.patrol;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.community.grid.Grid;
import org.wushe.hub.community.grid.GridAccess;
import org.wushe.hub.community.household.Household;
import org.wushe.hub.community.household.HouseholdService;
import org.wushe.hub.community.need.Need;
import org.wushe.hub.community.need.NeedDraft;
import org.wushe.hub.community.need.NeedReferences;
import org.wushe.hub.community.need.NeedService;
import org.wushe.hub.community.need.Violation;
import org.wushe.hub.community.web.Accountability;
import org.wushe.hub.events.common.NeedSource;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.privacy.PersonalDataScreen;
import org.wushe.hub.platform.web.InvalidInputException;

/**
 * Records patrol rounds and moves their findings to needs through {@link NeedService} (the one need flow): an
 * URGENT or IMMEDIATE finding is published at once, in the round's transaction; any other waits for the
 * community's staff, who publish it (with a station, when several serve the community) or set it aside.
 */
@Service
public class PatrolService {

    /** A round is recorded within this many days of the day it was walked. */
    static final int MAX_DAYS_BACK = 31;

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final PatrolRepository patrols;
    private final GridAccess access;
    private final HouseholdService households;
    private final NeedService needs;
    private final OutboxWriter outbox;
    private final Clock clock;

    public PatrolService(
            PatrolRepository patrols,
            GridAccess access,
            HouseholdService households,
            NeedService needs,
            OutboxWriter outbox,
            Clock clock) {
        this.patrols = patrols;
        this.access = access;
        this.households = households;
        this.needs = needs;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Whether a finding of this urgency becomes a need at once, without review. */
    static boolean urgent(Urgency urgency) {
        return urgency == Urgency.URGENT || urgency == Urgency.IMMEDIATE;
    }

    /** How long a finding's need stays open when the grid worker gives no end: 1, 3, 7 or 30 days by urgency. */
    static Duration defaultWindow(Urgency urgency) {
        return switch (urgency) {
            case IMMEDIATE -> Duration.ofDays(1);
            case URGENT -> Duration.ofDays(3);
            case SOON -> Duration.ofDays(7);
            default -> Duration.ofDays(30);
        };
    }

    @Transactional
    public Patrol.View record(UUID gridId, PatrolController.RecordPatrol r) {
        Grid grid = access.requireWorker("gridId", gridId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        if (r.patrolledOn().isAfter(today)) {
            throw new InvalidInputException("patrolledOn", Messages.text("patrol.in-future"));
        }
        if (r.patrolledOn().isBefore(today.minusDays(MAX_DAYS_BACK))) {
            throw new InvalidInputException("patrolledOn", Messages.text("patrol.too-late", MAX_DAYS_BACK));
        }
        Patrol.Round round = new Patrol.Round(
                UUID.randomUUID(), grid.id(), grid.communityId(), r.patrolledOn(), Accountability.actor(), now);
        // Titles are screened for the linked resident's own name too: the grid worker knows the household.
        NeedReferences refs = needs.references(community -> true);
        List<Patrol.Check> checks = new ArrayList<>();
        List<Patrol.Hazard> hazards = new ArrayList<>();
        List<NeedService.Checked> urgentNeeds = new ArrayList<>();
        List<Integer> urgentAt = new ArrayList<>();
        List<Need.Origin> urgentOrigins = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < r.households().size(); i++) {
            PatrolController.VisitRequest visit = r.households().get(i);
            String at = "households[" + i + "]";
            Household.Home home = households
                    .find(visit.householdId())
                    .filter(h -> h.gridId().equals(grid.id()))
                    .orElseThrow(() -> new InvalidInputException(
                            at + ".householdId", Messages.text("patrol.household-not-in-grid")));
            if (!seen.add(home.id())) {
                throw new InvalidInputException(at + ".householdId", Messages.text("patrol.household-twice"));
            }
            Set<Patrol.Item> found = new HashSet<>();
            Set<Patrol.Item> wanting = new HashSet<>();
            for (int k = 0; k < visit.checks().size(); k++) {
                PatrolController.CheckRequest c = visit.checks().get(k);
                if (!found.add(c.item())) {
                    throw new InvalidInputException(
                            at + ".checks[" + k + "].item", Messages.text("patrol.checked-twice"));
                }
                if (!c.ok()) {
                    wanting.add(c.item());
                }
                checks.add(new Patrol.Check(
                        home.id(),
                        c.item(),
                        c.ok(),
                        PersonalDataScreen.screen(at + ".checks[" + k + "].note", blankToNull(c.note()))));
            }
            List<PatrolController.FindingRequest> findings = visit.findings() == null ? List.of() : visit.findings();
            for (int j = 0; j < findings.size(); j++) {
                PatrolController.FindingRequest f = findings.get(j);
                String fat = at + ".findings[" + j + "]";
                if (!wanting.contains(f.item())) {
                    throw new InvalidInputException(fat + ".item", Messages.text("patrol.finding-not-wanting"));
                }
                if (f.residentId() != null && !home.residentIds().contains(f.residentId())) {
                    throw new InvalidInputException(
                            fat + ".residentId", Messages.text("patrol.resident-not-in-household"));
                }
                Instant end = f.end() != null ? f.end() : now.plus(defaultWindow(f.urgency()));
                NeedDraft draft = new NeedDraft(
                        grid.communityId(),
                        f.stationId(),
                        grid.id(),
                        f.residentId(),
                        NeedSource.GRID_REPORT,
                        f.category(),
                        f.urgency(),
                        f.beneficiaryGroup(),
                        1,
                        f.title(),
                        null,
                        now,
                        end,
                        null,
                        null,
                        null,
                        null,
                        null);
                NeedService.Checked checked = needs.check(draft, refs);
                boolean urgent = urgent(f.urgency());
                for (Violation v : checked.violations()) {
                    // A finding that waits for review may leave the station to the community's staff.
                    if (urgent || !v.field().equals("stationId")) {
                        throw new InvalidInputException(fat + "." + v.field(), v.message());
                    }
                }
                Patrol.Hazard h = new Patrol.Hazard(
                        UUID.randomUUID(),
                        round.id(),
                        home.id(),
                        grid.id(),
                        grid.communityId(),
                        f.item(),
                        f.category(),
                        f.urgency(),
                        f.beneficiaryGroup(),
                        checked.draft().title(),
                        f.residentId(),
                        checked.draft().stationId(),
                        end,
                        Patrol.HazardStatus.REPORTED,
                        null,
                        now,
                        null,
                        null,
                        null);
                if (urgent) {
                    urgentNeeds.add(checked);
                    urgentOrigins.add(Need.Origin.hazard(h.id()));
                    urgentAt.add(hazards.size());
                }
                hazards.add(h);
            }
        }
        patrols.insert(round, checks);
        if (!urgentNeeds.isEmpty()) {
            List<Need> published = needs.publishChecked(urgentNeeds, urgentOrigins, refs);
            for (int n = 0; n < published.size(); n++) {
                int index = urgentAt.get(n);
                hazards.set(index, hazards.get(index).published(published.get(n).id(), round.recordedBy(), now));
            }
        }
        List<OutboxWriter.Event> events = new ArrayList<>();
        events.add(new OutboxWriter.Event(
                Aggregate.GRID, grid.id().toString(), PatrolEvents.recorded(round, seen.size(), checks, hazards, now)));
        for (Patrol.Hazard h : hazards) {
            patrols.insert(h);
            events.add(new OutboxWriter.Event(Aggregate.GRID, grid.id().toString(), PatrolEvents.reported(h, now)));
        }
        outbox.publishAll(events);
        return new Patrol.View(
                new Patrol.Summary(
                        round.id(),
                        grid.id(),
                        round.patrolledOn(),
                        seen.size(),
                        hazards.size(),
                        round.recordedBy(),
                        round.recordedAt()),
                checks,
                hazards);
    }

    public List<Patrol.Summary> ofGrid(UUID gridId, int limit) {
        Grid grid = access.requireReader("gridId", gridId);
        return patrols.summaries(grid.id(), limit);
    }

    public Patrol.View get(UUID id) {
        Patrol.Round round = patrols.round(id)
                .orElseThrow(() -> new InvalidInputException("id", Messages.text("patrol.not-found", id), 404));
        access.requireReader("id", access.grid("id", round.gridId()));
        return new Patrol.View(patrols.summary(id).orElseThrow(), patrols.checks(id), patrols.hazardsOf(id));
    }

    public List<Patrol.Hazard> hazardsOfGrid(UUID gridId, Patrol.HazardStatus status) {
        Grid grid = access.requireReader("gridId", gridId);
        return patrols.hazards("grid_id", grid.id(), status);
    }

    public List<Patrol.Hazard> hazardsOfCommunity(UUID communityId, Patrol.HazardStatus status) {
        access.requireCommunityReader("communityId", communityId);
        return patrols.hazards("community_id", communityId, status);
    }

    /** Community staff publish a reported finding: the need goes through {@link NeedService#publish}, its rules and its event. */
    @Transactional
    public Patrol.Hazard publish(UUID id, PatrolController.PublishHazard r) {
        Patrol.Hazard h = reviewable(id);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        NeedDraft draft = new NeedDraft(
                h.communityId(),
                r.stationId() != null ? r.stationId() : h.stationId(),
                h.gridId(),
                h.residentId(),
                NeedSource.GRID_REPORT,
                h.category(),
                h.urgency(),
                h.beneficiaryGroup(),
                1,
                h.title(),
                null,
                now,
                r.end() != null ? r.end() : h.windowEnd(),
                null,
                null,
                null,
                null,
                null);
        Need need = needs.publish(draft, Need.Origin.hazard(h.id()));
        Patrol.Hazard published = h.published(need.id(), Accountability.actor(), now);
        patrols.review(published);
        return published;
    }

    @Transactional
    public Patrol.Hazard dismiss(UUID id, String reason) {
        Patrol.Hazard h = reviewable(id);
        Patrol.Hazard dismissed = h.dismissed(
                PersonalDataScreen.screen("reason", reason),
                Accountability.actor(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        patrols.review(dismissed);
        return dismissed;
    }

    private Patrol.Hazard reviewable(UUID id) {
        Patrol.Hazard h = patrols.hazard(id)
                .orElseThrow(() -> new InvalidInputException("id", Messages.text("patrol.finding-not-found", id), 404));
        access.requireCommunityStaff("id", h.communityId());
        Patrol.Hazard locked = patrols.lockHazard(id).orElseThrow();
        if (locked.status() != Patrol.HazardStatus.REPORTED) {
            throw new InvalidInputException("id", Messages.text("patrol.finding-decided", locked.status()), 409);
        }
        return locked;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
