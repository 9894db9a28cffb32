package org.wushe.hub.bench.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.wushe.hub.testing.Http;
import tools.jackson.databind.JsonNode;

/**
 * The station's Server-Sent Event stream ({@code GET /stations/{id}/stream} on matching-service), read line by line
 * on its own thread as a browser would. For every need it notes the {@link System#nanoTime()} at which the first
 * {@code match} event with status PROPOSED arrived: the moment station staff would see the proposal.
 */
final class StationStream implements AutoCloseable {

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI uri;
    private final Thread thread;
    private final CountDownLatch hello = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Map<UUID, Long> firstProposed = new ConcurrentHashMap<>();
    private final Map<UUID, String> firstMatch = new ConcurrentHashMap<>();
    private final AtomicLong matchEvents = new AtomicLong();
    private final AtomicLong proposedEvents = new AtomicLong();
    private final AtomicLong otherStatusEvents = new AtomicLong();
    private final AtomicLong repeatedProposals = new AtomicLong();
    private final AtomicLong undecodable = new AtomicLong();
    private volatile Stream<String> lines;
    private volatile boolean closing;

    StationStream(String matchingBaseUrl, UUID stationId) {
        this.uri = URI.create(matchingBaseUrl + "/stations/" + stationId + "/stream");
        this.thread = new Thread(this::read, "sse-" + stationId.toString().substring(0, 8));
        this.thread.setDaemon(true);
    }

    /** Connects and returns once the stream's {@code hello} arrived, so nothing pushed afterwards is missed. */
    StationStream open(Duration timeout) throws InterruptedException {
        thread.start();
        if (!hello.await(timeout.toMillis(), TimeUnit.MILLISECONDS) || failure.get() != null) {
            throw new BenchmarkFailure("no 'hello' on " + uri + " within " + timeout.toSeconds() + " s"
                    + (failure.get() == null ? "" : ": " + failure.get()));
        }
        return this;
    }

    private void read() {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream")
                .header("Authorization", org.wushe.hub.testing.TestTokens.bearer(BenchToken.TOKEN))
                .GET()
                .build();
        try {
            HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " from " + uri);
            }
            lines = response.body();
            String[] event = {null};
            StringBuilder data = new StringBuilder();
            lines.forEach(line -> {
                long now = System.nanoTime();
                if (line.isEmpty()) {
                    dispatch(event[0], data, now);
                    event[0] = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    event[0] = field(line, 6);
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(field(line, 5));
                }
                // id:, retry: and :comments (heartbeats) carry nothing the benchmark needs
            });
        } catch (Throwable t) {
            if (!closing) {
                failure.compareAndSet(null, t);
            }
        } finally {
            hello.countDown();
        }
    }

    /** The value after the colon, without the one optional space the SSE format allows. */
    private static String field(String line, int colon) {
        return line.length() > colon && line.charAt(colon) == ' ' ? line.substring(colon + 1) : line.substring(colon);
    }

    private void dispatch(String event, StringBuilder data, long now) {
        if ("hello".equals(event)) {
            hello.countDown();
            return;
        }
        if (!"match".equals(event) || data.isEmpty()) {
            return;
        }
        matchEvents.incrementAndGet();
        JsonNode view;
        try {
            view = Http.JSON.readTree(data.toString());
        } catch (RuntimeException e) {
            undecodable.incrementAndGet();
            return;
        }
        JsonNode needId = view.get("needId");
        JsonNode status = view.get("status");
        if (needId == null || status == null) {
            undecodable.incrementAndGet();
            return;
        }
        if (!"PROPOSED".equals(status.asString())) {
            otherStatusEvents.incrementAndGet();
            return;
        }
        proposedEvents.incrementAndGet();
        UUID need = UUID.fromString(needId.asString());
        // Only this thread writes: the match id is in place before the arrival that readers wait for.
        if (firstProposed.containsKey(need)) {
            repeatedProposals.incrementAndGet();
            return;
        }
        if (view.get("matchId") != null) {
            firstMatch.put(need, view.get("matchId").asString());
        }
        firstProposed.put(need, now);
    }

    /** When the first proposal of the need arrived (nanoTime), or null. */
    Long proposedAt(UUID needId) {
        return firstProposed.get(needId);
    }

    /** The match id of the need's first proposal, or null. */
    String matchOf(UUID needId) {
        return firstMatch.get(needId);
    }

    boolean alive() {
        return thread.isAlive() && failure.get() == null;
    }

    Throwable failure() {
        return failure.get();
    }

    long matchEvents() {
        return matchEvents.get();
    }

    long proposedEvents() {
        return proposedEvents.get();
    }

    long otherStatusEvents() {
        return otherStatusEvents.get();
    }

    /** PROPOSED events for a need that had one already (a second match of the need, or the same one pushed again). */
    long repeatedProposals() {
        return repeatedProposals.get();
    }

    long undecodable() {
        return undecodable.get();
    }

    @Override
    public void close() {
        closing = true;
        Stream<String> s = lines;
        if (s != null) {
            s.close();
        }
        thread.interrupt();
    }
}
