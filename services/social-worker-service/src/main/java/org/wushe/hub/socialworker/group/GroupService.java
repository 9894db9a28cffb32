package org.wushe.hub.socialworker.group;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.events.socialworker.GroupSessionHeld;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.web.InvalidInputException;
import org.wushe.hub.socialworker.common.Calendar;
import org.wushe.hub.socialworker.common.PersonalDataScreen;
import org.wushe.hub.socialworker.station.Stations;
import org.wushe.hub.socialworker.worker.WorkerAccess;
import org.wushe.hub.socialworker.worker.WorkerService;

@Service
public class GroupService {

    private final GroupRepository groups;
    private final WorkerService workers;
    private final OutboxWriter outbox;
    private final Clock clock;

    public GroupService(GroupRepository groups, WorkerService workers, OutboxWriter outbox, Clock clock) {
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
        WorkGroup g = new WorkGroup(UUID.randomUUID(), at.worker().id(), at.station().id(), community,
                PersonalDataScreen.screen("title", r.title()), r.category(), r.beneficiaryGroup(), r.plannedSessions(), List.of(),
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
            throw new InvalidInputException("heldAt", "is in the future: a session is recorded after it was held");
        }
        int number = g.sessions().size() + 1;
        if (g.plannedSessions() != null && number > g.plannedSessions()) {
            throw new InvalidInputException("groupId", "the group planned " + g.plannedSessions() + " sessions and held them all", 409);
        }
        if (!g.sessions().isEmpty() && !r.heldAt().isAfter(g.sessions().get(g.sessions().size() - 1).heldAt())) {
            throw new InvalidInputException("heldAt", "must be after the group's last session ("
                    + g.sessions().get(g.sessions().size() - 1).heldAt() + ")");
        }
        String notes = PersonalDataScreen.screen("notes", r.notes() == null || r.notes().isBlank() ? null : r.notes());
        WorkGroup.Session s = new WorkGroup.Session(UUID.randomUUID(), number, r.heldAt().truncatedTo(ChronoUnit.MILLIS), r.minutes(),
                r.participantCount(), notes);
        groups.insertSession(g.id(), s);
        outbox.publish(Aggregate.SOCIAL_WORKER, g.socialWorkerId().toString(), GroupSessionHeld.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setSessionId(s.id())
                .setGroupId(g.id())
                .setSocialWorkerId(g.socialWorkerId())
                .setStationId(g.stationId())
                .setCommunityId(g.communityId())
                .setTitle(g.title())
                .setCategory(g.category())
                .setBeneficiaryGroup(g.beneficiaryGroup())
                .setSessionNumber(number)
                .setPlannedSessions(g.plannedSessions())
                .setHeldAt(s.heldAt())
                .setMinutes(s.minutes())
                .setParticipantCount(s.participantCount())
                .build());
        return get(g.id());
    }

    public WorkGroup get(UUID id) {
        return groups.find(id).orElseThrow(() -> notFound(id));
    }

    public List<WorkGroup> list(UUID stationId, UUID socialWorkerId, int offset, int limit) {
        return groups.list(stationId, socialWorkerId, offset, limit);
    }

    private static InvalidInputException notFound(UUID id) {
        return new InvalidInputException("groupId", "no group " + id, 404);
    }
}
