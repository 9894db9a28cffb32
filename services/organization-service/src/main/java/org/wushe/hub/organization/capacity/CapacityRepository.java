package org.wushe.hub.organization.capacity;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.organization.WithdrawalReason;

@Repository
public class CapacityRepository {

    private static final String COLUMNS =
            "id, organization_id, revision, status, title, category, skills, languages, beneficiary_groups, "
                    + "capacity_per_slot, session_minutes, valid_from, valid_until, geohash, served_community_ids, withdrawal_reason, created_at, updated_at";

    public record Filter(UUID organizationId, Category category, ServiceCapacity.Status status, UUID communityId) {}

    private final JdbcClient jdbc;

    public CapacityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ServiceCapacity c) {
        jdbc.sql(
                        "INSERT INTO service_capacity (" + COLUMNS
                                + ") VALUES (:id, :organization_id, :revision, :status, :title, :category, CAST(:skills AS text[]), "
                                + "CAST(:languages AS text[]), CAST(:beneficiary_groups AS text[]), :capacity_per_slot, :session_minutes, "
                                + ":valid_from, :valid_until, :geohash, :served_community_ids, :withdrawal_reason, :created_at, :updated_at)")
                .params(values(c))
                .param("withdrawal_reason", null) // an offer starts without one
                .param("created_at", Timestamp.from(c.createdAt()))
                .update();
        insertSlots(c);
    }

    /** The whole offer, as the next revision. */
    public void update(ServiceCapacity c) {
        jdbc.sql(
                        "UPDATE service_capacity SET revision = :revision, status = :status, title = :title, category = :category, "
                                + "skills = CAST(:skills AS text[]), languages = CAST(:languages AS text[]), "
                                + "beneficiary_groups = CAST(:beneficiary_groups AS text[]), capacity_per_slot = :capacity_per_slot, "
                                + "session_minutes = :session_minutes, valid_from = :valid_from, valid_until = :valid_until, "
                                + "geohash = :geohash, served_community_ids = :served_community_ids, "
                                + "withdrawal_reason = :withdrawal_reason, updated_at = :updated_at WHERE id = :id")
                .params(values(c))
                .param(
                        "withdrawal_reason",
                        c.withdrawalReason() == null
                                ? null
                                : c.withdrawalReason().name())
                .update();
        jdbc.sql("DELETE FROM capacity_slot WHERE capacity_id = :capacity_id")
                .param("capacity_id", c.id())
                .update();
        insertSlots(c);
    }

    /** The columns that insert and update both write, by name (arrays as one value each). */
    private static Map<String, Object> values(ServiceCapacity c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", c.id());
        v.put("organization_id", c.organizationId());
        v.put("revision", c.revision());
        v.put("status", c.status().name());
        v.put("title", c.title());
        v.put("category", c.category().name());
        v.put("skills", names(c.skills()));
        v.put("languages", c.languages().toArray(String[]::new));
        v.put("beneficiary_groups", names(c.beneficiaryGroups()));
        v.put("capacity_per_slot", c.capacityPerSlot());
        v.put("session_minutes", c.sessionMinutes());
        v.put("valid_from", Date.valueOf(c.validFrom()));
        v.put("valid_until", Date.valueOf(c.validUntil()));
        v.put("geohash", c.geohash());
        v.put("served_community_ids", c.servedCommunityIds().toArray(UUID[]::new));
        v.put("updated_at", Timestamp.from(c.updatedAt()));
        return v;
    }

    private void insertSlots(ServiceCapacity c) {
        for (int i = 0; i < c.weeklySlots().size(); i++) {
            ServiceCapacity.Slot s = c.weeklySlots().get(i);
            jdbc.sql("INSERT INTO capacity_slot (capacity_id, position, day, start_time, end_time) "
                            + "VALUES (:capacity_id, :position, :day, :start_time, :end_time)")
                    .param("capacity_id", c.id())
                    .param("position", i)
                    .param("day", s.day().name())
                    .param("start_time", Time.valueOf(s.start()))
                    .param("end_time", Time.valueOf(s.end()))
                    .update();
        }
    }

    public Optional<ServiceCapacity> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM service_capacity WHERE id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    public Optional<ServiceCapacity> findForUpdate(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM service_capacity WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    public List<ServiceCapacity> list(Filter f, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM service_capacity WHERE "
                        + "(CAST(:organization_id AS uuid) IS NULL OR organization_id = :organization_id) "
                        + "AND (CAST(:category AS text) IS NULL OR category = :category) "
                        + "AND (CAST(:status AS text) IS NULL OR status = :status) "
                        + "AND (CAST(:community_id AS uuid) IS NULL OR :community_id = ANY (served_community_ids)) "
                        + "ORDER BY created_at, id OFFSET :offset LIMIT :limit")
                .param("organization_id", f.organizationId())
                .param("category", name(f.category()))
                .param("status", name(f.status()))
                .param("community_id", f.communityId())
                .param("offset", offset)
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    private List<ServiceCapacity.Slot> slots(UUID id) {
        return jdbc.sql(
                        "SELECT day, start_time, end_time FROM capacity_slot WHERE capacity_id = :capacity_id ORDER BY position")
                .param("capacity_id", id)
                .query((rs, row) -> new ServiceCapacity.Slot(
                        DayOfWeek.valueOf(rs.getString("day")),
                        rs.getTime("start_time").toLocalTime(),
                        rs.getTime("end_time").toLocalTime()))
                .list();
    }

    private ServiceCapacity map(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String reason = rs.getString("withdrawal_reason");
        return new ServiceCapacity(
                id,
                rs.getObject("organization_id", UUID.class),
                rs.getInt("revision"),
                ServiceCapacity.Status.valueOf(rs.getString("status")),
                rs.getString("title"),
                Category.valueOf(rs.getString("category")),
                enums(rs.getArray("skills"), Skill.class),
                strings(rs.getArray("languages")),
                enums(rs.getArray("beneficiary_groups"), BeneficiaryGroup.class),
                rs.getInt("capacity_per_slot"),
                (Integer) rs.getObject("session_minutes"),
                slots(id),
                rs.getDate("valid_from").toLocalDate(),
                rs.getDate("valid_until").toLocalDate(),
                rs.getString("geohash"),
                List.copyOf(Arrays.asList(
                        (UUID[]) rs.getArray("served_community_ids").getArray())),
                reason == null ? null : WithdrawalReason.valueOf(reason),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static String[] names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toArray(String[]::new);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static <E extends Enum<E>> List<E> enums(Array array, Class<E> type) throws SQLException {
        return strings(array).stream().map(s -> Enum.valueOf(type, s)).toList();
    }
}
