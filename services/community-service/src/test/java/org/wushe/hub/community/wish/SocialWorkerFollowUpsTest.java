package org.wushe.hub.community.wish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.wushe.hub.community.inbound.AssignmentInbound;
import org.wushe.hub.community.support.GridScenario;
import org.wushe.hub.community.support.HubEvents;
import org.wushe.hub.community.support.People;
import org.wushe.hub.events.community.FollowUpRecorded;
import org.wushe.hub.events.community.FollowUpRecorder;
import org.wushe.hub.events.socialworker.SocialWorkerAssigned;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.events.EventEnvelope;
import org.wushe.hub.platform.events.EventHeaders;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.platform.testing.Upstream;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.TestStack;
import org.wushe.hub.testing.TestTokens;
import org.wushe.hub.testing.TopicReader;
import tools.jackson.databind.JsonNode;

/**
 * Social workers record the follow-up visits (回访) of low ratings of the station they are assigned to now, on the real stack:
 * the social-worker service's SocialWorkerRegistered and SocialWorkerAssigned travel its outbox, Debezium and
 * {@code wushe.socialworker.worker} to this service's {@code assignments-in-0}; the worker then lists, reads and records
 * exactly as the station's staff do. Another station's worker, a worker on no station and one this service has not heard of
 * are refused; a move takes the old station away; an event delivered twice, or an older one arriving late, changes nothing.
 */
class SocialWorkerFollowUpsTest extends GridScenario {

    private static final String CONSUMER = AssignmentInbound.CONSUMER;

    /** A social worker's own token: role social_worker, their id in social_worker_id; no station. */
    static String socialWorker(String subject, UUID worker) {
        return TestTokens.token(subject, Roles.SOCIAL_WORKER, Roles.SOCIAL_WORKER_ID, worker);
    }

    @Test
    void aSocialWorkerOfTheStationListsReadsAndRecordsItsFollowUpsOnceAndNoOtherWorkerMay() {
        Place a = communityWithStation();
        Place b = communityWithStation();
        Http staffA = as(communityStaff("sq-he", a.community()));
        String residentId = registerResident(a.community(), People.next(), unique("SW"))
                .get("id")
                .asText();
        Http zhang = as(ResidentWishesTest.resident("jumin-sw", residentId, a.community()));
        String older = lowRating(staffA, zhang, "想请人上门修水管", "等了一上午没人来");
        String newer = lowRating(staffA, zhang, "想请人帮忙买菜", "菜不新鲜");
        List<String> followUps =
                ids(as(stationStaff("zhan-li", a.station())).get("/stations/" + a.station() + "/follow-ups"));
        assertThat(followUps).hasSize(2);
        String first = followUps.get(0);
        String second = followUps.get(1);
        assertThat(as(stationStaff("zhan-li", a.station()))
                        .get("/follow-ups/" + first)
                        .json()
                        .get("needId")
                        .asText())
                .isEqualTo(older);

        UUID wang = UUID.randomUUID();
        UUID zhao = UUID.randomUUID();
        UUID chen = UUID.randomUUID();
        Upstream socialWorker = Upstream.socialWorker(codec);
        double duplicatesBefore = counter("wushe.inbound.events", "consumer", CONSUMER, "outcome", "duplicate");
        // 王 registered without a station, then assigned to A (delivered twice); 赵 registered at B (no assignment event
        // follows).
        socialWorker.publish(
                Aggregate.SOCIAL_WORKER,
                wang,
                HubEvents.registered(wang, null, Instant.now().minusSeconds(60)));
        SocialWorkerAssigned toA =
                HubEvents.assigned(wang, a.station(), null, Instant.now().minusSeconds(30));
        socialWorker.publish(Aggregate.SOCIAL_WORKER, wang, toA);
        awaitAssigned(socialWorker.publish(Aggregate.SOCIAL_WORKER, wang, toA).eventId());
        awaitAssigned(socialWorker
                .publish(Aggregate.SOCIAL_WORKER, zhao, HubEvents.registered(zhao, b.station(), Instant.now()))
                .eventId());
        await().atMost(WAIT)
                .until(() -> counter("wushe.inbound.events", "consumer", CONSUMER, "outcome", "duplicate")
                        >= duplicatesBefore + 1);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?",
                        Integer.class,
                        CONSUMER,
                        toA.getEventId()))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT station_id::text FROM social_worker_station WHERE social_worker_id = ?",
                        String.class,
                        wang))
                .isEqualTo(a.station().toString());

        Http wangA = as(socialWorker("sg-wang", wang));
        Http zhaoB = as(socialWorker("sg-zhao", zhao));
        Http chenUnknown = as(socialWorker("sg-chen", chen));

        // The worker of A: A's list (their own page and the station's), one follow-up, with the stars and the comment.
        assertThat(ids(wangA.get("/social-workers/me/follow-ups"))).containsExactly(first, second);
        assertThat(ids(wangA.get("/stations/" + a.station() + "/follow-ups?status=OPEN")))
                .containsExactly(first, second);
        JsonNode one = wangA.get("/follow-ups/" + first).json();
        assertThat(one.get("stars").asInt()).isEqualTo(1);
        assertThat(one.get("comment").asText()).isEqualTo("等了一上午没人来");

        // B's worker, a worker this service never heard of, and A's worker on B: refused, naming the field; nothing
        // recorded.
        String aOnly = "station_staff of " + a.station() + " or social_worker assigned to " + a.station();
        assertForbidden(zhaoB.get("/stations/" + a.station() + "/follow-ups"), "stationId", aOnly);
        assertForbidden(zhaoB.get("/follow-ups/" + first), "id", aOnly);
        assertForbidden(zhaoB.post("/follow-ups/" + first, Http.map("outcome", "已回访")), "id", aOnly);
        assertThat(ids(zhaoB.get("/social-workers/me/follow-ups")))
                .as("B has none")
                .isEmpty();
        assertForbidden(chenUnknown.get("/stations/" + a.station() + "/follow-ups"), "stationId", aOnly);
        assertForbidden(chenUnknown.get("/follow-ups/" + first), "id", aOnly);
        assertForbidden(chenUnknown.post("/follow-ups/" + first, Http.map("outcome", "已回访")), "id", aOnly);
        assertForbidden(
                chenUnknown.get("/social-workers/me/follow-ups"),
                "social_worker_id",
                "social_worker assigned to a station");
        assertForbidden(staffA.get("/social-workers/me/follow-ups"), "Authorization", "social_worker");
        assertForbidden(http().get("/social-workers/me/follow-ups"), "Authorization", "social_worker");
        String bOnly = "station_staff of " + b.station() + " or social_worker assigned to " + b.station();
        assertForbidden(wangA.get("/stations/" + b.station() + "/follow-ups"), "stationId", bOnly);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM service_follow_up WHERE station_id = ? AND status = 'OPEN'",
                        Integer.class,
                        a.station()))
                .isEqualTo(2);

        // Recording: the outcome required and screened, once; the follow-up keeps who and in which role.
        assertProblem(wangA.post("/follow-ups/" + first, Http.map()), 400, "outcome");
        assertProblem(wangA.post("/follow-ups/" + first, Http.map("outcome", "居民电话 13912345678")), 400, "outcome");
        Http.Response recorded = wangA.post("/follow-ups/" + first, Http.map("outcome", "社工上门回访，已向居民道歉"));
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(200);
        assertThat(recorded.json().get("status").asText()).isEqualTo("RECORDED");
        assertThat(recorded.json().get("recordedBy").asText()).isEqualTo("sg-wang");
        assertThat(recorded.json().get("recordedRole").asText()).isEqualTo(Roles.SOCIAL_WORKER);
        assertProblem(wangA.post("/follow-ups/" + first, Http.map("outcome", "再次回访")), 409, "id");
        assertProblem(
                as(stationStaff("zhan-li", a.station())).post("/follow-ups/" + first, Http.map("outcome", "站点回访")),
                409,
                "id");
        List<String> residentSees = new ArrayList<>();
        zhang.get("/residents/me/ratings")
                .json()
                .forEach(r -> residentSees.add(
                        r.get("needId").asText() + "=" + r.get("followUp").asText()));
        assertThat(residentSees).containsExactlyInAnyOrder(older + "=RECORDED", newer + "=OPEN");
        // The open one first on the worker's page, then the recorded one.
        assertThat(ids(wangA.get("/social-workers/me/follow-ups"))).containsExactly(second, first);
        assertThat(ids(wangA.get("/social-workers/me/follow-ups?status=RECORDED")))
                .containsExactly(first);

        // FollowUpRecorded says a social worker recorded it; no outcome, no worker.
        String needId = recorded.json().get("needId").asText();
        List<ConsumerRecord<String, byte[]>> records = records(
                Aggregate.NEED,
                Set.of(needId),
                rs -> rs.stream().anyMatch(r -> codec.decode(r.value()) instanceof FollowUpRecorded));
        FollowUpRecorded done = records.stream()
                .map(r -> codec.decode(r.value()))
                .filter(FollowUpRecorded.class::isInstance)
                .map(FollowUpRecorded.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(done.getFollowUpId().toString()).isEqualTo(first);
        assertThat(done.getStationId()).isEqualTo(a.station());
        assertThat(done.getRecordedBy()).isEqualTo(FollowUpRecorder.SOCIAL_WORKER);
        assertNoneHolds(records, List.of("社工上门回访", wang.toString()));

        // Moved to B: A's follow-ups are no longer the worker's, B's are.
        Instant moved = Instant.now();
        awaitAssigned(socialWorker
                .publish(Aggregate.SOCIAL_WORKER, wang, HubEvents.assigned(wang, b.station(), a.station(), moved))
                .eventId());
        assertForbidden(wangA.get("/stations/" + a.station() + "/follow-ups"), "stationId", aOnly);
        assertForbidden(wangA.post("/follow-ups/" + second, Http.map("outcome", "已回访")), "id", aOnly);
        assertThat(ids(wangA.get("/social-workers/me/follow-ups"))).isEmpty();
        assertThat(ids(wangA.get("/stations/" + b.station() + "/follow-ups"))).isEmpty();

        // An older assignment to A, delivered after the move (a replay, a dead letter sent again): it does not win.
        EventEnvelope late = socialWorker.publish(
                Aggregate.SOCIAL_WORKER, wang, HubEvents.assigned(wang, a.station(), null, moved.minusSeconds(5)));
        awaitAssigned(late.eventId());
        assertThat(jdbc.queryForObject(
                        "SELECT station_id::text FROM social_worker_station WHERE social_worker_id = ?",
                        String.class,
                        wang))
                .isEqualTo(b.station().toString());
        assertForbidden(wangA.get("/follow-ups/" + second), "id", aOnly);

        // Taken off every station: nothing is theirs.
        awaitAssigned(socialWorker
                .publish(
                        Aggregate.SOCIAL_WORKER,
                        wang,
                        HubEvents.assigned(wang, null, b.station(), moved.plusSeconds(1)))
                .eventId());
        assertForbidden(
                wangA.get("/social-workers/me/follow-ups"), "social_worker_id", "social_worker assigned to a station");
        assertForbidden(wangA.get("/stations/" + b.station() + "/follow-ups"), "stationId", bOnly);
        assertThat(jdbc.queryForObject("SELECT status FROM service_follow_up WHERE id = ?::uuid", String.class, second))
                .isEqualTo("OPEN");
    }

    @Test
    void aRecordThatIsNoEventGoesToTheDeadLetterTopicAndTheNextAssignmentStillCounts() {
        Place a = communityWithStation();
        UUID worker = UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                    Aggregate.SOCIAL_WORKER.topic(),
                    worker.toString(),
                    "{\"socialWorkerId\":\"not avro\"}".getBytes(StandardCharsets.UTF_8)));
        }
        // The real assignment after it, on the same partition (same key).
        EventEnvelope assigned = Upstream.socialWorker(codec)
                .publish(Aggregate.SOCIAL_WORKER, worker, HubEvents.assigned(worker, a.station(), null, Instant.now()));

        List<ConsumerRecord<String, byte[]>> dead = TopicReader.readUntil(
                TestStack.bootstrapServers(),
                Aggregate.SOCIAL_WORKER.deadLetterTopic(),
                r -> worker.toString().equals(r.key())
                        && CONSUMER.equals(header(r, "kafka_dlt-original-consumer-group")),
                kept -> !kept.isEmpty(),
                WAIT);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8))
                .isEqualTo("{\"socialWorkerId\":\"not avro\"}");
        assertThat(header(dead.get(0), EventHeaders.DEAD_LETTER_REASON)).contains("not Avro single-object encoding");
        awaitAssigned(assigned.eventId());
        assertThat(ids(as(socialWorker("sg-sun", worker)).get("/social-workers/me/follow-ups")))
                .isEmpty();
        assertThat(as(socialWorker("sg-sun", worker))
                        .get("/stations/" + a.station() + "/follow-ups")
                        .status())
                .isEqualTo(200);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** A wish of the resident's, accepted, fulfilled and rated 1 star with {@code comment}: its need's id. */
    private String lowRating(Http staff, Http resident, String title, String comment) {
        String wish =
                ResidentWishesTest.id(resident.post("/residents/me/wishes", ResidentWishesTest.wish(title, true)), 201);
        Http.Response accepted = staff.post(
                "/wishes/" + wish + "/accept",
                Http.map(
                        "urgency",
                        "SOON",
                        "beneficiaryGroup",
                        "VERY_OLD",
                        "quantity",
                        Http.map("amount", 1, "unit", "PIECE")));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        String needId = accepted.json().get("needId").asText();
        for (String status : List.of("MATCHED", "ACCEPTED", "IN_SERVICE", "FULFILLED")) {
            Http.Response r = staff.post("/needs/" + needId + "/status", Http.map("status", status));
            assertThat(r.status()).as(r.text()).isEqualTo(200);
        }
        Http.Response rated =
                resident.post("/residents/me/needs/" + needId + "/rating", Http.map("stars", 1, "comment", comment));
        assertThat(rated.status()).as(rated.text()).isEqualTo(201);
        return needId;
    }

    private static List<String> ids(Http.Response r) {
        return ResidentWishesTest.ids(r, "id");
    }

    /** Waits until {@code assignments-in-0} has processed the event. */
    private void awaitAssigned(UUID eventId) {
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?",
                                Integer.class,
                                CONSUMER,
                                eventId)
                        == 1);
    }
}
