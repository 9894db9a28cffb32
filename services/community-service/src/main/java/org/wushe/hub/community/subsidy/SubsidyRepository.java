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
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        a.id(),
                        a.gridId(),
                        a.communityId(),
                        a.residentId(),
                        a.kind().name(),
                        a.status().name(),
                        a.submittedOn(),
                        a.decidedOn(),
                        a.note(),
                        a.revision(),
                        a.createdBy(),
                        Timestamp.from(a.createdAt()),
                        Timestamp.from(a.updatedAt()))
                .update();
    }

    void update(SubsidyApplication a) {
        jdbc.sql(
                        "UPDATE grid_subsidy_application SET status = ?, submitted_on = ?, decided_on = ?, revision = ?, updated_at = ? WHERE id = ?")
                .params(
                        a.status().name(),
                        a.submittedOn(),
                        a.decidedOn(),
                        a.revision(),
                        Timestamp.from(a.updatedAt()),
                        a.id())
                .update();
    }

    Optional<SubsidyApplication> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM grid_subsidy_application WHERE id = ?")
                .param(id)
                .query(SubsidyRepository::map)
                .optional();
    }

    Optional<SubsidyApplication> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM grid_subsidy_application WHERE id = ? FOR UPDATE")
                .param(id)
                .query(SubsidyRepository::map)
                .optional();
    }

    List<SubsidyApplication> ofGrid(UUID gridId) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM grid_subsidy_application WHERE grid_id = ? ORDER BY updated_at DESC")
                .param(gridId)
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
