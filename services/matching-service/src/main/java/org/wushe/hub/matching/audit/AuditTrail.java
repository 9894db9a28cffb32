package org.wushe.hub.matching.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.events.EventEnvelope;

/**
 * The audit trail of each need: one row per event about it (the need's own events, the offers' answers
 * that name it, the match events, hours credited for its matches), written in the transaction of the
 * consumer that handled the event, idempotent by event id. This service's own record: a read-model
 * replay keeps it.
 */
@Repository
public class AuditTrail {

    /** One line of a need's history. */
    public record Entry(
            Instant occurredAt,
            String eventType,
            UUID eventId,
            String topic,
            Integer partition,
            Long offset,
            String actor,
            String summaryZh,
            String summaryEn) {}

    /**
     * Events of the same millisecond come from one transaction (a decline and the next proposal): the
     * cause first. Then the position on the topic.
     */
    private static final String CAUSAL_RANK = """
            case event_type when 'NeedPublished' then 0 when 'NeedUpdated' then 1 when 'MatchDeclined' then 2
                when 'MatchEscalated' then 3 when 'MatchProposed' then 4 when 'MatchAccepted' then 5 when 'MatchCompleted' then 7
                when 'ServiceHoursCredited' then 8 when 'NeedClosed' then 9 else 6 end""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    public AuditTrail(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    private static final String INSERT = """
            insert into audit_event (event_id, need_id, event_type, topic, kafka_partition, topic_offset, occurred_at, actor,
                summary_zh, summary_en)
            values (:event_id, :need_id, :event_type, :topic, :kafka_partition, :topic_offset, :occurred_at, :actor,
                :summary_zh, :summary_en)
            on conflict (event_id) do nothing
            """;

    /** Records the event for the need; a second recording of the same event changes nothing. */
    public void record(EventEnvelope e, UUID needId, Summary summary) {
        if (needId != null) {
            named.update(INSERT, values(new Line(e, needId, summary)));
        }
    }

    /** One event to record for a need with {@link #recordAll}. */
    public record Line(EventEnvelope event, UUID needId, Summary summary) {}

    /** {@link #record} for many events (a batch's run) in one batch of statements. */
    public void recordAll(List<Line> lines) {
        SqlParameterSource[] rows = lines.stream()
                .filter(l -> l.needId() != null)
                .map(AuditTrail::values)
                .toArray(SqlParameterSource[]::new);
        if (rows.length > 0) {
            named.batchUpdate(INSERT, rows);
        }
    }

    private static MapSqlParameterSource values(Line line) {
        EventEnvelope e = line.event();
        EventEnvelope.Source source = e.source();
        String topic = source != null
                ? source.topic()
                : Aggregate.ofType(e.aggregateType()).map(Aggregate::topic).orElse(e.aggregateType());
        return new MapSqlParameterSource()
                .addValue("event_id", e.eventId())
                .addValue("need_id", line.needId())
                .addValue("event_type", e.eventType())
                .addValue("topic", topic)
                .addValue("kafka_partition", source == null ? null : source.partition())
                .addValue("topic_offset", source == null ? null : source.offset())
                .addValue("occurred_at", Timestamp.from(e.occurredAt()))
                .addValue("actor", e.actor())
                .addValue("summary_zh", line.summary().zh())
                .addValue("summary_en", line.summary().en());
    }

    /** The need's history: by time, then cause before effect within a millisecond, then topic offset. */
    public List<Entry> of(UUID needId) {
        return jdbc.sql(
                        "select occurred_at, event_type, event_id, topic, kafka_partition, topic_offset, actor, summary_zh, summary_en "
                                + "from audit_event where need_id = :need_id order by occurred_at, " + CAUSAL_RANK
                                + ", topic_offset, event_id")
                .param("need_id", needId)
                .query((rs, i) -> new Entry(
                        rs.getTimestamp(1).toInstant(),
                        rs.getString(2),
                        rs.getObject(3, UUID.class),
                        rs.getString(4),
                        (Integer) rs.getObject(5),
                        (Long) rs.getObject(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9)))
                .list();
    }

    /** The need a match of this service was made for. */
    public Optional<UUID> needOfMatch(UUID matchId) {
        return jdbc.sql("select need_id from match where match_id = :match_id") // the primary key: one row at most
                .param("match_id", matchId)
                .query(UUID.class)
                .optional();
    }
}
