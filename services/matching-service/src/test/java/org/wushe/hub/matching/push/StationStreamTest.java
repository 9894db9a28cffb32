package org.wushe.hub.matching.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.matching.support.MatchingScenario;
import org.wushe.hub.matching.support.Town;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/** Proposals reach the station's open Server-Sent Event stream; other stations' streams stay quiet. */
class StationStreamTest extends MatchingScenario {

    private static final Logger log = LoggerFactory.getLogger(StationStreamTest.class);

    @Autowired
    Environment env;

    @Test
    void aProposalIsPushedToItsStationsStreamAndOnlyThere() throws Exception {
        Place p = newPlace();
        Place elsewhere = newPlace();
        volunteer(p, Town.HERE, Skill.ANTI_FRAUD_EDUCATION);
        volunteer(p, Town.EAST_3KM, Skill.ANTI_FRAUD_EDUCATION);
        HttpClient client = HttpClient.newHttpClient();
        BlockingQueue<String[]> mine = stream(client, p.station());
        BlockingQueue<String[]> theirs = stream(client, elsewhere.station());
        assertThat(mine.poll(30, TimeUnit.SECONDS))
                .as("hello")
                .containsExactly("hello", "{\"stationId\":\"" + p.station() + "\"}");
        assertThat(theirs.poll(30, TimeUnit.SECONDS)[0]).isEqualTo("hello");

        UUID needId = UUID.randomUUID();
        long published = System.nanoTime();
        community()
                .publish(
                        Aggregate.NEED,
                        needId,
                        Town.need(
                                needId,
                                p.community(),
                                p.station(),
                                Category.ANTI_FRAUD,
                                Urgency.SOON,
                                BeneficiaryGroup.VERY_OLD,
                                "教老人识别电信诈骗 teach an elder to spot phone scams",
                                clock.instant(),
                                7,
                                null));
        String[] event = mine.poll(60, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - published) / 1_000_000;
        assertThat(event).as("a pushed match").isNotNull();
        assertThat(event[0]).isEqualTo("match");
        JsonNode view = Http.JSON.readTree(event[1]);
        assertThat(view.get("needId").asText()).isEqualTo(needId.toString());
        assertThat(view.get("status").asText()).isEqualTo("PROPOSED");
        assertThat(view.get("explanation").size()).isGreaterThan(0);
        log.info(
                "Need published to its proposal on the station's stream: {} ms (outbox, CDC, consumer, engine, outbox, CDC, feed)",
                millis);

        // Accepting pushes the change to the same stream.
        assertThat(http().post("/matches/" + view.get("matchId").asText() + "/accept", "{}")
                        .status())
                .isEqualTo(200);
        String[] change = mine.poll(60, TimeUnit.SECONDS);
        assertThat(change).isNotNull();
        assertThat(Http.JSON.readTree(change[1]).get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(theirs.poll(2, TimeUnit.SECONDS))
                .as("another station's stream")
                .isNull();
    }

    /**
     * Reads the stream on a daemon thread as the station's staff (the bearer token in the header, as the portal
     * relays it): each event as {name, data}.
     */
    private BlockingQueue<String[]> stream(HttpClient client, UUID station) {
        BlockingQueue<String[]> events = new LinkedBlockingQueue<>();
        String token = TestTokens.token(
                "staff-" + station.toString().substring(0, 8), Roles.STATION_STAFF, Roles.STATION_ID, station);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + env.getProperty("local.server.port") + "/stations/" + station + "/stream"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(5))
                .build();
        Thread reader = new Thread(
                () -> {
                    try {
                        InputStream body = client.send(request, HttpResponse.BodyHandlers.ofInputStream())
                                .body();
                        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
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
                    } catch (Exception e) {
                        log.debug("stream of {} ended: {}", station, e.toString());
                    }
                },
                "sse-" + station);
        reader.setDaemon(true);
        reader.start();
        return events;
    }
}
