package org.wushe.hub.matching.push;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open Server-Sent Event streams of this instance, by station. Every instance reads every match
 * event (see {@link MatchFeed}) and pushes it to the browsers connected to it, so staff get their
 * station's proposals whichever instance they reach.
 */
@Component
public class StationStreams {

    /** Browsers reconnect after this; the stream then starts again from the current proposals. */
    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);
    static final long RECONNECT_MILLIS = 2_000;

    private static final Logger log = LoggerFactory.getLogger(StationStreams.class);

    private final Map<UUID, Set<SseEmitter>> byStation = new ConcurrentHashMap<>();

    public StationStreams(MeterRegistry meters) {
        Gauge.builder("wushe.matching.sse.connections", byStation, m -> m.values().stream().mapToInt(Set::size).sum())
                .description("Open Server-Sent Event streams to station staff").register(meters);
    }

    /** A new stream for the station; it is announced with a {@code hello} event. */
    public SseEmitter open(UUID stationId) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        Set<SseEmitter> set = byStation.computeIfAbsent(stationId, s -> new CopyOnWriteArraySet<>());
        set.add(emitter);
        Runnable remove = () -> set.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        send(emitter, SseEmitter.event().name("hello").reconnectTime(RECONNECT_MILLIS).data(Map.of("stationId", stationId.toString())), set);
        return emitter;
    }

    /** Pushes a match to every stream of the station; streams that fail are dropped. */
    public int push(UUID stationId, String eventName, String id, Object data) {
        Set<SseEmitter> set = byStation.get(stationId);
        if (set == null || set.isEmpty()) {
            return 0;
        }
        int sent = 0;
        for (SseEmitter emitter : set) {
            if (send(emitter, SseEmitter.event().name(eventName).id(id).data(data, MediaType.APPLICATION_JSON), set)) {
                sent++;
            }
        }
        return sent;
    }

    public int connections(UUID stationId) {
        Set<SseEmitter> set = byStation.get(stationId);
        return set == null ? 0 : set.size();
    }

    /**
     * Ends every stream as the service begins to stop, so the web server's graceful shutdown does not
     * wait its whole timeout for streams that never end by themselves; browsers reconnect elsewhere.
     */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        byStation.values().forEach(set -> {
            set.forEach(SseEmitter::complete);
            set.clear();
        });
    }

    /** A comment every 15 s keeps proxies from closing idle streams and finds the dead ones. */
    @Scheduled(fixedDelay = 15_000)
    void heartbeat() {
        byStation.values().forEach(set -> set.forEach(e -> send(e, SseEmitter.event().comment("heartbeat"), set)));
    }

    private static boolean send(SseEmitter emitter, SseEmitter.SseEventBuilder event, Set<SseEmitter> set) {
        try {
            emitter.send(event);
            return true;
        } catch (IOException | IllegalStateException gone) {
            log.debug("SSE stream closed: {}", gone.getMessage());
            set.remove(emitter);
            emitter.completeWithError(gone);
            return false;
        }
    }
}
