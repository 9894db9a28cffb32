package org.wushe.hub.platform.inbox;

import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The consumer side of exactly-once processing: the ids of events a consumer has processed, kept in
 * its own database and written in the same transaction as the change the event caused. A redelivered
 * event finds its id already there and changes nothing.
 */
public class ProcessedEvents {

    private final JdbcTemplate jdbc;

    public ProcessedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the event as processed by this consumer; false if it already was (a redelivery). */
    public boolean markProcessed(String consumer, UUID eventId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("mark events processed in the transaction of the change they cause");
        }
        return jdbc.update(
                        "INSERT INTO processed_event (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                        consumer,
                        eventId)
                == 1;
    }

    /**
     * Records a batch of events as processed by this consumer in one statement; returns the ids that were not
     * recorded before (an id given twice counts once). The rest are redeliveries.
     */
    public Set<UUID> markProcessed(String consumer, Collection<UUID> eventIds) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("mark events processed in the transaction of the change they cause");
        }
        if (eventIds.isEmpty()) {
            return new HashSet<>();
        }
        UUID[] ids = eventIds.toArray(UUID[]::new);
        return new HashSet<>(jdbc.query(
                con -> {
                    PreparedStatement ps = con.prepareStatement(
                            "INSERT INTO processed_event (consumer, event_id) SELECT ?, id FROM unnest(?::uuid[]) AS t(id)"
                                    + " ON CONFLICT DO NOTHING RETURNING event_id");
                    ps.setString(1, consumer);
                    ps.setArray(2, con.createArrayOf("uuid", ids));
                    return ps;
                },
                (rs, i) -> rs.getObject(1, UUID.class)));
    }

    public boolean isProcessed(String consumer, UUID eventId) {
        Integer n = jdbc.queryForObject(
                "SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?",
                Integer.class,
                consumer,
                eventId);
        return n != null && n > 0;
    }
}
