package org.wushe.hub.community.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.wushe.hub.community.support.HubEvents;
import org.wushe.hub.community.support.HubEvents.KnownNeed;
import org.wushe.hub.community.support.ServiceScenario;
import org.wushe.hub.events.community.NeedClosed;
import org.wushe.hub.events.community.NeedOutcome;
import org.wushe.hub.events.community.NeedPublished;
import org.wushe.hub.events.community.NeedUpdated;
import org.wushe.hub.events.matching.MatchProposed;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.events.EventEnvelope;
import org.wushe.hub.platform.events.EventHeaders;
import org.wushe.hub.platform.testing.Upstream;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.TestStack;
import org.wushe.hub.testing.TopicReader;
import tools.jackson.databind.JsonNode;

/**
 * Needs published over the API follow the match saga the matching service writes to
 * {@code wushe.matching.match}, through the real path (its outbox, Debezium, Kafka, this service's
 * binding), and each change goes out on {@code wushe.community.need} as NeedUpdated or NeedClosed, except
 * MATCHED: MatchProposed is the event, so the need takes it silently and a proposal sends no echo (issue #16). A
 * need's {@code revision} counts its events, so a need still at revision n after an event has published
 * nothing for it.
 */
class NeedFollowsMatchesTest extends ServiceScenario {

    private static final String MATCH_TOPIC = Aggregate.MATCH.topic();

    @Test
    void proposedEscalatedAcceptedCompletedMoveTheNeedStepByStepEachWithItsEvent() {
        KnownNeed need = newNeed();
        UUID match = UUID.randomUUID();
        Upstream matching = Upstream.matching(codec);
        Instant t = Instant.now();

        matching.publish(Aggregate.MATCH, match, HubEvents.proposed(need, match, t));
        // MATCHED, silently: no event, no new revision (MatchProposed is the event; no echo).
        awaitNeed(need, "MATCHED", match, 1);
        EventEnvelope escalated =
                matching.publish(Aggregate.MATCH, match, HubEvents.escalated(need, match, t.plusSeconds(60)));
        awaitProcessed(escalated.eventId());
        assertNeed(need, "MATCHED", match, 1);
        matching.publish(Aggregate.MATCH, match, HubEvents.accepted(need, match, t.plusSeconds(120)));
        awaitNeed(need, "ACCEPTED", match, 2);
        matching.publish(Aggregate.MATCH, match, HubEvents.completed(need, match, t.plusSeconds(900)));
        awaitNeed(need, "FULFILLED", match, 3);

        List<SpecificRecord> events = events(Aggregate.NEED, need.needId().toString(), 3);
        assertThat(events)
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("NeedPublished", "NeedUpdated", "NeedClosed");
        NeedPublished published = (NeedPublished) events.get(0);
        NeedUpdated accepted = (NeedUpdated) events.get(1);
        NeedClosed fulfilled = (NeedClosed) events.get(2);
        assertThat(accepted.getStatus().name())
                .as("no NeedUpdated MATCHED before it")
                .isEqualTo("ACCEPTED");
        assertThat(accepted.getMatchId()).isEqualTo(match);
        assertThat(accepted.getRevision()).isEqualTo(2);
        assertThat(accepted.getNeedId()).isEqualTo(need.needId());
        assertThat(accepted.getStationId()).isEqualTo(need.stationId());
        assertThat(accepted.getDetails()).as("the whole need, unchanged").isEqualTo(published.getDetails());
        assertThat(fulfilled.getOutcome()).isEqualTo(NeedOutcome.FULFILLED);
        assertThat(fulfilled.getMatchId()).isEqualTo(match);
        assertThat(fulfilled.getRevision()).isEqualTo(3);
        assertThat(fulfilled.getCommunityId()).isEqualTo(need.communityId());
    }

    @Test
    void aDeclineOfTheCurrentMatchReturnsTheNeedAndTheNextProposalTakesIt() {
        KnownNeed need = newNeed();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Upstream matching = Upstream.matching(codec);
        Instant t = Instant.now();

        matching.publish(Aggregate.MATCH, first, HubEvents.proposed(need, first, t));
        awaitNeed(need, "MATCHED", first, 1);
        matching.publish(Aggregate.MATCH, first, HubEvents.declined(need, first, t.plusSeconds(60)));
        awaitNeed(need, "PUBLISHED", null, 2);
        matching.publish(Aggregate.MATCH, second, HubEvents.proposed(need, second, t.plusSeconds(61)));
        awaitNeed(need, "MATCHED", second, 2);
        matching.publish(Aggregate.MATCH, second, HubEvents.accepted(need, second, t.plusSeconds(300)));
        awaitNeed(need, "ACCEPTED", second, 3);

        List<NeedUpdated> updates = events(Aggregate.NEED, need.needId().toString(), 3).stream()
                .skip(1)
                .map(NeedUpdated.class::cast)
                .toList();
        assertThat(updates).extracting(u -> u.getStatus().name()).containsExactly("PUBLISHED", "ACCEPTED");
        assertThat(updates).extracting(NeedUpdated::getMatchId).containsExactly(null, second);
        assertThat(updates).extracting(NeedUpdated::getRevision).containsExactly(2, 3);
    }

    @Test
    void lateRepeatedAndForeignEventsNeverMoveANeedBackAndPublishNothing() {
        KnownNeed need = newNeed();
        UUID older = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        Upstream matching = Upstream.matching(codec);
        Instant t = Instant.now();

        matching.publish(Aggregate.MATCH, older, HubEvents.proposed(need, older, t));
        awaitNeed(need, "MATCHED", older, 1);
        matching.publish(Aggregate.MATCH, newer, HubEvents.proposed(need, newer, t.plusSeconds(120)));
        awaitNeed(need, "MATCHED", newer, 1);
        // The older match's decline, read after the newer proposal (the two matches sit on different partitions).
        ignored(matching, older, HubEvents.declined(need, older, t.plusSeconds(60)));
        assertNeed(need, "MATCHED", newer, 1);
        // A proposal made before the newer one, read late.
        UUID late = UUID.randomUUID();
        ignored(matching, late, HubEvents.proposed(need, late, t.plusSeconds(90)));
        assertNeed(need, "MATCHED", newer, 1);

        matching.publish(Aggregate.MATCH, newer, HubEvents.accepted(need, newer, t.plusSeconds(300)));
        awaitNeed(need, "ACCEPTED", newer, 2);
        // The same match proposed again after its acceptance, another match accepted too, a decline of the older one.
        ignored(matching, newer, HubEvents.proposed(need, newer, t.plusSeconds(301)));
        UUID rival = UUID.randomUUID();
        ignored(matching, rival, HubEvents.accepted(need, rival, t.plusSeconds(302)));
        ignored(matching, older, HubEvents.declined(need, older, t.plusSeconds(303)));
        assertNeed(need, "ACCEPTED", newer, 2);

        matching.publish(Aggregate.MATCH, newer, HubEvents.completed(need, newer, t.plusSeconds(900)));
        awaitNeed(need, "FULFILLED", newer, 3);
        // A fulfilled need is closed: nothing opens it again.
        UUID after = UUID.randomUUID();
        ignored(matching, after, HubEvents.proposed(need, after, t.plusSeconds(1000)));
        ignored(matching, newer, HubEvents.declined(need, newer, t.plusSeconds(1001)));
        ignored(matching, after, HubEvents.accepted(need, after, t.plusSeconds(1002)));
        assertNeed(need, "FULFILLED", newer, 3);

        List<SpecificRecord> events = events(Aggregate.NEED, need.needId().toString(), 3);
        assertThat(events)
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("NeedPublished", "NeedUpdated", "NeedClosed");
        assertThat(((NeedUpdated) events.get(1)).getStatus().name()).isEqualTo("ACCEPTED");
        assertThat(((NeedClosed) events.get(2)).getRevision()).isEqualTo(3);
    }

    @Test
    void aCancelledNeedAndAnUnknownNeedIgnoreMatchEventsWithoutDeadLetters() {
        KnownNeed cancelled = newNeed();
        Http.Response cancel = http().post("/needs/" + cancelled.needId() + "/status", Http.map("status", "CANCELLED"));
        assertThat(cancel.status()).as(cancel.text()).isEqualTo(200);
        KnownNeed unknown = new KnownNeed(UUID.randomUUID(), cancelled.communityId(), cancelled.stationId());
        Upstream matching = Upstream.matching(codec);
        UUID match = UUID.randomUUID();
        double unknownBefore = counter("wushe.community.match.events", "event", "PROPOSED", "outcome", "unknown-need");

        ignored(matching, match, HubEvents.proposed(cancelled, match, Instant.now()));
        ignored(matching, match, HubEvents.completed(cancelled, match, Instant.now()));
        UUID stray = UUID.randomUUID();
        ignored(matching, stray, HubEvents.proposed(unknown, stray, Instant.now()));

        assertNeed(cancelled, "CANCELLED", null, 2);
        assertThat(counter("wushe.community.match.events", "event", "PROPOSED", "outcome", "unknown-need"))
                .isEqualTo(unknownBefore + 1);
        assertThat(http().get("/needs/" + unknown.needId()).status()).isEqualTo(404);
        assertThat(recordsSoFar(
                        Aggregate.MATCH.deadLetterTopic(),
                        r -> match.toString().equals(r.key())
                                || stray.toString().equals(r.key())))
                .isEmpty();
    }

    @Test
    void aVerbatimRedeliveryPublishesNothingNew() {
        KnownNeed need = newNeed();
        UUID match = UUID.randomUUID();
        Upstream matching = Upstream.matching(codec);
        MatchProposed proposal = HubEvents.proposed(need, match, Instant.now());
        double duplicatesBefore =
                counter("wushe.inbound.events", "consumer", "community-service", "outcome", "duplicate");

        // The same event, same event id, twice (a connector that restarts before committing its offsets).
        matching.publish(Aggregate.MATCH, match, proposal);
        matching.publish(Aggregate.MATCH, match, proposal);
        List<ConsumerRecord<String, byte[]>> onWire = TopicReader.readUntil(
                TestStack.bootstrapServers(),
                MATCH_TOPIC,
                r -> match.toString().equals(r.key()),
                kept -> kept.size() >= 2,
                WAIT);
        assertThat(onWire)
                .extracting(r -> header(r, EventHeaders.EVENT_ID))
                .containsOnly(proposal.getEventId().toString())
                .hasSize(2);
        await().atMost(WAIT)
                .until(() -> counter("wushe.inbound.events", "consumer", "community-service", "outcome", "duplicate")
                        >= duplicatesBefore + 1);
        assertNeed(need, "MATCHED", match, 1);

        // Declined; then the proposal once more, verbatim: processed again it would match the need anew.
        matching.publish(
                Aggregate.MATCH,
                match,
                HubEvents.declined(need, match, Instant.now().plusSeconds(60)));
        awaitNeed(need, "PUBLISHED", null, 2);
        matching.publish(Aggregate.MATCH, match, proposal);
        await().atMost(WAIT)
                .until(() -> counter("wushe.inbound.events", "consumer", "community-service", "outcome", "duplicate")
                        >= duplicatesBefore + 2);
        assertNeed(need, "PUBLISHED", null, 2);

        List<SpecificRecord> events = events(Aggregate.NEED, need.needId().toString(), 2);
        assertThat(events)
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("NeedPublished", "NeedUpdated");
        assertThat(((NeedUpdated) events.get(1)).getStatus().name()).isEqualTo("PUBLISHED");
        assertThat(((NeedUpdated) events.get(1)).getRevision()).isEqualTo(2);
    }

    @Test
    void aRecordThatIsNoEventGoesToTheDeadLetterTopicWithTheReasonAndTheConsumerGoesOn() {
        KnownNeed need = newNeed();
        UUID match = UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                    MATCH_TOPIC, match.toString(), "{\"matchId\":\"not avro\"}".getBytes(StandardCharsets.UTF_8)));
        }
        // The real proposal comes after it, on the same partition (same key).
        Upstream.matching(codec).publish(Aggregate.MATCH, match, HubEvents.proposed(need, match, Instant.now()));

        List<ConsumerRecord<String, byte[]>> dead = TopicReader.readUntil(
                TestStack.bootstrapServers(),
                Aggregate.MATCH.deadLetterTopic(),
                r -> match.toString().equals(r.key()),
                kept -> !kept.isEmpty(),
                WAIT);
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{\"matchId\":\"not avro\"}");
        assertThat(header(dead.get(0), EventHeaders.DEAD_LETTER_REASON)).contains("not Avro single-object encoding");
        awaitNeed(need, "MATCHED", match, 1);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private KnownNeed newNeed() {
        Place place = communityWithStation();
        JsonNode need = publishNeed(need(place));
        return new KnownNeed(UUID.fromString(need.get("id").asText()), place.community(), place.station());
    }

    /** Publishes a match event and waits until this service has processed it. */
    private void ignored(Upstream matching, UUID match, SpecificRecord event) {
        awaitProcessed(matching.publish(Aggregate.MATCH, match, event).eventId());
    }

    /** Waits until the need is as said (a MATCHED need keeps its revision, so the revision alone is no sign). */
    private void awaitNeed(KnownNeed need, String status, UUID match, int revision) {
        await().atMost(WAIT).untilAsserted(() -> assertNeed(need, status, match, revision));
    }

    private void assertNeed(KnownNeed need, String status, UUID match, int revision) {
        JsonNode n = http().get("/needs/" + need.needId()).json();
        assertThat(n.get("status").asText()).as("status").isEqualTo(status);
        assertThat(n.get("revision").asInt()).as("revision").isEqualTo(revision);
        if (match == null) {
            assertThat(n.get("matchId")).as("matchId").isNull();
        } else {
            assertThat(n.get("matchId").asText()).as("matchId").isEqualTo(match.toString());
        }
    }
}
