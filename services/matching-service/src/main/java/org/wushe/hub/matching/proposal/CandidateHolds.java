package org.wushe.hub.matching.proposal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.hub.matching.engine.Allocation;
import org.wushe.hub.matching.engine.CandidateKind;
import org.wushe.hub.matching.engine.CandidateRef;
import org.wushe.hub.matching.engine.MatchEngine;
import tools.jackson.databind.ObjectMapper;

/**
 * The holds of live matches as they live with the candidate in the shared database ({@code candidate_hold}), so
 * that several instances of the service, each with its own engine in memory, never hold one candidate twice. A
 * proposal takes the candidate's transaction lock ({@link #lock}, held until the proposal's transaction ends), reads
 * the holds every instance has committed ({@link #of}), and inserts its own ({@link #insert}) with the match; a row
 * is deleted when its match ends ({@link #release}).
 *
 * <p>The holds of other instances are also put into this instance's engine ({@link #learn}), so its searches skip
 * what others took: from the rows read while claiming, and from the match events every instance reads. They are
 * tracked here by candidate, so those whose rows are gone are released again ({@link #forget}, and at the next claim
 * of the candidate).
 */
@Repository
public class CandidateHolds {

    /** A committed hold: the match and what it takes. */
    public record Held(UUID matchId, CandidateRef candidate, Allocation allocation) {}

    private static final String COLUMNS = "match_id, candidate_kind, candidate_id, allocation";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ObjectMapper json;
    private final MatchEngine engine;
    /** Holds put into the engine from the database or the match events, by candidate. Guarded by {@code this}. */
    private final Map<CandidateRef, Set<UUID>> learned = new HashMap<>();

    private final Map<UUID, CandidateRef> learnedCandidate = new HashMap<>();

    public CandidateHolds(JdbcClient jdbc, JdbcTemplate template, ObjectMapper json, MatchEngine engine) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
        this.engine = engine;
    }

    /**
     * Takes the candidate's lock until the current transaction ends: proposals of any instance for one candidate
     * run their check and insert one at a time, and each sees the holds the others committed.
     */
    public void lock(CandidateRef candidate) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", key(candidate))
                .query((rs, i) -> 1)
                .single();
    }

    /**
     * {@link #lock} for several candidates in one statement, taken in the order of their keys: two transactions that
     * lock overlapping sets this way never wait on each other in a cycle.
     */
    public void lockAll(Collection<CandidateRef> candidates) {
        String[] keys =
                candidates.stream().map(CandidateHolds::key).distinct().sorted().toArray(String[]::new);
        if (keys.length == 0) {
            return;
        }
        template.query(
                con -> {
                    PreparedStatement ps = con.prepareStatement(
                            "select pg_advisory_xact_lock(hashtextextended(k, 0)) from unnest(?) with ordinality as t(k, n) "
                                    + "order by n");
                    ps.setArray(1, con.createArrayOf("text", keys));
                    return ps;
                },
                rs -> {}); // the locks are all it is for
    }

    /**
     * {@link #lock} if it is free now; false, without waiting, if another transaction holds it. A transaction that
     * holds candidates' locks already takes further ones this way, so it never waits while holding them.
     */
    public boolean tryLock(CandidateRef candidate) {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", key(candidate))
                .query(Boolean.class)
                .single());
    }

    private static String key(CandidateRef candidate) {
        return candidate.kind().name() + ":" + candidate.id();
    }

    /** {@link #of} for several candidates in one query; a candidate with none is absent. */
    public Map<CandidateRef, List<Held>> ofAll(Collection<CandidateRef> candidates) {
        if (candidates.isEmpty()) {
            return Map.of();
        }
        UUID[] ids = candidates.stream().map(CandidateRef::id).distinct().toArray(UUID[]::new);
        Map<CandidateRef, List<Held>> out = new HashMap<>();
        template.query(
                con -> {
                    PreparedStatement ps = con.prepareStatement(
                            "select " + COLUMNS + " from candidate_hold where candidate_id = any(?)");
                    ps.setArray(1, con.createArrayOf("uuid", ids));
                    return ps;
                },
                rs -> {
                    Held h = held(rs, 0);
                    if (candidates.contains(h.candidate())) {
                        out.computeIfAbsent(h.candidate(), c -> new ArrayList<>())
                                .add(h);
                    }
                });
        return out;
    }

    /** The committed holds on the candidate, of every instance. */
    public List<Held> of(CandidateRef candidate) {
        return jdbc.sql("select " + COLUMNS + " from candidate_hold "
                        + "where candidate_kind = :candidate_kind and candidate_id = :candidate_id")
                .param("candidate_kind", candidate.kind().name())
                .param("candidate_id", candidate.id())
                .query(this::held)
                .list();
    }

    /** The match's hold, if it still has one. */
    public Optional<Held> ofMatch(UUID matchId) {
        return jdbc.sql("select " + COLUMNS + " from candidate_hold where match_id = :match_id")
                .param("match_id", matchId)
                .query(this::held)
                .optional(); // the primary key: one row at most
    }

    /** {@link #ofMatch} of many matches in one query: the holds they still have, by match. */
    public Map<UUID, Held> ofMatches(Collection<UUID> matchIds) {
        if (matchIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Held> out = new HashMap<>();
        jdbc.sql("select " + COLUMNS + " from candidate_hold where match_id in (:match_ids)")
                .param("match_ids", List.copyOf(new HashSet<>(matchIds)))
                .query((rs, i) -> held(rs, i))
                .list()
                .forEach(h -> out.put(h.matchId(), h));
        return out;
    }

    public void insert(UUID matchId, CandidateRef candidate, Allocation allocation) {
        jdbc.sql("insert into candidate_hold (match_id, candidate_kind, candidate_id, allocation) "
                        + "values (:match_id, :candidate_kind, :candidate_id, CAST(:allocation AS jsonb))")
                .param("match_id", matchId)
                .param("candidate_kind", candidate.kind().name())
                .param("candidate_id", candidate.id())
                .param("allocation", allocation == null ? null : json.writeValueAsString(allocation))
                .update();
    }

    /** {@link #insert} for many holds in one batch of statements. */
    public void insertAll(List<Held> holds) {
        if (holds.isEmpty()) {
            return;
        }
        template.batchUpdate(
                "insert into candidate_hold (match_id, candidate_kind, candidate_id, allocation) "
                        + "values (?, ?, ?, CAST(? AS jsonb))",
                holds.stream()
                        .map(h -> new Object[] {
                            h.matchId(),
                            h.candidate().kind().name(),
                            h.candidate().id(),
                            h.allocation() == null ? null : json.writeValueAsString(h.allocation())
                        })
                        .toList());
    }

    /** The match no longer holds its candidate (it ended, or the stock it takes is reserved and counted there). */
    public void release(UUID matchId) {
        jdbc.sql("delete from candidate_hold where match_id = :match_id")
                .param("match_id", matchId)
                .update();
    }

    /**
     * At start: every stored hold is tracked as learned (the engine holds them already, from the live matches), so
     * one whose match ends on another instance before this one reads its event is still released at the next claim
     * of its candidate.
     */
    public int learnAll() {
        List<Held> all = jdbc.sql("select " + COLUMNS + " from candidate_hold")
                .query(this::held)
                .list();
        all.forEach(this::learn);
        return all.size();
    }

    /**
     * Makes the engine hold what the database says the candidate is held for: every committed hold is put in (a
     * hold of this instance's is already there; holding is idempotent per match), and a hold learned before whose
     * row is gone is released.
     */
    public synchronized void learn(CandidateRef candidate, List<Held> committed) {
        Set<UUID> there = new HashSet<>();
        for (Held h : committed) {
            there.add(h.matchId());
        }
        Set<UUID> known = learned.getOrDefault(candidate, Set.of());
        for (UUID gone : List.copyOf(known)) {
            if (!there.contains(gone)) {
                forgetLocked(gone);
            }
        }
        for (Held h : committed) {
            learn(h);
        }
    }

    /** Puts one committed hold (of this or another instance) into the engine. */
    public synchronized void learn(Held h) {
        engine.hold(h.matchId(), h.candidate(), h.allocation());
        learned.computeIfAbsent(h.candidate(), c -> new HashSet<>()).add(h.matchId());
        learnedCandidate.put(h.matchId(), h.candidate());
    }

    /** The match no longer holds its candidate (it ended, here or on another instance): released in the engine. */
    public synchronized void forget(UUID matchId) {
        forgetLocked(matchId);
        engine.release(matchId);
    }

    private void forgetLocked(UUID matchId) {
        CandidateRef c = learnedCandidate.remove(matchId);
        if (c != null) {
            engine.release(matchId);
            Set<UUID> ids = learned.get(c);
            if (ids != null) {
                ids.remove(matchId);
                if (ids.isEmpty()) {
                    learned.remove(c);
                }
            }
        }
    }

    private Held held(ResultSet rs, int i) throws SQLException {
        return new Held(
                rs.getObject("match_id", UUID.class),
                new CandidateRef(
                        CandidateKind.valueOf(rs.getString("candidate_kind")),
                        rs.getObject("candidate_id", UUID.class)),
                allocation(rs.getString("allocation")));
    }

    private Allocation allocation(String text) {
        return text == null ? null : json.readValue(text, Allocation.class);
    }
}
