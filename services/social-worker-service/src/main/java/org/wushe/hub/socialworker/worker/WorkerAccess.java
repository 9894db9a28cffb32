package org.wushe.hub.socialworker.worker;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.security.Access;
import org.wushe.hub.platform.security.Caller;
import org.wushe.hub.platform.security.ForbiddenException;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.socialworker.station.Stations;

/**
 * Who may record and read a social worker's work. Recording (visits, cases, notes, groups, sessions)
 * is done by the worker themself, whose token's {@value Roles#SOCIAL_WORKER_ID} is the worker named in
 * the body or stored with the case or group, or by the {@value Roles#HUB_ADMIN}. Cases, their notes and
 * visits are about residents: only the worker and their supervisor (督导) read them, not the hub admin, and
 * the supervisor only while they work in the worker's centre. A centre manager certifies, assigns and
 * supervises the workers of their own centre only (the stations the centre leads).
 */
@Component
public class WorkerAccess {

    public static final String FIELD = "socialWorkerId";

    private final WorkerRepository workers;
    private final Stations stations;

    public WorkerAccess(WorkerRepository workers, Stations stations) {
        this.workers = workers;
        this.stations = stations;
    }

    /**
     * A centre manager acts for the station {@code stationId} (a worker's, a new station, a supervisor's):
     * it must be their centre or a station their centre leads; the hub admin passes. 403 naming
     * {@code field} otherwise, also for a station-less worker (no centre's: the hub admin's).
     */
    public void requireManagerOf(String field, UUID stationId) {
        Caller caller = Access.caller();
        if (caller.isAdmin()) {
            return;
        }
        List<UUID> centres = stationId == null
                ? List.of()
                : stations.find(stationId).map(stations::centresOf).orElse(List.of());
        if (centres.stream().anyMatch(c -> caller.holds(Roles.CENTRE_MANAGER, c))) {
            return;
        }
        String needed = centres.isEmpty()
                ? Roles.HUB_ADMIN
                : centres.stream().map(c -> Roles.CENTRE_MANAGER + " of " + c).collect(Collectors.joining(" or "));
        throw new ForbiddenException(
                field,
                Messages.text("worker.manager-refused", caller.describeText(), field, stationId, needed),
                needed);
    }

    /** {@link #requireManagerOf} for the station the worker {@code workerId} is assigned to. */
    public void requireManagerOfWorker(String field, UUID workerId) {
        requireManagerOf(
                field, workers.find(workerId).map(SocialWorker::stationId).orElse(null));
    }

    /**
     * Whether a supervisor at {@code supervisorStation} works in the centre of a worker at {@code workerStation}:
     * the same station, or the supervisor's nearest centre is one the worker's station belongs to (their street
     * centre, or the district centre above it). Stations under no centre only match stations under none.
     */
    public boolean sameCentre(UUID workerStation, UUID supervisorStation) {
        if (workerStation == null || supervisorStation == null) {
            return false;
        }
        if (workerStation.equals(supervisorStation)) {
            return true;
        }
        List<UUID> ofWorker =
                stations.find(workerStation).map(stations::centresOf).orElse(List.of());
        List<UUID> ofSupervisor =
                stations.find(supervisorStation).map(stations::centresOf).orElse(List.of());
        return ofSupervisor.isEmpty() ? ofWorker.isEmpty() : ofWorker.contains(ofSupervisor.get(0));
    }

    /** Recording work as {@code workerId}: that worker, or the hub admin; 403 naming {@value #FIELD} otherwise. */
    public static Caller requireSelf(UUID workerId) {
        return Access.requireTenant(FIELD, workerId, Roles.SOCIAL_WORKER);
    }

    /** The social worker the caller is, if their token names one. */
    public static Optional<UUID> self(Caller caller) {
        try {
            return caller.tenantOf(Roles.SOCIAL_WORKER).map(UUID::fromString);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /**
     * Reading the cases and visits of {@code workerId}: the worker, or the worker's supervisor (督导) while the
     * supervisor works in the worker's centre ({@link #sameCentre}). The hub admin does not pass: these are
     * residents' details.
     */
    public Caller requireReader(UUID workerId) {
        Caller caller = Access.caller();
        if (caller.holds(Roles.SOCIAL_WORKER, workerId)) {
            return caller;
        }
        SocialWorker worker = workers.find(workerId).orElse(null);
        UUID supervisor = worker == null ? null : worker.supervisorId();
        if (supervisor != null
                && caller.holds(Roles.SOCIAL_WORKER, supervisor)
                && sameCentre(
                        worker.stationId(),
                        workers.find(supervisor).map(SocialWorker::stationId).orElse(null))) {
            return caller;
        }
        String needed = Roles.SOCIAL_WORKER + " of " + workerId
                + (supervisor == null ? "" : " or " + Roles.SOCIAL_WORKER + " of " + supervisor);
        throw new ForbiddenException(
                FIELD, Messages.text("worker.reader-refused", caller.describeText(), workerId, needed), needed);
    }

    /**
     * The worker whose cases or visits a list shows: the one asked for, if the caller may read theirs,
     * else the caller themself; a caller who is no social worker must name one they may read.
     */
    public UUID listed(UUID requested) {
        if (requested != null) {
            requireReader(requested);
            return requested;
        }
        Caller caller = Access.caller();
        return self(caller)
                .orElseThrow(() -> new ForbiddenException(
                        FIELD, Messages.text("worker.list-refused", caller.describeText()), Roles.SOCIAL_WORKER));
    }

    /**
     * The author of a note the caller writes on a case of {@code caseWorker}: a social worker writes as
     * themself, on their own case or one of a worker they supervise; the hub admin names the author
     * ({@code requested}, by default the case's worker).
     */
    public UUID noteAuthor(UUID caseWorker, UUID requested) {
        Caller caller = Access.caller();
        if (caller.isAdmin()) {
            return requested == null ? caseWorker : requested;
        }
        requireReader(caseWorker);
        UUID me = self(caller).orElseThrow();
        if (requested != null && !requested.equals(me)) {
            throw new ForbiddenException(
                    "authorId",
                    Messages.text("worker.note-as-self", caller.describeText(), requested),
                    Roles.SOCIAL_WORKER + " of " + requested);
        }
        return me;
    }
}
