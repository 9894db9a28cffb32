package org.wushe.hub.socialworker.needs;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What centre reports need to know of a need, written as its events arrive. The need and match topics
 * are read by two consumers, so a need's events come in any order: each one fills its own column,
 * every time keeps the earliest (PostgreSQL's {@code least} passes over nulls), and the station named
 * by NeedPublished wins over the one a match event brought first. Applying an event twice leaves the
 * row as it was.
 */
@Repository
public class NeedFacts {

    private final JdbcClient jdbc;

    public NeedFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * NeedPublished, with where the need came from ({@code source}: GRID_REPORT, MICRO_WISH, …) and, for a need raised
     * from a patrol's finding, the finding ({@code hazardId}; null otherwise).
     */
    public void published(UUID needId, UUID stationId, UUID communityId, String source, UUID hazardId, Instant at) {
        jdbc.sql("INSERT INTO need_fact (need_id, station_id, community_id, source, hazard_id, published_at) "
                        + "VALUES (:needId, :stationId, :communityId, :source, :hazardId, :at) "
                        + "ON CONFLICT (need_id) DO UPDATE SET station_id = excluded.station_id, community_id = excluded.community_id, "
                        + "source = excluded.source, hazard_id = excluded.hazard_id, "
                        + "published_at = least(need_fact.published_at, excluded.published_at)")
                .param("needId", needId)
                .param("stationId", stationId)
                .param("communityId", communityId)
                .param("source", source)
                .param("hazardId", hazardId)
                .param("at", ts(at))
                .update();
    }

    /** NeedClosed: the first close counts; FULFILLED is also a fulfilment time. */
    public void closed(UUID needId, UUID stationId, UUID communityId, String outcome, Instant at) {
        Timestamp fulfilled = "FULFILLED".equals(outcome) ? ts(at) : null;
        jdbc.sql("INSERT INTO need_fact (need_id, station_id, community_id, closed_outcome, closed_at, fulfilled_at) "
                        + "VALUES (:needId, :stationId, :communityId, :outcome, :at, :fulfilled) "
                        + "ON CONFLICT (need_id) DO UPDATE SET community_id = coalesce(need_fact.community_id, excluded.community_id), "
                        + "closed_outcome = CASE WHEN need_fact.closed_at IS NULL OR excluded.closed_at < need_fact.closed_at "
                        + "THEN excluded.closed_outcome ELSE need_fact.closed_outcome END, "
                        + "closed_at = least(need_fact.closed_at, excluded.closed_at), "
                        + "fulfilled_at = least(need_fact.fulfilled_at, excluded.fulfilled_at)")
                .param("needId", needId)
                .param("stationId", stationId)
                .param("communityId", communityId)
                .param("outcome", outcome)
                .param("at", ts(at))
                .param("fulfilled", fulfilled)
                .update();
    }

    public void proposed(UUID matchId, UUID needId, UUID stationId, UUID communityId, Instant at) {
        match(matchId, needId, stationId, communityId, "first_proposed_at", at);
    }

    public void accepted(UUID matchId, UUID needId, UUID stationId, UUID communityId, Instant at) {
        match(matchId, needId, stationId, communityId, "first_accepted_at", at);
    }

    public void completed(UUID matchId, UUID needId, UUID stationId, UUID communityId, Instant at) {
        match(matchId, needId, stationId, communityId, "fulfilled_at", at);
    }

    private void match(UUID matchId, UUID needId, UUID stationId, UUID communityId, String column, Instant at) {
        jdbc.sql("INSERT INTO match_fact (match_id, need_id, station_id) VALUES (:matchId, :needId, :stationId) "
                        + "ON CONFLICT (match_id) DO NOTHING")
                .param("matchId", matchId)
                .param("needId", needId)
                .param("stationId", stationId)
                .update();
        // column is one of three constants above, never input.
        jdbc.sql("INSERT INTO need_fact (need_id, station_id, community_id, " + column
                        + ") VALUES (:needId, :stationId, :communityId, :at) "
                        + "ON CONFLICT (need_id) DO UPDATE SET " + column + " = least(need_fact." + column
                        + ", excluded." + column + "), "
                        + "community_id = coalesce(need_fact.community_id, excluded.community_id)")
                .param("needId", needId)
                .param("stationId", stationId)
                .param("communityId", communityId)
                .param("at", ts(at))
                .update();
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
