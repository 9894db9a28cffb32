package org.wushe.hub.platform.inbox;

import org.apache.avro.specific.SpecificRecord;
import org.wushe.hub.platform.events.EventEnvelope;

/** A decoded event: its envelope (from the Kafka headers and key) and its Avro payload. */
public record InboundEvent(EventEnvelope envelope, SpecificRecord payload) {}
