package org.wushe.hub.socialworker.caseload;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.platform.core.Calendar;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.privacy.PersonalDataScreen;
import org.wushe.hub.platform.web.InvalidInputException;
import org.wushe.hub.socialworker.notes.NoteAccessLog;
import org.wushe.hub.socialworker.station.Stations;
import org.wushe.hub.socialworker.worker.WorkerAccess;
import org.wushe.hub.socialworker.worker.WorkerService;

@Service
public class CaseService {

    private final CaseRepository cases;
    private final WorkerService workers;
    private final WorkerAccess access;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final NoteAccessLog accessLog;

    public CaseService(
            CaseRepository cases,
            WorkerService workers,
            WorkerAccess access,
            OutboxWriter outbox,
            Clock clock,
            NoteAccessLog accessLog) {
        this.accessLog = accessLog;
        this.cases = cases;
        this.workers = workers;
        this.access = access;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Case open(CaseController.OpenCase r) {
        WorkerAccess.requireSelf(r.socialWorkerId());
        WorkerService.AtStation at = workers.atStation(r.socialWorkerId());
        UUID community = Stations.servedCommunity(at.station(), r.communityId());
        LocalDate today = Calendar.today(clock);
        LocalDate openedOn = r.openedOn() == null ? today : r.openedOn();
        if (openedOn.isAfter(today)) {
            throw new InvalidInputException("openedOn", Messages.text("date.in-future", today));
        }
        String assessment = PersonalDataScreen.screen("assessment", blankToNull(r.assessment()));
        if (cases.openFor(at.station().id(), r.residentRef())) {
            throw new InvalidInputException("residentRef", Messages.text("case.open-already"), 409);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Case c = new Case(
                UUID.randomUUID(),
                at.worker().id(),
                at.station().id(),
                community,
                r.residentRef(),
                r.category(),
                r.beneficiaryGroup(),
                openedOn,
                Case.Status.OPEN,
                null,
                null,
                0,
                now,
                now);
        cases.insert(c);
        if (assessment != null) {
            cases.insertNote(new CaseNote(
                    UUID.randomUUID(), c.id(), c.socialWorkerId(), CaseNote.Kind.ASSESSMENT, assessment, now));
        }
        outbox.publish(Aggregate.SOCIAL_WORKER, c.socialWorkerId().toString(), CaseEvents.opened(c, now));
        return c;
    }

    @Transactional
    public CaseNote note(UUID caseId, CaseController.WriteNote r) {
        Case c = cases.findForUpdate(caseId).orElseThrow(() -> notFound(caseId));
        UUID author = access.noteAuthor(c.socialWorkerId(), r.authorId());
        if (c.status() != Case.Status.OPEN) {
            throw new InvalidInputException("caseId", Messages.text("case.closed"), 409);
        }
        if (!author.equals(c.socialWorkerId())) {
            try {
                workers.get(author);
            } catch (InvalidInputException e) {
                throw new InvalidInputException("authorId", Messages.text("worker.not-found", author));
            }
        }
        CaseNote n = new CaseNote(
                UUID.randomUUID(),
                c.id(),
                author,
                CaseNote.Kind.SESSION,
                PersonalDataScreen.screen("text", r.text()),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        cases.insertNote(n);
        return n;
    }

    @Transactional
    public Case close(UUID caseId, CaseController.CloseCase r) {
        Case c = cases.findForUpdate(caseId).orElseThrow(() -> notFound(caseId));
        WorkerAccess.requireSelf(c.socialWorkerId());
        if (c.status() != Case.Status.OPEN) {
            throw new InvalidInputException("caseId", Messages.text("case.closed-already"), 409);
        }
        LocalDate today = Calendar.today(clock);
        LocalDate closedOn = r.closedOn() == null ? today : r.closedOn();
        if (closedOn.isAfter(today)) {
            throw new InvalidInputException("closedOn", Messages.text("date.in-future", today));
        }
        if (closedOn.isBefore(c.openedOn())) {
            throw new InvalidInputException("closedOn", Messages.text("case.closed-before-open", c.openedOn()));
        }
        String summary = PersonalDataScreen.screen("summary", blankToNull(r.summary()));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Case closed = new Case(
                c.id(),
                c.socialWorkerId(),
                c.stationId(),
                c.communityId(),
                c.residentRef(),
                c.category(),
                c.beneficiaryGroup(),
                c.openedOn(),
                Case.Status.CLOSED,
                r.outcome(),
                closedOn,
                c.sessionCount(),
                c.createdAt(),
                now);
        cases.close(closed);
        if (summary != null) {
            cases.insertNote(
                    new CaseNote(UUID.randomUUID(), c.id(), c.socialWorkerId(), CaseNote.Kind.CLOSING, summary, now));
        }
        outbox.publish(Aggregate.SOCIAL_WORKER, c.socialWorkerId().toString(), CaseEvents.closed(c, r, closedOn, now));
        return closed;
    }

    /** A case with its resident: for its social worker and their supervisor only (not the hub admin). */
    public Case read(UUID id) {
        Case c = cases.find(id).orElseThrow(() -> notFound(id));
        access.requireReader(c.socialWorkerId());
        return c;
    }

    /** An open case the worker may refer to (e.g. from a visit), naming {@code field} when it cannot. */
    public Case requireOpen(String field, UUID id, UUID residentRef) {
        Case c =
                cases.find(id).orElseThrow(() -> new InvalidInputException(field, Messages.text("case.not-found", id)));
        if (c.status() != Case.Status.OPEN) {
            throw new InvalidInputException(field, Messages.text("case.id-closed", id));
        }
        if (!c.residentRef().equals(residentRef)) {
            throw new InvalidInputException(field, Messages.text("case.other-resident", id));
        }
        return c;
    }

    /**
     * A case's notes: for its social worker and their supervisor only (not the hub admin), with a stated reason
     * (400 naming {@code reason} without one); the opening is logged (who, whose, which case, why).
     */
    @Transactional
    public List<CaseNote> notes(UUID id, String reason) {
        Case c = read(id);
        String why = NoteAccessLog.reason(reason);
        accessLog.opened(c.socialWorkerId(), NoteAccessLog.Kind.CASE, c.id(), why);
        return cases.notes(id);
    }

    /** Cases of one social worker: the caller's own unless they name a worker they supervise. */
    public List<Case> list(CaseRepository.Filter filter, int offset, int limit) {
        UUID worker = access.listed(filter.socialWorkerId());
        return cases.list(
                new CaseRepository.Filter(worker, filter.stationId(), filter.residentRef(), filter.status()),
                offset,
                limit);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static InvalidInputException notFound(UUID id) {
        return new InvalidInputException("caseId", Messages.text("case.not-found", id), 404);
    }
}
