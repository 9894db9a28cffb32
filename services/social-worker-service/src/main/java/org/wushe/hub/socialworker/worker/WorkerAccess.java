package org.wushe.hub.socialworker.worker;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.wushe.hub.platform.security.Access;
import org.wushe.hub.platform.security.Caller;
import org.wushe.hub.platform.security.ForbiddenException;
import org.wushe.hub.platform.security.Roles;

/**
 * Who may record and read a social worker's work. Recording (visits, cases, notes, groups, sessions)
 * is done by the worker themself, whose token's {@value Roles#SOCIAL_WORKER_ID} is the worker named in
 * the body or stored with the case or group, or by the {@value Roles#HUB_ADMIN}. Cases, their notes and
 * visits are about residents: only the worker and their supervisor (督导) read them, not the hub admin.
 */
@Component
public class WorkerAccess {

    public static final String FIELD = "socialWorkerId";

    private final WorkerRepository workers;

    public WorkerAccess(WorkerRepository workers) {
        this.workers = workers;
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
     * Reading the cases and visits of {@code workerId}: the worker, or the worker's supervisor (督导). The
     * hub admin does not pass: these are residents' details.
     */
    public Caller requireReader(UUID workerId) {
        Caller caller = Access.caller();
        if (caller.holds(Roles.SOCIAL_WORKER, workerId)) {
            return caller;
        }
        UUID supervisor = workers.find(workerId).map(SocialWorker::supervisorId).orElse(null);
        if (supervisor != null && caller.holds(Roles.SOCIAL_WORKER, supervisor)) {
            return caller;
        }
        String needed = Roles.SOCIAL_WORKER + " of " + workerId + (supervisor == null ? "" : " or " + Roles.SOCIAL_WORKER + " of " + supervisor);
        throw new ForbiddenException(FIELD, caller.describe() + " may not read the cases and visits of social worker " + workerId
                + "; needs " + needed + " 个案和探访记录只有本人及其督导可以查看", needed);
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
        return self(caller).orElseThrow(() -> new ForbiddenException(FIELD, caller.describe()
                + " may not list cases or visits: they are shown to the social worker who recorded them and their supervisor, "
                + "give socialWorkerId 个案和探访记录只有本人及其督导可以查看", Roles.SOCIAL_WORKER));
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
            throw new ForbiddenException("authorId", caller.describe() + " writes notes as themself, not as " + requested
                    + " 只能以本人名义记录", Roles.SOCIAL_WORKER + " of " + requested);
        }
        return me;
    }
}
