package org.wushe.hub.notification.watch;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code watched_activity}, {@code watched_sign_up} and {@code watched_proposal} tables. */
@Repository
public class WatchRepository {

    /** Sign-up statuses after which nothing changes. */
    static final List<String> FINAL = List.of("REJECTED", "WITHDRAWN");

    private final JdbcClient jdbc;

    public WatchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An activity published or changed: its kind and start, unless a newer event was applied already. */
    public void activity(UUID id, String kind, Instant startsAt, Instant asOf) {
        jdbc.sql(
                        "INSERT INTO watched_activity (id, kind, starts_at, cancelled, as_of) VALUES (:id, :kind, :start, false, :asOf) "
                                + "ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, starts_at = EXCLUDED.starts_at, "
                                + "as_of = EXCLUDED.as_of WHERE watched_activity.as_of <= EXCLUDED.as_of")
                .param("id", id)
                .param("kind", kind)
                .param("start", Timestamp.from(startsAt))
                .param("asOf", Timestamp.from(asOf))
                .update();
    }

    /** An activity cancelled: final, whatever arrives after. */
    public void cancelled(UUID id, Instant asOf) {
        jdbc.sql("INSERT INTO watched_activity (id, cancelled, as_of) VALUES (:id, true, :asOf) "
                        + "ON CONFLICT (id) DO UPDATE SET cancelled = true")
                .param("id", id)
                .param("asOf", Timestamp.from(asOf))
                .update();
    }

    public record Activity(UUID id, String kind, Instant startsAt, boolean cancelled) {}

    public Optional<Activity> findActivity(UUID id) {
        return jdbc.sql("SELECT id, kind, starts_at, cancelled FROM watched_activity WHERE id = :id")
                .param("id", id)
                .query((rs, i) -> new Activity(
                        rs.getObject("id", UUID.class),
                        rs.getString("kind"),
                        rs.getTimestamp("starts_at") == null
                                ? null
                                : rs.getTimestamp("starts_at").toInstant(),
                        rs.getBoolean("cancelled")))
                .optional();
    }

    /**
     * A sign-up's status as of {@code asOf}: applied unless a newer one was, or the sign-up is already rejected or
     * withdrawn (final; a final status is applied whatever its time).
     */
    public void signUp(UUID id, UUID activityId, UUID volunteerId, String status, Instant asOf) {
        jdbc.sql(
                        "INSERT INTO watched_sign_up (id, activity_id, volunteer_id, status, as_of) "
                                + "SELECT :id, :activity, :volunteer, :status, :asOf WHERE NOT EXISTS (SELECT 1 FROM "
                                + "departed_recipient WHERE recipient_kind = 'volunteer' AND recipient_id = :volunteer) "
                                + "ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, as_of = greatest(watched_sign_up.as_of, EXCLUDED.as_of) "
                                + "WHERE watched_sign_up.status NOT IN ('REJECTED', 'WITHDRAWN') "
                                + "AND (watched_sign_up.as_of <= EXCLUDED.as_of OR EXCLUDED.status IN ('REJECTED', 'WITHDRAWN'))")
                .param("id", id)
                .param("activity", activityId)
                .param("volunteer", volunteerId)
                .param("status", status)
                .param("asOf", Timestamp.from(asOf))
                .update();
    }

    /** Deletes the volunteer's watched sign-ups (they left). */
    public void forgetVolunteer(UUID volunteerId) {
        jdbc.sql("DELETE FROM watched_sign_up WHERE volunteer_id = :v")
                .param("v", volunteerId)
                .update();
    }

    /** A signed-up volunteer to remind of an activity. */
    public record Due(UUID signUpId, UUID volunteerId, UUID activityId, String kind, Instant startsAt) {}

    /**
     * Sign-ups holding a place (pending or confirmed; not waiting-listed, rejected or withdrawn) of activities not
     * cancelled that start after {@code now} and no later than {@code until}, not reminded yet; locked.
     */
    public List<Due> lockToRemind(Instant now, Instant until) {
        return jdbc.sql("SELECT s.id, s.volunteer_id, a.id AS activity_id, a.kind, a.starts_at FROM watched_sign_up s "
                        + "JOIN watched_activity a ON a.id = s.activity_id "
                        + "WHERE NOT a.cancelled AND a.starts_at > :now AND a.starts_at <= :until "
                        + "AND s.status IN ('PENDING', 'CONFIRMED') AND s.reminded_at IS NULL "
                        + "ORDER BY a.starts_at FOR UPDATE OF s SKIP LOCKED")
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(until))
                .query((rs, i) -> new Due(
                        rs.getObject("id", UUID.class),
                        rs.getObject("volunteer_id", UUID.class),
                        rs.getObject("activity_id", UUID.class),
                        rs.getString("kind"),
                        rs.getTimestamp("starts_at").toInstant()))
                .list();
    }

    public void reminded(UUID signUpId, Instant at) {
        jdbc.sql("UPDATE watched_sign_up SET reminded_at = :at WHERE id = :id")
                .param("id", signUpId)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** A proposal waiting for its station; nothing when it was closed already (a close read before it). */
    public void proposed(UUID matchId, UUID stationId, Instant expiresAt) {
        jdbc.sql(
                        "INSERT INTO watched_proposal (match_id, station_id, expires_at, open) VALUES (:id, :station, :expires, true) "
                                + "ON CONFLICT (match_id) DO NOTHING")
                .param("id", matchId)
                .param("station", stationId)
                .param("expires", expiresAt == null ? null : Timestamp.from(expiresAt))
                .update();
    }

    /** A proposal decided (accepted, declined) or escalated: final. */
    public void closed(UUID matchId, UUID stationId) {
        jdbc.sql("INSERT INTO watched_proposal (match_id, station_id, open) VALUES (:id, :station, false) "
                        + "ON CONFLICT (match_id) DO UPDATE SET open = false")
                .param("id", matchId)
                .param("station", stationId)
                .update();
    }

    public record Expiring(UUID matchId, UUID stationId, Instant expiresAt) {}

    /** Open proposals expiring after {@code now} and no later than {@code until}, not warned of yet; locked. */
    public List<Expiring> lockExpiring(Instant now, Instant until) {
        return jdbc.sql("SELECT match_id, station_id, expires_at FROM watched_proposal "
                        + "WHERE open AND warned_at IS NULL AND expires_at > :now AND expires_at <= :until "
                        + "ORDER BY expires_at FOR UPDATE SKIP LOCKED")
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(until))
                .query((rs, i) -> new Expiring(
                        rs.getObject("match_id", UUID.class),
                        rs.getObject("station_id", UUID.class),
                        rs.getTimestamp("expires_at").toInstant()))
                .list();
    }

    public void warned(UUID matchId, Instant at) {
        jdbc.sql("UPDATE watched_proposal SET warned_at = :at WHERE match_id = :id")
                .param("id", matchId)
                .param("at", Timestamp.from(at))
                .update();
    }
}
