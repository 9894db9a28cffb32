package org.wushe.hub.volunteer.qualification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.hub.events.volunteer.QualificationSource;

/** The catalogue ({@code qualification}) and volunteers' qualifications ({@code volunteer_qualification}). */
@Repository
class QualificationRepository {

    private final JdbcClient jdbc;

    QualificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Qualification> all() {
        return jdbc.sql("SELECT * FROM qualification ORDER BY code")
                .query(QualificationRepository::qualification)
                .list();
    }

    Optional<Qualification> find(String code) {
        return jdbc.sql("SELECT * FROM qualification WHERE code = :code")
                .param("code", code)
                .query(QualificationRepository::qualification)
                .optional();
    }

    /** False when the code is in the catalogue already. */
    boolean insert(Qualification q) {
        return jdbc.sql("""
                        INSERT INTO qualification (code, name_zh, name_en, validity_months, created_by, created_at)
                        VALUES (:code, :nameZh, :nameEn, :validityMonths, :createdBy, :createdAt) ON CONFLICT (code) DO NOTHING""")
                        .param("code", q.code())
                        .param("nameZh", q.nameZh())
                        .param("nameEn", q.nameEn())
                        .param("validityMonths", q.validityMonths())
                        .param("createdBy", q.createdBy())
                        .param("createdAt", Timestamp.from(q.createdAt()))
                        .update()
                == 1;
    }

    /** False when the grant's sign-up granted already (a second check-out, a correction, a retry). */
    boolean insert(VolunteerQualification g) {
        return jdbc.sql("""
                        INSERT INTO volunteer_qualification (id, volunteer_id, code, source, granted_at, valid_until,
                            activity_id, sign_up_id, certificate_sealed, recorded_by, recorded_at)
                        VALUES (:id, :volunteerId, :code, :source, :grantedAt, :validUntil, :activityId, :signUpId,
                            :certificateSealed, :recordedBy, :recordedAt) ON CONFLICT (sign_up_id) DO NOTHING""")
                        .param("id", g.id())
                        .param("volunteerId", g.volunteerId())
                        .param("code", g.code())
                        .param("source", g.source().name())
                        .param("grantedAt", Timestamp.from(g.grantedAt()))
                        .param("validUntil", Timestamp.from(g.validUntil()))
                        .param("activityId", g.activityId())
                        .param("signUpId", g.signUpId())
                        .param("certificateSealed", g.certificateSealed())
                        .param("recordedBy", g.recordedBy())
                        .param("recordedAt", Timestamp.from(g.recordedAt()))
                        .update()
                == 1;
    }

    /** The volunteer's qualifications, the latest valid first. */
    List<VolunteerQualification> of(UUID volunteerId) {
        return jdbc.sql(
                        "SELECT * FROM volunteer_qualification WHERE volunteer_id = :volunteerId ORDER BY valid_until DESC, id")
                .param("volunteerId", volunteerId)
                .query(QualificationRepository::grant)
                .list();
    }

    /** The latest validity of the volunteer's grants of {@code code} obtained by {@code at}, if any. */
    Optional<Instant> validUntil(UUID volunteerId, String code, Instant at) {
        return jdbc.sql("""
                        SELECT max(valid_until) FROM volunteer_qualification
                        WHERE volunteer_id = :volunteerId AND code = :code AND granted_at <= :at""")
                .param("volunteerId", volunteerId)
                .param("code", code)
                .param("at", Timestamp.from(at))
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .single();
    }

    private static Qualification qualification(ResultSet rs, int n) throws SQLException {
        return new Qualification(
                rs.getString("code"),
                rs.getString("name_zh"),
                rs.getString("name_en"),
                rs.getInt("validity_months"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static VolunteerQualification grant(ResultSet rs, int n) throws SQLException {
        return new VolunteerQualification(
                rs.getObject("id", UUID.class),
                rs.getObject("volunteer_id", UUID.class),
                rs.getString("code"),
                QualificationSource.valueOf(rs.getString("source")),
                rs.getTimestamp("granted_at").toInstant(),
                rs.getTimestamp("valid_until").toInstant(),
                rs.getObject("activity_id", UUID.class),
                rs.getObject("sign_up_id", UUID.class),
                rs.getBytes("certificate_sealed"),
                rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
