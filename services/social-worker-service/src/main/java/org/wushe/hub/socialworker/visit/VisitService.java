package org.wushe.hub.socialworker.visit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.place.Geohashes;
import org.wushe.hub.platform.privacy.PersonalDataScreen;
import org.wushe.hub.platform.web.InvalidInputException;
import org.wushe.hub.socialworker.caseload.CaseService;
import org.wushe.hub.socialworker.notes.NoteAccessLog;
import org.wushe.hub.socialworker.station.Station;
import org.wushe.hub.socialworker.station.Stations;
import org.wushe.hub.socialworker.worker.WorkerAccess;
import org.wushe.hub.socialworker.worker.WorkerService;

@Service
public class VisitService {

    private final VisitRepository visits;
    private final WorkerService workers;
    private final CaseService cases;
    private final WorkerAccess access;
    private final OutboxWriter outbox;
    private final Clock clock;

    private final NoteAccessLog accessLog;

    public VisitService(
            VisitRepository visits,
            WorkerService workers,
            CaseService cases,
            WorkerAccess access,
            OutboxWriter outbox,
            Clock clock,
            NoteAccessLog accessLog) {
        this.accessLog = accessLog;
        this.visits = visits;
        this.workers = workers;
        this.cases = cases;
        this.access = access;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Visit record(VisitController.RecordVisit r) {
        WorkerAccess.requireSelf(r.socialWorkerId());
        WorkerService.AtStation at = workers.atStation(r.socialWorkerId());
        Station station = at.station();
        UUID community = Stations.servedCommunity(station, r.communityId());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        VisitRules.requireVisit(r.visitedAt(), r.outcome(), r.raisedNeed() != null, now);
        if (r.caseId() != null) {
            cases.requireOpen("caseId", r.caseId(), r.residentRef());
        }
        String notes = PersonalDataScreen.screen(
                "notes", r.notes() == null || r.notes().isBlank() ? null : r.notes());
        Visit.RaisedNeed need = r.raisedNeed() == null ? null : need(r.raisedNeed(), now);
        Visit v = new Visit(
                UUID.randomUUID(),
                at.worker().id(),
                station.id(),
                community,
                r.residentRef(),
                r.caseId(),
                r.kind(),
                r.outcome(),
                r.visitedAt().truncatedTo(ChronoUnit.MILLIS),
                r.minutes(),
                notes,
                need,
                now);
        visits.insert(v);
        List<org.wushe.hub.platform.outbox.OutboxWriter.Event> events = new ArrayList<>();
        String key = v.socialWorkerId().toString();
        events.add(new OutboxWriter.Event(Aggregate.SOCIAL_WORKER, key, VisitEvents.recorded(v, need, now)));
        if (need != null) {
            events.add(new OutboxWriter.Event(
                    Aggregate.SOCIAL_WORKER, key, VisitEvents.raisedNeed(v, need, station, now)));
        }
        outbox.publishAll(events);
        return v;
    }

    /**
     * A visit with its resident and notes: for its social worker and their supervisor only (not the hub admin),
     * with a stated reason (400 naming {@code reason} without one); the opening is logged.
     */
    @Transactional
    public Visit read(UUID id, String reason) {
        Visit v = visits.find(id)
                .orElseThrow(() -> new InvalidInputException("visitId", Messages.text("visit.not-found", id), 404));
        access.requireReader(v.socialWorkerId());
        accessLog.opened(v.socialWorkerId(), NoteAccessLog.Kind.VISIT, v.id(), NoteAccessLog.reason(reason));
        return v;
    }

    /**
     * Visits of one social worker: the caller's own unless they name a worker they supervise. Without a
     * {@code reason} the notes are left out; with one they are shown and each visit with notes is logged.
     */
    @Transactional
    public List<Visit> list(VisitRepository.Filter filter, String reason, int offset, int limit) {
        if (filter.from() != null && filter.to() != null && !filter.to().isAfter(filter.from())) {
            throw new InvalidInputException("to", Messages.text("visit.to-before-from"));
        }
        UUID worker = access.listed(filter.socialWorkerId());
        String why = reason == null || reason.isBlank() ? null : NoteAccessLog.reason(reason);
        List<Visit> found = visits.list(
                new VisitRepository.Filter(
                        worker, filter.stationId(), filter.residentRef(), filter.from(), filter.to()),
                offset,
                limit);
        if (why == null) {
            return found.stream().map(Visit::withoutNotes).toList();
        }
        found.stream()
                .filter(v -> v.notes() != null)
                .forEach(v -> accessLog.opened(v.socialWorkerId(), NoteAccessLog.Kind.VISIT, v.id(), why));
        return found;
    }

    private static Visit.RaisedNeed need(VisitController.RaisedNeedRequest n, Instant now) {
        if (!Geohashes.isValid(n.geohash())) {
            throw new InvalidInputException("raisedNeed.geohash", Messages.text("place.not-a-geohash"));
        }
        Visit.RaisedNeed need = new Visit.RaisedNeed(
                UUID.randomUUID(),
                n.category(),
                n.urgency(),
                n.beneficiaryGroup(),
                n.beneficiaryCount() == null ? 1 : n.beneficiaryCount(),
                PersonalDataScreen.screen("raisedNeed.title", n.title()),
                n.gridId(),
                Geohashes.coarse(n.geohash()),
                n.start().truncatedTo(ChronoUnit.MILLIS),
                n.end().truncatedTo(ChronoUnit.MILLIS),
                n.quantity() == null ? null : n.quantity().amount(),
                n.quantity() == null ? null : n.quantity().unit(),
                distinct(n.requiredSkills()),
                distinct(n.requiredLanguages()),
                n.estimatedMinutes());
        VisitRules.requireNeed(need, now);
        return need;
    }

    private static <T> List<T> distinct(List<T> values) {
        return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values));
    }
}
