package org.wushe.hub.notification.outbox;

import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A recipient who left (a volunteer who erased their account): their pending deliveries are skipped ({@value
 * #LEFT}), their notifications kept as the record of what was sent but emptied of what they said (the body becomes
 * {@value #BODY}, no arguments, no link), every {@link RecipientData} lets go of what it keeps (settings, sealed
 * addresses, watched sign-ups), and they are recorded as departed so that nothing is written for them again.
 * Serialised with {@link Notifications#notify} on the recipient ({@link NotificationRepository#lockRecipient}), so
 * an event crossing the erasure either came first (and its delivery is skipped here) or finds them departed.
 */
@Service
public class Departures {

    /** The {@code last_error} of a delivery skipped because its recipient left. */
    public static final String LEFT = "left: the recipient erased their account";

    /** The body code of a departed recipient's notifications. */
    public static final String BODY = "notification.left.body";

    private static final Logger log = LoggerFactory.getLogger(Departures.class);

    private final NotificationRepository repository;
    private final List<RecipientData> data;

    public Departures(NotificationRepository repository, List<RecipientData> data) {
        this.repository = repository;
        this.data = List.copyOf(data);
    }

    /** Lets go of the recipient; false when they had left before (then nothing changes). */
    @Transactional
    public boolean left(Recipient recipient, String erasedBy, Instant at) {
        // First without the recipient's lock: the reminder pass locks their watched sign-ups and then, writing a
        // reminder, the recipient; taking the recipient first and their sign-ups then would deadlock with it.
        data.forEach(d -> d.forget(recipient));
        repository.lockRecipient(recipient);
        if (!repository.depart(recipient, erasedBy, at)) {
            log.debug("{} had left already", recipient);
            return false;
        }
        int skipped = repository.skipPending(recipient, LEFT);
        int emptied = repository.empty(recipient, BODY);
        data.forEach(d -> d.forget(recipient)); // again under the lock: anything stored in between
        log.info(
                "{} left ({}): {} deliveries skipped, {} notifications emptied", recipient, erasedBy, skipped, emptied);
        return true;
    }
}
