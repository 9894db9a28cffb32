package org.wushe.hub.platform.tracing;

import java.util.Map;
import java.util.function.Supplier;

/**
 * One need's journey is one trace: the platform's two ends of Kafka meet here. {@link #currentTraceparent()}
 * is what the outbox writes into a row's {@code traceparent} column (Debezium's router copies it into the
 * record's {@code traceparent} header), and {@link #inSpan} is how an inbound handler continues the trace that
 * header names, so the events the handler writes carry it on. {@link #NONE} where the service runs without a
 * tracer.
 */
public interface EventTracing {

    /** The W3C {@code traceparent} of the span current on this thread, or {@code null} when there is none. */
    String currentTraceparent();

    /**
     * Runs {@code work} in a new span named {@code name} that continues the trace of {@code traceparent} (a new
     * trace when it is {@code null} or malformed), with the given tags; the span records an exception that escapes.
     */
    <T> T inSpan(String name, String traceparent, Map<String, String> tags, Supplier<T> work);

    EventTracing NONE = new EventTracing() {
        @Override
        public String currentTraceparent() {
            return null;
        }

        @Override
        public <T> T inSpan(String name, String traceparent, Map<String, String> tags, Supplier<T> work) {
            return work.get();
        }
    };
}
