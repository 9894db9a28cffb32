package org.wushe.hub.bench.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.wushe.hub.testing.Http;
import tools.jackson.databind.JsonNode;

/**
 * The benchmark's place, set up through the services' public APIs only: one community with a street centre and
 * a community station (community-service), and the volunteers around it (volunteer-service), who reach
 * matching-service by their events.
 */
final class Place {

    /** Liyuan town, Tongzhou (梨园镇, 通州区), as the matching tests use it. */
    static final String DISTRICT = "110112";

    static final String STREET = "110112104";
    static final double LAT = 39.88;
    static final double LON = 116.66;
    /** Skills the volunteers draw from: every category the needs use fits several of them. */
    static final List<String> SKILLS =
            List.of("HOME_REPAIR", "ELECTRICAL", "PLUMBING", "GAS_SAFETY", "ELDER_CARE", "DRIVING", "SOCIAL_WORK");

    static final List<String> DAYS =
            List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");

    final UUID community;
    final UUID centre;
    final UUID station;
    final String geohash;
    final List<String> cells;

    private Place(UUID community, UUID centre, UUID station, String geohash, List<String> cells) {
        this.community = community;
        this.centre = centre;
        this.station = station;
        this.geohash = geohash;
        this.cells = cells;
    }

    static Place register(Http community) {
        String geohash = Geohash.of(LAT, LON);
        String suffix = Integer.toString(new Random().nextInt(1 << 20), 36);
        Http.Response c = community.post(
                "/communities",
                Http.map(
                        "name",
                        "压测社区" + suffix,
                        "kind",
                        "RURAL",
                        "districtCode",
                        DISTRICT,
                        "streetCode",
                        STREET,
                        "geohash",
                        geohash,
                        "gridCount",
                        4,
                        "householdCount",
                        812,
                        "residentCount",
                        1730));
        UUID communityId = created("POST /communities", c);
        Http.Response centre = community.post(
                "/stations",
                Http.map(
                        "name",
                        "梨园镇社会工作服务中心" + suffix,
                        "level",
                        "STREET_CENTRE",
                        "districtCode",
                        DISTRICT,
                        "streetCode",
                        STREET,
                        "servedCommunityIds",
                        List.of(communityId.toString())));
        UUID centreId = created("POST /stations (centre)", centre);
        Http.Response station = community.post(
                "/stations",
                Http.map(
                        "name",
                        "压测社区" + suffix + "社会工作服务站",
                        "level",
                        "COMMUNITY_STATION",
                        "parentStationId",
                        centreId.toString(),
                        "communityId",
                        communityId.toString()));
        UUID stationId = created("POST /stations (station)", station);
        return new Place(communityId, centreId, stationId, geohash, Geohash.withNeighbours(LAT, LON));
    }

    private static UUID created(String what, Http.Response r) {
        if (r.status() != 201) {
            throw new BenchmarkFailure(what + " answered " + r.status() + ": " + r.text());
        }
        return UUID.fromString(r.json().get("id").asString());
    }

    /**
     * Registers {@code count} volunteers through {@code POST /volunteers}, {@code concurrency} at a time: homes spread
     * over the station's geohash-6 cell and its eight neighbours, three skills each, free every day 08:00-20:00.
     * Returns the elapsed nanoseconds.
     */
    long registerVolunteers(int volunteerPort, int count, int concurrency) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        URI uri = URI.create("http://127.0.0.1:" + volunteerPort + "/volunteers");
        List<Map<String, String>> everyDay = new ArrayList<>();
        for (String day : DAYS) {
            everyDay.add(Map.of("day", day, "start", "08:00", "end", "20:00"));
        }
        Random random = new Random(20261123L);
        List<String> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<String> skills = new ArrayList<>(SKILLS);
            Collections.shuffle(skills, random);
            bodies.add(Http.JSON.writeValueAsString(Http.map(
                    "name",
                    "压测志愿者" + i,
                    "phone",
                    "13" + String.format("%09d", i),
                    "communityId",
                    community.toString(),
                    "homeArea",
                    Map.of(
                            "districtCode",
                            DISTRICT,
                            "streetCode",
                            STREET,
                            "communityId",
                            community.toString(),
                            "geohash",
                            cells.get(i % cells.size())),
                    "skills",
                    skills.subList(0, 3),
                    "languages",
                    List.of(),
                    "youngOld",
                    i % 4 == 0,
                    "inHardship",
                    false,
                    "availability",
                    Map.of("weeklySlots", everyDay, "maxHoursPerWeek", 40))));
        }
        AtomicInteger next = new AtomicInteger();
        long began = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "register-volunteers");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        HttpRequest request = HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(60))
                                .header("Content-Type", "application/json")
                                .header("Authorization", org.wushe.hub.testing.TestTokens.bearer(BenchToken.TOKEN))
                                .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i), StandardCharsets.UTF_8))
                                .build();
                        HttpResponse<String> r =
                                client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                        if (r.statusCode() != 201) {
                            throw new BenchmarkFailure(
                                    "POST /volunteers #" + i + " answered " + r.statusCode() + ": " + r.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return System.nanoTime() - began;
    }

    /** matching-service's {@code GET /engine}: the read model's size and the match counts. */
    static JsonNode engine(HttpClient client, String matchingBaseUrl) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(
                HttpRequest.newBuilder(URI.create(matchingBaseUrl + "/engine"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", org.wushe.hub.testing.TestTokens.bearer(BenchToken.TOKEN))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new BenchmarkFailure("GET /engine answered " + r.statusCode() + ": " + r.body());
        }
        return Http.JSON.readTree(r.body());
    }
}
