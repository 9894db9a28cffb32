package org.wushe.hub.volunteer.points;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Points accounts, and the row lock that serializes every change of one account's balance. */
@Repository
public class PointsAccounts {

    private static final String COLUMNS =
            "id, kind, volunteer_id, holder, sponsor_volunteer_id, resident_ref, label, created_at";

    private final JdbcClient jdbc;

    public PointsAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void openForVolunteer(UUID volunteerId, Instant now) {
        jdbc.sql("INSERT INTO points_account (id, kind, volunteer_id, holder, created_at) "
                        + "VALUES (:volunteerId, 'VOLUNTEER', :volunteerId, 'VOLUNTEER', :createdAt)")
                .param("volunteerId", volunteerId)
                .param("createdAt", Timestamp.from(now))
                .update();
    }

    public void openTimeBank(Account a) {
        jdbc.sql(
                        "INSERT INTO points_account (" + COLUMNS + ") "
                                + "VALUES (:id, 'TIME_BANK', NULL, :holder, :sponsorVolunteerId, :residentRef, :label, :createdAt)")
                .param("id", a.id())
                .param("holder", a.holder().name())
                .param("sponsorVolunteerId", a.sponsorVolunteerId())
                .param("residentRef", a.residentRef())
                .param("label", a.label())
                .param("createdAt", Timestamp.from(a.createdAt()))
                .update();
    }

    public Optional<Account> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM points_account WHERE id = :id")
                .param("id", id)
                .query(PointsAccounts::map)
                .optional();
    }

    /**
     * Locks the account row until the transaction ends ({@code SELECT … FOR UPDATE}): whoever changes an
     * account's balance holds this lock first, so two redemptions cannot both spend the same points.
     */
    public Optional<Account> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM points_account WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(PointsAccounts::map)
                .optional();
    }

    private static Account map(ResultSet rs, int n) throws SQLException {
        return new Account(
                rs.getObject("id", UUID.class),
                Account.AccountKind.valueOf(rs.getString("kind")),
                rs.getObject("volunteer_id", UUID.class),
                Account.Holder.valueOf(rs.getString("holder")),
                rs.getObject("sponsor_volunteer_id", UUID.class),
                rs.getObject("resident_ref", UUID.class),
                rs.getString("label"),
                rs.getTimestamp("created_at").toInstant());
    }
}
