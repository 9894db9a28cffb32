package org.wushe.hub.socialworker.group;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.platform.core.Calendar;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.privacy.PersonalDataScreen;
import org.wushe.hub.platform.security.Access;
import org.wushe.hub.platform.security.Caller;
import org.wushe.hub.platform.security.ForbiddenException;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.platform.web.InvalidInputException;
import org.wushe.hub.socialworker.notes.NoteAccessLog;
import org.wushe.hub.socialworker.station.Stations;
import org.wushe.hub.socialworker.worker.SocialWorker;
import org.wushe.hub.socialworker.worker.WorkerAccess;
import org.wushe.hub.socialworker.worker.WorkerService;

@Service
public class GroupService {

    private final GroupRepository groups;
    private final WorkerService workers;
    private final OutboxWriter outbox;
    private final Clock clock;

    private final WorkerAccess access;
    private final Stations stations;
    private final NoteAccessLog accessLog;

    public GroupService(
            GroupRepository groups,
            WorkerService workers,
            OutboxWriter outbox,
            Clock clock,
            WorkerAccess access,
            Stations stations,
            NoteAccessLog accessLog) {
        this.access = access;
        this.stations = stations;
        this.accessLog = accessLog;
        this.groups = groups;
        this.workers = workers;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public WorkGroup start(GroupController.StartGroup r) {
        WorkerAccess.requireSelf(r.socialWorkerId());
        WorkerService.AtStation at = workers.atStation(r.socialWorkerId());
        UUID community = Stations.servedCommunity(at.station(), r.communityId());
        WorkGroup g = new WorkGroup(
                UUID.randomUUID(),
                at.worker().id(),
                at.station().id(),
                community,
                PersonalDataScreen.screen("title", r.title()),
                r.category(),
                r.beneficiaryGroup(),
                r.plannedSessions(),
                List.of(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        groups.insert(g);
        return g;
    }

    /** Sessions follow each other in time and stop at the number planned. */
    @Transactional
    public WorkGroup hold(UUID groupId, GroupController.HoldSession r) {
        WorkGroup g = groups.findForUpdate(groupId).orElseThrow(() -> notFound(groupId));
        WorkerAccess.requireSelf(g.socialWorkerId());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (r.heldAt().isAfter(now.plus(Calendar.CLOCK_SKEW))) {
            throw new InvalidInputException("heldAt", Messages.text("group.held-in-future"));
        }
        int number = g.sessions().size() + 1;
        if (g.plannedSessions() != null && number > g.plannedSessions()) {
            throw new InvalidInputException("groupId", Messages.text("group.all-held", g.plannedSessions()), 409);
        }
        if (!g.sessions().isEmpty()
                && !r.heldAt().isAfter(g.sessions().get(g.sessions().size() - 1).heldAt())) {
            throw new InvalidInputException(
                    "heldAt",
                    Messages.text(
                            "group.before-last",
                            g.sessions().get(g.sessions().size() - 1).heldAt()));
        }
        String notes = PersonalDataScreen.screen(
                "notes", r.notes() == null || r.notes().isBlank() ? null : r.notes());
        WorkGroup.Session s = new WorkGroup.Session(
                UUID.randomUUID(),
                number,
                r.heldAt().truncatedTo(ChronoUnit.MILLIS),
                r.minutes(),
                r.participantCount(),
                notes);
        groups.insertSession(g.id(), s);
        outbox.publish(
                Aggregate.SOCIAL_WORKER, g.socialWorkerId().toString(), GroupEvents.sessionHeld(g, s, number, now));
        return get(g.id());
    }

    /**
     * The group's sessions with their notes: for the group's social worker, their supervisor (in the worker's
     * centre) and the managers of the centres the group's station belongs to; not the hub admin, not any other
     * token (403 naming {@code socialWorkerId}). A reason is required (400 naming {@code reason}); the read is logged.
     */
    @Transactional
    public List<WorkGroup.Session> sessionNotes(UUID id, String reason) {
        WorkGroup g = get(id);
        Caller caller = Access.caller();
        List<UUID> centres =
                stations.find(g.stationId()).map(stations::centresOf).orElse(List.of());
        if (centres.stream().noneMatch(c -> caller.holds(Roles.CENTRE_MANAGER, c))) {
            try {
                access.requireReader(g.socialWorkerId());
            } catch (ForbiddenException refused) {
                UUID supervisor = workers.find(g.socialWorkerId())
                        .map(SocialWorker::supervisorId)
                        .orElse(null);
                String needed = Stream.concat(
                                Stream.of(Roles.SOCIAL_WORKER + " of " + g.socialWorkerId()),
                                Stream.concat(
                                        Stream.ofNullable(supervisor).map(s -> Roles.SOCIAL_WORKER + " of " + s),
                                        centres.stream().map(c -> Roles.CENTRE_MANAGER + " of " + c)))
                        .collect(Collectors.joining(" or "));
                throw new ForbiddenException(
                        WorkerAccess.FIELD,
                        Messages.text("group.notes-refused", caller.describeText(), id, needed),
                        needed);
            }
        }
        accessLog.opened(g.socialWorkerId(), NoteAccessLog.Kind.GROUP, g.id(), NoteAccessLog.reason(reason));
        return groups.sessionsWithNotes(g.id());
    }

    public WorkGroup get(UUID id) {
        return groups.find(id).orElseThrow(() -> notFound(id));
    }

    public List<WorkGroup> list(UUID stationId, UUID socialWorkerId, int offset, int limit) {
        return groups.list(stationId, socialWorkerId, offset, limit);
    }

    private static InvalidInputException notFound(UUID id) {
        return new InvalidInputException("groupId", Messages.text("group.not-found", id), 404);
    }
}
