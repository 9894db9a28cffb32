package org.wushe.hub.socialworker.caseload;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.socialworker.CaseOutcome;
import org.wushe.hub.socialworker.notes.NoteSeal;

@Repository
public class CaseRepository {

    private static final String COLUMNS =
            "c.id, c.social_worker_id, c.station_id, c.community_id, c.resident_ref, c.category, c.beneficiary_group, "
                    + "c.opened_on, c.status, c.outcome, c.closed_on, c.created_at, c.updated_at, "
                    + "(SELECT count(*) FROM case_note n WHERE n.case_id = c.id AND n.kind = 'SESSION') AS session_count";

    public record Filter(UUID socialWorkerId, UUID stationId, UUID residentRef, Case.Status status) {}

    private final JdbcClient jdbc;
    private final NoteSeal seal;

    public CaseRepository(JdbcClient jdbc, NoteSeal seal) {
        this.jdbc = jdbc;
        this.seal = seal;
    }

    public void insert(Case c) {
        jdbc.sql("INSERT INTO casework (id, social_worker_id, station_id, community_id, resident_ref, category, "
                        + "beneficiary_group, opened_on, status, created_at, updated_at) VALUES (:id, :socialWorkerId, "
                        + ":stationId, :communityId, :residentRef, :category, :beneficiaryGroup, :openedOn, :status, "
                        + ":createdAt, :updatedAt)")
                .param("id", c.id())
                .param("socialWorkerId", c.socialWorkerId())
                .param("stationId", c.stationId())
                .param("communityId", c.communityId())
                .param("residentRef", c.residentRef())
                .param("category", c.category().name())
                .param("beneficiaryGroup", c.beneficiaryGroup().name())
                .param("openedOn", Date.valueOf(c.openedOn()))
                .param("status", c.status().name())
                .param("createdAt", Timestamp.from(c.createdAt()))
                .param("updatedAt", Timestamp.from(c.updatedAt()))
                .update();
    }

    public void close(Case c) {
        jdbc.sql("UPDATE casework SET status = :status, outcome = :outcome, closed_on = :closedOn, "
                        + "updated_at = :updatedAt WHERE id = :id")
                .param("status", c.status().name())
                .param("outcome", c.outcome().name())
                .param("closedOn", Date.valueOf(c.closedOn()))
                .param("updatedAt", Timestamp.from(c.updatedAt()))
                .param("id", c.id())
                .update();
    }

    public void insertNote(CaseNote n) {
        jdbc.sql("INSERT INTO case_note (id, case_id, author_id, kind, text_sealed, written_at) "
                        + "VALUES (:id, :caseId, :authorId, :kind, :text, :writtenAt)")
                .param("id", n.id())
                .param("caseId", n.caseId())
                .param("authorId", n.authorId())
                .param("kind", n.kind().name())
                .param("text", seal.seal(NoteSeal.Place.CASE_NOTE, n.id(), n.text()))
                .param("writtenAt", Timestamp.from(n.writtenAt()))
                .update();
    }

    /** The case's notes, opened (sealed at rest). */
    public List<CaseNote> notes(UUID caseId) {
        return jdbc.sql(
                        "SELECT id, case_id, author_id, kind, text_sealed, written_at FROM case_note WHERE case_id = :caseId ORDER BY written_at, id")
                .param("caseId", caseId)
                .query((rs, row) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new CaseNote(
                            id,
                            rs.getObject("case_id", UUID.class),
                            rs.getObject("author_id", UUID.class),
                            CaseNote.Kind.valueOf(rs.getString("kind")),
                            seal.open(NoteSeal.Place.CASE_NOTE, id, rs.getBytes("text_sealed")),
                            rs.getTimestamp("written_at").toInstant());
                })
                .list();
    }

    public Optional<Case> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework c WHERE c.id = :id")
                .param("id", id)
                .query(CaseRepository::map)
                .optional();
    }

    public Optional<Case> findForUpdate(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework c WHERE c.id = :id FOR UPDATE OF c")
                .param("id", id)
                .query(CaseRepository::map)
                .optional();
    }

    public boolean openFor(UUID stationId, UUID residentRef) {
        return jdbc.sql(
                                "SELECT count(*) FROM casework WHERE station_id = :stationId AND resident_ref = :residentRef AND status = 'OPEN'")
                        .param("stationId", stationId)
                        .param("residentRef", residentRef)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public List<Case> list(Filter f, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework c "
                        + "WHERE (:socialWorkerId::uuid IS NULL OR c.social_worker_id = :socialWorkerId) "
                        + "AND (:stationId::uuid IS NULL OR c.station_id = :stationId) "
                        + "AND (:residentRef::uuid IS NULL OR c.resident_ref = :residentRef) "
                        + "AND (:status::text IS NULL OR c.status = :status) "
                        + "ORDER BY c.opened_on DESC, c.id OFFSET :offset LIMIT :limit")
                .param("socialWorkerId", f.socialWorkerId())
                .param("stationId", f.stationId())
                .param("residentRef", f.residentRef())
                .param("status", f.status() == null ? null : f.status().name())
                .param("offset", offset)
                .param("limit", limit)
                .query(CaseRepository::map)
                .list();
    }

    static Case map(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        Date closedOn = rs.getDate("closed_on");
        return new Case(
                rs.getObject("id", UUID.class),
                rs.getObject("social_worker_id", UUID.class),
                rs.getObject("station_id", UUID.class),
                rs.getObject("community_id", UUID.class),
                rs.getObject("resident_ref", UUID.class),
                Category.valueOf(rs.getString("category")),
                BeneficiaryGroup.valueOf(rs.getString("beneficiary_group")),
                rs.getDate("opened_on").toLocalDate(),
                Case.Status.valueOf(rs.getString("status")),
                outcome == null ? null : CaseOutcome.valueOf(outcome),
                closedOn == null ? null : closedOn.toLocalDate(),
                rs.getInt("session_count"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
