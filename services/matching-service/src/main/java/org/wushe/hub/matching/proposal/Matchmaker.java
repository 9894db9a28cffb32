package org.wushe.hub.matching.proposal;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.events.community.NeedOutcome;
import org.wushe.hub.events.matching.Decider;
import org.wushe.hub.events.matching.DeclineReason;
import org.wushe.hub.matching.MatchingProperties;
import org.wushe.hub.matching.engine.Allocation;
import org.wushe.hub.matching.engine.CandidateKind;
import org.wushe.hub.matching.engine.CandidateRef;
import org.wushe.hub.matching.engine.MatchEngine;
import org.wushe.hub.matching.engine.MatchResult;
import org.wushe.hub.matching.engine.OfferKind;
import org.wushe.hub.matching.engine.Proposal;
import org.wushe.hub.matching.engine.WindowMatch;
import org.wushe.hub.matching.readmodel.NeedState;
import org.wushe.hub.matching.readmodel.ReadModel;
import org.wushe.hub.matching.readmodel.ReadModel.NeedRow;
import org.wushe.hub.matching.readmodel.Replaying;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.i18n.Text;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.web.InvalidInputException;

/**
 * Makes, decides and settles matches. Every method runs inside the caller's transaction (a Kafka
 * consumer's, which also records the event as processed, or a REST call's); the match row, the need's
 * state and the outbox event are written together, so a redelivered event or a retried request can
 * never make a second live match (a unique index allows one per need). Locks are taken in one order
 * (need row, then match row) so decisions on one need run one at a time.
 *
 * <p>The engine's holds follow the database: a hold taken while proposing is dropped if the
 * transaction rolls back; a release is undone likewise.
 *
 * <p>Several instances: what a live match takes lives with its candidate in the shared database
 * ({@link CandidateHolds}). The candidate the engine chose is claimed there, under the candidate's lock, in the
 * proposal's transaction; if another instance took it meanwhile, the claim is lost, the engine learns the other's
 * holds, and the next best candidate is tried. So no candidate is ever held twice, however the need partitions are
 * shared out.
 */
@Service
public class Matchmaker {

    /** How a proposal came about. */
    public enum Mode {
        STREAMING,
        BATCH
    }

    public record Completion(int serviceMinutes, int peopleReached, Integer deliveredQuantity, Long deliveredFen) {}

    private static final Logger log = LoggerFactory.getLogger(Matchmaker.class);

    private final MatchEngine engine;
    private final ReadModel readModel;
    private final Matches matches;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final MatchingProperties props;
    private final MeterRegistry meters;
    private final Replaying replaying;
    private final CandidateHolds holds;
    /** A claim runs in a savepoint: a lost one gives its candidate's lock back at once. */
    private final TransactionTemplate claims;
    /**
     * match() and hold() of one proposal happen together, so two needs are never both given the last unit. Only the
     * engine's memory is touched under it, never the database.
     */
    private final ReentrantLock proposing = new ReentrantLock();

    public Matchmaker(
            MatchEngine engine,
            ReadModel readModel,
            Matches matches,
            OutboxWriter outbox,
            Clock clock,
            MatchingProperties props,
            MeterRegistry meters,
            Replaying replaying,
            CandidateHolds holds,
            PlatformTransactionManager transactions) {
        this.replaying = replaying;
        this.holds = holds;
        this.claims = new TransactionTemplate(transactions);
        this.claims.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.engine = engine;
        this.readModel = readModel;
        this.matches = matches;
        this.outbox = outbox;
        this.clock = clock;
        this.props = props;
        this.meters = meters;
        // At zero from the start, so the alert on proposals past their deadline (deploy/k8s/base/monitoring) has a
        // series.
        meters.counter("wushe.matching.deadlines", "outcome", "escalated");
        meters.counter("wushe.matching.deadlines", "outcome", "lapsed");
        meters.counter("wushe.matching.claims.lost");
    }

    // ---- proposing

    /**
     * Streaming mode: proposes the best candidate for the need at once, unless it has a live match or
     * is closed. With no candidate, or fewer than {@code scarce-below} of them for a need that is not
     * urgent, the need waits (with the reason) for new supply or the next batch.
     */
    @Transactional
    public Optional<MatchRecord> proposeFor(UUID needId) {
        return proposeBest(needId, true, null);
    }

    /**
     * After a decline, a lapse or a failed reservation: the next best candidate at once, however few
     * are left — staff are waiting on this need already.
     */
    private Optional<MatchRecord> proposeNext(UUID needId) {
        return proposeBest(needId, false, null);
    }

    private Optional<MatchRecord> proposeBest(UUID needId, boolean mayWaitForBatch, String traceparent) {
        Optional<NeedRow> locked = readModel.lockNeed(needId);
        if (locked.isEmpty()
                || locked.get().state() == NeedState.CLOSED
                || matches.liveOf(needId).isPresent()) {
            return Optional.empty();
        }
        if (replaying.isOn()) {
            return Optional.empty(); // stays as it is; an OPEN need is matched when the replay ends
        }
        return proposeBest(locked.get(), matches.exclusions(needId), mayWaitForBatch, false, traceparent);
    }

    /**
     * The best candidate for a need that is locked, has no live match and is not closed. {@code holdingOthers}: the
     * transaction holds other candidates' locks already (a batch of needs, {@link #proposeForAll}), so a candidate
     * whose lock another transaction holds is passed over instead of waited for, and no two transactions can wait
     * on each other. {@code traceparent}: the trace its proposal's event continues (null: the current span's).
     */
    private Optional<MatchRecord> proposeBest(
            NeedRow need,
            Set<CandidateRef> excluded,
            boolean mayWaitForBatch,
            boolean holdingOthers,
            String traceparent) {
        UUID needId = need.spec().needId();
        Set<CandidateRef> exclude = new HashSet<>(excluded);
        MatchResult result;
        UUID matchId = UUID.randomUUID();
        EngineTransactions.onRollback(() -> engine.release(matchId));
        for (int attempt = 1; ; attempt++) {
            Proposal best = null;
            // In memory only, under the lock: the best candidate is found and held, so no other need of this
            // instance is given it.
            proposing.lock();
            try {
                result = engine.match(need.spec(), props.candidates(), exclude);
                if (!result.proposals().isEmpty()
                        && !waitsForBatch(need, result.proposals().size(), mayWaitForBatch)) {
                    best = result.proposals().get(0);
                    engine.hold(matchId, best.candidate(), best.held());
                }
            } finally {
                proposing.unlock();
            }
            if (best == null) {
                break;
            }
            // Then in the shared database, against the holds of every instance.
            if (claim(matchId, best.candidate(), best.held(), holdingOthers)) {
                return Optional.of(record(need, best, matchId, Mode.STREAMING, traceparent));
            }
            if (holdingOthers) {
                exclude.add(best.candidate()); // busy in another transaction: the next best, without waiting
            }
            if (attempt == MAX_CLAIMS) {
                waitFor(
                        needId,
                        "候选正被其他实例占用，等待下一轮统一分配",
                        "Its candidates are being taken by other instances, so it waits for the next batch assignment",
                        "contended");
                return Optional.empty();
            }
        }
        if (result.proposals().isEmpty()) {
            waitFor(needId, result.reasonZh(), result.reasonEn(), "none");
        } else {
            waitForScarce(needId, result.proposals().size());
        }
        return Optional.empty();
    }

    private void waitForScarce(UUID needId, int candidates) {
        waitFor(
                needId,
                "合适的候选较少（" + candidates + "个），等待下一轮统一分配",
                "Few suitable candidates (" + candidates + "), so it waits for the next batch assignment",
                "scarce");
    }

    /**
     * Streaming mode for the needs of one batch of the need topic (a poll): those that are not closed and have no
     * live match are matched together as one window ({@link MatchEngine#matchWindow}), so that a need early in the
     * batch does not take a candidate a later one has no substitute for, and the window's total score is the
     * highest. The needs are locked in one statement, the window's candidates claimed in one
     * ({@link #claimAll}), the proposals recorded together ({@link #recordAll}). A need the window left without a
     * candidate (every one went to a need that scored higher), or whose claim was lost, is then matched on its own,
     * as {@link #proposeFor} does; a need that is not urgent and has fewer than {@code scarce-below} candidates
     * waits for the batch, as there. The needs in the map's order, each proposal's event continuing the trace given
     * for its need (the need's own event's; null: the current span's). Runs in the caller's transaction (the poll's,
     * as it commits: {@link #proposeBeforeCommit}).
     */
    private void proposeForAll(Map<UUID, String> traceparents) {
        List<UUID> ids = List.copyOf(traceparents.keySet());
        if (ids.size() == 1) {
            proposeBest(ids.get(0), true, traceparents.get(ids.get(0)));
            return;
        }
        if (ids.isEmpty()) {
            return;
        }
        Map<UUID, NeedRow> locked = readModel.lockNeeds(ids);
        if (replaying.isOn()) {
            return; // they stay as they are; OPEN needs are matched when the replay ends
        }
        Set<UUID> live = matches.withLiveMatch(ids);
        List<NeedRow> open = ids.stream()
                .map(locked::get)
                .filter(n -> n != null
                        && n.state() != NeedState.CLOSED
                        && !live.contains(n.spec().needId()))
                .toList();
        if (open.isEmpty()) {
            return;
        }
        Map<UUID, Set<CandidateRef>> exclusions =
                matches.exclusions(open.stream().map(n -> n.spec().needId()).toList());
        List<WindowMatch> window;
        proposing.lock();
        try {
            window = engine.matchWindow(open.stream().map(NeedRow::spec).toList(), exclusions, props.candidates());
        } finally {
            proposing.unlock();
        }
        List<Assigned> assigned = new ArrayList<>();
        List<NeedRow> alone = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            NeedRow need = open.get(i);
            WindowMatch w = window.get(i);
            if (w.matchId() != null) {
                EngineTransactions.onRollback(() -> engine.release(w.matchId()));
            }
            if (w.proposal() == null) {
                alone.add(need);
            } else if (waitsForBatch(need, w.candidates(), true)) {
                engine.release(w.matchId());
                waitForScarce(need.spec().needId(), w.candidates());
            } else {
                assigned.add(new Assigned(need, w));
            }
        }
        Set<UUID> claimed = claimAll(assigned);
        List<Assigned> won = new ArrayList<>();
        for (Assigned a : assigned) {
            if (claimed.contains(a.window().matchId())) {
                won.add(a);
            } else {
                alone.add(a.need());
            }
        }
        recordAll(won, traceparents);
        meters.counter("wushe.matching.windows").increment();
        meters.summary("wushe.matching.window.needs").record(open.size());
        for (NeedRow need : alone) {
            proposeBest(
                    need,
                    exclusions.getOrDefault(need.spec().needId(), Set.of()),
                    true,
                    !assigned.isEmpty(),
                    traceparents.get(need.spec().needId()));
        }
    }

    /** The needs a batch's transaction will propose for as it commits ({@link #proposeBeforeCommit}). */
    private static final Object PENDING = new Object();

    /**
     * {@link #proposeForAll} for these needs, together with every other need queued so in the current transaction,
     * just before it commits: the needs of a whole batch of the need topic (its runs of {@code NeedPublished} and
     * {@code NeedUpdated}) become one window. Everything else the batch does (a closed need withdrawing its match)
     * comes first, so a need closed later in the batch is not proposed; and the candidates' locks are the last locks
     * the transaction takes, so it never waits for a need's lock while holding a candidate's. Each proposal's event
     * continues the trace given for its need (its {@code NeedPublished}'s, so a need's journey is one trace however
     * the batch went). Without a transaction, at once.
     */
    public void proposeBeforeCommit(Map<UUID, String> traceparents) {
        if (traceparents.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            proposeForAll(new LinkedHashMap<>(traceparents));
            return;
        }
        @SuppressWarnings("unchecked")
        Map<UUID, String> pending = (Map<UUID, String>) TransactionSynchronizationManager.getResource(PENDING);
        if (pending == null) {
            Map<UUID, String> queued = new LinkedHashMap<>();
            TransactionSynchronizationManager.bindResource(PENDING, queued);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    TransactionSynchronizationManager.unbindResource(PENDING);
                    proposeForAll(queued);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
                }
            });
            pending = queued;
        }
        traceparents.forEach(pending::putIfAbsent);
    }

    /** A need of a window and what the window assigned it (held in the engine under the window's match id). */
    private record Assigned(NeedRow need, WindowMatch window) {
        CandidateRef candidate() {
            return window.proposal().candidate();
        }
    }

    /**
     * {@link #claim} for the assignments of a window together: the candidates' locks in one statement (in the order
     * of their keys, so batches never wait on each other in a cycle), their committed holds and offers in one query
     * each, then in memory, in the window's order, each hold taken only if it still fits; the holds won are inserted
     * in one batch. Returns the match ids whose claims were won. A lost claim keeps its candidate's lock until the
     * transaction ends (another instance's holds took the room; its proposals on that candidate wait that long).
     */
    private Set<UUID> claimAll(List<Assigned> assigned) {
        if (assigned.isEmpty()) {
            return Set.of();
        }
        List<CandidateRef> candidates =
                assigned.stream().map(Assigned::candidate).distinct().toList();
        holds.lockAll(candidates);
        Map<CandidateRef, List<CandidateHolds.Held>> committed = holds.ofAll(candidates);
        Map<UUID, ReadModel.OfferRow> offers = readModel.offers(candidates.stream()
                .filter(c -> c.kind() != CandidateKind.VOLUNTEER)
                .map(CandidateRef::id)
                .toList());
        Set<UUID> won = new HashSet<>();
        List<CandidateHolds.Held> inserts = new ArrayList<>();
        proposing.lock();
        try {
            assigned.forEach(a -> engine.release(a.window().matchId()));
            for (CandidateRef c : candidates) {
                holds.learn(c, committed.getOrDefault(c, List.of()));
                if (c.kind() != CandidateKind.VOLUNTEER) {
                    ReadModel.OfferRow offer = offers.get(c.id());
                    if (offer != null && offer.active()) {
                        engine.setRemaining(c.id(), offer.spec().remaining());
                    } else {
                        engine.removeOffer(c.id());
                    }
                }
            }
            for (Assigned a : assigned) {
                WindowMatch w = a.window();
                if (engine.tryHold(w.matchId(), a.candidate(), w.held())) {
                    won.add(w.matchId());
                    inserts.add(new CandidateHolds.Held(w.matchId(), a.candidate(), w.held()));
                }
            }
        } finally {
            proposing.unlock();
        }
        holds.insertAll(inserts);
        int lost = assigned.size() - won.size();
        if (lost > 0) {
            meters.counter("wushe.matching.claims.lost").increment(lost);
            log.info("{} of {} claims of a window lost: no room left as stored", lost, assigned.size());
        }
        return won;
    }

    /** A need that is not urgent, with fewer candidates than {@code scarce-below}, waits for the next batch. */
    private boolean waitsForBatch(NeedRow need, int candidates, boolean mayWaitForBatch) {
        return mayWaitForBatch
                && candidates < props.scarceBelow()
                && !urgent(need.spec().urgency());
    }

    /**
     * Batch mode: proposes what the solver assigned, if the need still waits for it and the
     * candidate is still free (the batch planned from a snapshot).
     */
    @Transactional
    public Optional<MatchRecord> proposeAssigned(Proposal assigned) {
        Optional<NeedRow> locked = readModel.lockNeed(assigned.needId());
        if (replaying.isOn()
                || locked.isEmpty()
                || locked.get().state() != NeedState.WAITING
                || matches.liveOf(assigned.needId()).isPresent()) {
            return Optional.empty();
        }
        if (matches.exclusions(assigned.needId()).contains(assigned.candidate())) {
            return Optional.empty();
        }
        // The plan was made from a snapshot: its candidate is claimed only if it still has the room.
        UUID matchId = UUID.randomUUID();
        EngineTransactions.onRollback(() -> engine.release(matchId));
        if (!claim(matchId, assigned.candidate(), assigned.held(), false)) {
            return Optional.empty();
        }
        return Optional.of(record(locked.get(), assigned, matchId, Mode.BATCH, null));
    }

    /** How many candidates one proposal tries to claim before the need waits for the batch. */
    private static final int MAX_CLAIMS = 8;

    /**
     * Claims the candidate for the match in the shared database, in the current transaction: under the candidate's
     * lock (held until the transaction ends, so claims of every instance on it run one at a time), the engine is given
     * the holds every instance has committed on it and the offer's stock as stored, and then takes the hold only if
     * it still fits; the hold's row is inserted with the match. A lost claim (another instance took the room) runs in
     * a savepoint that is rolled back, so the candidate's lock is given back at once and no two proposals can wait on
     * each other's candidates; the engine keeps what it learned, so the next search skips the candidate.
     */
    private boolean claim(UUID matchId, CandidateRef candidate, Allocation allocation, boolean holdingOthers) {
        boolean[] busy = {false};
        Boolean claimed = claims.execute(status -> {
            if (!holdingOthers) {
                holds.lock(candidate);
            } else if (!holds.tryLock(candidate)) {
                busy[0] = true;
                status.setRollbackOnly();
                return false;
            }
            List<CandidateHolds.Held> committed = holds.of(candidate);
            Optional<ReadModel.OfferRow> offer =
                    candidate.kind() == CandidateKind.VOLUNTEER ? Optional.empty() : readModel.offer(candidate.id());
            boolean fits;
            proposing.lock();
            try {
                engine.release(matchId);
                holds.learn(candidate, committed);
                if (candidate.kind() != CandidateKind.VOLUNTEER) {
                    if (offer.isPresent() && offer.get().active()) {
                        engine.setRemaining(candidate.id(), offer.get().spec().remaining());
                    } else {
                        engine.removeOffer(candidate.id());
                    }
                }
                fits = engine.tryHold(matchId, candidate, allocation);
            } finally {
                proposing.unlock();
            }
            if (!fits) {
                status.setRollbackOnly();
                return false;
            }
            holds.insert(matchId, candidate, allocation);
            return true;
        });
        if (busy[0]) {
            engine.release(matchId);
            meters.counter("wushe.matching.claims.lost").increment();
            log.info(
                    "Claim of {} {} passed over: another transaction is claiming it", candidate.kind(), candidate.id());
            return false;
        }
        if (!Boolean.TRUE.equals(claimed)) {
            meters.counter("wushe.matching.claims.lost").increment();
            log.info(
                    "Claim of {} {} lost: no room left as stored (another instance's holds, or less stock)",
                    candidate.kind(),
                    candidate.id());
            return false;
        }
        return true;
    }

    /** Records why a need waits; it stays waiting for the batch. */
    @Transactional
    public void stillWaiting(UUID needId, String reasonZh, String reasonEn) {
        readModel.setNeedState(needId, NeedState.WAITING, reasonZh, reasonEn, clock.instant());
    }

    /**
     * Stores and publishes a proposal whose candidate the engine holds already (taken under the proposing lock). The
     * database round trips happen outside that lock, so one need's writes never keep the other needs from the engine;
     * the hold is dropped if the transaction rolls back.
     */
    private MatchRecord record(NeedRow need, Proposal p, UUID matchId, Mode mode, String traceparent) {
        Instant now = clock.instant();
        MatchRecord m = proposal(
                need,
                p,
                matchId,
                labels(List.of(p.candidate())).get(p.candidate()),
                matches.countOfNeed(need.spec().needId()) + 1,
                mode,
                now);
        matches.insert(m);
        readModel.setNeedState(m.needId(), NeedState.MATCHED, null, null, now);
        outbox.publishAll(List.of(new OutboxWriter.Event(
                Aggregate.MATCH, matchId.toString(), MatchEvents.proposed(m, now), traceparent)));
        proposed(m, p, mode);
        return m;
    }

    /** {@link #record} for the proposals of a window: each table written in one statement or one batch. */
    private void recordAll(List<Assigned> won, Map<UUID, String> traceparents) {
        if (won.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<UUID> needIds = won.stream().map(a -> a.need().spec().needId()).toList();
        Map<UUID, Integer> counts = matches.countsOfNeeds(needIds);
        Map<CandidateRef, String> labels =
                labels(won.stream().map(Assigned::candidate).toList());
        List<MatchRecord> records = new ArrayList<>(won.size());
        List<OutboxWriter.Event> events = new ArrayList<>(won.size());
        for (Assigned a : won) {
            Proposal p = a.window().proposal();
            UUID needId = a.need().spec().needId();
            MatchRecord m = proposal(
                    a.need(),
                    p,
                    a.window().matchId(),
                    labels.get(p.candidate()),
                    counts.getOrDefault(needId, 0) + 1,
                    Mode.STREAMING,
                    now);
            records.add(m);
            events.add(new OutboxWriter.Event(
                    Aggregate.MATCH, m.matchId().toString(), MatchEvents.proposed(m, now), traceparents.get(needId)));
        }
        matches.insertAll(records);
        readModel.setNeedStates(needIds, NeedState.MATCHED, now);
        outbox.publishAll(events);
        for (int i = 0; i < won.size(); i++) {
            proposed(records.get(i), won.get(i).window().proposal(), Mode.STREAMING);
        }
    }

    private MatchRecord proposal(
            NeedRow need, Proposal p, UUID matchId, String label, int rank, Mode mode, Instant now) {
        return new MatchRecord(
                matchId,
                need.spec().needId(),
                need.spec().communityId(),
                need.spec().stationId(),
                p.candidate(),
                label,
                rank,
                mode.name(),
                p.score(),
                p.explanation(),
                p.window(),
                p.allocation(),
                MatchStatus.PROPOSED,
                now,
                now.plus(props.ackDeadline()),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private void proposed(MatchRecord m, Proposal p, Mode mode) {
        meters.counter(
                        "wushe.matching.proposals",
                        "mode",
                        mode.name(),
                        "kind",
                        p.candidate().kind().name())
                .increment();
        log.info(
                "Proposed {} {} for need {} (rank {}, score {}, {})",
                p.candidate().kind(),
                p.candidate().id(),
                m.needId(),
                m.rank(),
                String.format("%.3f", p.score()),
                mode);
    }

    private void waitFor(UUID needId, String zh, String en, String why) {
        readModel.setNeedState(needId, NeedState.WAITING, zh, en, clock.instant());
        meters.counter("wushe.matching.waiting", "why", why).increment();
        log.info("Need {} waits: {}", needId, en);
    }

    private static boolean urgent(Urgency u) {
        return u == Urgency.URGENT || u == Urgency.IMMEDIATE;
    }

    /**
     * What staff see as each candidate: a volunteer's label, an offer's title (a short id when the read model has
     * neither), in one query per kind.
     */
    private Map<CandidateRef, String> labels(List<CandidateRef> candidates) {
        Map<UUID, String> volunteers = readModel.volunteerLabels(candidates.stream()
                .filter(c -> c.kind() == CandidateKind.VOLUNTEER)
                .map(CandidateRef::id)
                .toList());
        Map<UUID, ReadModel.OfferRow> offers = readModel.offers(candidates.stream()
                .filter(c -> c.kind() != CandidateKind.VOLUNTEER)
                .map(CandidateRef::id)
                .toList());
        Map<CandidateRef, String> out = new HashMap<>();
        for (CandidateRef c : candidates) {
            String label = c.kind() == CandidateKind.VOLUNTEER
                    ? volunteers.get(c.id())
                    : offers.containsKey(c.id()) ? offers.get(c.id()).title() : null;
            out.put(c, label != null ? label : fallbackLabel(c));
        }
        return out;
    }

    private static String fallbackLabel(CandidateRef c) {
        return c.kind() == CandidateKind.VOLUNTEER ? c.id().toString().substring(0, 8) : c.id().toString();
    }

    // ---- decisions of staff

    /** Staff accept an open proposal; the resource and volunteer services act on MatchAccepted. */
    @Transactional
    public MatchRecord accept(UUID matchId, String actor) {
        MatchRecord m = lockOpen(matchId, Text.of("match.action-accepted"));
        Instant now = clock.instant();
        matches.decide(matchId, MatchStatus.ACCEPTED, actor, now, null, null);
        outbox.publish(Aggregate.MATCH, matchId.toString(), MatchEvents.accepted(m, now));
        meters.counter("wushe.matching.decisions", "decision", "accepted").increment();
        return matches.find(matchId).orElseThrow();
    }

    /** Staff decline an open proposal with a reason; the next best candidate is proposed in the same transaction. */
    @Transactional
    public MatchRecord decline(UUID matchId, DeclineReason reason, String note, String actor) {
        MatchRecord m = lockOpen(matchId, Text.of("match.action-declined"));
        Instant now = clock.instant();
        matches.decide(matchId, MatchStatus.DECLINED, actor, now, reason.name(), note);
        giveUp(m, Decider.STATION_STAFF, reason, note, now, "declined: " + reason);
        meters.counter("wushe.matching.decisions", "decision", "declined").increment();
        proposeNext(m.needId());
        return matches.find(matchId).orElseThrow();
    }

    /**
     * The volunteer declined a match proposed or accepted for them (from the volunteer service): it is
     * declined as staff's decline is ({@code MatchDeclined}, declinedBy VOLUNTEER; the volunteer is not
     * proposed for this need again) and the next best candidate is proposed, or the need waits with the
     * reason. A match no longer live, or not this volunteer's, is left alone, so a redelivered or repeated
     * answer changes nothing.
     */
    @Transactional
    public void volunteerDeclined(
            UUID matchId, UUID volunteerId, org.wushe.hub.events.volunteer.AssignmentDeclineReason why) {
        MatchRecord seen = matches.find(matchId).orElse(null);
        if (seen == null) {
            log.warn("Volunteer {} declined match {}, which is not known here", volunteerId, matchId);
            return;
        }
        readModel.lockNeed(seen.needId());
        MatchRecord m = matches.lock(matchId).orElseThrow();
        if (!m.status().isLive()
                || m.candidate().kind() != CandidateKind.VOLUNTEER
                || !m.candidate().id().equals(volunteerId)) {
            log.info("Volunteer {} declined match {} in status {}: nothing to do", volunteerId, matchId, m.status());
            return;
        }
        DeclineReason reason =
                switch (why == null ? org.wushe.hub.events.volunteer.AssignmentDeclineReason.UNKNOWN : why) {
                    case TIME_CONFLICT -> DeclineReason.TIME_CONFLICT;
                    case TOO_FAR -> DeclineReason.TOO_FAR;
                    case NOT_SUITABLE -> DeclineReason.NOT_SUITABLE;
                    default -> DeclineReason.VOLUNTEER_UNAVAILABLE;
                };
        Instant now = clock.instant();
        matches.decide(matchId, MatchStatus.DECLINED, "volunteer:" + volunteerId, now, reason.name(), null);
        giveUp(
                m,
                Decider.VOLUNTEER,
                reason,
                "志愿者谢绝 declined by the volunteer",
                now,
                "declined by the volunteer: " + reason);
        meters.counter("wushe.matching.decisions", "decision", "volunteer-declined")
                .increment();
        proposeNext(m.needId());
    }

    /** The service was delivered: hours and points are credited, stock consumed, the need closed. */
    @Transactional
    public MatchRecord complete(UUID matchId, Completion c, String actor) {
        MatchRecord m = lockMatch(matchId);
        if (m.status() != MatchStatus.ACCEPTED && m.status() != MatchStatus.RESERVED) {
            throw new InvalidInputException("matchId", Messages.text("match.not-accepted", m.status()), 409);
        }
        Instant now = clock.instant();
        Allocation delivered = delivered(m.allocation(), c);
        matches.complete(matchId, c.serviceMinutes(), now, actor);
        holds.release(matchId);
        readModel.setNeedState(m.needId(), NeedState.CLOSED, null, null, now);
        outbox.publish(
                Aggregate.MATCH,
                matchId.toString(),
                MatchEvents.completed(m, c.serviceMinutes(), c.peopleReached(), delivered, now));
        EngineTransactions.afterCommit(() -> {
            engine.release(matchId);
            if (m.candidate().kind() == CandidateKind.VOLUNTEER) {
                engine.recordCompleted(m.candidate().id(), c.serviceMinutes(), now.toEpochMilli());
            }
        });
        meters.counter("wushe.matching.decisions", "decision", "completed").increment();
        return matches.find(matchId).orElseThrow();
    }

    private static Allocation delivered(Allocation planned, Completion c) {
        if (planned == null) {
            return null;
        }
        return new Allocation(
                c.deliveredQuantity() != null ? c.deliveredQuantity() : planned.quantity(),
                planned.unit(),
                c.deliveredFen() != null ? c.deliveredFen() : planned.amountFen(),
                planned.capacity(),
                planned.window());
    }

    // ---- deadlines

    /**
     * A proposal past its deadline: an unanswered one at the station goes up to the centre above it;
     * one unanswered at the centre (or with no centre) lapses and the next candidate is proposed.
     */
    @Transactional
    public void deadlinePassed(UUID matchId) {
        if (replaying.isOn()) {
            return;
        }
        MatchRecord seen = matches.find(matchId).orElse(null);
        if (seen == null) {
            return;
        }
        readModel.lockNeed(seen.needId());
        MatchRecord m = matches.lock(matchId).orElseThrow();
        Instant now = clock.instant();
        if (!m.status().isOpen() || !m.deadline().isBefore(now)) {
            return;
        }
        UUID centre = m.status() == MatchStatus.PROPOSED
                ? readModel
                        .station(m.stationId())
                        .map(ReadModel.Station::parentStationId)
                        .orElse(null)
                : null;
        if (centre != null) {
            Instant deadline = now.plus(props.centreDeadline());
            matches.escalate(matchId, centre, now, deadline);
            outbox.publish(Aggregate.MATCH, matchId.toString(), MatchEvents.escalated(m, centre, now, deadline));
            meters.counter("wushe.matching.deadlines", "outcome", "escalated").increment();
            log.info(
                    "Match {} unanswered at station {} since {}: escalated to centre {}",
                    matchId,
                    m.stationId(),
                    m.proposedAt(),
                    centre);
            return;
        }
        matches.decide(matchId, MatchStatus.LAPSED, "system", now, DeclineReason.PROPOSAL_EXPIRED.name(), null);
        giveUp(m, Decider.SYSTEM, DeclineReason.PROPOSAL_EXPIRED, "无人在期限内答复 nobody answered in time", now, "lapsed");
        meters.counter("wushe.matching.deadlines", "outcome", "lapsed").increment();
        log.info("Match {} lapsed unanswered; proposing the next candidate for need {}", matchId, m.needId());
        proposeNext(m.needId());
    }

    // ---- the saga's answers from the resource service

    /** The resource service reserved the stock of an accepted match. */
    @Transactional
    public void reserved(UUID matchId) {
        MatchRecord m = matches.find(matchId).orElse(null);
        if (m == null) {
            log.warn("ResourceReserved for unknown match {}", matchId);
            return;
        }
        readModel.lockNeed(m.needId());
        m = matches.lock(matchId).orElseThrow();
        if (m.status() != MatchStatus.ACCEPTED) {
            return;
        }
        matches.setStatus(matchId, MatchStatus.RESERVED);
        // Goods and funds: the stock the resource service now reports as left already excludes this
        // reservation, so the engine's own hold would count it twice. Places per slot stay held here.
        boolean countedThere = readModel
                .offer(m.candidate().id())
                .map(o -> o.spec().kind() == OfferKind.GOODS || o.spec().kind() == OfferKind.FUND)
                .orElse(false);
        if (countedThere) {
            holds.release(matchId);
            EngineTransactions.afterCommit(() -> engine.release(matchId));
        }
    }

    /** The resource service could not reserve: compensate (decline as the system) and propose the next candidate. */
    @Transactional
    public void reservationFailed(UUID matchId, String why) {
        MatchRecord m = matches.find(matchId).orElse(null);
        if (m == null) {
            log.warn("ResourceReservationFailed for unknown match {}", matchId);
            return;
        }
        readModel.lockNeed(m.needId());
        m = matches.lock(matchId).orElseThrow();
        if (m.status() != MatchStatus.ACCEPTED) {
            log.info("ResourceReservationFailed for match {} in status {}: nothing to compensate", matchId, m.status());
            return;
        }
        Instant now = clock.instant();
        matches.decide(matchId, MatchStatus.FAILED, "system", now, DeclineReason.RESOURCE_UNAVAILABLE.name(), why);
        giveUp(m, Decider.SYSTEM, DeclineReason.RESOURCE_UNAVAILABLE, why, now, "reservation failed");
        meters.counter("wushe.matching.decisions", "decision", "reservation-failed")
                .increment();
        log.info(
                "Reservation for match {} failed ({}); proposing the next candidate for need {}",
                matchId,
                why,
                m.needId());
        proposeNext(m.needId());
    }

    // ---- the need closed in the community service

    @Transactional
    public void needClosed(UUID needId, NeedOutcome outcome, UUID closingMatch) {
        Optional<NeedRow> need = readModel.lockNeed(needId);
        if (need.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        readModel.setNeedState(needId, NeedState.CLOSED, null, null, now);
        Optional<MatchRecord> live = matches.liveOf(needId);
        if (live.isEmpty()
                || (outcome == NeedOutcome.FULFILLED && live.get().matchId().equals(closingMatch))) {
            return;
        }
        MatchRecord m = matches.lock(live.get().matchId()).orElseThrow();
        matches.decide(
                m.matchId(),
                MatchStatus.WITHDRAWN,
                "system",
                now,
                DeclineReason.NEED_ALREADY_MET.name(),
                outcome.name());
        giveUp(m, Decider.SYSTEM, DeclineReason.NEED_ALREADY_MET, "需求已关闭 need closed: " + outcome, now, "need closed");
    }

    /** Ends a match that will not go ahead: the candidate is not offered to this need again, holds are released. */
    private void giveUp(MatchRecord m, Decider by, DeclineReason reason, String note, Instant now, String why) {
        matches.exclude(m.needId(), m.candidate(), why);
        readModel.setNeedState(m.needId(), NeedState.OPEN, null, null, now);
        outbox.publish(Aggregate.MATCH, m.matchId().toString(), MatchEvents.declined(m, by, reason, note, now));
        holds.release(m.matchId());
        engine.release(m.matchId());
        MatchRecord held = m;
        EngineTransactions.onRollback(() -> engine.hold(held.matchId(), held.candidate(), held.held()));
    }

    private MatchRecord lockOpen(UUID matchId, Text action) {
        MatchRecord m = lockMatch(matchId);
        if (!m.status().isOpen()) {
            throw new InvalidInputException("matchId", Messages.text("match.not-open", m.status(), action), 409);
        }
        return m;
    }

    private MatchRecord lockMatch(UUID matchId) {
        MatchRecord seen = matches.find(matchId)
                .orElseThrow(
                        () -> new InvalidInputException("matchId", Messages.text("match.not-found", matchId), 404));
        readModel.lockNeed(seen.needId());
        return matches.lock(matchId).orElseThrow();
    }

    /** The live matches, to hold their candidates in a freshly loaded engine. */
    public List<MatchRecord> liveMatches() {
        return matches.live();
    }
}
