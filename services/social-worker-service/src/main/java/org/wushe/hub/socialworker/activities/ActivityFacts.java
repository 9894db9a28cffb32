package org.wushe.hub.socialworker.activities;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the reports need to know of activities and attendances, written as their events arrive. An activity's events
 * share its key and come in order, but a replay or a late redelivery may bring an older one after a newer one: the
 * details keep the highest revision, a cancellation stays, an attendance keeps its latest event by occurredAt.
 */
@Repository
public class ActivityFacts {

    private final JdbcClient jdbc;

    public ActivityFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * ActivityPublished or ActivityChanged: the activity as it is at {@code revision}; an older revision than the one
     * kept changes nothing.
     */
    public void details(
            UUID activityId,
            int revision,
            String publisherKind,
            UUID publisherId,
            UUID communityId,
            String kind,
            Instant startsAt) {
        boolean station = "STATION".equals(publisherKind);
        boolean community = "COMMUNITY".equals(publisherKind);
        jdbc.sql(
                        "INSERT INTO activity_fact (activity_id, details_revision, publisher_kind, publisher_id, station_id, community_id, kind, starts_at) "
                                + "VALUES (:activityId, :revision, :publisherKind, :publisherId, :stationId, :communityId, :kind, :startsAt) "
                                + "ON CONFLICT (activity_id) DO UPDATE SET details_revision = excluded.details_revision, "
                                + "publisher_kind = excluded.publisher_kind, publisher_id = excluded.publisher_id, "
                                + "station_id = excluded.station_id, community_id = excluded.community_id, kind = excluded.kind, "
                                + "starts_at = excluded.starts_at "
                                + "WHERE activity_fact.details_revision IS NULL OR activity_fact.details_revision < excluded.details_revision")
                .param("activityId", activityId)
                .param("revision", revision)
                .param("publisherKind", publisherKind)
                .param("publisherId", publisherId)
                .param("stationId", station ? publisherId : null)
                .param("communityId", community ? publisherId : communityId)
                .param("kind", kind)
                .param("startsAt", Timestamp.from(startsAt))
                .update();
    }

    /** ActivityCancelled: the activity is not held, whatever order its other events are read in. */
    public void cancelled(UUID activityId) {
        jdbc.sql("INSERT INTO activity_fact (activity_id, cancelled) VALUES (:activityId, true) "
                        + "ON CONFLICT (activity_id) DO UPDATE SET cancelled = true")
                .param("activityId", activityId)
                .update();
    }

    /**
     * VolunteerCheckedOut: the attendance with its credited minutes; a correction (a later event) replaces them, an
     * event older than the one kept changes nothing.
     */
    public void checkedOut(
            UUID signUpId,
            UUID activityId,
            UUID volunteerId,
            int creditedMinutes,
            Instant checkedOutAt,
            Instant occurredAt) {
        jdbc.sql(
                        "INSERT INTO attendance_fact (sign_up_id, activity_id, volunteer_id, credited_minutes, checked_out_at, occurred_at) "
                                + "VALUES (:signUpId, :activityId, :volunteerId, :minutes, :checkedOutAt, :occurredAt) "
                                + "ON CONFLICT (sign_up_id) DO UPDATE SET credited_minutes = excluded.credited_minutes, "
                                + "checked_out_at = excluded.checked_out_at, occurred_at = excluded.occurred_at "
                                + "WHERE attendance_fact.occurred_at < excluded.occurred_at")
                .param("signUpId", signUpId)
                .param("activityId", activityId)
                .param("volunteerId", volunteerId)
                .param("minutes", Math.max(0, creditedMinutes))
                .param("checkedOutAt", Timestamp.from(checkedOutAt))
                .param("occurredAt", Timestamp.from(occurredAt))
                .update();
    }
}
