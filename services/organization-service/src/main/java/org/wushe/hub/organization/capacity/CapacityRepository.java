package org.wushe.hub.organization.capacity;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.List;
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
        jdbc.sql("INSERT INTO service_capacity (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?::text[], ?::text[], ?::text[], ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        c.id(),
                        c.organizationId(),
                        c.revision(),
                        c.status().name(),
                        c.title(),
                        c.category().name(),
                        names(c.skills()),
                        c.languages().toArray(String[]::new),
                        names(c.beneficiaryGroups()),
                        c.capacityPerSlot(),
                        c.sessionMinutes(),
                        Date.valueOf(c.validFrom()),
                        Date.valueOf(c.validUntil()),
                        c.geohash(),
                        c.servedCommunityIds().toArray(UUID[]::new),
                        null,
                        Timestamp.from(c.createdAt()),
                        Timestamp.from(c.updatedAt()))
                .update();
        insertSlots(c);
    }

    /** The whole offer, as the next revision. */
    public void update(ServiceCapacity c) {
        jdbc.sql(
                        "UPDATE service_capacity SET revision = ?, status = ?, title = ?, category = ?, skills = ?::text[], languages = ?::text[], "
                                + "beneficiary_groups = ?::text[], capacity_per_slot = ?, session_minutes = ?, valid_from = ?, valid_until = ?, geohash = ?, "
                                + "served_community_ids = ?, withdrawal_reason = ?, updated_at = ? WHERE id = ?")
                .params(
                        c.revision(),
                        c.status().name(),
                        c.title(),
                        c.category().name(),
                        names(c.skills()),
                        c.languages().toArray(String[]::new),
                        names(c.beneficiaryGroups()),
                        c.capacityPerSlot(),
                        c.sessionMinutes(),
                        Date.valueOf(c.validFrom()),
                        Date.valueOf(c.validUntil()),
                        c.geohash(),
                        c.servedCommunityIds().toArray(UUID[]::new),
                        c.withdrawalReason() == null
                                ? null
                                : c.withdrawalReason().name(),
                        Timestamp.from(c.updatedAt()),
                        c.id())
                .update();
        jdbc.sql("DELETE FROM capacity_slot WHERE capacity_id = ?")
                .param(c.id())
                .update();
        insertSlots(c);
    }

    private void insertSlots(ServiceCapacity c) {
        for (int i = 0; i < c.weeklySlots().size(); i++) {
            ServiceCapacity.Slot s = c.weeklySlots().get(i);
            jdbc.sql(
                            "INSERT INTO capacity_slot (capacity_id, position, day, start_time, end_time) VALUES (?, ?, ?, ?, ?)")
                    .params(c.id(), i, s.day().name(), Time.valueOf(s.start()), Time.valueOf(s.end()))
                    .update();
        }
    }

    public Optional<ServiceCapacity> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM service_capacity WHERE id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    public Optional<ServiceCapacity> findForUpdate(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM service_capacity WHERE id = ? FOR UPDATE")
                .param(id)
                .query(this::map)
                .optional();
    }

    public List<ServiceCapacity> list(Filter f, int offset, int limit) {
        return jdbc.sql(
                        "SELECT " + COLUMNS + " FROM service_capacity WHERE (?::uuid IS NULL OR organization_id = ?) "
                                + "AND (?::text IS NULL OR category = ?) AND (?::text IS NULL OR status = ?) "
                                + "AND (?::uuid IS NULL OR ? = ANY (served_community_ids)) ORDER BY created_at, id OFFSET ? LIMIT ?")
                .params(
                        f.organizationId(),
                        f.organizationId(),
                        name(f.category()),
                        name(f.category()),
                        name(f.status()),
                        name(f.status()),
                        f.communityId(),
                        f.communityId(),
                        offset,
                        limit)
                .query(this::map)
                .list();
    }

    private List<ServiceCapacity.Slot> slots(UUID id) {
        return jdbc.sql("SELECT day, start_time, end_time FROM capacity_slot WHERE capacity_id = ? ORDER BY position")
                .param(id)
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
