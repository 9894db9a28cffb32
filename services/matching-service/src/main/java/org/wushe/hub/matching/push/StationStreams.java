package org.wushe.hub.matching.push;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open Server-Sent Event streams of this instance, by station and by person. Every instance reads every
 * match event (see {@link MatchFeed}) and pushes it to the browsers connected to it, so staff get their
 * station's proposals whichever instance they reach.
 *
 * <p>A stream lives no longer than the access token that opened it: at the token's {@code exp} it gets an
 * {@code end} event ({@code {"reason":"TOKEN_EXPIRED"}}) and is completed, so a client reconnects with a fresh
 * token (the portal relays a refreshed one) or not at all. One person (the token's subject) may hold at most
 * {@code wushe.matching.max-streams-per-person} streams open on an instance at once; one more is refused with
 * {@link TooManyStreamsException} (429). Before refusing, the person's streams are probed, so one whose client went
 * away frees its place at once rather than at the next heartbeat.
 */
@Component
public class StationStreams {

    /** Browsers reconnect after this; the stream then starts again from the current proposals. */
    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

    static final long RECONNECT_MILLIS = 2_000;
    /** The event a stream ends with when its token expires. */
    public static final String END_EVENT = "end";

    public static final String TOKEN_EXPIRED = "TOKEN_EXPIRED";

    private static final Logger log = LoggerFactory.getLogger(StationStreams.class);

    /** One open stream: its emitter, whose it is, and the end planned at its token's expiry. */
    private final class Stream {
        final SseEmitter emitter;
        final UUID station;
        final String person;
        final AtomicBoolean closed = new AtomicBoolean();
        volatile ScheduledFuture<?> expiry;

        Stream(SseEmitter emitter, UUID station, String person) {
            this.emitter = emitter;
            this.station = station;
            this.person = person;
        }

        /** Forgets the stream (idempotent): no more pushes, its place freed, its expiry cancelled. */
        void forget() {
            if (closed.compareAndSet(false, true)) {
                Set<Stream> ofStation = byStation.get(station);
                if (ofStation != null) {
                    ofStation.remove(this);
                }
                byPerson.computeIfPresent(person, (p, set) -> {
                    set.remove(this);
                    return set.isEmpty() ? null : set;
                });
                ScheduledFuture<?> e = expiry;
                if (e != null) {
                    e.cancel(false);
                }
            }
        }
    }

    private final Map<UUID, Set<Stream>> byStation = new ConcurrentHashMap<>();
    private final Map<String, Set<Stream>> byPerson = new ConcurrentHashMap<>();
    private final ScheduledExecutorService expiries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sse-token-expiry");
        t.setDaemon(true);
        return t;
    });
    private final int maxPerPerson;

    public StationStreams(MeterRegistry meters, @Value("${wushe.matching.max-streams-per-person:5}") int maxPerPerson) {
        if (maxPerPerson < 1) {
            throw new IllegalArgumentException(
                    "wushe.matching.max-streams-per-person must be at least 1, was " + maxPerPerson);
        }
        this.maxPerPerson = maxPerPerson;
        Gauge.builder(
                        "wushe.matching.sse.connections",
                        byStation,
                        m -> m.values().stream().mapToInt(Set::size).sum())
                .description("Open Server-Sent Event streams to station staff")
                .register(meters);
    }

    /** How many streams one person may hold open at once on this instance. */
    public int maxPerPerson() {
        return maxPerPerson;
    }

    /**
     * A new stream for the station, opened by {@code person} (the token's subject) with a token that expires at
     * {@code tokenExpiresAt} (null: never, as far as this stream is concerned); it is announced with a {@code hello}
     * event and ends at the token's expiry.
     *
     * @throws TooManyStreamsException when the person already holds {@link #maxPerPerson()} open streams
     */
    public SseEmitter open(UUID stationId, String person, Instant tokenExpiresAt) {
        if (openOf(person) >= maxPerPerson) {
            probe(person); // a stream whose client went away fails here and frees its place
        }
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        Stream stream = new Stream(emitter, stationId, person);
        Set<Stream> mine = byPerson.compute(person, (p, set) -> {
            Set<Stream> s = set == null ? new CopyOnWriteArraySet<>() : set;
            if (s.size() < maxPerPerson) {
                s.add(stream);
            }
            return s;
        });
        if (!mine.contains(stream)) {
            throw new TooManyStreamsException(person, maxPerPerson);
        }
        byStation.computeIfAbsent(stationId, s -> new CopyOnWriteArraySet<>()).add(stream);
        emitter.onCompletion(stream::forget);
        emitter.onTimeout(stream::forget);
        emitter.onError(e -> stream.forget());
        if (send(
                stream,
                SseEmitter.event()
                        .name("hello")
                        .reconnectTime(RECONNECT_MILLIS)
                        .data(Map.of("stationId", stationId.toString())))) {
            if (tokenExpiresAt != null) {
                // Wall time, as the token's expiry is checked (not the service's Clock, which tests move).
                long millis = Math.max(
                        0, Duration.between(Instant.now(), tokenExpiresAt).toMillis());
                stream.expiry = expiries.schedule(() -> end(stream, TOKEN_EXPIRED), millis, TimeUnit.MILLISECONDS);
                if (stream.closed.get()) {
                    stream.expiry.cancel(false);
                }
            }
        }
        return emitter;
    }

    /** Pushes a match to every stream of the station; streams that fail are dropped. */
    public int push(UUID stationId, String eventName, String id, Object data) {
        Set<Stream> set = byStation.get(stationId);
        if (set == null || set.isEmpty()) {
            return 0;
        }
        int sent = 0;
        for (Stream stream : set) {
            if (send(stream, SseEmitter.event().name(eventName).id(id).data(data, MediaType.APPLICATION_JSON))) {
                sent++;
            }
        }
        return sent;
    }

    public int connections(UUID stationId) {
        Set<Stream> set = byStation.get(stationId);
        return set == null ? 0 : set.size();
    }

    /** The streams {@code person} holds open on this instance. */
    public int openOf(String person) {
        Set<Stream> set = byPerson.get(person);
        return set == null ? 0 : set.size();
    }

    /**
     * Ends every stream as the service begins to stop, so the web server's graceful shutdown does not
     * wait its whole timeout for streams that never end by themselves; browsers reconnect elsewhere.
     */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        expiries.shutdownNow();
        byStation
                .values()
                .forEach(set -> set.forEach(s -> {
                    s.forget();
                    s.emitter.complete();
                }));
        byStation.clear();
        byPerson.clear();
    }

    /** A comment every 15 s keeps proxies from closing idle streams and finds the dead ones. */
    @Scheduled(fixedDelay = 15_000)
    void heartbeat() {
        byStation
                .values()
                .forEach(set -> set.forEach(s -> send(s, SseEmitter.event().comment("heartbeat"))));
    }

    /** The token that opened the stream expired: say so, then end it. */
    private void end(Stream stream, String reason) {
        if (stream.closed.get()) {
            return;
        }
        log.debug("SSE stream of {} for station {} ends: {}", stream.person, stream.station, reason);
        if (send(
                stream,
                SseEmitter.event().name(END_EVENT).data(Map.of("reason", reason), MediaType.APPLICATION_JSON))) {
            stream.forget();
            stream.emitter.complete();
        }
    }

    /** Sends a comment on each of the person's streams, dropping those that fail. */
    private void probe(String person) {
        Set<Stream> set = byPerson.get(person);
        for (Stream s : set == null ? List.<Stream>of() : List.copyOf(set)) {
            send(s, SseEmitter.event().comment("probe"));
        }
    }

    private static boolean send(Stream stream, SseEmitter.SseEventBuilder event) {
        try {
            stream.emitter.send(event);
            return true;
        } catch (IOException | IllegalStateException gone) {
            log.debug("SSE stream closed: {}", gone.getMessage());
            stream.forget();
            try {
                stream.emitter.completeWithError(gone);
            } catch (IllegalStateException alreadyEnded) {
                // The container saw the client go first and ended the request (AsyncListener.onError returned):
                // there is nothing left to complete, and the caller (a probe while opening another stream) goes on.
                log.debug("SSE stream already ended by the container: {}", alreadyEnded.getMessage());
            }
            return false;
        }
    }
}
