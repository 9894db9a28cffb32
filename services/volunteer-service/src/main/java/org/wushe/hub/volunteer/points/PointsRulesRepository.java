package org.wushe.hub.volunteer.points;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.hub.events.common.Category;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Versions of the points rules; a version is never changed once written. */
@Repository
public class PointsRulesRepository {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    public PointsRulesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The rules in effect at {@code at}: the newest version whose effectiveFrom has come. */
    public PointsRules inEffectAt(Instant at) {
        return jdbc.sql(
                        "SELECT * FROM points_rules WHERE effective_from <= :at ORDER BY effective_from DESC, version DESC LIMIT 1")
                .param("at", Timestamp.from(at))
                .query(this::map)
                .optional()
                .orElseThrow(() -> new IllegalStateException(
                        "no points rules in effect at " + at + "; the first migration ships version 1"));
    }

    public Optional<PointsRules> version(int version) {
        return jdbc.sql("SELECT * FROM points_rules WHERE version = :version")
                .param("version", version)
                .query(this::map)
                .optional();
    }

    public List<PointsRules> all() {
        return jdbc.sql("SELECT * FROM points_rules ORDER BY version")
                .query(this::map)
                .list();
    }

    /** Locks the rules table for the next version number: versions are written one at a time. */
    public int nextVersion() {
        jdbc.sql("LOCK TABLE points_rules IN SHARE ROW EXCLUSIVE MODE").update();
        return jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM points_rules")
                .query(Integer.class)
                .single();
    }

    public void insert(PointsRules r, Instant now) {
        jdbc.sql("""
                INSERT INTO points_rules (version, points_per_hour, flag_percent, stack_flag_multipliers, difficulty_percent,
                    category_difficulty, default_difficulty, manual_hours_earn_points, expiry_days, daily_cap, effective_from, note, created_at)
                VALUES (:version, :pointsPerHour, :flagPercent::jsonb, :stackFlagMultipliers, :difficultyPercent::jsonb,
                    :categoryDifficulty::jsonb, :defaultDifficulty, :manualHoursEarnPoints, :expiryDays, :dailyCap, :effectiveFrom,
                    :note, :createdAt)""")
                .param("version", r.version())
                .param("pointsPerHour", r.pointsPerHour())
                .param("flagPercent", write(r.flagPercent()))
                .param("stackFlagMultipliers", r.stackFlagMultipliers())
                .param("difficultyPercent", write(r.difficultyPercent()))
                .param("categoryDifficulty", write(r.categoryDifficulty()))
                .param("defaultDifficulty", r.defaultDifficulty().name())
                .param("manualHoursEarnPoints", r.manualHoursEarnPoints())
                .param("expiryDays", r.expiryDays())
                .param("dailyCap", r.dailyCap())
                .param("effectiveFrom", Timestamp.from(r.effectiveFrom()))
                .param("note", r.note())
                .param("createdAt", Timestamp.from(now))
                .update();
    }

    private String write(Map<? extends Enum<?>, ?> map) {
        Map<String, Object> plain = new LinkedHashMap<>();
        map.forEach((k, v) -> plain.put(k.name(), v instanceof Enum<?> e ? e.name() : v));
        return json.writeValueAsString(plain);
    }

    private PointsRules map(ResultSet rs, int n) throws SQLException {
        Map<VolunteerFlag, Integer> flags = new EnumMap<>(VolunteerFlag.class);
        read(rs.getString("flag_percent"))
                .forEach((k, v) -> flags.put(VolunteerFlag.valueOf(k), ((Number) v).intValue()));
        Map<ServiceDifficulty, Integer> difficulty = new EnumMap<>(ServiceDifficulty.class);
        read(rs.getString("difficulty_percent"))
                .forEach((k, v) -> difficulty.put(ServiceDifficulty.valueOf(k), ((Number) v).intValue()));
        Map<Category, ServiceDifficulty> categories = new EnumMap<>(Category.class);
        read(rs.getString("category_difficulty"))
                .forEach((k, v) -> categories.put(Category.valueOf(k), ServiceDifficulty.valueOf((String) v)));
        return new PointsRules(
                rs.getInt("version"),
                rs.getInt("points_per_hour"),
                flags,
                rs.getBoolean("stack_flag_multipliers"),
                difficulty,
                categories,
                ServiceDifficulty.valueOf(rs.getString("default_difficulty")),
                rs.getBoolean("manual_hours_earn_points"),
                (Integer) rs.getObject("expiry_days"),
                (Long) rs.getObject("daily_cap"),
                rs.getTimestamp("effective_from").toInstant(),
                rs.getString("note"));
    }

    private Map<String, Object> read(String text) {
        return json.readValue(text, MAP);
    }
}
