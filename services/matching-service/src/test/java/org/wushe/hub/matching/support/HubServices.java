package org.wushe.hub.matching.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.ServiceProcess;
import org.wushe.hub.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The other services of the hub as child JVMs from their exec jars ({@link ServiceProcess}), and the
 * calls the matching tests make on their public APIs. The child JVMs trust the tests' token signer
 * ({@link TestTokens}, set by ServiceProcess); their {@code http()} calls as the hub admin, who sets up
 * the town (communities, stations, donors). Needs are published and read by the community's own staff.
 */
public final class HubServices {

    /** Liyuan town, Tongzhou. */
    public static final String DISTRICT = "110112";

    public static final String STREET = "110112104";
    private static final AtomicInteger NAMES = new AtomicInteger();

    private HubServices() {}

    /** A community with a community station under a street centre, registered through community-service's API. */
    public record CommunityPlace(UUID community, UUID centre, UUID station, String stationName) {}

    public static ServiceProcess startCommunity() {
        return ServiceProcess.builder(jar("community-service"), "community")
                .env("WUSHE_COMMUNITY_RESIDENT_KEY", randomKey())
                .arg("--wushe.community.maintenance-interval=PT1H")
                .start();
    }

    public static ServiceProcess startResource() {
        return ServiceProcess.builder(jar("resource-service"), "resource").start();
    }

    public static ServiceProcess startVolunteer() {
        return ServiceProcess.builder(jar("volunteer-service"), "volunteer").start();
    }

    private static Path jar(String service) {
        String jar = System.getProperty("wushe.test." + service + ".jar");
        assertThat(jar)
                .as("system property wushe.test." + service + ".jar (set by matching-service's pom)")
                .isNotBlank();
        return Path.of(jar);
    }

    public static CommunityPlace communityWithStation(Http community, String village, String geohash) {
        String name = unique(village);
        Http.Response c = community.post(
                "/communities",
                Http.map(
                        "name",
                        name,
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
        assertThat(c.status()).as(c.text()).isEqualTo(201);
        UUID communityId = UUID.fromString(c.json().get("id").asText());
        Http.Response centre = community.post(
                "/stations",
                Http.map(
                        "name",
                        unique("梨园镇社会工作服务中心"),
                        "level",
                        "STREET_CENTRE",
                        "districtCode",
                        DISTRICT,
                        "streetCode",
                        STREET,
                        "servedCommunityIds",
                        List.of(communityId.toString())));
        assertThat(centre.status()).as(centre.text()).isEqualTo(201);
        UUID centreId = UUID.fromString(centre.json().get("id").asText());
        String stationName = name + "社会工作服务站";
        Http.Response station = community.post(
                "/stations",
                Http.map(
                        "name",
                        stationName,
                        "level",
                        "COMMUNITY_STATION",
                        "parentStationId",
                        centreId.toString(),
                        "communityId",
                        communityId.toString()));
        assertThat(station.status()).as(station.text()).isEqualTo(201);
        return new CommunityPlace(
                communityId, centreId, UUID.fromString(station.json().get("id").asText()), stationName);
    }

    /** community-service called by staff of the place's community ({@code community_staff} with its {@code community_id}). */
    public static Http communityStaff(Http community, CommunityPlace place) {
        return community.as(TestTokens.token("sq-staff", Roles.COMMUNITY_STAFF, Roles.COMMUNITY_ID, place.community()));
    }

    /** The need's status in community-service, read by the community's staff. */
    public static String needStatus(Http community, CommunityPlace place, UUID needId) {
        Http.Response r = communityStaff(community, place).get("/needs/" + needId);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json().get("status").asText();
    }

    /** A need posted to community-service's API (201) by the community's staff, with a quantity when {@code boxes} is given. */
    public static JsonNode postNeed(
            Http community,
            CommunityPlace place,
            String title,
            String category,
            String urgency,
            List<String> skills,
            String geohash,
            Instant start,
            Instant end,
            Integer boxes) {
        Map<String, Object> body = Http.map(
                "communityId",
                place.community().toString(),
                "stationId",
                place.station().toString(),
                "category",
                category,
                "urgency",
                urgency,
                "beneficiaryGroup",
                "ELDERLY_ALONE",
                "beneficiaryCount",
                1,
                "title",
                title,
                "geohash",
                geohash,
                "start",
                start.toString(),
                "end",
                end.toString(),
                "requiredSkills",
                skills,
                "estimatedMinutes",
                60);
        if (boxes != null) {
            body.put("quantity", Map.of("amount", boxes, "unit", "BOX"));
        }
        Http.Response r = communityStaff(community, place).post("/needs", body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }

    public static String unique(String name) {
        return name + NAMES.incrementAndGet() + "-" + Integer.toString((int) (Math.random() * 1_000_000), 36);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
