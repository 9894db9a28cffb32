package org.wushe.hub.matching.proposal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
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

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public Matches(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(MatchRecord m) {
        jdbc.update(
                "insert into match (" + COLUMNS
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                m.matchId(),
                m.needId(),
                m.communityId(),
                m.stationId(),
                m.candidate().kind().name(),
                m.candidate().id(),
                m.candidateLabel(),
                m.rank(),
                m.mode(),
                m.score(),
                json.writeValueAsString(m.explanation()),
                m.window() == null ? null : ts(m.window().startMillis()),
                m.window() == null ? null : ts(m.window().endMillis()),
                m.allocation() == null ? null : json.writeValueAsString(m.allocation()),
                m.status().name(),
                Timestamp.from(m.proposedAt()),
                Timestamp.from(m.deadline()),
                m.escalatedTo(),
                ts(m.escalatedAt()),
                m.decidedBy(),
                ts(m.decidedAt()),
                m.declineReason(),
                m.note(),
                m.serviceMinutes(),
                ts(m.completedAt()));
    }

    public Optional<MatchRecord> find(UUID matchId) {
        return jdbc.query("select " + COLUMNS + " from match where match_id = ?", this::row, matchId).stream()
                .findFirst();
    }

    /** The match, locked until the transaction ends. */
    public Optional<MatchRecord> lock(UUID matchId) {
        return jdbc
                .query("select " + COLUMNS + " from match where match_id = ? for update", this::row, matchId)
                .stream()
                .findFirst();
    }

    public Optional<MatchRecord> liveOf(UUID needId) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from match where need_id = ? and status in (" + LIVE + ")",
                        this::row,
                        needId)
                .stream()
                .findFirst();
    }

    public List<MatchRecord> ofNeed(UUID needId) {
        return jdbc.query(
                "select " + COLUMNS + " from match where need_id = ? order by proposed_at, rank", this::row, needId);
    }

    public int countOfNeed(UUID needId) {
        Integer n = jdbc.queryForObject("select count(*) from match where need_id = ?", Integer.class, needId);
        return n == null ? 0 : n;
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
            ((m.station_id = ? and m.status in ('PROPOSED', 'ESCALATED')) or (m.escalated_to = ? and m.status = 'ESCALATED'))""";

    /**
     * Proposals awaiting a decision at this station: its own, and those escalated to it as the centre;
     * filtered by the need (category, urgency, end of its window) from {@code need_view} in the same
     * query; most urgent first, then the earliest end of the need's window, then the newest proposal.
     * A proposal whose need the read model does not hold (during a replay) passes no filter and comes last.
     */
    public Page<MatchRecord> openFor(UUID stationId, OpenFilter filter, int offset, int limit) {
        StringBuilder where = new StringBuilder(OPEN_AT);
        List<Object> args = new ArrayList<>(List.of(stationId, stationId));
        if (!filter.categories().isEmpty()) {
            where.append(" and v.spec->>'category' in (")
                    .append(marks(filter.categories().size()))
                    .append(')');
            args.addAll(filter.categories());
        }
        if (!filter.urgencies().isEmpty()) {
            where.append(" and v.spec->>'urgency' in (")
                    .append(marks(filter.urgencies().size()))
                    .append(')');
            args.addAll(filter.urgencies());
        }
        if (filter.deadlineBefore() != null) {
            where.append(" and ").append(NEED_DEADLINE).append(" < ?");
            args.add(filter.deadlineBefore().toEpochMilli());
        }
        String from = " from match m left join need_view v on v.need_id = m.need_id where " + where;
        List<Object> paged = new ArrayList<>(args);
        paged.add(offset);
        paged.add(limit);
        long[] total = {-1};
        List<MatchRecord> items = jdbc.query(
                "select " + prefixed("m") + ", count(*) over () as total_count" + from + " order by " + URGENCY_RANK
                        + ", " + NEED_DEADLINE + " nulls last, m.proposed_at desc, m.match_id offset ? limit ?",
                (rs, i) -> {
                    total[0] = rs.getLong("total_count");
                    return row(rs, i);
                },
                paged.toArray());
        if (total[0] < 0) { // an empty page: past the end, or nothing at all
            Long n = offset == 0
                    ? Long.valueOf(0)
                    : jdbc.queryForObject("select count(*)" + from, Long.class, args.toArray());
            total[0] = n == null ? 0 : n;
        }
        return new Page<>(items, total[0]);
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static String prefixed(String alias) {
        return java.util.Arrays.stream(COLUMNS.split(","))
                .map(c -> alias + "." + c.strip())
                .collect(Collectors.joining(", "));
    }

    /** The station's matches in the given statuses, newest first. */
    public List<MatchRecord> ofStation(UUID stationId, Set<MatchStatus> statuses, int limit) {
        String in = statuses.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", "));
        return jdbc.query(
                "select " + COLUMNS + " from match where (station_id = ? or escalated_to = ?) and status in (" + in
                        + ") order by coalesce(decided_at, proposed_at) desc limit ?",
                this::row,
                stationId,
                stationId,
                limit);
    }

    /** Every live match, to put their holds back into the engine at start. */
    public List<MatchRecord> live() {
        return jdbc.query("select " + COLUMNS + " from match where status in (" + LIVE + ")", this::row);
    }

    /** Open proposals whose deadline has passed, oldest first. */
    public List<UUID> overdue(Instant now, int limit) {
        return jdbc.queryForList(
                "select match_id from match where status in ('PROPOSED', 'ESCALATED') and deadline < ? order by deadline limit ?",
                UUID.class,
                Timestamp.from(now),
                limit);
    }

    public void decide(UUID matchId, MatchStatus status, String decidedBy, Instant at, String reason, String note) {
        jdbc.update(
                "update match set status = ?, decided_by = ?, decided_at = ?, decline_reason = ?, note = ? where match_id = ?",
                status.name(),
                decidedBy,
                Timestamp.from(at),
                reason,
                note,
                matchId);
    }

    public void setStatus(UUID matchId, MatchStatus status) {
        jdbc.update("update match set status = ? where match_id = ?", status.name(), matchId);
    }

    public void escalate(UUID matchId, UUID to, Instant at, Instant newDeadline) {
        jdbc.update(
                "update match set status = 'ESCALATED', escalated_to = ?, escalated_at = ?, deadline = ? where match_id = ?",
                to,
                Timestamp.from(at),
                Timestamp.from(newDeadline),
                matchId);
    }

    public void complete(UUID matchId, int serviceMinutes, Instant at, String decidedBy) {
        jdbc.update(
                "update match set status = 'COMPLETED', service_minutes = ?, completed_at = ?, decided_by = coalesce(decided_by, ?) where match_id = ?",
                serviceMinutes,
                Timestamp.from(at),
                decidedBy,
                matchId);
    }

    public void exclude(UUID needId, CandidateRef candidate, String reason) {
        jdbc.update(
                "insert into match_exclusion (need_id, candidate_kind, candidate_id, reason) values (?, ?, ?, ?) on conflict do nothing",
                needId,
                candidate.kind().name(),
                candidate.id(),
                reason);
    }

    public Set<CandidateRef> exclusions(UUID needId) {
        return Set.copyOf(jdbc.query(
                "select candidate_kind, candidate_id from match_exclusion where need_id = ?",
                (rs, i) -> new CandidateRef(CandidateKind.valueOf(rs.getString(1)), rs.getObject(2, UUID.class)),
                needId));
    }

    public long count(MatchStatus status) {
        Long n = jdbc.queryForObject("select count(*) from match where status = ?", Long.class, status.name());
        return n == null ? 0 : n;
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
