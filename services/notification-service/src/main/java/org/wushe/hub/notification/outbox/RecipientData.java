package org.wushe.hub.notification.outbox;

/**
 * A feature that keeps something of a recipient (their settings and addresses, the sign-ups watched for
 * reminders): {@link Departures} asks each to let go of it when the recipient leaves, in the erasure's transaction.
 */
public interface RecipientData {

    /** Deletes what this feature keeps of the recipient; doing it again changes nothing. */
    void forget(Recipient recipient);
}
