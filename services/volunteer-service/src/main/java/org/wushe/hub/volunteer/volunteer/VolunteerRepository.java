package org.wushe.hub.volunteer.volunteer;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.volunteer.volunteer.registration.ResidentIdNumber;

@Repository
public class VolunteerRepository {

    /** Name, phone, ID number and the hardship flag are sealed at rest ({@link VolunteerDetailsCipher}); the rest is plain. */
    private static final String COLUMNS =
            "id, name_sealed, phone_sealed, id_number_sealed, community_id, organization_id, district_code, street_code, "
                    + "home_community_id, grid_id, geohash, skills, languages, young_old, hardship_sealed, registered_at, updated_at";

    /** A volunteer serves station :station when its staff registered them or they were matched or credited hours there. */
    static final String SERVES_STATION = "(v.registered_by_station = :station"
            + " OR EXISTS (SELECT 1 FROM assignment a WHERE a.volunteer_id = v.id AND a.station_id = :station)"
            + " OR EXISTS (SELECT 1 FROM service_hours h WHERE h.volunteer_id = v.id AND h.station_id = :station))";

    /** The day a volunteer's age is counted on: the hub's. */
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final VolunteerDetailsCipher cipher;
    private final Clock clock;

    public VolunteerRepository(JdbcClient jdbc, VolunteerDetailsCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** @param registeredByStation the station whose staff registered the volunteer, null for the hub admin */
    public void insert(Volunteer v, UUID registeredByStation) {
        HomeArea h = v.homeArea();
        jdbc.sql(
                        "INSERT INTO volunteer (" + COLUMNS + ", phone_hash, id_number_hash, registered_by_station) "
                                + "VALUES (:id, :nameSealed, :phoneSealed, :idNumberSealed, :communityId, :organizationId, :districtCode, "
                                + ":streetCode, :homeCommunityId, :gridId, :geohash, :skills::text[], :languages::text[], :youngOld, "
                                + ":hardshipSealed, :registeredAt, :updatedAt, :phoneHash, :idNumberHash, :registeredByStation)")
                .param("id", v.id())
                .param("nameSealed", cipher.sealName(v.id(), v.name()))
                .param("phoneSealed", v.phone() == null ? null : cipher.sealPhone(v.id(), v.phone()))
                .param("idNumberSealed", v.idNumber() == null ? null : cipher.sealIdNumber(v.id(), v.idNumber()))
                .param("communityId", v.communityId())
                .param("organizationId", v.organizationId())
                .param("districtCode", h.districtCode())
                .param("streetCode", h.streetCode())
                .param("homeCommunityId", h.communityId())
                .param("gridId", h.gridId())
                .param("geohash", h.geohash())
                .param("skills", textArray(v.skills().stream().map(Enum::name).toList()))
                .param("languages", textArray(v.languages()))
                .param("youngOld", v.youngOld())
                .param("hardshipSealed", cipher.sealHardship(v.id(), v.inHardship()))
                .param("registeredAt", Timestamp.from(v.registeredAt()))
                .param("updatedAt", Timestamp.from(v.updatedAt()))
                .param("phoneHash", cipher.phoneHash(v.phone()))
                .param("idNumberHash", cipher.idNumberHash(v.idNumber()))
                .param("registeredByStation", registeredByStation)
                .update();
    }

    public boolean phoneTaken(String phone) {
        return jdbc.sql("SELECT count(*) FROM volunteer WHERE phone_hash = :phoneHash")
                        .param("phoneHash", cipher.phoneHash(phone))
                        .query(Long.class)
                        .single()
                > 0;
    }

    public boolean idNumberTaken(String idNumber) {
        return jdbc.sql("SELECT count(*) FROM volunteer WHERE id_number_hash = :idNumberHash")
                        .param("idNumberHash", cipher.idNumberHash(idNumber))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Destroys the volunteer's personal details (name, phone, ID number, hardship flag and their hashes, a guardian's
     * consent), their skills, languages and fine home area; the row stays, marked erased, for their hours and points.
     * False when there is no such volunteer or they were erased already.
     */
    public boolean erase(UUID id, Instant now) {
        jdbc.sql("DELETE FROM volunteer_guardian_consent WHERE volunteer_id = :id")
                .param("id", id)
                .update();
        // Certificate numbers of qualifications recorded by staff are theirs too; the qualifications stay, anonymous.
        jdbc.sql("UPDATE volunteer_qualification SET certificate_sealed = NULL WHERE volunteer_id = :id")
                .param("id", id)
                .update();
        return jdbc.sql("UPDATE volunteer SET name_sealed = NULL, phone_sealed = NULL, phone_hash = NULL,"
                                + " id_number_sealed = NULL, id_number_hash = NULL, hardship_sealed = NULL,"
                                + " skills = '{}', languages = '{}', grid_id = NULL, geohash = NULL, young_old = false,"
                                + " erased_at = :now, updated_at = :now WHERE id = :id AND erased_at IS NULL")
                        .param("now", Timestamp.from(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    public boolean hasGuardianConsent(UUID id) {
        return jdbc.sql("SELECT count(*) FROM volunteer_guardian_consent WHERE volunteer_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public void updateFlags(UUID id, boolean youngOld, boolean inHardship, Instant now) {
        jdbc.sql(
                        "UPDATE volunteer SET young_old = :youngOld, hardship_sealed = :hardshipSealed, updated_at = :updatedAt WHERE id = :id")
                .param("youngOld", youngOld)
                .param("hardshipSealed", cipher.sealHardship(id, inHardship))
                .param("updatedAt", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    /** Whether the volunteer serves the station (see {@link #SERVES_STATION}). */
    public boolean serves(UUID id, UUID station) {
        return jdbc.sql("SELECT count(*) FROM volunteer v WHERE v.id = :id AND " + SERVES_STATION)
                        .param("id", id)
                        .param("station", station)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Writes one read of the volunteer's details to the access log: who, why, what. */
    public void logAccess(UUID volunteerId, String actor, String reason, String action, Instant at) {
        jdbc.sql("INSERT INTO volunteer_access (volunteer_id, actor, reason, action, accessed_at) "
                        + "VALUES (:volunteerId, :actor, :reason, :action, :accessedAt)")
                .param("volunteerId", volunteerId)
                .param("actor", actor)
                .param("reason", reason)
                .param("action", action)
                .param("accessedAt", Timestamp.from(at))
                .update();
    }

    public record Access(UUID volunteerId, String actor, String reason, String action, Instant accessedAt) {}

    public List<Access> accessLog(UUID volunteerId) {
        return jdbc.sql(
                        "SELECT volunteer_id, actor, reason, action, accessed_at FROM volunteer_access WHERE volunteer_id = :volunteerId ORDER BY id")
                .param("volunteerId", volunteerId)
                .query((rs, n) -> new Access(
                        rs.getObject("volunteer_id", UUID.class),
                        rs.getString("actor"),
                        rs.getString("reason"),
                        rs.getString("action"),
                        rs.getTimestamp("accessed_at").toInstant()))
                .list();
    }

    /** Replaces the volunteer's skills and languages. */
    public void updateSkills(UUID id, List<Skill> skills, List<String> languages, Instant now) {
        jdbc.sql(
                        "UPDATE volunteer SET skills = :skills::text[], languages = :languages::text[], updated_at = :updatedAt "
                                + "WHERE id = :id")
                .param("skills", textArray(skills.stream().map(Enum::name).toList()))
                .param("languages", textArray(languages))
                .param("updatedAt", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    /** The volunteer, with their row locked until the transaction ends: changes of one volunteer one after the other. */
    public Optional<Volunteer> findForUpdate(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM volunteer WHERE id = :id AND erased_at IS NULL FOR UPDATE")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    public Optional<Volunteer> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM volunteer WHERE id = :id AND erased_at IS NULL")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    public boolean erased(UUID id) {
        return jdbc.sql("SELECT count(*) FROM volunteer WHERE id = :id AND erased_at IS NOT NULL")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public boolean exists(UUID id) {
        return jdbc.sql("SELECT count(*) FROM volunteer WHERE id = :id AND erased_at IS NULL")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Volunteers by community, skill and team, and serving the station; each filter only when given. */
    public List<Volunteer> search(UUID communityId, Skill skill, UUID teamId, UUID station, int limit, int offset) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM volunteer v WHERE erased_at IS NULL AND (CAST(:community AS uuid) IS NULL OR community_id = :community)"
                        + " AND (CAST(:station AS uuid) IS NULL OR " + SERVES_STATION + ")"
                        + " AND (CAST(:skill AS text) IS NULL OR skills @> ARRAY[CAST(:skill AS text)])"
                        + " AND (CAST(:team AS uuid) IS NULL OR EXISTS (SELECT 1 FROM team_member m WHERE m.volunteer_id = v.id AND m.team_id = :team))"
                        + " ORDER BY registered_at, id LIMIT :limit OFFSET :offset")
                .param("community", communityId)
                .param("skill", skill == null ? null : skill.name())
                .param("team", teamId)
                .param("station", station)
                .param("limit", limit)
                .param("offset", offset)
                .query(this::map)
                .list();
    }

    private Volunteer map(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        byte[] phone = rs.getBytes("phone_sealed");
        byte[] idSealed = rs.getBytes("id_number_sealed");
        String idNumber = idSealed == null ? null : cipher.openIdNumber(id, idSealed);
        LocalDate today = LocalDate.now(clock.withZone(SHANGHAI));
        LocalDate birthDate = idNumber == null
                ? null
                : ResidentIdNumber.parse(idNumber, LocalDate.MAX).birthDate();
        HomeArea home = new HomeArea(
                rs.getString("district_code"),
                rs.getString("street_code"),
                rs.getObject("home_community_id", UUID.class),
                rs.getObject("grid_id", UUID.class),
                rs.getString("geohash"));
        return new Volunteer(
                id,
                openName(id, rs.getBytes("name_sealed")),
                phone == null ? null : cipher.openPhone(id, phone),
                idNumber,
                birthDate,
                rs.getObject("community_id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                home,
                strings(rs.getArray("skills")).stream().map(Skill::valueOf).toList(),
                strings(rs.getArray("languages")),
                birthDate == null ? rs.getBoolean("young_old") : ResidentIdNumber.youngOld(birthDate, today),
                rs.getBytes("hardship_sealed") != null && cipher.openHardship(id, rs.getBytes("hardship_sealed")),
                rs.getTimestamp("registered_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private String openName(UUID id, byte[] sealed) {
        return sealed == null ? null : cipher.openName(id, sealed);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** A text[] literal for a {@code :name::text[]} parameter. */
    static String textArray(List<String> values) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"')
                    .append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return sb.append('}').toString();
    }
}
