package org.wushe.hub.socialworker.needs;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Residents' voice as centre reports count it (居民): micro-wishes sent (WishSubmitted), ratings of fulfilled needs
 * (ServiceRated, once per need) and the follow-up visits of low ones recorded (FollowUpRecorded). Ids, places, stars and
 * times only; applying an event twice leaves the rows as they were.
 */
@Repository
public class ResidentFacts {

    private final JdbcClient jdbc;

    public ResidentFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void wish(UUID wishId, UUID communityId, UUID stationId, Instant at) {
        jdbc.sql("INSERT INTO wish_fact (wish_id, community_id, station_id, submitted_at) "
                        + "VALUES (:wishId, :communityId, :stationId, :at) ON CONFLICT (wish_id) DO NOTHING")
                .param("wishId", wishId)
                .param("communityId", communityId)
                .param("stationId", stationId)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** A need is rated once: a second rating event of the same need (there is none) would change nothing. */
    public void rated(UUID needId, UUID stationId, UUID communityId, int stars, boolean followUpOpened, Instant at) {
        jdbc.sql("INSERT INTO rating_fact (need_id, station_id, community_id, stars, follow_up_opened, rated_at) "
                        + "VALUES (:needId, :stationId, :communityId, :stars, :followUpOpened, :at) "
                        + "ON CONFLICT (need_id) DO NOTHING")
                .param("needId", needId)
                .param("stationId", stationId)
                .param("communityId", communityId)
                .param("stars", stars)
                .param("followUpOpened", followUpOpened)
                .param("at", Timestamp.from(at))
                .update();
    }

    public void followUp(UUID followUpId, UUID needId, UUID stationId, UUID communityId, Instant at) {
        jdbc.sql("INSERT INTO follow_up_fact (follow_up_id, need_id, station_id, community_id, recorded_at) "
                        + "VALUES (:followUpId, :needId, :stationId, :communityId, :at) "
                        + "ON CONFLICT (follow_up_id) DO NOTHING")
                .param("followUpId", followUpId)
                .param("needId", needId)
                .param("stationId", stationId)
                .param("communityId", communityId)
                .param("at", Timestamp.from(at))
                .update();
    }
}
