package org.wushe.hub.community.socialworker;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.community.web.Tenants;
import org.wushe.hub.platform.security.Caller;
import org.wushe.hub.platform.security.Roles;

/**
 * The station each social worker is assigned to now. Written by the consumer of {@code wushe.socialworker.worker}
 * (in the transaction that marks the event processed), read when a social worker asks for a station's follow-ups.
 */
@Service
public class WorkerStations {

    private static final Logger log = LoggerFactory.getLogger(WorkerStations.class);

    private final WorkerStationRepository stations;

    WorkerStations(WorkerStationRepository stations) {
        this.stations = stations;
    }

    /**
     * The worker is at {@code stationId} (null: at none) since the event of {@code occurredAt}; an event older than the one
     * the row holds changes nothing (events of a worker share a partition, but a replay or a dead letter sent again may not).
     */
    @Transactional
    public void assigned(UUID eventId, UUID socialWorkerId, UUID stationId, LocalDate assignedOn, Instant occurredAt) {
        if (stations.upsertIfNewer(eventId, socialWorkerId, stationId, assignedOn, occurredAt)) {
            log.info(
                    "Social worker {} is now at station {} (event {} of {})",
                    socialWorkerId,
                    stationId,
                    eventId,
                    occurredAt);
        } else {
            log.info(
                    "Social worker {}: event {} of {} (station {}) is older than the assignment held, skipped",
                    socialWorkerId,
                    eventId,
                    occurredAt,
                    stationId);
        }
    }

    /** The station the caller is assigned to now, when the caller is a social worker (role and {@code social_worker_id}) with one. */
    public Optional<UUID> stationOf(Caller caller) {
        return Tenants.of(caller, Roles.SOCIAL_WORKER).flatMap(stations::find).map(WorkerStation::stationId);
    }
}
