package org.wushe.hub.community.need;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.hub.community.community.Community;
import org.wushe.hub.community.community.CommunityService;
import org.wushe.hub.community.grid.Grid;
import org.wushe.hub.community.grid.GridService;
import org.wushe.hub.community.resident.ResidentAccess;
import org.wushe.hub.community.resident.ResidentService;
import org.wushe.hub.community.station.Station;
import org.wushe.hub.community.station.StationService;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.place.Geohashes;
import org.wushe.hub.platform.security.Caller;
import org.wushe.hub.platform.web.InvalidInputException;

/**
 * Publishes needs and moves them through their life. Every change writes the need and its event
 * (NeedPublished, NeedUpdated, NeedClosed) to the outbox in one transaction.
 */
@Service
public class NeedService {

    private static final Logger log = LoggerFactory.getLogger(NeedService.class);

    private final NeedRepository needs;
    private final CommunityService communities;
    private final StationService stations;
    private final GridService grids;
    private final ResidentService residents;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final MeterRegistry meters;
    private final ResidentAccess residentAccess;

    public NeedService(
            NeedRepository needs,
            CommunityService communities,
            StationService stations,
            GridService grids,
            ResidentService residents,
            OutboxWriter outbox,
            Clock clock,
            PlatformTransactionManager tm,
            MeterRegistry meters,
            ResidentAccess residentAccess) {
        this.residentAccess = residentAccess;
        this.needs = needs;
        this.communities = communities;
        this.stations = stations;
        this.grids = grids;
        this.residents = residents;
        this.outbox = outbox;
        this.clock = clock;
        this.tx = new TransactionTemplate(tm);
        this.meters = meters;
    }

    /**
     * References for the current request's caller: titles are screened for the names of the residents the
     * caller may see ({@link ResidentAccess#visibleCommunities}). Without a caller (the service's own work:
     * needs raised on visits, occurrences of a series) every resident's.
     */
    public NeedReferences references() {
        if (Caller.current().isEmpty()) {
            return references(c -> true);
        }
        Set<UUID> visible = residentAccess.visibleCommunities();
        return references(visible::contains);
    }

    /** References screening titles for the names of the residents of the communities {@code namesScreenedIn} accepts. */
    public NeedReferences references(Predicate<UUID> namesScreenedIn) {
        return new NeedReferences(communities, stations, grids, residents, namesScreenedIn);
    }

    /** Whether the current caller may see the residents of {@code communityId} (so their titles are screened for them). */
    public boolean callerSeesResidentsOf(UUID communityId) {
        return communityId != null
                && Caller.current().isPresent()
                && residentAccess.visibleCommunities().contains(communityId);
    }

    /** A draft ready to publish: its station resolved and its rules and references checked. */
    public record Checked(NeedDraft draft, UUID residentRef, List<Violation> violations) {
        public boolean ok() {
            return violations.isEmpty();
        }
    }

    /**
     * Checks a draft: its rules, and that its community exists, its station serves that community
     * (or is the only one that does, when none is named), its grid and resident belong to it, and its
     * title does not name its resident.
     */
    public Checked check(NeedDraft d, NeedReferences refs) {
        List<Violation> v = new ArrayList<>();
        UUID residentRef = null;
        UUID stationId = d.stationId();
        Community community =
                d.communityId() == null ? null : refs.community(d.communityId()).orElse(null);
        if (d.communityId() != null && community == null) {
            v.add(new Violation("communityId", "no community " + d.communityId() + " 社区不存在"));
        }
        if (community != null) {
            List<Station> serving = refs.stationsServing(community.id());
            if (d.stationId() == null) {
                if (serving.size() == 1) {
                    d = d.withStation(serving.get(0).id());
                } else {
                    v.add(new Violation(
                            "stationId",
                            serving.isEmpty()
                                    ? "no station serves this community yet: register one first"
                                    : "required: " + serving.size() + " stations serve this community"));
                }
            } else if (serving.stream().noneMatch(s -> s.id().equals(stationId))) {
                v.add(new Violation("stationId", "station " + stationId + " does not serve this community"));
            }
            if (d.gridId() != null) {
                Grid grid = refs.grid(d.gridId()).orElse(null);
                if (grid == null || !grid.communityId().equals(community.id())) {
                    v.add(new Violation(
                            "gridId",
                            grid == null ? "no grid " + d.gridId() : "the grid belongs to another community"));
                }
            }
            if (d.residentId() != null) {
                ResidentService.Pseudonym p = refs.resident(d.residentId()).orElse(null);
                if (p == null || !p.communityId().equals(community.id())) {
                    v.add(new Violation(
                            "residentId",
                            p == null ? "no resident " + d.residentId() : "the resident belongs to another community"));
                } else {
                    residentRef = p.residentRef();
                    if (refs.isNamedIn(p.residentId(), p.communityId(), d.title())) {
                        v.add(
                                new Violation(
                                        "title",
                                        "must not contain the resident's name or phone (personal data stays in the resident record)"));
                    }
                }
            }
        }
        v.addAll(NeedRules.check(d, clock.instant()));
        return new Checked(d, residentRef, v);
    }

    @Transactional
    public Need publish(NeedDraft draft) {
        return publish(draft, Need.Origin.DIRECT);
    }

    /** Publishes one need, checked by the rules, recording where it came from (NeedPublished names a grid finding). */
    @Transactional
    public Need publish(NeedDraft draft, Need.Origin origin) {
        NeedReferences refs = references();
        Checked c = check(draft, refs);
        if (!c.ok()) {
            throw c.violations().get(0).asException();
        }
        return publishChecked(List.of(c), List.of(origin), refs).get(0);
    }

    /** Publishes checked drafts in the caller's transaction: the needs and their NeedPublished events. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Need> publishChecked(List<Checked> drafts, List<Need.Origin> origins, NeedReferences refs) {
        Instant now = now();
        List<Need> created = new ArrayList<>(drafts.size());
        List<OutboxWriter.Event> events = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            Checked c = drafts.get(i);
            if (!c.ok()) {
                throw new IllegalArgumentException("publish checked drafts only");
            }
            NeedDraft d = normalized(c.draft());
            Need n = new Need(
                    UUID.randomUUID(), d, c.residentRef(), NeedStatus.PUBLISHED, 1, null, origins.get(i), now, now);
            created.add(n);
            events.add(new OutboxWriter.Event(
                    Aggregate.NEED,
                    n.id().toString(),
                    NeedEvents.published(n, community(refs, d), grid(refs, d), now)));
        }
        needs.insertAll(created);
        outbox.publishAll(events);
        created.forEach(n -> meters.counter(
                        "wushe.community.needs.published",
                        "source",
                        n.details().source().name())
                .increment());
        return created;
    }

    /** Staff change what a need asks for (not its community); announced whole as NeedUpdated. */
    @Transactional
    public Need edit(UUID id, NeedDraft draft) {
        Need n = lock(id);
        if (!n.status().isEditable()) {
            throw new InvalidInputException("status", Messages.text("need.not-editable", n.status()), 409);
        }
        if (!n.details().communityId().equals(draft.communityId())) {
            throw new InvalidInputException("communityId", Messages.text("need.community-fixed"));
        }
        NeedReferences refs = references();
        Checked c = check(draft, refs);
        if (!c.ok()) {
            throw c.violations().get(0).asException();
        }
        Need updated = n.next(normalized(c.draft()), c.residentRef(), n.status(), n.matchId(), now());
        needs.update(updated);
        outbox.publish(
                Aggregate.NEED,
                id.toString(),
                NeedEvents.updated(
                        updated,
                        community(refs, updated.details()),
                        grid(refs, updated.details()),
                        updated.updatedAt()));
        return updated;
    }

    /** Moves a need along its life; closing states are announced as NeedClosed, the others as NeedUpdated. */
    @Transactional
    public Need transition(UUID id, NeedStatus to, UUID matchId) {
        if (to == NeedStatus.EXPIRED) {
            throw new InvalidInputException("status", Messages.text("need.expired-by-service"));
        }
        Need n = lock(id);
        if (!n.status().canMoveTo(to)) {
            throw new InvalidInputException(
                    "status",
                    n.status().next().isEmpty()
                            ? Messages.text("need.status-move", n.status(), to)
                            : Messages.text(
                                    "need.status-move-possible",
                                    n.status(),
                                    to,
                                    n.status().next()),
                    409);
        }
        UUID match = to == NeedStatus.PUBLISHED ? null : matchId != null ? matchId : n.matchId();
        Need moved = n.next(n.details(), n.residentRef(), to, match, now());
        needs.update(moved);
        outbox.publish(Aggregate.NEED, id.toString(), event(moved, references()));
        return moved;
    }

    /**
     * Follows the matching service: applies {@link MatchSaga#decide} to the need the event names, in the
     * caller's transaction (the one that marks the event processed). Events for unknown needs, closed
     * needs, and late or repeated ones change nothing and publish nothing; they are logged.
     *
     * @return the need as it now is, or empty when the event changed nothing
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Need> followMatch(MatchSaga.Event e) {
        Need n = needs.lock(e.needId()).orElse(null);
        if (n == null) {
            log.info(
                    "{} {} of match {} names need {}, which is not known here: ignored",
                    e.kind(),
                    e.eventId(),
                    e.matchId(),
                    e.needId());
            countMatchEvent(e, "unknown-need");
            return Optional.empty();
        }
        MatchSaga.Outcome outcome = MatchSaga.decide(n.status(), n.matchId(), needs.lastProposalAt(n.id()), e);
        if (outcome instanceof MatchSaga.Ignore ignore) {
            log.info(
                    "{} {} of match {} for need {} ({}, match {}): no change, {}",
                    e.kind(),
                    e.eventId(),
                    e.matchId(),
                    n.id(),
                    n.status(),
                    n.matchId(),
                    ignore.why());
            countMatchEvent(e, "ignored");
            return Optional.empty();
        }
        MatchSaga.Move move = (MatchSaga.Move) outcome;
        // MATCHED only mirrors a proposal, and MatchProposed is the event every service reads: the need takes it
        // without an event (and so without a revision) of its own, so a proposal sends no echo back through the hub
        // (issue #16). Everything else the saga does to a need is announced.
        boolean mirrored = move.status() == NeedStatus.MATCHED;
        Need moved = mirrored
                ? n.mirroring(move.status(), move.matchId(), now())
                : n.next(n.details(), n.residentRef(), move.status(), move.matchId(), now());
        needs.update(moved);
        if (e.kind() == MatchSaga.Kind.PROPOSED) {
            needs.recordProposal(n.id(), e.occurredAt());
        }
        if (!mirrored) {
            outbox.publish(Aggregate.NEED, n.id().toString(), event(moved, references()));
        }
        log.info(
                "{} {} of match {}: need {} {} -> {} (revision {})",
                e.kind(),
                e.eventId(),
                e.matchId(),
                n.id(),
                n.status(),
                moved.status(),
                moved.revision());
        countMatchEvent(e, "applied");
        return Optional.of(moved);
    }

    /**
     * Publishes a need another service raised (a social worker's visit), exactly as {@link #publish}
     * does: the same rules and references, NeedPublished through the outbox, in the caller's transaction.
     * The resident is named by the pseudonym other services know. One need per visit: a visit whose
     * need exists already publishes nothing again.
     *
     * @throws NeedRefused naming every broken rule
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Need publishRaised(UUID visitId, NeedDraft draft, UUID residentRef) {
        Optional<Need> earlier = needs.findByVisit(visitId);
        if (earlier.isPresent()) {
            log.info(
                    "Visit {} raised need {} already: nothing published again",
                    visitId,
                    earlier.get().id());
            return earlier.get();
        }
        NeedReferences refs = references();
        List<Violation> unresolved = new ArrayList<>();
        if (residentRef != null) {
            ResidentService.Pseudonym resident =
                    refs.residentWithRef(residentRef).orElse(null);
            if (resident == null) {
                unresolved.add(new Violation("residentRef", "no resident with this pseudonym"));
            } else {
                draft = draft.withResident(resident.residentId());
            }
        }
        Checked c = check(draft, refs);
        // The raiser knows the resident by pseudonym only; its internal id never leaves this service.
        c.violations()
                .forEach(v ->
                        unresolved.add(v.field().equals("residentId") ? new Violation("residentRef", v.message()) : v));
        if (!unresolved.isEmpty()) {
            throw new NeedRefused("need raised on visit " + visitId, unresolved);
        }
        return publishChecked(List.of(c), List.of(Need.Origin.visit(visitId)), refs)
                .get(0);
    }

    private void countMatchEvent(MatchSaga.Event e, String outcome) {
        meters.counter("wushe.community.match.events", "event", e.kind().name(), "outcome", outcome)
                .increment();
    }

    /**
     * Closes as EXPIRED the open needs whose time window ended before {@code now}, a batch per
     * transaction. Returns how many expired.
     */
    public int expireDue(Instant now) {
        int total = 0;
        while (true) {
            Integer n = tx.execute(s -> {
                List<Need> due = needs.lockExpired(now, 500);
                for (Need need : due) {
                    Need expired =
                            need.next(need.details(), need.residentRef(), NeedStatus.EXPIRED, need.matchId(), now());
                    needs.update(expired);
                    outbox.publish(
                            Aggregate.NEED, need.id().toString(), NeedEvents.closed(expired, expired.updatedAt()));
                }
                return due.size();
            });
            total += n == null ? 0 : n;
            if (n == null || n < 500) {
                return total;
            }
        }
    }

    public Need get(UUID id) {
        return needs.find(id)
                .orElseThrow(() -> new InvalidInputException("id", Messages.text("need.not-found", id), 404));
    }

    /** The needs of one resident (their own, for the resident's phone page), the newest first. */
    public List<Need> ofResident(UUID residentId, int limit) {
        return needs.ofResident(residentId, limit);
    }

    /** The need locked for the caller's transaction (a rating of it waits for a change of it), or a 404 naming {@code field}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Need lockForUpdate(String field, UUID id) {
        return needs.lock(id)
                .orElseThrow(() -> new InvalidInputException(field, Messages.text("need.not-found", id), 404));
    }

    public List<Need> list(NeedRepository.Filter filter, int offset, int limit) {
        return needs.list(filter, offset, limit);
    }

    private Need lock(UUID id) {
        return needs.lock(id)
                .orElseThrow(() -> new InvalidInputException("id", Messages.text("need.not-found", id), 404));
    }

    private SpecificRecord event(Need n, NeedReferences refs) {
        return n.status().isClosed()
                ? NeedEvents.closed(n, n.updatedAt())
                : NeedEvents.updated(n, community(refs, n.details()), grid(refs, n.details()), n.updatedAt());
    }

    private static Community community(NeedReferences refs, NeedDraft d) {
        return refs.community(d.communityId()).orElseThrow();
    }

    private static Grid grid(NeedReferences refs, NeedDraft d) {
        return d.gridId() == null ? null : refs.grid(d.gridId()).orElse(null);
    }

    private static NeedDraft normalized(NeedDraft d) {
        return new NeedDraft(
                d.communityId(),
                d.stationId(),
                d.gridId(),
                d.residentId(),
                d.source(),
                d.category(),
                d.urgency(),
                d.beneficiaryGroup(),
                d.beneficiaryCount(),
                d.title(),
                Geohashes.coarse(d.geohash()),
                d.start().truncatedTo(ChronoUnit.MILLIS),
                d.end().truncatedTo(ChronoUnit.MILLIS),
                d.quantityAmount(),
                d.quantityUnit(),
                d.requiredSkills(),
                d.requiredLanguages(),
                d.estimatedMinutes());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
