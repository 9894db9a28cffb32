package org.wushe.hub.matching.proposal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.hub.matching.engine.Allocation;
import org.wushe.hub.matching.engine.CandidateKind;
import org.wushe.hub.matching.engine.CandidateRef;
import org.wushe.hub.matching.engine.ScoreComponent;
import org.wushe.hub.matching.engine.Window;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The matches table: proposals, decisions, and the candidates each need must not be offered again. */
@Repository
public class Matches {

    private static final String COLUMNS = """
            match_id, need_id, community_id, station_id, candidate_kind, candidate_id, candidate_label, rank, mode, score,
            explanation, window_start, window_end, allocation, status, proposed_at, deadline, escalated_to, escalated_at,
            decided_by, decided_at, decline_reason, note, service_minutes, completed_at""";
    private static final TypeReference<List<ScoreComponent>> EXPLANATION = new TypeReference<>() {};
    private static final String LIVE =
            MatchStatus.LIVE.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", "));

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final ObjectMapper json;

    public Matches(JdbcClient jdbc, NamedParameterJdbcTemplate named, ObjectMapper json) {
        this.jdbc = jdbc;
        this.named = named;
        this.json = json;
    }

    private static final String INSERT = "insert into match (" + COLUMNS + """
            ) values (:match_id, :need_id, :community_id, :station_id, :candidate_kind, :candidate_id,
                :candidate_label, :rank, :mode, :score, CAST(:explanation AS jsonb), :window_start, :window_end,
                CAST(:allocation AS jsonb), :status, :proposed_at, :deadline, :escalated_to, :escalated_at,
                :decided_by, :decided_at, :decline_reason, :note, :service_minutes, :completed_at)""";

    public void insert(MatchRecord m) {
        named.update(INSERT, values(m));
    }

    /** Inserts many matches in one batch of statements (the proposals of a batch of needs). */
    public void insertAll(List<MatchRecord> matches) {
        if (!matches.isEmpty()) {
            named.batchUpdate(INSERT, matches.stream().map(this::values).toArray(SqlParameterSource[]::new));
        }
    }

    private MapSqlParameterSource values(MatchRecord m) {
        return new MapSqlParameterSource()
                .addValue("match_id", m.matchId())
                .addValue("need_id", m.needId())
                .addValue("community_id", m.communityId())
                .addValue("station_id", m.stationId())
                .addValue("candidate_kind", m.candidate().kind().name())
                .addValue("candidate_id", m.candidate().id())
                .addValue("candidate_label", m.candidateLabel())
                .addValue("rank", m.rank())
                .addValue("mode", m.mode())
                .addValue("score", m.score())
                .addValue("explanation", json.writeValueAsString(m.explanation()))
                .addValue(
                        "window_start",
                        m.window() == null ? null : ts(m.window().startMillis()))
                .addValue(
                        "window_end", m.window() == null ? null : ts(m.window().endMillis()))
                .addValue("allocation", m.allocation() == null ? null : json.writeValueAsString(m.allocation()))
                .addValue("status", m.status().name())
                .addValue("proposed_at", Timestamp.from(m.proposedAt()))
                .addValue("deadline", Timestamp.from(m.deadline()))
                .addValue("escalated_to", m.escalatedTo())
                .addValue("escalated_at", ts(m.escalatedAt()))
                .addValue("decided_by", m.decidedBy())
                .addValue("decided_at", ts(m.decidedAt()))
                .addValue("decline_reason", m.declineReason())
                .addValue("note", m.note())
                .addValue("service_minutes", m.serviceMinutes())
                .addValue("completed_at", ts(m.completedAt()));
    }

    public Optional<MatchRecord> find(UUID matchId) {
        return jdbc.sql("select " + COLUMNS + " from match where match_id = :match_id")
                .param("match_id", matchId)
                .query(this::row)
                .optional(); // the primary key: one row at most
    }

    /** The matches of these ids, in one query (any order). */
    public List<MatchRecord> findAll(Collection<UUID> matchIds) {
        if (matchIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from match where match_id in (:match_ids)")
                .param("match_ids", List.copyOf(new HashSet<>(matchIds)))
                .query(this::row)
                .list();
    }

    /** The match, locked until the transaction ends. */
    public Optional<MatchRecord> lock(UUID matchId) {
        return jdbc.sql("select " + COLUMNS + " from match where match_id = :match_id for update")
                .param("match_id", matchId)
                .query(this::row)
                .optional(); // the primary key: one row at most
    }

    public Optional<MatchRecord> liveOf(UUID needId) {
        return jdbc
                .sql("select " + COLUMNS + " from match where need_id = :need_id and status in (" + LIVE + ")")
                .param("need_id", needId)
                .query(this::row)
                .list()
                .stream()
                .findFirst();
    }

    /** Which of these needs have a live match, in one query. */
    public Set<UUID> withLiveMatch(Collection<UUID> needIds) {
        if (needIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(
                jdbc.sql("select distinct need_id from match where need_id in (:need_ids) and status in (" + LIVE + ")")
                        .param("need_ids", List.copyOf(new HashSet<>(needIds)))
                        .query(UUID.class)
                        .list());
    }

    /** How many matches each of these needs has had (absent: none), in one query. */
    public Map<UUID, Integer> countsOfNeeds(Collection<UUID> needIds) {
        if (needIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Integer> out = new HashMap<>();
        jdbc.sql("select need_id, count(*) from match where need_id in (:need_ids) group by need_id")
                .param("need_ids", List.copyOf(new HashSet<>(needIds)))
                .query(rs -> {
                    out.put(rs.getObject(1, UUID.class), rs.getInt(2));
                });
        return out;
    }

    public List<MatchRecord> ofNeed(UUID needId) {
        return jdbc.sql("select " + COLUMNS + " from match where need_id = :need_id order by proposed_at, rank")
                .param("need_id", needId)
                .query(this::row)
                .list();
    }

    public int countOfNeed(UUID needId) {
        return jdbc.sql("select count(*) from match where need_id = :need_id")
                .param("need_id", needId)
                .query(Integer.class)
                .single();
    }

    /**
     * Which open proposals to list: the need's categories and urgencies (names; empty: any), and the
     * latest end of the need's window (exclusive; null: any).
     */
    public record OpenFilter(Set<String> categories, Set<String> urgencies, Instant deadlineBefore) {
        public OpenFilter {
            categories = categories == null ? Set.of() : Set.copyOf(categories);
            urgencies = urgencies == null ? Set.of() : Set.copyOf(urgencies);
        }

        public static final OpenFilter ANY = new OpenFilter(Set.of(), Set.of(), null);
    }

    /** One page of a list, and how many there are in all (before paging). */
    public record Page<T>(List<T> items, long total) {}

    /** The urgency of the need (from the read model), most urgent first; unknown or missing last. */
    private static final String URGENCY_RANK = """
            case v.spec->>'urgency' when 'IMMEDIATE' then 0 when 'URGENT' then 1 when 'SOON' then 2 when 'ROUTINE' then 3 else 4 end""";
    /** The end of the need's window, epoch milliseconds. */
    private static final String NEED_DEADLINE = "(v.spec->'window'->>'endMillis')::bigint";

    private static final String OPEN_AT = """
            ((m.station_id = :station_id and m.status in ('PROPOSED', 'ESCALATED'))
                or (m.escalated_to = :station_id and m.status = 'ESCALATED'))""";

    /**
     * Proposals awaiting a decision at this station: its own, and those escalated to it as the centre;
     * filtered by the need (category, urgency, end of its window) from {@code need_view} in the same
     * query; most urgent first, then the earliest end of the need's window, then the newest proposal.
     * A proposal whose need the read model does not hold (during a replay) passes no filter and comes last.
     */
    public Page<MatchRecord> openFor(UUID stationId, OpenFilter filter, int offset, int limit) {
        StringBuilder where = new StringBuilder(OPEN_AT);
        Map<String, Object> params = new HashMap<>();
        params.put("station_id", stationId);
        if (!filter.categories().isEmpty()) {
            where.append(" and v.spec->>'category' in (:categories)"); // a list: expanded into (?, ?, …)
            params.put("categories", List.copyOf(filter.categories()));
        }
        if (!filter.urgencies().isEmpty()) {
            where.append(" and v.spec->>'urgency' in (:urgencies)");
            params.put("urgencies", List.copyOf(filter.urgencies()));
        }
        if (filter.deadlineBefore() != null) {
            where.append(" and ").append(NEED_DEADLINE).append(" < :deadline_before");
            params.put("deadline_before", filter.deadlineBefore().toEpochMilli());
        }
        String from = " from match m left join need_view v on v.need_id = m.need_id where " + where;
        long[] total = {-1};
        List<MatchRecord> items = jdbc.sql("select " + prefixed("m") + ", count(*) over () as total_count" + from
                        + " order by " + URGENCY_RANK + ", " + NEED_DEADLINE
                        + " nulls last, m.proposed_at desc, m.match_id offset :offset limit :limit")
                .params(params)
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, i) -> {
                    total[0] = rs.getLong("total_count");
                    return row(rs, i);
                })
                .list();
        if (total[0] < 0) { // an empty page: past the end, or nothing at all
            total[0] = offset == 0
                    ? 0
                    : jdbc.sql("select count(*)" + from)
                            .params(params)
                            .query(Long.class)
                            .single();
        }
        return new Page<>(items, total[0]);
    }

    private static String prefixed(String alias) {
        return java.util.Arrays.stream(COLUMNS.split(","))
                .map(c -> alias + "." + c.strip())
                .collect(Collectors.joining(", "));
    }

    /** The station's matches in the given statuses, newest first. */
    public List<MatchRecord> ofStation(UUID stationId, Set<MatchStatus> statuses, int limit) {
        String in = statuses.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", "));
        return jdbc.sql("select " + COLUMNS
                        + " from match where (station_id = :station_id or escalated_to = :station_id) "
                        + "and status in (" + in + ") order by coalesce(decided_at, proposed_at) desc limit :limit")
                .param("station_id", stationId)
                .param("limit", limit)
                .query(this::row)
                .list();
    }

    /** Every live match, to put their holds back into the engine at start. */
    public List<MatchRecord> live() {
        return jdbc.sql("select " + COLUMNS + " from match where status in (" + LIVE + ")")
                .query(this::row)
                .list();
    }

    /** Open proposals whose deadline has passed, oldest first. */
    public List<UUID> overdue(Instant now, int limit) {
        return jdbc.sql("select match_id from match where status in ('PROPOSED', 'ESCALATED') and deadline < :now "
                        + "order by deadline limit :limit")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    public void decide(UUID matchId, MatchStatus status, String decidedBy, Instant at, String reason, String note) {
        jdbc.sql("update match set status = :status, decided_by = :decided_by, decided_at = :decided_at, "
                        + "decline_reason = :decline_reason, note = :note where match_id = :match_id")
                .param("status", status.name())
                .param("decided_by", decidedBy)
                .param("decided_at", Timestamp.from(at))
                .param("decline_reason", reason)
                .param("note", note)
                .param("match_id", matchId)
                .update();
    }

    public void setStatus(UUID matchId, MatchStatus status) {
        jdbc.sql("update match set status = :status where match_id = :match_id")
                .param("status", status.name())
                .param("match_id", matchId)
                .update();
    }

    public void escalate(UUID matchId, UUID to, Instant at, Instant newDeadline) {
        jdbc.sql("update match set status = 'ESCALATED', escalated_to = :escalated_to, escalated_at = :escalated_at, "
                        + "deadline = :deadline where match_id = :match_id")
                .param("escalated_to", to)
                .param("escalated_at", Timestamp.from(at))
                .param("deadline", Timestamp.from(newDeadline))
                .param("match_id", matchId)
                .update();
    }

    public void complete(UUID matchId, int serviceMinutes, Instant at, String decidedBy) {
        jdbc.sql(
                        "update match set status = 'COMPLETED', service_minutes = :service_minutes, completed_at = :completed_at, "
                                + "decided_by = coalesce(decided_by, :decided_by) where match_id = :match_id")
                .param("service_minutes", serviceMinutes)
                .param("completed_at", Timestamp.from(at))
                .param("decided_by", decidedBy)
                .param("match_id", matchId)
                .update();
    }

    public void exclude(UUID needId, CandidateRef candidate, String reason) {
        jdbc.sql("insert into match_exclusion (need_id, candidate_kind, candidate_id, reason) "
                        + "values (:need_id, :candidate_kind, :candidate_id, :reason) on conflict do nothing")
                .param("need_id", needId)
                .param("candidate_kind", candidate.kind().name())
                .param("candidate_id", candidate.id())
                .param("reason", reason)
                .update();
    }

    public Set<CandidateRef> exclusions(UUID needId) {
        return Set.copyOf(jdbc.sql("select candidate_kind, candidate_id from match_exclusion where need_id = :need_id")
                .param("need_id", needId)
                .query((rs, i) -> new CandidateRef(CandidateKind.valueOf(rs.getString(1)), rs.getObject(2, UUID.class)))
                .list());
    }

    /** {@link #exclusions(UUID)} of many needs in one query; a need with none is absent. */
    public Map<UUID, Set<CandidateRef>> exclusions(Collection<UUID> needIds) {
        if (needIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Set<CandidateRef>> out = new HashMap<>();
        jdbc.sql("select need_id, candidate_kind, candidate_id from match_exclusion where need_id in (:need_ids)")
                .param("need_ids", List.copyOf(new HashSet<>(needIds)))
                .query(rs -> {
                    out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>())
                            .add(new CandidateRef(CandidateKind.valueOf(rs.getString(2)), rs.getObject(3, UUID.class)));
                });
        return out;
    }

    public long count(MatchStatus status) {
        return jdbc.sql("select count(*) from match where status = :status")
                .param("status", status.name())
                .query(Long.class)
                .single();
    }

    private MatchRecord row(ResultSet rs, int i) throws SQLException {
        Timestamp ws = rs.getTimestamp("window_start");
        Timestamp we = rs.getTimestamp("window_end");
        String allocation = rs.getString("allocation");
        return new MatchRecord(
                rs.getObject("match_id", UUID.class),
                rs.getObject("need_id", UUID.class),
                rs.getObject("community_id", UUID.class),
                rs.getObject("station_id", UUID.class),
                new CandidateRef(
                        CandidateKind.valueOf(rs.getString("candidate_kind")),
                        rs.getObject("candidate_id", UUID.class)),
                rs.getString("candidate_label"),
                rs.getInt("rank"),
                rs.getString("mode"),
                rs.getDouble("score"),
                json.readValue(rs.getString("explanation"), EXPLANATION),
                ws == null ? null : new Window(ws.getTime(), we.getTime()),
                allocation == null ? null : json.readValue(allocation, Allocation.class),
                MatchStatus.valueOf(rs.getString("status")),
                instant(rs, "proposed_at"),
                instant(rs, "deadline"),
                rs.getObject("escalated_to", UUID.class),
                instant(rs, "escalated_at"),
                rs.getString("decided_by"),
                instant(rs, "decided_at"),
                rs.getString("decline_reason"),
                rs.getString("note"),
                (Integer) rs.getObject("service_minutes"),
                instant(rs, "completed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(long millis) {
        return new Timestamp(millis);
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
