package org.wushe.hub.volunteer.volunteer;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.hub.events.common.Skill;

@Repository
public class VolunteerRepository {

    private static final String COLUMNS = "id, display_name, phone, community_id, organization_id, district_code, street_code, "
            + "home_community_id, grid_id, geohash, skills, languages, young_old, in_hardship, registered_at, updated_at";

    private final JdbcClient jdbc;

    public VolunteerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Volunteer v) {
        HomeArea h = v.homeArea();
        jdbc.sql("INSERT INTO volunteer (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?::text[], ?, ?, ?, ?)")
                .params(v.id(), v.name(), v.phone(), v.communityId(), v.organizationId(), h.districtCode(), h.streetCode(),
                        h.communityId(), h.gridId(), h.geohash(), textArray(v.skills().stream().map(Enum::name).toList()),
                        textArray(v.languages()), v.youngOld(), v.inHardship(), Timestamp.from(v.registeredAt()),
                        Timestamp.from(v.updatedAt()))
                .update();
    }

    public boolean phoneTaken(String phone) {
        return jdbc.sql("SELECT count(*) FROM volunteer WHERE phone = ?").param(phone).query(Long.class).single() > 0;
    }

    public void updateFlags(UUID id, boolean youngOld, boolean inHardship, Instant now) {
        jdbc.sql("UPDATE volunteer SET young_old = ?, in_hardship = ?, updated_at = ? WHERE id = ?")
                .params(youngOld, inHardship, Timestamp.from(now), id).update();
    }

    /** Replaces the volunteer's skills and languages. */
    public void updateSkills(UUID id, List<Skill> skills, List<String> languages, Instant now) {
        jdbc.sql("UPDATE volunteer SET skills = ?::text[], languages = ?::text[], updated_at = ? WHERE id = ?")
                .params(textArray(skills.stream().map(Enum::name).toList()), textArray(languages), Timestamp.from(now), id).update();
    }

    /** The volunteer, with their row locked until the transaction ends: changes of one volunteer one after the other. */
    public Optional<Volunteer> findForUpdate(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM volunteer WHERE id = ? FOR UPDATE").param(id).query(VolunteerRepository::map).optional();
    }

    public Optional<Volunteer> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM volunteer WHERE id = ?").param(id).query(VolunteerRepository::map).optional();
    }

    public boolean exists(UUID id) {
        return jdbc.sql("SELECT count(*) FROM volunteer WHERE id = ?").param(id).query(Long.class).single() > 0;
    }

    /** Volunteers by community, skill and team; each filter only when given. */
    public List<Volunteer> search(UUID communityId, Skill skill, UUID teamId, int limit, int offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM volunteer v WHERE (CAST(:community AS uuid) IS NULL OR community_id = :community)"
                        + " AND (CAST(:skill AS text) IS NULL OR skills @> ARRAY[CAST(:skill AS text)])"
                        + " AND (CAST(:team AS uuid) IS NULL OR EXISTS (SELECT 1 FROM team_member m WHERE m.volunteer_id = v.id AND m.team_id = :team))"
                        + " ORDER BY registered_at, id LIMIT :limit OFFSET :offset")
                .param("community", communityId)
                .param("skill", skill == null ? null : skill.name())
                .param("team", teamId)
                .param("limit", limit)
                .param("offset", offset)
                .query(VolunteerRepository::map).list();
    }

    private static Volunteer map(ResultSet rs, int n) throws SQLException {
        HomeArea home = new HomeArea(rs.getString("district_code"), rs.getString("street_code"),
                rs.getObject("home_community_id", UUID.class), rs.getObject("grid_id", UUID.class), rs.getString("geohash"));
        return new Volunteer(rs.getObject("id", UUID.class), rs.getString("display_name"), rs.getString("phone"),
                rs.getObject("community_id", UUID.class), rs.getObject("organization_id", UUID.class), home,
                strings(rs.getArray("skills")).stream().map(Skill::valueOf).toList(), strings(rs.getArray("languages")),
                rs.getBoolean("young_old"), rs.getBoolean("in_hardship"),
                rs.getTimestamp("registered_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** A text[] literal for a ?::text[] parameter. */
    static String textArray(List<String> values) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return sb.append('}').toString();
    }
}
