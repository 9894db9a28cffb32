package org.wushe.hub.platform.inbox;

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

    public boolean isProcessed(String consumer, UUID eventId) {
        Integer n = jdbc.queryForObject(
                "SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?",
                Integer.class,
                consumer,
                eventId);
        return n != null && n > 0;
    }
}
