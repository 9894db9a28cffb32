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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.matching.Decider;
import org.wushe.hub.events.matching.DeclineReason;
import org.wushe.hub.events.matching.MatchDeclined;
import org.wushe.hub.events.volunteer.VolunteerAvailabilityDeclared;
import org.wushe.hub.matching.support.HubServices;
import org.wushe.hub.matching.support.HubServices.CommunityPlace;
import org.wushe.hub.matching.support.MatchingScenario;
import org.wushe.hub.matching.support.Town;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.ServiceProcess;
import org.wushe.hub.testing.TestStack;
import org.wushe.hub.testing.TestTokens;
import org.wushe.hub.testing.TopicReader;
import tools.jackson.databind.JsonNode;

/**
 * Providers and volunteers answer for themselves, across the real resource, volunteer and community
 * services (child JVMs from their exec jars) and this matching service, by events alone:
 * <ul>
 * <li>a donor's staff withdraw one offer and cut the stock of another: the withdrawn offer is never
 *     proposed, the changed stock is what the engine counts; another donor's staff are refused and
 *     nothing reaches matching;</li>
 * <li>a volunteer declines a match accepted for them: matching declines it (declinedBy VOLUNTEER) and
 *     proposes the next volunteer; the same decline again, and the event redelivered, change nothing;
 *     when the last candidate declines too, the need waits with the reason; another volunteer is refused.</li>
 * </ul>
 * Its places are in Yanqing, far from the other tests' towns.
 */
@Tag("hub") // several services as child JVMs: the full loop (-Phub) runs it, the quick loop leaves it out
class ProviderAndVolunteerAnswersTest extends MatchingScenario {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String GEOHASH = Town.geohash(40.45, 115.97);

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
    void aWithdrawnOfferIsNeverProposedAndAChangedStockIsWhatCounts() {
        CommunityPlace place = HubServices.communityWithStation(community.http(), "康庄村", GEOHASH);
        await().atMost(WAIT)
                .until(() -> count("select count(*) from station_view where station_id = ?", place.station()) == 1);
        LocalDate today = LocalDate.ofInstant(Instant.now(), SHANGHAI);
        UUID donor = donor("康庄爱心超市");
        UUID milk = goods(donor, "爱心牛奶 milk", 10, today.plusDays(20));
        UUID juice = goods(donor, "爱心果汁 juice", 10, today.plusDays(40));
        Http staff = resource.http().as(TestTokens.token("kangzhuang-shop", Roles.DONOR_STAFF, Roles.DONOR_ID, donor));

        // Another donor's staff: refused, nothing written, nothing published.
        UUID otherDonor = donor("另一家超市");
        Http otherStaff =
                resource.http().as(TestTokens.token("other-shop", Roles.DONOR_STAFF, Roles.DONOR_ID, otherDonor));
        Http.Response refusedChange = otherStaff.put("/offers/" + milk, Map.of("goods", Map.of("quantity", 1)));
        assertThat(refusedChange.status()).as(refusedChange.text()).isEqualTo(403);
        assertThat(refusedChange.problemField()).isEqualTo("offerId");
        Http.Response refusedWithdrawal = otherStaff.post("/offers/" + milk + "/withdraw", Map.of("reason", "不要了"));
        assertThat(refusedWithdrawal.status()).isEqualTo(403);
        assertThat(resource.http().get("/offers/" + milk).json().get("status").asText())
                .isEqualTo("ACTIVE");
        assertThat(stock(milk).get("available").asInt()).isEqualTo(10);

        // The donor's own staff withdraw the milk and cut the juice to 3 boxes.
        Http.Response withdrawn =
                staff.post("/offers/" + milk + "/withdraw", Map.of("reason", "已全部送往敬老院 all given to a care home"));
        assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(200);
        Http.Response changed = staff.put(
                "/offers/" + juice, Map.of("title", "爱心果汁（三箱）juice, three boxes", "goods", Map.of("quantity", 3)));
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        await().atMost(WAIT)
                .until(() -> count("select count(*) from offer_view where offer_id = ? and not active", milk) == 1
                        && count(
                                        "select count(*) from offer_view where offer_id = ? and revision = 1 and (spec->>'remaining')::int = 3",
                                        juice)
                                == 1);
        assertThat(count("select count(*) from offer_view where offer_id = ? and revision = 0", milk))
                .as("the refused change never reached matching")
                .isZero();
        awaitEngineCaughtUp();

        Instant start = today.plusDays(1).atTime(10, 0).atZone(SHANGHAI).toInstant();
        UUID first = need(place, "独居老人需要饮品 drinks for an elder living alone", "DAILY_GOODS", List.of(), start, 2);
        JsonNode m1 = awaitLiveMatch(first);
        assertThat(m1.get("candidate").get("id").asText())
                .as("the milk expires sooner, but it was withdrawn")
                .isEqualTo(juice.toString());

        assertThat(m1.get("allocation").get("quantity").asInt()).isEqualTo(2);
        UUID second = need(place, "困难家庭需要饮品 drinks for a family in hardship", "DAILY_GOODS", List.of(), start, 2);
        JsonNode m2 = awaitLiveMatch(second);
        assertThat(m2.get("candidate").get("id").asText()).isEqualTo(juice.toString());
        assertThat(m2.get("allocation").get("quantity").asInt())
                .as("what is left of the 3 boxes, not of the 10 first offered")
                .isEqualTo(1);

        UUID third =
                need(place, "低保户需要饮品 drinks for a family on subsistence allowance", "DAILY_GOODS", List.of(), start, 1);
        JsonNode waiting = awaitNeed(third, n -> "WAITING".equals(n.get("state").asText()));
        assertThat(waiting.get("matches"))
                .as("no juice left; the milk's 10 boxes are withdrawn")
                .isEmpty();
        assertThat(waiting.get("waitingEn").asText()).isNotBlank();
    }

    @Test
    void aVolunteersDeclineGoesBackToMatchingOnceAndTheNextVolunteerIsProposed() {
        CommunityPlace place = HubServices.communityWithStation(community.http(), "张山营村", GEOHASH);
        await().atMost(WAIT)
                .until(() -> count("select count(*) from station_view where station_id = ?", place.station()) == 1);
        UUID a = volunteer(place, "王秀兰");
        UUID b = volunteer(place, "李建华");
        Instant start = LocalDate.ofInstant(Instant.now(), SHANGHAI)
                .plusDays(1)
                .atTime(10, 0)
                .atZone(SHANGHAI)
                .toInstant();
        UUID need = need(place, "楼道灯不亮 the stairwell light is out", "HOME_REPAIR", List.of("ELECTRICAL"), start, null);

        JsonNode m1 = awaitLiveMatch(need);
        UUID firstVolunteer = UUID.fromString(m1.get("candidate").get("id").asText());
        UUID secondVolunteer = firstVolunteer.equals(a) ? b : a;
        String match1 = m1.get("matchId").asText();
        assertThat(http().post("/matches/" + match1 + "/accept", "{}").status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> "ACCEPTED".equals(assignmentStatus(firstVolunteer, match1)));

        // Another volunteer may not answer for them: 403, nothing written.
        Http.Response refused = as(secondVolunteer)
                .post(
                        "/volunteers/" + firstVolunteer + "/assignments/" + match1 + "/decline",
                        Map.of("reason", "我替他谢绝"));
        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        assertThat(refused.problemField()).isEqualTo("id");
        assertThat(assignmentStatus(firstVolunteer, match1)).isEqualTo("ACCEPTED");
        assertThat(http().get("/matches/" + match1).json().get("status").asText())
                .isEqualTo("ACCEPTED");

        // The volunteer declines: matching declines the match as staff would and proposes the other volunteer.
        String declinePath = "/volunteers/" + firstVolunteer + "/assignments/" + match1 + "/decline";
        Http.Response declined = as(firstVolunteer)
                .post(declinePath, Map.of("reason", "临时出差 away that day", "category", "TIME_CONFLICT"));
        assertThat(declined.status()).as(declined.text()).isEqualTo(200);
        await().atMost(WAIT)
                .until(() -> http().get("/matches/" + match1)
                        .json()
                        .get("status")
                        .asText()
                        .equals("DECLINED"));
        MatchDeclined matchDeclined =
                only(matchEvents(UUID.fromString(match1), has(MatchDeclined.class)), MatchDeclined.class);
        assertThat(matchDeclined.getDeclinedBy()).isEqualTo(Decider.VOLUNTEER);
        assertThat(matchDeclined.getReason()).isEqualTo(DeclineReason.TIME_CONFLICT);
        JsonNode m2 = awaitLiveMatch(need);
        assertThat(m2.get("candidate").get("id").asText()).isEqualTo(secondVolunteer.toString());
        assertThat(m2.get("rank").asInt()).isEqualTo(2);
        String match2 = m2.get("matchId").asText();

        // The same decline again, and its event redelivered verbatim twice: nothing changes.
        double duplicatesBefore =
                counter("wushe.inbound.events", "consumer", "matching-service", "outcome", "duplicate");
        assertThat(as(firstVolunteer)
                        .post(declinePath, Map.of("reason", "临时出差 away that day", "category", "TIME_CONFLICT"))
                        .status())
                .isEqualTo(200);
        List<ConsumerRecord<String, byte[]>> answers = TopicReader.readUntil(
                TestStack.bootstrapServers(),
                Aggregate.VOLUNTEER.topic(),
                r -> firstVolunteer.toString().equals(r.key())
                        && codec.decode(r.value()) instanceof VolunteerAvailabilityDeclared d
                        && d.getAssignmentAnswer() != null,
                kept -> !kept.isEmpty(),
                WAIT);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (int copy = 0; copy < 2; copy++) {
                for (ConsumerRecord<String, byte[]> r : answers) {
                    producer.send(
                            new ProducerRecord<>(Aggregate.VOLUNTEER.topic(), null, r.key(), r.value(), r.headers()));
                }
            }
        }
        await().atMost(WAIT)
                .until(() -> counter("wushe.inbound.events", "consumer", "matching-service", "outcome", "duplicate")
                                - duplicatesBefore
                        >= 2 * answers.size());
        assertThat(answers)
                .as("one answer published, however often it was asked")
                .hasSize(1);
        assertThat(http().get("/matches/" + match2).json().get("status").asText())
                .isEqualTo("PROPOSED");
        assertThat(count("select count(*) from match where need_id = ?", need)).isEqualTo(2);

        // The last candidate declines the proposal too: the need waits, with the reason.
        await().atMost(WAIT).until(() -> "PROPOSED".equals(assignmentStatus(secondVolunteer, match2)));
        assertThat(as(secondVolunteer)
                        .post(
                                "/volunteers/" + secondVolunteer + "/assignments/" + match2 + "/decline",
                                Map.of("reason", "不会修灯 I cannot fix lights", "category", "NOT_SUITABLE"))
                        .status())
                .isEqualTo(200);
        JsonNode waiting = awaitNeed(need, n -> "WAITING".equals(n.get("state").asText()));
        assertThat(live(waiting)).isNull();
        assertThat(waiting.get("waitingEn").asText()).isNotBlank();
        List<SpecificRecord> second = matchEvents(UUID.fromString(match2), has(MatchDeclined.class));
        assertThat(only(second, MatchDeclined.class).getReason()).isEqualTo(DeclineReason.NOT_SUITABLE);
        assertThat(second.toString())
                .as("the volunteers' words stay in volunteer-service")
                .doesNotContain("修灯")
                .doesNotContain("出差");
    }

    private Http as(UUID volunteer) {
        return volunteers
                .http()
                .as(TestTokens.token(
                        "vol-" + volunteer.toString().substring(0, 8), Roles.VOLUNTEER, Roles.VOLUNTEER_ID, volunteer));
    }

    private String assignmentStatus(UUID volunteer, String matchId) {
        for (JsonNode a :
                as(volunteer).get("/volunteers/" + volunteer + "/assignments").json()) {
            if (a.get("matchId").asText().equals(matchId)) {
                return a.get("status").asText();
            }
        }
        return null;
    }

    private UUID donor(String name) {
        Http.Response r = resource.http()
                .post(
                        "/donors",
                        Map.of(
                                "name",
                                HubServices.unique(name),
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

    private UUID volunteer(CommunityPlace place, String name) {
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
                                name,
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
                                false,
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
}
