package org.wushe.hub.matching.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The match engine: an in-memory read model of volunteers and offers (fed by the matching service from the
 * parties' events), a best-first candidate search over a geohash grid, explained scores, holds of live matches,
 * and batch plans solved with OR-Tools CP-SAT.
 *
 * <p>Thread-safe. Searches ({@link #match}, {@link #plan}'s candidate lists, {@link #stats}) run concurrently under
 * a read lock; changes ({@code put…}, {@code remove…}, {@link #setRemaining}, holds, {@link #recordCompleted}) take
 * the write lock. Equal inputs give equal results: ties are broken by candidate kind and id.
 *
 * <p>Holds: the matching service holds what each live match (proposed, not yet declined or completed) would take,
 * and releases it when the match ends. Every search subtracts holds: a volunteer counts their holds toward
 * {@link MatchSettings#maxActiveMatchesPerVolunteer()} and is not proposed for a time their holds book; an offer
 * is never proposed beyond {@code remaining} minus what holds take from its stock or from a session's places.
 * {@link #setRemaining} sets stock the resource service reports; release a hold once its reservation shows in that
 * figure, or it counts twice.
 */
public final class MatchEngine {

    private final MatchSettings settings;
    private final Clock clock;
    private final SlotCalendar calendar;
    /** Replaced whole by {@link #reload}; read and written under {@link #lock} only. */
    private ReadModel model;

    private final Explainer explainer;
    private final CellCache cells;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    /**
     * @param clock the engine's "now": where proposals start, waiting time, expiry days, the fairness window
     */
    public MatchEngine(MatchSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.calendar = new SlotCalendar(settings.zone());
        this.model = new ReadModel(settings, calendar);
        this.explainer = new Explainer(settings, calendar);
        this.cells = new CellCache(settings.maxDistanceKm());
    }

    public MatchSettings settings() {
        return settings;
    }

    /**
     * Empties the read model and fills it again with {@code load} (which calls {@code put…} and
     * {@link #hold} on this engine), all under the write lock: searches wait and never see it half
     * loaded, and changes made meanwhile by other threads apply after it. Fairness history
     * ({@link #recordCompleted}) starts again, as after a restart.
     */
    public void reload(java.util.function.Consumer<MatchEngine> load) {
        Objects.requireNonNull(load, "load");
        lock.writeLock().lock();
        try {
            model = new ReadModel(settings, calendar);
            load.accept(this);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Inserts a volunteer or replaces them whole (a new availability replaces the old one). */
    public void putVolunteer(VolunteerSpec volunteer) {
        Objects.requireNonNull(volunteer, "volunteer");
        write(() -> model.putVolunteer(volunteer));
    }

    /** Forgets a volunteer; their holds stay until released. Unknown ids are ignored. */
    public void removeVolunteer(UUID volunteerId) {
        write(() -> model.removeVolunteer(volunteerId));
    }

    /** Inserts an offer or capacity, or replaces it whole, {@code remaining} included. */
    public void putOffer(OfferSpec offer) {
        Objects.requireNonNull(offer, "offer");
        write(() -> model.putOffer(offer));
    }

    /**
     * Sets an offer's stock as the resource service reports it (GOODS: units, FUND: fen; for services: places per
     * occurrence). Ignored for an offer not known yet, since its {@link OfferSpec} will carry the figure.
     */
    public void setRemaining(UUID offerId, long remaining) {
        write(() -> model.setRemaining(offerId, remaining));
    }

    /** Forgets an offer (withdrawn, consumed, expired); its holds stay until released. Unknown ids are ignored. */
    public void removeOffer(UUID offerId) {
        write(() -> model.removeOffer(offerId));
    }

    /**
     * Records that a live match holds a candidate. Unconditional (the match exists, whatever the read model says
     * now): use it to restore holds, e.g. at start-up; the candidate need not be known yet. Idempotent per matchId:
     * a second call with the same id changes nothing.
     *
     * @param allocation for an offer: what it takes (quantity, amountFen, or capacity with the session window);
     *                   for a volunteer: null, or {@link Allocation#time} with the booked window
     */
    public void hold(UUID matchId, CandidateRef candidate, Allocation allocation) {
        Hold hold = new Hold(
                Objects.requireNonNull(matchId, "matchId"), Objects.requireNonNull(candidate, "candidate"), allocation);
        write(() -> model.hold(hold, false));
    }

    /**
     * Holds a candidate only if it still has the room, atomically: the volunteer is known, below their live-match
     * limit and free in the window; the offer is known and has the stock or places after the other holds. Use it
     * after {@link #match} to claim a proposal, since another thread may have claimed it in between. Returns true
     * when held (or already held under this matchId).
     */
    public boolean tryHold(UUID matchId, CandidateRef candidate, Allocation allocation) {
        Hold hold = new Hold(
                Objects.requireNonNull(matchId, "matchId"), Objects.requireNonNull(candidate, "candidate"), allocation);
        lock.writeLock().lock();
        try {
            return model.hold(hold, true);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Gives back what a match held. Idempotent; unknown ids are ignored. */
    public void release(UUID matchId) {
        write(() -> model.release(matchId));
    }

    /** Records service a volunteer completed, so that work is spread ({@code fairness}) and weekly caps hold. */
    public void recordCompleted(UUID volunteerId, int minutes, long atMillis) {
        Objects.requireNonNull(volunteerId, "volunteerId");
        long now = clock.millis();
        write(() -> model.recordCompleted(volunteerId, minutes, atMillis, now));
    }

    /**
     * The best {@code k} feasible candidates for a need, best first, each explained. Candidates in
     * {@code exclude} (e.g. already proposed or declined; may be null) are skipped. When there is none, the result
     * says why.
     */
    public MatchResult match(NeedSpec need, int k, Set<CandidateRef> exclude) {
        Objects.requireNonNull(need, "need");
        long now = clock.millis();
        Matcher.Outcome outcome;
        lock.readLock().lock();
        try {
            outcome = new Matcher(model, settings, calendar, need, now, k, exclude, cells).run();
        } finally {
            lock.readLock().unlock();
        }
        List<Proposal> proposals = new ArrayList<>(outcome.best().size());
        for (Candidate c : outcome.best()) {
            proposals.add(explainer.proposal(need, c, now));
        }
        return new MatchResult(proposals, outcome.examined(), outcome.reasonZh(), outcome.reasonEn());
    }

    /**
     * Assigns scarce volunteers and offers to several needs at once, maximising the total score: each need gets at
     * most one candidate, and no volunteer or offer gives more than it has left after holds. Candidate lists and
     * scores are taken from the read model at the start; the solve runs outside the lock. Nothing is held: hold
     * the assignments you act on.
     *
     * @param exclude per need id, candidates to skip; may be empty or null
     * @throws IllegalStateException when {@code options.exact()} and CP-SAT does not prove the optimum
     */
    public BatchPlan plan(List<NeedSpec> needs, Map<UUID, Set<CandidateRef>> exclude, BatchOptions options) {
        Objects.requireNonNull(options, "options");
        long now = clock.millis();
        int k = options.exact() ? Integer.MAX_VALUE : options.candidatesPerNeed();
        List<Matcher.Outcome> outcomes = searchAll(needs, exclude, k, now, "batch");
        BatchPlanner.Solution solution = BatchPlanner.solve(
                outcomes.stream().map(Matcher.Outcome::best).toList(), options, settings.solverWorkers());
        List<Proposal> assignments = new ArrayList<>();
        Map<UUID, String> unassigned = new LinkedHashMap<>();
        double total = 0;
        for (int i = 0; i < needs.size(); i++) {
            NeedSpec need = needs.get(i);
            Matcher.Outcome outcome = outcomes.get(i);
            int chosen = solution.chosen()[i];
            if (chosen >= 0) {
                Proposal p = explainer.proposal(need, outcome.best().get(chosen), now);
                assignments.add(p);
                total += p.score();
            } else if (outcome.best().isEmpty()) {
                unassigned.put(need.needId(), outcome.reasonZh() + " / " + outcome.reasonEn());
            } else {
                int n = outcome.best().size();
                unassigned.put(
                        need.needId(),
                        n + "个候选都分配给了得分更高的需求 / All " + n + " candidate" + (n == 1 ? "" : "s")
                                + " went to needs that scored higher");
            }
        }
        return new BatchPlan(assignments, unassigned, total, solution.status(), solution.solveMillis());
    }

    /**
     * Matches a short window of needs together and holds what it assigns: the streaming mode between
     * {@link #match} one need at a time (each need takes its best candidate, even one a later need had no
     * substitute for) and {@link #plan} (a batch solved with CP-SAT). Each need's best {@code candidatesPerNeed}
     * candidates are searched under the read lock; the window is then assigned in memory so that the total score,
     * less a price for resources the window's needs contest (likely wanted by later needs too), is the highest
     * ({@link WindowSolver}: at most one candidate per need, nothing given beyond what is left, no volunteer booked
     * twice at once); each assignment is then held, under the write lock, only if it still has the
     * room (as {@link #tryHold}: another thread may have claimed it in between; that need then gets none).
     * A volunteer is held with {@link Allocation#time} of the proposal's window, so they are not booked twice.
     *
     * @param needs   the window, in arrival order (a few: 8 or 16 keep the solve well under a millisecond)
     * @param exclude per need id, candidates to skip; may be empty or null
     * @return one entry per need, in the window's order
     */
    public List<WindowMatch> matchWindow(
            List<NeedSpec> needs, Map<UUID, Set<CandidateRef>> exclude, int candidatesPerNeed) {
        return matchWindow(needs, exclude, candidatesPerNeed, needs.size());
    }

    /**
     * {@link #matchWindow(List, Map, int)} that assigns and holds only the window's first {@code assign} needs: the
     * later ones are planned with them, so that the first needs do not take what a later need has no substitute
     * for, but come back {@link WindowMatch#deferred() deferred} (nothing held) to be matched again with the needs
     * that arrive after them. A rolling window: keep the deferred needs, add the new arrivals, call again; when no
     * more needs are coming (or a need has waited long enough), assign all.
     */
    public List<WindowMatch> matchWindow(
            List<NeedSpec> needs, Map<UUID, Set<CandidateRef>> exclude, int candidatesPerNeed, int assign) {
        if (assign < 0 || assign > needs.size()) {
            throw new IllegalArgumentException("assign must be in [0, " + needs.size() + "], got " + assign);
        }
        if (candidatesPerNeed < 1) {
            throw new IllegalArgumentException("candidatesPerNeed must be positive, got " + candidatesPerNeed);
        }
        long now = clock.millis();
        List<Matcher.Outcome> outcomes = searchAll(needs, exclude, candidatesPerNeed, now, "window");
        int[] chosen =
                WindowSolver.solve(outcomes.stream().map(Matcher.Outcome::best).toList(), WindowSolver.SCARCITY_PRICE);
        Proposal[] proposals = new Proposal[needs.size()];
        Hold[] holds = new Hold[needs.size()];
        for (int i = 0; i < assign; i++) {
            if (chosen[i] >= 0) {
                Proposal p =
                        explainer.proposal(needs.get(i), outcomes.get(i).best().get(chosen[i]), now);
                Allocation held = p.held();
                proposals[i] = p;
                holds[i] = new Hold(UUID.randomUUID(), p.candidate(), held);
            }
        }
        boolean[] claimed = new boolean[needs.size()];
        lock.writeLock().lock();
        try {
            for (int i = 0; i < needs.size(); i++) {
                claimed[i] = holds[i] != null && model.hold(holds[i], true);
            }
        } finally {
            lock.writeLock().unlock();
        }
        List<WindowMatch> out = new ArrayList<>(needs.size());
        for (int i = 0; i < needs.size(); i++) {
            UUID needId = needs.get(i).needId();
            Matcher.Outcome outcome = outcomes.get(i);
            int n = outcome.best().size();
            if (i >= assign) {
                out.add(new WindowMatch(needId, null, null, null, null, null, n));
            } else if (claimed[i]) {
                out.add(new WindowMatch(
                        needId, proposals[i], holds[i].matchId(), holds[i].allocation(), null, null, n));
            } else if (holds[i] != null) {
                out.add(new WindowMatch(
                        needId,
                        null,
                        null,
                        null,
                        "分配的候选刚被其他需求占用，请重新匹配",
                        "The assigned candidate was just claimed for another need; match it again",
                        n));
            } else if (n == 0) {
                out.add(new WindowMatch(needId, null, null, null, outcome.reasonZh(), outcome.reasonEn(), n));
            } else {
                out.add(new WindowMatch(
                        needId,
                        null,
                        null,
                        null,
                        n + "个候选都分配给了同一批中得分更高的需求",
                        "All " + n + " candidate" + (n == 1 ? "" : "s")
                                + " went to needs of the same window that scored higher",
                        n));
            }
        }
        return out;
    }

    /** Each need's best {@code k} under one read lock, for a batch or a window ({@code what}) of distinct needs. */
    private List<Matcher.Outcome> searchAll(
            List<NeedSpec> needs, Map<UUID, Set<CandidateRef>> exclude, int k, long now, String what) {
        Set<UUID> ids = new HashSet<>();
        for (NeedSpec need : needs) {
            if (!ids.add(need.needId())) {
                throw new IllegalArgumentException("need " + need.needId() + " is in the " + what + " twice");
            }
        }
        List<Matcher.Outcome> outcomes = new ArrayList<>(needs.size());
        lock.readLock().lock();
        try {
            for (NeedSpec need : needs) {
                Set<CandidateRef> skip = exclude == null ? null : exclude.get(need.needId());
                outcomes.add(new Matcher(model, settings, calendar, need, now, k, skip, cells).run());
            }
        } finally {
            lock.readLock().unlock();
        }
        return outcomes;
    }

    /** What the read model holds now. */
    public EngineStats stats() {
        lock.readLock().lock();
        try {
            return model.stats();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void write(Runnable change) {
        lock.writeLock().lock();
        try {
            change.run();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
