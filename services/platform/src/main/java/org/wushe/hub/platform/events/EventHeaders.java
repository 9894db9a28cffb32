package org.wushe.hub.platform.events;

/**
 * Kafka header names of the envelope, set by Debezium's outbox event router from the outbox columns
 * (see {@code deploy/connect/*.json}). The router also writes the event id as {@code id}; consumers
 * read {@code eventId} because Spring Messaging reserves {@code id} for its own message id.
 */
public final class EventHeaders {

    public static final String ID = "id";
    public static final String EVENT_ID = "eventId";
    public static final String EVENT_TYPE = "eventType";
    public static final String AGGREGATE_TYPE = "aggregateType";
    public static final String OCCURRED_AT = "occurredAt";
    public static final String TRACEPARENT = "traceparent";
    /** Who acted (see {@code org.wushe.hub.platform.actor.Actor}); absent or null on older events. */
    public static final String ACTOR = "actor";
    /** On a dead letter: why the record could not be processed. */
    public static final String DEAD_LETTER_REASON = "deadLetterReason";

    private EventHeaders() {}
}
