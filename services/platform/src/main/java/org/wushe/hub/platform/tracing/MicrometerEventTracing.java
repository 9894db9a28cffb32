package org.wushe.hub.platform.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** {@link EventTracing} on Micrometer Tracing (the OpenTelemetry bridge in the services), W3C trace context. */
public class MicrometerEventTracing implements EventTracing {

    static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public MicrometerEventTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public String currentTraceparent() {
        Span span = tracer.currentSpan();
        if (span == null || span.isNoop()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    @Override
    public <T> T inSpan(String name, String traceparent, Map<String, String> tags, Supplier<T> work) {
        Span.Builder builder = traceparent == null || traceparent.isBlank()
                ? tracer.spanBuilder()
                : propagator.extract(Map.of(TRACEPARENT, traceparent), (carrier, key) -> carrier.get(key));
        builder.name(name).kind(Span.Kind.CONSUMER);
        tags.forEach(builder::tag);
        Span span = builder.start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
