package org.wushe.hub.community.socialworker;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Social workers' stations now (V10: {@code social_worker_station}). */
@Repository
class WorkerStationRepository {

    private final JdbcClient jdbc;

    WorkerStationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The worker's station as the event says, unless the row already holds a newer event's ({@code occurred_at} later):
     * true when the row was written.
     */
    boolean upsertIfNewer(UUID eventId, UUID socialWorkerId, UUID stationId, LocalDate assignedOn, Instant occurredAt) {
        return jdbc.sql("""
                        INSERT INTO social_worker_station (social_worker_id, station_id, assigned_on, occurred_at, event_id, updated_at)
                        VALUES (:socialWorkerId, :stationId, :assignedOn, :occurredAt, :eventId, now())
                        ON CONFLICT (social_worker_id) DO UPDATE SET station_id = EXCLUDED.station_id, assigned_on = EXCLUDED.assigned_on,
                            occurred_at = EXCLUDED.occurred_at, event_id = EXCLUDED.event_id, updated_at = now()
                        WHERE social_worker_station.occurred_at <= EXCLUDED.occurred_at""")
                        .param("socialWorkerId", socialWorkerId)
                        .param("stationId", stationId)
                        .param("assignedOn", assignedOn == null ? null : Date.valueOf(assignedOn))
                        .param("occurredAt", Timestamp.from(occurredAt))
                        .param("eventId", eventId)
                        .update()
                == 1;
    }

    Optional<WorkerStation> find(UUID socialWorkerId) {
        return jdbc.sql(
                        "SELECT social_worker_id, station_id, assigned_on, occurred_at FROM social_worker_station WHERE social_worker_id = :socialWorkerId")
                .param("socialWorkerId", socialWorkerId)
                .query((rs, n) -> {
                    Date on = rs.getDate("assigned_on");
                    return new WorkerStation(
                            rs.getObject("social_worker_id", UUID.class),
                            rs.getObject("station_id", UUID.class),
                            on == null ? null : on.toLocalDate(),
                            rs.getTimestamp("occurred_at").toInstant());
                })
                .optional();
    }
}
