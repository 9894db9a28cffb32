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
        jdbc.sql(
                        "INSERT INTO casework (id, social_worker_id, station_id, community_id, resident_ref, category, beneficiary_group, opened_on, "
                                + "status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        c.id(),
                        c.socialWorkerId(),
                        c.stationId(),
                        c.communityId(),
                        c.residentRef(),
                        c.category().name(),
                        c.beneficiaryGroup().name(),
                        Date.valueOf(c.openedOn()),
                        c.status().name(),
                        Timestamp.from(c.createdAt()),
                        Timestamp.from(c.updatedAt()))
                .update();
    }

    public void close(Case c) {
        jdbc.sql("UPDATE casework SET status = ?, outcome = ?, closed_on = ?, updated_at = ? WHERE id = ?")
                .params(
                        c.status().name(),
                        c.outcome().name(),
                        Date.valueOf(c.closedOn()),
                        Timestamp.from(c.updatedAt()),
                        c.id())
                .update();
    }

    public void insertNote(CaseNote n) {
        jdbc.sql(
                        "INSERT INTO case_note (id, case_id, author_id, kind, text_sealed, written_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        n.id(),
                        n.caseId(),
                        n.authorId(),
                        n.kind().name(),
                        seal.seal(NoteSeal.Place.CASE_NOTE, n.id(), n.text()),
                        Timestamp.from(n.writtenAt()))
                .update();
    }

    /** The case's notes, opened (sealed at rest). */
    public List<CaseNote> notes(UUID caseId) {
        return jdbc.sql(
                        "SELECT id, case_id, author_id, kind, text_sealed, written_at FROM case_note WHERE case_id = ? ORDER BY written_at, id")
                .param(caseId)
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
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework c WHERE c.id = ?")
                .param(id)
                .query(CaseRepository::map)
                .optional();
    }

    public Optional<Case> findForUpdate(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework c WHERE c.id = ? FOR UPDATE OF c")
                .param(id)
                .query(CaseRepository::map)
                .optional();
    }

    public boolean openFor(UUID stationId, UUID residentRef) {
        return jdbc.sql("SELECT count(*) FROM casework WHERE station_id = ? AND resident_ref = ? AND status = 'OPEN'")
                        .params(stationId, residentRef)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public List<Case> list(Filter f, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM casework c WHERE (?::uuid IS NULL OR c.social_worker_id = ?) "
                        + "AND (?::uuid IS NULL OR c.station_id = ?) AND (?::uuid IS NULL OR c.resident_ref = ?) "
                        + "AND (?::text IS NULL OR c.status = ?) ORDER BY c.opened_on DESC, c.id OFFSET ? LIMIT ?")
                .params(
                        f.socialWorkerId(),
                        f.socialWorkerId(),
                        f.stationId(),
                        f.stationId(),
                        f.residentRef(),
                        f.residentRef(),
                        f.status() == null ? null : f.status().name(),
                        f.status() == null ? null : f.status().name(),
                        offset,
                        limit)
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
