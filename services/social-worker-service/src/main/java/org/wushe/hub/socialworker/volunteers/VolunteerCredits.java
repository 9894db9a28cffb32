package org.wushe.hub.socialworker.volunteers;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Volunteer hours and the points they earned, for centre reports: minutes, station, match and day of
 * each credit; points of each award and the credit behind it. Keyed by the volunteer service's own ids,
 * so a second event for the same credit or ledger transaction adds nothing.
 */
@Repository
public class VolunteerCredits {

    private final JdbcClient jdbc;

    public VolunteerCredits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void hours(
            UUID creditId,
            UUID volunteerId,
            int minutes,
            String source,
            UUID matchId,
            UUID stationId,
            LocalDate servedOn,
            Instant creditedAt) {
        jdbc.sql(
                        "INSERT INTO hours_credit (credit_id, volunteer_id, minutes, source, match_id, station_id, served_on, credited_at) "
                                + "VALUES (:creditId, :volunteerId, :minutes, :source, :matchId, :stationId, :servedOn, :creditedAt) "
                                + "ON CONFLICT (credit_id) DO NOTHING")
                .param("creditId", creditId)
                .param("volunteerId", volunteerId)
                .param("minutes", Math.max(0, minutes))
                .param("source", source)
                .param("matchId", matchId)
                .param("stationId", stationId)
                .param("servedOn", Date.valueOf(servedOn))
                .param("creditedAt", Timestamp.from(creditedAt))
                .update();
    }

    public void points(UUID transactionId, UUID volunteerId, UUID creditId, long points, Instant awardedAt) {
        jdbc.sql("INSERT INTO points_award (transaction_id, volunteer_id, credit_id, points, awarded_at) "
                        + "VALUES (:transactionId, :volunteerId, :creditId, :points, :awardedAt) "
                        + "ON CONFLICT (transaction_id) DO NOTHING")
                .param("transactionId", transactionId)
                .param("volunteerId", volunteerId)
                .param("creditId", creditId)
                .param("points", points)
                .param("awardedAt", Timestamp.from(awardedAt))
                .update();
    }
}
