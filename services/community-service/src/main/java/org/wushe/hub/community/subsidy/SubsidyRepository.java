package org.wushe.hub.community.subsidy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SubsidyRepository {

    private static final String COLUMNS =
            "id, grid_id, community_id, resident_id, kind, status, submitted_on, decided_on, note, revision, "
                    + "created_by, created_at, updated_at";

    private final JdbcClient jdbc;

    public SubsidyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(SubsidyApplication a) {
        jdbc.sql("INSERT INTO grid_subsidy_application (" + COLUMNS
                        + ") VALUES (:id, :gridId, :communityId, :residentId, :kind, :status, :submittedOn, :decidedOn, "
                        + ":note, :revision, :createdBy, :createdAt, :updatedAt)")
                .param("id", a.id())
                .param("gridId", a.gridId())
                .param("communityId", a.communityId())
                .param("residentId", a.residentId())
                .param("kind", a.kind().name())
                .param("status", a.status().name())
                .param("submittedOn", a.submittedOn())
                .param("decidedOn", a.decidedOn())
                .param("note", a.note())
                .param("revision", a.revision())
                .param("createdBy", a.createdBy())
                .param("createdAt", Timestamp.from(a.createdAt()))
                .param("updatedAt", Timestamp.from(a.updatedAt()))
                .update();
    }

    void update(SubsidyApplication a) {
        jdbc.sql("UPDATE grid_subsidy_application SET status = :status, submitted_on = :submittedOn, "
                        + "decided_on = :decidedOn, revision = :revision, updated_at = :updatedAt WHERE id = :id")
                .param("status", a.status().name())
                .param("submittedOn", a.submittedOn())
                .param("decidedOn", a.decidedOn())
                .param("revision", a.revision())
                .param("updatedAt", Timestamp.from(a.updatedAt()))
                .param("id", a.id())
                .update();
    }

    Optional<SubsidyApplication> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM grid_subsidy_application WHERE id = :id")
                .param("id", id)
                .query(SubsidyRepository::map)
                .optional();
    }

    Optional<SubsidyApplication> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM grid_subsidy_application WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(SubsidyRepository::map)
                .optional();
    }

    List<SubsidyApplication> ofGrid(UUID gridId) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM grid_subsidy_application WHERE grid_id = :gridId ORDER BY updated_at DESC")
                .param("gridId", gridId)
                .query(SubsidyRepository::map)
                .list();
    }

    private static SubsidyApplication map(ResultSet rs, int n) throws SQLException {
        return new SubsidyApplication(
                rs.getObject("id", UUID.class),
                rs.getObject("grid_id", UUID.class),
                rs.getObject("community_id", UUID.class),
                rs.getObject("resident_id", UUID.class),
                SubsidyApplication.Kind.valueOf(rs.getString("kind")),
                SubsidyApplication.Status.valueOf(rs.getString("status")),
                rs.getObject("submitted_on", LocalDate.class),
                rs.getObject("decided_on", LocalDate.class),
                rs.getString("note"),
                rs.getInt("revision"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
