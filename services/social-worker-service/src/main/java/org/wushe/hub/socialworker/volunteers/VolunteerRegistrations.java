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
                                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (volunteer_id) DO NOTHING")
                        .params(
                                volunteerId,
                                communityId,
                                homeCommunityId,
                                gridId,
                                Timestamp.from(registeredAt),
                                eventId)
                        .update()
                == 1;
    }

    /** Volunteers who registered in [from, to) with one of the communities (or, with none named, live in one). */
    public int countRecruited(Collection<UUID> communities, Instant from, Instant to) {
        if (communities.isEmpty()) {
            return 0;
        }
        return jdbc.sql(
                        "SELECT count(*) FROM volunteer_registration WHERE coalesce(community_id, home_community_id) = ANY (?) "
                                + "AND registered_at >= ? AND registered_at < ?")
                .params(communities.toArray(UUID[]::new), Timestamp.from(from), Timestamp.from(to))
                .query(Integer.class)
                .single();
    }
}
