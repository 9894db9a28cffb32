package org.wushe.hub.community.subsidy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.community.grid.Grid;
import org.wushe.hub.community.grid.GridAccess;
import org.wushe.hub.community.household.HouseholdService;
import org.wushe.hub.community.web.Accountability;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.privacy.PersonalDataScreen;
import org.wushe.hub.platform.web.InvalidInputException;

/** Subsidy applications of the grid's residents, kept by its grid worker (or its community's staff); each change one event. */
@Service
public class SubsidyService {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final SubsidyRepository applications;
    private final GridAccess access;
    private final HouseholdService households;
    private final OutboxWriter outbox;
    private final Clock clock;

    public SubsidyService(
            SubsidyRepository applications,
            GridAccess access,
            HouseholdService households,
            OutboxWriter outbox,
            Clock clock) {
        this.applications = applications;
        this.access = access;
        this.households = households;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public SubsidyApplication open(UUID gridId, UUID residentId, SubsidyApplication.Kind kind, String note) {
        Grid grid = access.requireWorker("gridId", gridId);
        households
                .householdOf(residentId)
                .filter(h -> h.gridId().equals(grid.id()))
                .orElseThrow(() -> new InvalidInputException("residentId", Messages.text("care.resident-not-in-grid")));
        Instant now = now();
        SubsidyApplication a = new SubsidyApplication(
                UUID.randomUUID(),
                grid.id(),
                grid.communityId(),
                residentId,
                kind,
                SubsidyApplication.Status.PREPARING,
                null,
                null,
                PersonalDataScreen.screen("note", note == null || note.isBlank() ? null : note),
                1,
                Accountability.actor(),
                now,
                now);
        applications.insert(a);
        outbox.publish(Aggregate.GRID, a.gridId().toString(), SubsidyEvents.changed(a, now));
        return a;
    }

    @Transactional
    public SubsidyApplication move(UUID id, SubsidyApplication.Status to, LocalDate on) {
        SubsidyApplication a = applications
                .find(id)
                .orElseThrow(() -> new InvalidInputException("id", Messages.text("subsidy.not-found", id), 404));
        access.requireWorker("id", access.grid("id", a.gridId()));
        a = applications.lock(id).orElseThrow();
        if (!a.status().canMoveTo(to)) {
            throw new InvalidInputException(
                    "status",
                    Messages.text(
                            "subsidy.status-move", a.status(), to, a.status().next()),
                    409);
        }
        Instant now = now();
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        LocalDate day = on != null ? on : today;
        if (day.isAfter(today)) {
            throw new InvalidInputException("on", Messages.text("subsidy.on-in-future"));
        }
        if ((to == SubsidyApplication.Status.APPROVED || to == SubsidyApplication.Status.REJECTED)
                && a.submittedOn() != null
                && day.isBefore(a.submittedOn())) {
            throw new InvalidInputException("on", Messages.text("subsidy.decided-before-submitted", a.submittedOn()));
        }
        SubsidyApplication moved = a.moved(to, day, now);
        applications.update(moved);
        outbox.publish(Aggregate.GRID, moved.gridId().toString(), SubsidyEvents.changed(moved, now));
        return moved;
    }

    public List<SubsidyApplication> ofGrid(UUID gridId) {
        Grid grid = access.requireReader("gridId", gridId);
        return applications.ofGrid(grid.id());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
