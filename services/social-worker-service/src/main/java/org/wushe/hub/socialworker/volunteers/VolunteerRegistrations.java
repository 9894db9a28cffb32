package org.wushe.hub.socialworker.volunteers;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One row per volunteer: no personal data, only where and when they registered. */
@Repository
public class VolunteerRegistrations {

    private final JdbcClient jdbc;

    public VolunteerRegistrations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a registration. A volunteer counts once however many registration events name them
     * (a redelivered event is already stopped by the processed-event record).
     *
     * @return whether the volunteer was new here
     */
    public boolean record(
            UUID volunteerId, UUID communityId, UUID homeCommunityId, UUID gridId, Instant registeredAt, UUID eventId) {
        return jdbc.sql(
                                "INSERT INTO volunteer_registration (volunteer_id, community_id, home_community_id, grid_id, registered_at, event_id) "
                                        + "VALUES (:volunteerId, :communityId, :homeCommunityId, :gridId, :registeredAt, :eventId) "
                                        + "ON CONFLICT (volunteer_id) DO NOTHING")
                        .param("volunteerId", volunteerId)
                        .param("communityId", communityId)
                        .param("homeCommunityId", homeCommunityId)
                        .param("gridId", gridId)
                        .param("registeredAt", Timestamp.from(registeredAt))
                        .param("eventId", eventId)
                        .update()
                == 1;
    }

    /** Volunteers who registered in [from, to) with one of the communities (or, with none named, live in one). */
    public int countRecruited(Collection<UUID> communities, Instant from, Instant to) {
        if (communities.isEmpty()) {
            return 0;
        }
        return jdbc.sql(
                        "SELECT count(*) FROM volunteer_registration WHERE coalesce(community_id, home_community_id) = ANY (:communities) "
                                + "AND registered_at >= :from AND registered_at < :to")
                .param("communities", communities.toArray(UUID[]::new))
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(Integer.class)
                .single();
    }
}
