package org.wushe.hub.volunteer.activity;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.events.common.ActivityDetails;
import org.wushe.hub.schemas.ActivityVenueContract;

/**
 * An activity's venue as reserved through the saga (#15 item 1). Publishing or changing an activity that names a venue
 * offer asks the resource service for the activity's window there for its people ({@link ActivityVenueContract#people});
 * the resource service reads {@code ActivityPublished}/{@code ActivityChanged} and answers on {@code wushe.resource.offer}
 * with {@code activityId} set: {@code ResourceReserved} makes the venue RESERVED here, {@code ResourceReservationFailed}
 * REFUSED with the reason, {@code ResourceReleased} (cancelled, or the provider withdrew) RELEASED.
 *
 * <p>An answer counts only when it is about what was last asked (the same offer, window and people), so a late answer
 * to an earlier request changes nothing; the answers about one offer arrive in the order they were made (one
 * partition), so the last one stands. A release because the activity changed ({@code ACTIVITY_CHANGED}) is always
 * followed by the answer to the new request, and is not shown. A change that keeps the venue, the window and the people
 * keeps the reservation, as the resource service does; after a refusal or a release it asks again, as the resource
 * service, holding nothing for the activity, tries again.
 */
@Service
public class ActivityVenues {

    private static final Logger log = LoggerFactory.getLogger(ActivityVenues.class);

    /** What the API shows of the venue's reservation. */
    public record VenueView(UUID offerId, Status status, String reason, Instant updatedAt) {}

    public enum Status {
        /** Asked of the resource service, no answer yet (预留中). */
        PENDING,
        /** The venue's window is held for the activity (已预留). */
        RESERVED,
        /** The resource service refused it; the reason says why (e.g. SLOT_TAKEN: another booked it) (未能预留). */
        REFUSED,
        /** Given back: the activity was cancelled, or the provider withdrew the venue (已释放). */
        RELEASED
    }

    /** What an answer is about: the offer, the window and the people it reserved, refused or released. */
    public record Asked(UUID offerId, Instant startsAt, Instant endsAt, int people) {}

    private final JdbcClient jdbc;

    public ActivityVenues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The activity with these details was published or changed, in the transaction that writes its event: ask for the
     * venue when something it cares about changed, or again after a refusal or a release.
     */
    void asked(UUID activityId, ActivityDetails details, Instant now) {
        UUID offer = details.getVenueOfferId();
        // The events carry milliseconds; what is asked is compared with the answers' windows, so it is kept the same.
        Instant starts = details.getTimeWindow().getStart().truncatedTo(ChronoUnit.MILLIS);
        Instant ends = details.getTimeWindow().getEnd().truncatedTo(ChronoUnit.MILLIS);
        if (offer == null || !ends.isAfter(now)) {
            jdbc.sql("DELETE FROM activity_venue WHERE activity_id = :a")
                    .param("a", activityId)
                    .update();
            return;
        }
        jdbc.sql("""
                        INSERT INTO activity_venue (activity_id, offer_id, starts_at, ends_at, people, status, updated_at)
                        VALUES (:a, :offer, :starts, :ends, :people, 'PENDING', :now)
                        ON CONFLICT (activity_id) DO UPDATE SET offer_id = excluded.offer_id, starts_at = excluded.starts_at,
                            ends_at = excluded.ends_at, people = excluded.people, status = 'PENDING', reason = NULL,
                            updated_at = excluded.updated_at
                        WHERE (activity_venue.offer_id, activity_venue.starts_at, activity_venue.ends_at, activity_venue.people)
                              IS DISTINCT FROM (excluded.offer_id, excluded.starts_at, excluded.ends_at, excluded.people)
                           OR activity_venue.status IN ('REFUSED', 'RELEASED')
                        """)
                .param("a", activityId)
                .param("offer", offer)
                .param("starts", Timestamp.from(starts))
                .param("ends", Timestamp.from(ends))
                .param("people", ActivityVenueContract.people(details))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The resource service's answer about the activity's venue; false when it is not about what was last asked. */
    @Transactional
    public boolean answered(UUID activityId, Asked about, Status status, String reason, Instant at) {
        int changed = jdbc.sql("""
                        UPDATE activity_venue SET status = :status, reason = :reason, updated_at = :at
                        WHERE activity_id = :a AND offer_id = :offer AND starts_at = :starts AND ends_at = :ends
                          AND people = :people
                        """)
                .param("status", status.name())
                .param("reason", reason)
                .param("at", Timestamp.from(at))
                .param("a", activityId)
                .param("offer", about.offerId())
                .param("starts", about.startsAt() == null ? null : Timestamp.from(about.startsAt()))
                .param("ends", about.endsAt() == null ? null : Timestamp.from(about.endsAt()))
                .param("people", about.people())
                .update();
        if (changed == 0) {
            log.debug(
                    "Venue answer {} for activity {} is not about what was last asked ({}); ignored",
                    status,
                    activityId,
                    about);
        } else {
            log.info(
                    "Venue of activity {} (offer {}): {}{}",
                    activityId,
                    about.offerId(),
                    status,
                    reason == null ? "" : " " + reason);
        }
        return changed > 0;
    }

    @Transactional(readOnly = true)
    public Optional<VenueView> of(UUID activityId) {
        return jdbc.sql("SELECT offer_id, status, reason, updated_at FROM activity_venue WHERE activity_id = :a")
                .param("a", activityId)
                .query((rs, i) -> new VenueView(
                        rs.getObject("offer_id", UUID.class),
                        Status.valueOf(rs.getString("status")),
                        rs.getString("reason"),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }
}
