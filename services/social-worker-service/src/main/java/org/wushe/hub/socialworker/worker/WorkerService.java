package org.wushe.hub.socialworker.worker;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.events.common.CertificationLevel;
import org.wushe.hub.platform.core.Calendar;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.web.InvalidInputException;
import org.wushe.hub.socialworker.station.Station;
import org.wushe.hub.socialworker.station.Stations;

@Service
public class WorkerService {

    private static final int MAX_CHAIN = 32;

    /** A worker at work: the station their cases, visits and groups belong to. */
    public record AtStation(SocialWorker worker, Station station) {}

    private final WorkerRepository workers;
    private final Stations stations;
    private final WorkerAccess access;
    private final OutboxWriter outbox;
    private final Clock clock;

    public WorkerService(
            WorkerRepository workers, Stations stations, WorkerAccess access, OutboxWriter outbox, Clock clock) {
        this.workers = workers;
        this.stations = stations;
        this.access = access;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public SocialWorker register(WorkerController.RegisterWorker r) {
        LocalDate today = Calendar.today(clock);
        CertificationLevel level = r.certificationLevel() == null ? CertificationLevel.NONE : r.certificationLevel();
        CertificationRules.requireRegistration(level, r.certifiedOn(), today);
        if (r.stationId() != null) {
            stations.require("stationId", r.stationId());
        }
        access.requireManagerOf("stationId", r.stationId());
        if (r.supervisorId() != null) {
            requireSupervisor(null, r.supervisorId());
            access.requireManagerOfWorker("supervisorId", r.supervisorId());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        SocialWorker w = new SocialWorker(
                UUID.randomUUID(),
                r.name().strip(),
                r.employment(),
                level,
                r.certifiedOn(),
                r.stationId(),
                r.supervisorId(),
                Boolean.TRUE.equals(r.trainedLocally()),
                distinct(r.skills()),
                distinct(r.languages()),
                r.stationId() != null || r.supervisorId() != null ? today : null,
                now,
                now);
        workers.insert(w);
        if (w.certified()) {
            workers.insertCertificate(w.id(), w.certificationLevel(), w.certifiedOn());
        }
        outbox.publish(Aggregate.SOCIAL_WORKER, w.id().toString(), WorkerEvents.registered(w, now));
        if (w.supervisorId() != null) {
            // SocialWorkerRegistered has no supervisor: the assignment tells it.
            publishAssigned(w, null, now);
        }
        return w;
    }

    @Transactional
    public SocialWorker certify(UUID id, CertificationLevel level, LocalDate certifiedOn) {
        SocialWorker w = workers.findForUpdate(id).orElseThrow(() -> notFound(id));
        access.requireManagerOf("socialWorkerId", w.stationId());
        CertificationRules.requireUpgrade(
                w.certificationLevel(), w.certifiedOn(), level, certifiedOn, Calendar.today(clock));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        SocialWorker certified = new SocialWorker(
                w.id(),
                w.name(),
                w.employment(),
                level,
                certifiedOn,
                w.stationId(),
                w.supervisorId(),
                w.trainedLocally(),
                w.skills(),
                w.languages(),
                w.assignedOn(),
                w.createdAt(),
                now);
        workers.updateCertificate(certified);
        workers.insertCertificate(w.id(), level, certifiedOn);
        outbox.publish(Aggregate.SOCIAL_WORKER, w.id().toString(), WorkerEvents.certified(w, level, certifiedOn, now));
        return certified;
    }

    @Transactional
    public SocialWorker assign(UUID id, UUID stationId, UUID supervisorId, LocalDate assignedOn) {
        SocialWorker w = workers.findForUpdate(id).orElseThrow(() -> notFound(id));
        access.requireManagerOf("socialWorkerId", w.stationId());
        if (Objects.equals(w.stationId(), stationId) && Objects.equals(w.supervisorId(), supervisorId)) {
            throw new InvalidInputException("stationId", Messages.text("worker.assigned-so"), 409);
        }
        if (stationId != null) {
            stations.require("stationId", stationId);
        }
        access.requireManagerOf("stationId", stationId);
        if (supervisorId != null && workers.find(supervisorId).isPresent()) {
            access.requireManagerOfWorker("supervisorId", supervisorId);
        }
        if (!Objects.equals(w.stationId(), stationId)) {
            int open = workers.countOpenCases(id);
            if (open > 0) {
                throw new InvalidInputException("stationId", Messages.text("worker.open-cases", open), 409);
            }
        }
        if (supervisorId != null) {
            requireSupervisor(id, supervisorId);
        }
        LocalDate today = Calendar.today(clock);
        LocalDate on = assignedOn == null ? today : assignedOn;
        if (on.isAfter(today)) {
            throw new InvalidInputException("assignedOn", Messages.text("date.in-future", today));
        }
        if (w.assignedOn() != null && on.isBefore(w.assignedOn())) {
            throw new InvalidInputException("assignedOn", Messages.text("worker.assigned-before", w.assignedOn()));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        SocialWorker assigned = new SocialWorker(
                w.id(),
                w.name(),
                w.employment(),
                w.certificationLevel(),
                w.certifiedOn(),
                stationId,
                supervisorId,
                w.trainedLocally(),
                w.skills(),
                w.languages(),
                on,
                w.createdAt(),
                now);
        workers.updateAssignment(assigned);
        publishAssigned(assigned, w.stationId(), now);
        return assigned;
    }

    public SocialWorker get(UUID id) {
        return workers.find(id).orElseThrow(() -> notFound(id));
    }

    /** The worker, if there is one: for the other features, which do not read this one's tables. */
    public Optional<SocialWorker> find(UUID id) {
        return workers.find(id);
    }

    public List<SocialWorker> list(UUID stationId, UUID supervisorId, int offset, int limit) {
        return workers.list(stationId, supervisorId, offset, limit);
    }

    /**
     * The worker named in a request body, with the station their work belongs to: unknown is a 400,
     * a worker without a station a 409, both naming {@code socialWorkerId}.
     */
    public AtStation atStation(UUID workerId) {
        SocialWorker w = workers.find(workerId)
                .orElseThrow(
                        () -> new InvalidInputException("socialWorkerId", Messages.text("worker.not-found", workerId)));
        if (w.stationId() == null) {
            throw new InvalidInputException("socialWorkerId", Messages.text("worker.no-station"), 409);
        }
        return new AtStation(w, stations.require("socialWorkerId", w.stationId()));
    }

    private void requireSupervisor(UUID workerId, UUID supervisorId) {
        if (supervisorId.equals(workerId)) {
            throw new InvalidInputException("supervisorId", Messages.text("worker.self-supervision"));
        }
        SocialWorker supervisor = workers.find(supervisorId)
                .orElseThrow(() ->
                        new InvalidInputException("supervisorId", Messages.text("worker.not-found", supervisorId)));
        if (!CertificationRules.maySupervise(supervisor.certificationLevel())) {
            throw new InvalidInputException(
                    "supervisorId",
                    Messages.text(
                            "worker.supervisor-level",
                            CertificationRules.SUPERVISOR_MINIMUM,
                            supervisor.certificationLevel()));
        }
        UUID above = supervisor.supervisorId();
        for (int i = 0; workerId != null && above != null && i < MAX_CHAIN; i++) {
            if (above.equals(workerId)) {
                throw new InvalidInputException("supervisorId", Messages.text("worker.supervision-cycle"));
            }
            above = workers.find(above).map(SocialWorker::supervisorId).orElse(null);
        }
    }

    private void publishAssigned(SocialWorker w, UUID previousStationId, Instant now) {
        outbox.publish(Aggregate.SOCIAL_WORKER, w.id().toString(), WorkerEvents.assigned(w, previousStationId, now));
    }

    private static <T> List<T> distinct(List<T> values) {
        return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values));
    }

    static InvalidInputException notFound(UUID id) {
        return new InvalidInputException("socialWorkerId", Messages.text("worker.not-found", id), 404);
    }
}
