package org.wushe.hub.matching.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.wushe.hub.matching.support.MatchingScenario;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * A station's live stream lives no longer than the access token that opened it, and one person holds at most
 * {@code wushe.matching.max-streams-per-person} (5) streams at once: real signed tokens through the real filter chain,
 * the streams read over real HTTP.
 */
class StationStreamLimitsTest extends MatchingScenario {

    @Autowired
    Environment env;

    @Autowired
    StationStreams streams;

    private final HttpClient client = HttpClient.newHttpClient();
    private final List<Stream> opened = new ArrayList<>();

    @AfterEach
    void closeStreams() {
        opened.forEach(Stream::close);
    }

    @Test
    void aStreamEndsWhenItsTokenExpiresWhileALongerTokensStreamStaysOpen() throws Exception {
        UUID station = UUID.randomUUID();
        // JWT expiry is in whole seconds: 3 to 4 s from now.
        Instant expiresAt = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        Stream shortLived = open(station, tokenExpiringAt("staff-short", station, expiresAt));
        Stream longLived =
                open(station, TestTokens.token("staff-long", Roles.STATION_STAFF, Roles.STATION_ID, station));
        assertThat(shortLived.status()).isEqualTo(200);
        assertThat(longLived.status()).isEqualTo(200);
        assertThat(shortLived.next()[0]).isEqualTo("hello");
        assertThat(longLived.next()[0]).isEqualTo("hello");

        await().atMost(Duration.ofSeconds(30)).until(shortLived::ended);
        assertThat(shortLived.endedAt).as("not before the token's expiry").isAfterOrEqualTo(expiresAt.minusMillis(50));
        assertThat(shortLived.next()).as("told why").containsExactly("end", "{\"reason\":\"TOKEN_EXPIRED\"}");

        // The longer token's stream is still open: it still gets what is pushed to the station.
        assertThat(longLived.ended()).isFalse();
        streams.push(station, "match", "probe-1", Map.of("probe", 1));
        assertThat(longLived.next()).containsExactly("match", "{\"probe\":1}");
        assertThat(longLived.ended()).isFalse();
        assertThat(streams.openOf("staff-short")).as("its place freed").isZero();
    }

    @Test
    void aPersonsSixthStreamIs429AnotherPersonsIsAcceptedAndClosingOneFreesAPlace() throws Exception {
        UUID station = UUID.randomUUID();
        String zhao = TestTokens.token("staff-zhao", Roles.STATION_STAFF, Roles.STATION_ID, station);
        assertThat(streams.maxPerPerson()).isEqualTo(5);
        List<Stream> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Stream s = open(station, zhao);
            assertThat(s.status()).as("stream %d", i + 1).isEqualTo(200);
            assertThat(s.next()[0]).isEqualTo("hello");
            five.add(s);
        }

        Stream sixth = open(station, zhao);
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.contentType()).startsWith("application/problem+json");
        JsonNode problem = Http.JSON.readTree(sixth.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:wushe:problem:too-many-streams");
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("limit").asInt()).isEqualTo(5);
        assertThat(problem.get("detail").asText()).contains("staff-zhao").contains("5");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("stream");

        Stream qian = open(station, TestTokens.token("staff-qian", Roles.STATION_STAFF, Roles.STATION_ID, station));
        assertThat(qian.status()).as("another person's stream").isEqualTo(200);
        assertThat(qian.next()[0]).isEqualTo("hello");

        // Closing one frees a place: the next attempt finds the closed stream gone and opens.
        five.get(0).close();
        Stream[] again = {null};
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    Stream s = open(station, zhao);
                    if (s.status() == 200) {
                        again[0] = s;
                        return true;
                    }
                    assertThat(s.status()).isEqualTo(429);
                    return false;
                });
        assertThat(again[0].next()[0]).isEqualTo("hello");
        assertThat(streams.openOf("staff-zhao")).isEqualTo(5);
        assertThat(open(station, zhao).status()).as("full again").isEqualTo(429);
    }

    // ---- helpers

    /**
     * A station staff token that expires at {@code expiresAt}, signed like every test token ({@link TestTokens} has no public
     * way to choose the expiry, so its own signer is called).
     */
    private static String tokenExpiringAt(String subject, UUID station, Instant expiresAt) throws Exception {
        Method sign = TestTokens.class.getDeclaredMethod("sign", String.class, List.class, Map.class, Instant.class);
        sign.setAccessible(true);
        return (String) sign.invoke(
                null, subject, List.of(Roles.STATION_STAFF), Map.of(Roles.STATION_ID, station.toString()), expiresAt);
    }

    /** A stream opened with {@code token}, read on a daemon thread: its status, then each event as {name, data}. */
    private Stream open(UUID station, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + env.getProperty("local.server.port") + "/stations/" + station + "/stream"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(2))
                .build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        Stream stream = new Stream(response);
        opened.add(stream);
        return stream;
    }

    private static final class Stream {
        private final HttpResponse<InputStream> response;
        private final BlockingQueue<String[]> events = new LinkedBlockingQueue<>();
        private volatile Instant endedAt;
        private String body;

        Stream(HttpResponse<InputStream> response) throws IOException {
            this.response = response;
            if (response.statusCode() != 200) {
                try (InputStream in = response.body()) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                return;
            }
            Thread reader = new Thread(this::read, "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
        }

        int status() {
            return response.statusCode();
        }

        String contentType() {
            return response.headers().firstValue("Content-Type").orElse("");
        }

        String body() {
            return body;
        }

        /** The next event, waiting up to 30 s. */
        String[] next() throws InterruptedException {
            String[] e = events.poll(30, TimeUnit.SECONDS);
            assertThat(e).as("an event").isNotNull();
            return e;
        }

        /** Whether the server ended the response (the body reached its end). */
        boolean ended() {
            return endedAt != null;
        }

        void close() {
            try {
                response.body().close();
            } catch (IOException ignored) {
                // closed already
            }
        }

        private void read() {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String name = null;
                StringBuilder data = new StringBuilder();
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    } else if (line.isEmpty() && name != null) {
                        events.add(new String[] {name, data.toString()});
                        name = null;
                        data.setLength(0);
                    }
                }
                endedAt = Instant.now();
            } catch (IOException closedByTheTest) {
                // the test closed the stream: not an end by the server
            }
        }
    }
}
