package org.wushe.hub.volunteer.stars;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The star rules' versions (never changed once written), each volunteer's star and the log of its changes. */
@Repository
public class StarRepository {

    private final JdbcClient jdbc;

    public StarRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public StarRules inEffectAt(Instant at) {
        return jdbc.sql(
                        "SELECT * FROM star_rules WHERE effective_from <= :at ORDER BY effective_from DESC, version DESC LIMIT 1")
                .param("at", Timestamp.from(at))
                .query(StarRepository::rules)
                .optional()
                .orElseThrow(() -> new IllegalStateException(
                        "no star rules in effect at " + at + "; migration V9 ships version 1"));
    }

    public List<StarRules> all() {
        return jdbc.sql("SELECT * FROM star_rules ORDER BY version")
                .query(StarRepository::rules)
                .list();
    }

    /** Locks the rules table for the next version number: versions are written one at a time. */
    public int nextVersion() {
        jdbc.sql("LOCK TABLE star_rules IN SHARE ROW EXCLUSIVE MODE").update();
        return jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM star_rules")
                .query(Integer.class)
                .single();
    }

    public void insert(StarRules r, Instant now) {
        jdbc.sql(
                        "INSERT INTO star_rules (version, threshold_hours, keep_on_correction, effective_from, note, created_at) "
                                + "VALUES (:version, :thresholdHours::int[], :keepOnCorrection, :effectiveFrom, :note, :createdAt)")
                .param("version", r.version())
                .param(
                        "thresholdHours",
                        r.thresholdHours().stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                .param("keepOnCorrection", r.keepOnCorrection())
                .param("effectiveFrom", Timestamp.from(r.effectiveFrom()))
                .param("note", r.note())
                .param("createdAt", Timestamp.from(now))
                .update();
    }

    /** A volunteer's star as held now. */
    public record Held(
            UUID volunteerId, int stars, long totalMinutes, int ruleVersion, Instant since, Instant updatedAt) {}

    public Optional<Held> held(UUID volunteerId) {
        return jdbc.sql("SELECT * FROM volunteer_star WHERE volunteer_id = :volunteerId")
                .param("volunteerId", volunteerId)
                .query((rs, n) -> new Held(
                        rs.getObject("volunteer_id", UUID.class),
                        rs.getInt("stars"),
                        rs.getLong("total_minutes"),
                        rs.getInt("rule_version"),
                        rs.getTimestamp("since").toInstant(),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    public void upsert(Held h) {
        jdbc.sql("""
                INSERT INTO volunteer_star (volunteer_id, stars, total_minutes, rule_version, since, updated_at)
                VALUES (:volunteerId, :stars, :totalMinutes, :ruleVersion, :since, :updatedAt)
                ON CONFLICT (volunteer_id) DO UPDATE SET stars = excluded.stars, total_minutes = excluded.total_minutes,
                    rule_version = excluded.rule_version, since = excluded.since, updated_at = excluded.updated_at""")
                .param("volunteerId", h.volunteerId())
                .param("stars", h.stars())
                .param("totalMinutes", h.totalMinutes())
                .param("ruleVersion", h.ruleVersion())
                .param("since", Timestamp.from(h.since()))
                .param("updatedAt", Timestamp.from(h.updatedAt()))
                .update();
    }

    public void logChange(
            UUID volunteerId, int before, int after, long totalMinutes, int ruleVersion, String cause, Instant at) {
        jdbc.sql(
                        "INSERT INTO star_change (volunteer_id, stars_before, stars_after, total_minutes, rule_version, cause, changed_at) "
                                + "VALUES (:volunteerId, :starsBefore, :starsAfter, :totalMinutes, :ruleVersion, :cause, :changedAt)")
                .param("volunteerId", volunteerId)
                .param("starsBefore", before)
                .param("starsAfter", after)
                .param("totalMinutes", totalMinutes)
                .param("ruleVersion", ruleVersion)
                .param("cause", cause)
                .param("changedAt", Timestamp.from(at))
                .update();
    }

    private static StarRules rules(ResultSet rs, int n) throws SQLException {
        Array a = rs.getArray("threshold_hours");
        List<Integer> thresholds = Arrays.stream((Integer[]) a.getArray()).toList();
        return new StarRules(
                rs.getInt("version"),
                thresholds,
                rs.getBoolean("keep_on_correction"),
                rs.getTimestamp("effective_from").toInstant(),
                rs.getString("note"));
    }
}
