package org.wushe.hub.resource.stock;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The station of each match this service has heard of, from the match events it consumes: the station
 * whose staff decide (and, once escalated, the centre it went up to). Reserving by hand for a match is
 * scoped by it; a match not known here is refused rather than trusted.
 */
@Repository
public class MatchStations {

    /** A match's station, and the centre it was escalated to (null when it was not). */
    public record Known(UUID matchId, UUID stationId, UUID escalatedTo) {}

    private final JdbcClient jdbc;

    public MatchStations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records (or completes) what an event says of the match; a match's station never changes, an escalation
     * adds its centre. A reservation of the match made before stations were recorded gets its station too.
     */
    public void record(UUID matchId, UUID needId, UUID stationId, UUID escalatedTo, Instant at) {
        jdbc.sql(
                        "INSERT INTO match_station (match_id, station_id, escalated_to, need_id, recorded_at) "
                                + "VALUES (:match_id, :station_id, :escalated_to, :need_id, :recorded_at) "
                                + "ON CONFLICT (match_id) DO UPDATE SET escalated_to = coalesce(EXCLUDED.escalated_to, match_station.escalated_to)")
                .param("match_id", matchId)
                .param("station_id", stationId)
                .param("escalated_to", escalatedTo)
                .param("need_id", needId)
                .param("recorded_at", Timestamp.from(at))
                .update();
        jdbc.sql("UPDATE reservation SET station_id = :station_id WHERE match_id = :match_id AND station_id IS NULL")
                .param("station_id", stationId)
                .param("match_id", matchId)
                .update();
    }

    public Optional<Known> find(UUID matchId) {
        return jdbc.sql("SELECT match_id, station_id, escalated_to FROM match_station WHERE match_id = :match_id")
                .param("match_id", matchId)
                .query((rs, n) -> new Known(
                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)))
                .optional();
    }
}
