package org.wushe.hub.socialworker.worker;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.hub.events.common.CertificationLevel;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.socialworker.Employment;

@Repository
public class WorkerRepository {

    private static final String COLUMNS =
            "id, name, employment, certification_level, certified_on, station_id, supervisor_id, trained_locally, "
                    + "skills, languages, assigned_on, created_at, updated_at";

    private final JdbcClient jdbc;

    public WorkerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(SocialWorker w) {
        jdbc.sql("INSERT INTO social_worker (" + COLUMNS
                        + ") VALUES (:id, :name, :employment, :certificationLevel, :certifiedOn, :stationId, :supervisorId, "
                        + ":trainedLocally, :skills::text[], :languages::text[], :assignedOn, :createdAt, :updatedAt)")
                .param("id", w.id())
                .param("name", w.name())
                .param("employment", w.employment().name())
                .param("certificationLevel", w.certificationLevel().name())
                .param("certifiedOn", date(w.certifiedOn()))
                .param("stationId", w.stationId())
                .param("supervisorId", w.supervisorId())
                .param("trainedLocally", w.trainedLocally())
                .param("skills", w.skills().stream().map(Enum::name).toArray(String[]::new))
                .param("languages", w.languages().toArray(String[]::new))
                .param("assignedOn", date(w.assignedOn()))
                .param("createdAt", Timestamp.from(w.createdAt()))
                .param("updatedAt", Timestamp.from(w.updatedAt()))
                .update();
    }

    /** Every certificate a worker obtained, so that a report knows what was held on a past date. */
    public void insertCertificate(UUID workerId, CertificationLevel level, LocalDate certifiedOn) {
        jdbc.sql(
                        "INSERT INTO certificate (social_worker_id, level, certified_on) VALUES (:workerId, :level, :certifiedOn)")
                .param("workerId", workerId)
                .param("level", level.name())
                .param("certifiedOn", Date.valueOf(certifiedOn))
                .update();
    }

    public void updateCertificate(SocialWorker w) {
        jdbc.sql("UPDATE social_worker SET certification_level = :level, certified_on = :certifiedOn, "
                        + "updated_at = :updatedAt WHERE id = :id")
                .param("level", w.certificationLevel().name())
                .param("certifiedOn", date(w.certifiedOn()))
                .param("updatedAt", Timestamp.from(w.updatedAt()))
                .param("id", w.id())
                .update();
    }

    public void updateAssignment(SocialWorker w) {
        jdbc.sql("UPDATE social_worker SET station_id = :stationId, supervisor_id = :supervisorId, "
                        + "assigned_on = :assignedOn, updated_at = :updatedAt WHERE id = :id")
                .param("stationId", w.stationId())
                .param("supervisorId", w.supervisorId())
                .param("assignedOn", date(w.assignedOn()))
                .param("updatedAt", Timestamp.from(w.updatedAt()))
                .param("id", w.id())
                .update();
    }

    public Optional<SocialWorker> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM social_worker WHERE id = :id")
                .param("id", id)
                .query(WorkerRepository::map)
                .optional();
    }

    public Optional<SocialWorker> findForUpdate(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM social_worker WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(WorkerRepository::map)
                .optional();
    }

    public List<SocialWorker> list(UUID stationId, UUID supervisorId, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM social_worker WHERE (:stationId::uuid IS NULL OR station_id = :stationId) "
                        + "AND (:supervisorId::uuid IS NULL OR supervisor_id = :supervisorId) "
                        + "ORDER BY name, id OFFSET :offset LIMIT :limit")
                .param("stationId", stationId)
                .param("supervisorId", supervisorId)
                .param("offset", offset)
                .param("limit", limit)
                .query(WorkerRepository::map)
                .list();
    }

    /** Workers assigned to any of the stations now. */
    public List<SocialWorker> atStations(Collection<UUID> stationIds) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM social_worker WHERE station_id = ANY (:stationIds) ORDER BY name, id")
                .param("stationIds", stationIds.toArray(UUID[]::new))
                .query(WorkerRepository::map)
                .list();
    }

    /** Cases the worker has open: they belong to the worker's station. */
    public int countOpenCases(UUID workerId) {
        return jdbc.sql("SELECT count(*) FROM casework WHERE social_worker_id = :workerId AND status = 'OPEN'")
                .param("workerId", workerId)
                .query(Integer.class)
                .single();
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    static SocialWorker map(ResultSet rs, int row) throws SQLException {
        Date certifiedOn = rs.getDate("certified_on");
        Date assignedOn = rs.getDate("assigned_on");
        return new SocialWorker(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                Employment.valueOf(rs.getString("employment")),
                CertificationLevel.valueOf(rs.getString("certification_level")),
                certifiedOn == null ? null : certifiedOn.toLocalDate(),
                rs.getObject("station_id", UUID.class),
                rs.getObject("supervisor_id", UUID.class),
                rs.getBoolean("trained_locally"),
                strings(rs.getArray("skills")).stream().map(Skill::valueOf).toList(),
                strings(rs.getArray("languages")),
                assignedOn == null ? null : assignedOn.toLocalDate(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
