package org.wushe.hub.matching.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.matching.Decider;
import org.wushe.hub.events.matching.DeclineReason;
import org.wushe.hub.events.matching.MatchDeclined;
import org.wushe.hub.events.volunteer.PointsAwarded;
import org.wushe.hub.matching.support.HubServices;
import org.wushe.hub.matching.support.HubServices.CommunityPlace;
import org.wushe.hub.matching.support.MatchingScenario;
import org.wushe.hub.matching.support.Town;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.ServiceProcess;
import org.wushe.hub.testing.TestStack;
import org.wushe.hub.testing.TopicReader;
import tools.jackson.databind.JsonNode;

/**
 * The whole saga across the real services, nothing standing in: community-service, resource-service
 * and volunteer-service run from their exec jars as child JVMs, this matching service in the test
 * JVM, all on the embedded Kafka, PostgreSQL and Debezium. Needs are posted to community-service,
 * goods offered to resource-service, the volunteer registers with volunteer-service; staff decide
 * through matching's API; every other step happens by events alone.
 *
 * <p>Its places are in Changping, far from the other tests' towns.
 */
@Tag("hub") // several services as child JVMs: the full loop (-Phub) runs it, the quick loop leaves it out
class WholeSagaTest extends MatchingScenario {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String GEOHASH = Town.geohash(40.20, 116.33);

    static ServiceProcess community;
    static ServiceProcess resource;
    static ServiceProcess volunteers;

    @BeforeAll
    static void startTheOtherServices() {
        CompletableFuture<ServiceProcess> c = CompletableFuture.supplyAsync(HubServices::startCommunity);
        CompletableFuture<ServiceProcess> r = CompletableFuture.supplyAsync(HubServices::startResource);
        CompletableFuture<ServiceProcess> v = CompletableFuture.supplyAsync(HubServices::startVolunteer);
        community = c.join();
        resource = r.join();
        volunteers = v.join();
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess p : new ServiceProcess[] {community, resource, volunteers}) {
            if (p != null) {
                p.close();
            }
        }
    }

    @Test
    void goodsAndAVolunteerGoThroughTheWholeSagaByEventsAlone() {
        CommunityPlace place = HubServices.communityWithStation(community.http(), "北七家村", GEOHASH);
        await().atMost(WAIT)
                .until(() -> count("select count(*) from station_view where station_id = ?", place.station()) == 1);
        LocalDate today = LocalDate.ofInstant(Instant.now(), SHANGHAI);
        UUID donor = donor();
        UUID milk = goods(donor, "爱心牛奶 milk", 10, today.plusDays(20));
        UUID volunteer = youngOldVolunteer(place);
        Instant start = today.plusDays(1).atTime(10, 0).atZone(SHANGHAI).toInstant();

        // 1. Goods: accepted → the resource service reserves → completed → consumed; the need follows in
        // community-service.
        UUID goodsNeed = need(place, "独居老人需要牛奶 milk for an elder living alone", "DAILY_GOODS", List.of(), start, 2);
        JsonNode m1 = awaitLiveMatch(goodsNeed);
        assertThat(m1.get("candidate").get("id").asText()).isEqualTo(milk.toString());
        assertThat(m1.get("allocation").get("quantity").asInt()).isEqualTo(2);
        String match1 = m1.get("matchId").asText();
        assertThat(http().post("/matches/" + match1 + "/accept", "{}").status()).isEqualTo(200);
        awaitStatus(match1, "RESERVED");
        assertThat(stock(milk).get("available").asInt()).isEqualTo(8);
        awaitNeedStatus(place, goodsNeed, "ACCEPTED");
        assertThat(http().post("/matches/" + match1 + "/complete", Map.of("serviceMinutes", 0, "deliveredQuantity", 2))
                        .status())
                .isEqualTo(200);
        await().atMost(WAIT).until(() -> stock(milk).get("consumed").asInt() == 2);
        awaitNeedStatus(place, goodsNeed, "FULFILLED");

        // 2. A volunteer: accepted → assigned; completed → 90 minutes credited once, with double points (young-old).
        UUID repairNeed =
                need(place, "楼道灯不亮 the stairwell light is out", "HOME_REPAIR", List.of("ELECTRICAL"), start, null);
        JsonNode m2 = awaitLiveMatch(repairNeed);
        assertThat(m2.get("candidate").get("id").asText()).isEqualTo(volunteer.toString());
        String match2 = m2.get("matchId").asText();
        assertThat(http().post("/matches/" + match2 + "/accept", "{}").status()).isEqualTo(200);
        await().atMost(WAIT)
                .until(() -> volunteers
                        .http()
                        .get("/volunteers/" + volunteer + "/assignments")
                        .text()
                        .contains(match2));
        assertThat(http().post("/matches/" + match2 + "/complete", Map.of("serviceMinutes", 90))
                        .status())
                .isEqualTo(200);
        assertThat(http().post("/matches/" + match2 + "/complete", Map.of("serviceMinutes", 90))
                        .status())
                .isEqualTo(409);
        awaitNeedStatus(place, repairNeed, "FULFILLED");
        List<PointsAwarded> awards = pointsAwardedTo(volunteer);
        assertThat(awards).hasSize(1);
        assertThat(awards.get(0).getMultiplierPercent())
                .as("double points for the young-old")
                .isGreaterThanOrEqualTo(200);
        await().atMost(WAIT)
                .until(() -> volunteers
                                .http()
                                .get("/points/accounts/" + volunteer)
                                .json()
                                .get("balance")
                                .asLong()
                        == awards.get(0).getPoints());
        assertThat(volunteers.http().get("/volunteers/" + volunteer + "/hours").text())
                .contains("90");

        // 3. A reservation that fails: staff hand the rest of the milk out by hand before accepting;
        //    the saga compensates and proposes the other offer.
        UUID juice = goods(donor, "爱心果汁 juice", 5, today.plusDays(40));
        UUID thirdNeed = need(place, "困难家庭需要饮品 drinks for a family in hardship", "DAILY_GOODS", List.of(), start, 3);
        JsonNode m3 = awaitLiveMatch(thirdNeed);
        assertThat(m3.get("candidate").get("id").asText())
                .as("soonest expiry first")
                .isEqualTo(milk.toString());
        Http.Response byHand = resource.http()
                .post(
                        "/offers/" + milk + "/reservations",
                        Map.of("needId", UUID.randomUUID().toString(), "quantity", 8),
                        "Idempotency-Key",
                        UUID.randomUUID().toString());
        assertThat(byHand.status()).as(byHand.text()).isEqualTo(201);
        String match3 = m3.get("matchId").asText();
        assertThat(http().post("/matches/" + match3 + "/accept", "{}").status()).isEqualTo(200);
        awaitStatus(match3, "FAILED");
        MatchDeclined compensation =
                only(matchEvents(UUID.fromString(match3), has(MatchDeclined.class)), MatchDeclined.class);
        assertThat(compensation.getDeclinedBy()).isEqualTo(Decider.SYSTEM);
        assertThat(compensation.getReason()).isEqualTo(DeclineReason.RESOURCE_UNAVAILABLE);
        JsonNode m4 = awaitLiveMatch(thirdNeed);
        assertThat(m4.get("candidate").get("id").asText()).isEqualTo(juice.toString());
        assertThat(m4.get("rank").asInt()).isEqualTo(2);
        assertThat(stock(milk).get("available").asInt()).as("never oversold").isZero();
    }

    private UUID donor() {
        Http.Response r = resource.http()
                .post(
                        "/donors",
                        Map.of(
                                "name",
                                HubServices.unique("北七家爱心超市"),
                                "kind",
                                "CARING_SHOP",
                                "place",
                                Map.of("districtCode", HubServices.DISTRICT, "streetCode", HubServices.STREET)));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return UUID.fromString(r.json().get("id").asText());
    }

    private UUID goods(UUID donor, String title, int boxes, LocalDate expiry) {
        Instant now = Instant.now();
        Http.Response r = resource.http()
                .post(
                        "/offers",
                        Map.of(
                                "donorId",
                                donor.toString(),
                                "kind",
                                "GOODS",
                                "category",
                                "DAILY_GOODS",
                                "title",
                                title,
                                "place",
                                Map.of(
                                        "districtCode",
                                        HubServices.DISTRICT,
                                        "streetCode",
                                        HubServices.STREET,
                                        "geohash",
                                        GEOHASH),
                                "availableWindow",
                                Map.of(
                                        "start",
                                        now.minus(Duration.ofDays(1)).toString(),
                                        "end",
                                        now.plus(Duration.ofDays(60)).toString()),
                                "goods",
                                Map.of("quantity", boxes, "unit", "BOX", "expiryDate", expiry.toString())));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        UUID id = UUID.fromString(r.json().get("id").asText());
        await().atMost(WAIT).until(() -> count("select count(*) from offer_view where offer_id = ?", id) == 1);
        awaitEngineCaughtUp();
        return id;
    }

    private UUID youngOldVolunteer(CommunityPlace place) {
        List<Map<String, String>> everyDay = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            everyDay.add(Map.of("day", day, "start", "08:00", "end", "20:00"));
        }
        Http.Response r = volunteers
                .http()
                .post(
                        "/volunteers",
                        Http.map(
                                "name",
                                "王秀兰",
                                "phone",
                                "139" + (10_000_000 + (int) (Math.random() * 89_999_999)),
                                "communityId",
                                place.community().toString(),
                                "homeArea",
                                Map.of(
                                        "districtCode",
                                        HubServices.DISTRICT,
                                        "streetCode",
                                        HubServices.STREET,
                                        "communityId",
                                        place.community().toString(),
                                        "geohash",
                                        GEOHASH),
                                "skills",
                                List.of("HOME_REPAIR", "ELECTRICAL"),
                                "languages",
                                List.of(),
                                "youngOld",
                                true,
                                "inHardship",
                                false,
                                "availability",
                                Map.of("weeklySlots", everyDay, "maxHoursPerWeek", 20)));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        UUID id = UUID.fromString(r.json().get("id").asText());
        await().atMost(WAIT).until(() -> count("select count(*) from volunteer_view where volunteer_id = ?", id) == 1);
        awaitEngineCaughtUp();
        return id;
    }

    private UUID need(
            CommunityPlace place, String title, String category, List<String> skills, Instant start, Integer boxes) {
        JsonNode need = HubServices.postNeed(
                community.http(),
                place,
                title,
                category,
                "URGENT",
                skills,
                GEOHASH,
                start,
                start.plus(Duration.ofHours(4)),
                boxes);
        return UUID.fromString(need.get("id").asText());
    }

    private JsonNode stock(UUID offer) {
        Http.Response r = resource.http().get("/offers/" + offer + "/stock");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    private void awaitStatus(String matchId, String status) {
        await().atMost(WAIT)
                .until(() -> http().get("/matches/" + matchId)
                        .json()
                        .get("status")
                        .asText()
                        .equals(status));
    }

    private void awaitNeedStatus(CommunityPlace place, UUID needId, String status) {
        await().atMost(WAIT)
                .until(() ->
                        HubServices.needStatus(community.http(), place, needId).equals(status));
    }

    private List<PointsAwarded> pointsAwardedTo(UUID volunteer) {
        List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil(
                TestStack.bootstrapServers(),
                Aggregate.VOLUNTEER.topic(),
                r -> volunteer.toString().equals(r.key()),
                kept -> kept.stream().anyMatch(r -> codec.decode(r.value()) instanceof PointsAwarded),
                WAIT);
        List<PointsAwarded> awards = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            SpecificRecord e = codec.decode(r.value());
            if (e instanceof PointsAwarded a) {
                awards.add(a);
            }
        }
        return awards;
    }
}
