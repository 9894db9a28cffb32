package org.wushe.hub.volunteer.certificate;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Certificates as issued, and the totals of a volunteer's service records that a certificate states. */
@Repository
class CertificateRepository {

    /** Minutes and records in a period. */
    record Totals(long minutes, int records) {}

    private final JdbcClient jdbc;

    CertificateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The volunteer's service records whose day of service is in the period (either end open): grouped as the hours
     * export groups them (an activity sign-up's check-out credit and its corrections are one record; a match or
     * hand-logged credit is one), the minutes of all of them summed, the records worth more than nothing counted.
     */
    Totals totals(UUID volunteerId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT coalesce(sum(r.minutes), 0) AS minutes, count(*) FILTER (WHERE r.minutes > 0) AS records
                          FROM (SELECT sum(h.minutes) AS minutes, min(h.served_on) AS served_on
                                  FROM service_hours h
                                 WHERE h.volunteer_id = :volunteerId
                                 GROUP BY coalesce(h.sign_up_id, h.id)) r
                         WHERE (CAST(:from AS date) IS NULL OR r.served_on >= :from)
                           AND (CAST(:to AS date) IS NULL OR r.served_on <= :to)""")
                .param("volunteerId", volunteerId)
                .param("from", from == null ? null : Date.valueOf(from))
                .param("to", to == null ? null : Date.valueOf(to))
                .query((rs, n) -> new Totals(rs.getLong("minutes"), rs.getInt("records")))
                .single();
    }

    void insert(Certificate c) {
        jdbc.sql("""
                INSERT INTO certificate (id, code, volunteer_id, period_from, period_to, total_minutes, service_records,
                    stars, issuer, station_id, masked_name, issued_by, issued_at)
                VALUES (:id, :code, :volunteerId, :periodFrom, :periodTo, :totalMinutes, :serviceRecords, :stars, :issuer,
                    :stationId, :maskedName, :issuedBy, :issuedAt)""")
                .param("id", c.id())
                .param("code", c.code())
                .param("volunteerId", c.volunteerId())
                .param("periodFrom", c.periodFrom() == null ? null : Date.valueOf(c.periodFrom()))
                .param("periodTo", c.periodTo() == null ? null : Date.valueOf(c.periodTo()))
                .param("totalMinutes", c.totalMinutes())
                .param("serviceRecords", c.serviceRecords())
                .param("stars", c.stars())
                .param("issuer", c.issuer().name())
                .param("stationId", c.stationId())
                .param("maskedName", c.maskedName())
                .param("issuedBy", c.issuedBy())
                .param("issuedAt", Timestamp.from(c.issuedAt()))
                .update();
    }

    boolean codeTaken(String code) {
        return jdbc.sql("SELECT count(*) FROM certificate WHERE code = :code")
                        .param("code", code)
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<Certificate> of(UUID volunteerId) {
        return jdbc.sql("SELECT * FROM certificate WHERE volunteer_id = :volunteerId ORDER BY issued_at DESC, code")
                .param("volunteerId", volunteerId)
                .query(CertificateRepository::map)
                .list();
    }

    Optional<Certificate> of(UUID volunteerId, String code) {
        return jdbc.sql("SELECT * FROM certificate WHERE volunteer_id = :volunteerId AND code = :code")
                .param("volunteerId", volunteerId)
                .param("code", code)
                .query(CertificateRepository::map)
                .optional();
    }

    /** The certificate of {@code code}, its masked name left out once the volunteer erased their account. */
    Optional<Certificate> byCode(String code) {
        return jdbc.sql("""
                        SELECT c.id, c.code, c.volunteer_id, c.period_from, c.period_to, c.total_minutes,
                               c.service_records, c.stars, c.issuer, c.station_id, c.issued_by, c.issued_at,
                               CASE WHEN v.erased_at IS NULL THEN c.masked_name END AS masked_name
                          FROM certificate c JOIN volunteer v ON v.id = c.volunteer_id
                         WHERE c.code = :code""")
                .param("code", code)
                .query(CertificateRepository::map)
                .optional();
    }

    private static Certificate map(ResultSet rs, int n) throws SQLException {
        Date from = rs.getDate("period_from");
        Date to = rs.getDate("period_to");
        return new Certificate(
                rs.getObject("id", UUID.class),
                rs.getString("code"),
                rs.getObject("volunteer_id", UUID.class),
                from == null ? null : from.toLocalDate(),
                to == null ? null : to.toLocalDate(),
                rs.getLong("total_minutes"),
                rs.getInt("service_records"),
                rs.getInt("stars"),
                Certificate.Issuer.valueOf(rs.getString("issuer")),
                rs.getObject("station_id", UUID.class),
                rs.getString("masked_name"),
                rs.getString("issued_by"),
                rs.getTimestamp("issued_at").toInstant());
    }
}
