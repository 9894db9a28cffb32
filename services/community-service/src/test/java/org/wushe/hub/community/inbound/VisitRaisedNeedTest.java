package org.wushe.hub.community.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.wushe.hub.community.support.HubEvents;
import org.wushe.hub.community.support.People;
import org.wushe.hub.community.support.ServiceScenario;
import org.wushe.hub.events.common.NeedDetails;
import org.wushe.hub.events.common.NeedSource;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.community.NeedPublished;
import org.wushe.hub.events.socialworker.VisitRaisedNeed;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.events.EventEnvelope;
import org.wushe.hub.platform.events.EventHeaders;
import org.wushe.hub.platform.testing.Upstream;
import org.wushe.hub.testing.TestStack;
import org.wushe.hub.testing.TopicReader;
import tools.jackson.databind.JsonNode;

/**
 * A social worker's visit that found a need (VisitRaisedNeed on {@code wushe.socialworker.worker}, through
 * the social-worker service's outbox and Debezium) becomes a published need, checked as the REST path
 * checks one, once; the topic's other events are skipped; a need that breaks a rule is dead-lettered
 * with the reason and the consumer goes on.
 */
class VisitRaisedNeedTest extends ServiceScenario {

    @Test
    void aNeedFoundOnAVisitIsPublishedOnceAsTheRestPathWouldAndTheTopicsOtherEventsAreSkipped() {
        Place place = communityWithStation();
        UUID grid = registerGrid(place.community(), "第二网格");
        JsonNode resident = registerResident(
                place.community(),
                People.next(),
                "V-" + UUID.randomUUID().toString().substring(0, 8),
                "ELDERLY_ALONE");
        UUID residentRef = UUID.fromString(resident.get("residentRef").asText());
        UUID worker = UUID.randomUUID();
        UUID visit = UUID.randomUUID();
        Instant start = daysAhead(2);
        Upstream socialWorker = Upstream.socialWorker(codec);
        double ignoredBefore = counter("wushe.inbound.events", "consumer", "community-service", "outcome", "ignored");
        double duplicatesBefore =
                counter("wushe.inbound.events", "consumer", "community-service", "outcome", "duplicate");

        // A visit that found nothing, then the one that found a need, delivered twice, then raised again as a new
        // event.
        socialWorker.publish(
                Aggregate.SOCIAL_WORKER,
                worker,
                HubEvents.visitRecorded(worker, place.community(), place.station(), Instant.now()));
        VisitRaisedNeed raised =
                HubEvents.visitRaisedNeed(worker, visit, place.community(), place.station(), grid, residentRef, start);
        socialWorker.publish(Aggregate.SOCIAL_WORKER, worker, raised);
        socialWorker.publish(Aggregate.SOCIAL_WORKER, worker, raised);
        VisitRaisedNeed again =
                VisitRaisedNeed.newBuilder(raised).setEventId(UUID.randomUUID()).build();
        awaitProcessed(
                socialWorker.publish(Aggregate.SOCIAL_WORKER, worker, again).eventId());

        await().atMost(WAIT)
                .until(() -> counter("wushe.inbound.events", "consumer", "community-service", "outcome", "duplicate")
                        >= duplicatesBefore + 1);
        assertThat(counter("wushe.inbound.events", "consumer", "community-service", "outcome", "ignored"))
                .isGreaterThanOrEqualTo(ignoredBefore + 1);
        JsonNode needs = http().get("/needs?communityId=" + place.community()).json();
        assertThat(needs).hasSize(1);
        JsonNode need = needs.get(0);
        assertThat(http().get("/needs?visitId=" + visit).json()).hasSize(1);
        assertThat(need.get("visitId").asText()).isEqualTo(visit.toString());
        assertThat(need.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(need.get("revision").asInt()).isEqualTo(1);
        assertThat(need.get("source").asText()).isEqualTo("VISIT");
        assertThat(need.get("stationId").asText()).isEqualTo(place.station().toString());
        assertThat(need.get("gridId").asText()).isEqualTo(grid.toString());
        assertThat(need.get("residentRef").asText()).isEqualTo(residentRef.toString());
        assertThat(need.get("title").asText()).isEqualTo("厨房水管漏水需维修 kitchen pipe leaking");
        assertThat(need.get("start").asText()).isEqualTo(start.toString());
        assertThat(need.get("requiredSkills").get(0).asText()).isEqualTo("PLUMBING");
        assertThat(need.get("estimatedMinutes").asInt()).isEqualTo(90);

        List<SpecificRecord> events = events(Aggregate.NEED, need.get("id").asText(), 1);
        NeedPublished published = (NeedPublished) events.get(0);
        assertThat(published.getRevision()).isEqualTo(1);
        assertThat(published.getStationId()).isEqualTo(place.station());
        NeedDetails d = published.getDetails();
        assertThat(d.getSource()).isEqualTo(NeedSource.VISIT);
        assertThat(d.getResidentRef()).isEqualTo(residentRef);
        assertThat(d.getPlace().getGridId()).isEqualTo(grid);
        assertThat(d.getPlace().getGeohash()).isEqualTo("wx4g0b");
        assertThat(d.getTimeWindow().getEnd()).isEqualTo(start.plus(3, ChronoUnit.HOURS));
        assertThat(d.getRequiredSkills()).containsExactly(Skill.PLUMBING);
        // The visit that found nothing was skipped, not dead-lettered.
        assertThat(recordsSoFar(
                        Aggregate.SOCIAL_WORKER.deadLetterTopic(),
                        r -> worker.toString().equals(r.key())))
                .isEmpty();
    }

    @Test
    void aRaisedNeedThatBreaksTheRulesIsDeadLetteredWithEveryReasonAndTheNextOneIsPublished() {
        Place place = communityWithStation();
        Place elsewhere = communityWithStation();
        UUID worker = UUID.randomUUID();
        UUID refused = UUID.randomUUID();
        UUID accepted = UUID.randomUUID();
        Upstream socialWorker = Upstream.socialWorker(codec);

        // The worker's station does not serve the community, and the pseudonym is no resident's.
        EventEnvelope bad = socialWorker.publish(
                Aggregate.SOCIAL_WORKER,
                worker,
                HubEvents.visitRaisedNeed(
                        worker,
                        refused,
                        place.community(),
                        elsewhere.station(),
                        null,
                        UUID.randomUUID(),
                        daysAhead(2)));
        socialWorker.publish(
                Aggregate.SOCIAL_WORKER,
                worker,
                HubEvents.visitRaisedNeed(
                        worker, accepted, place.community(), place.station(), null, null, daysAhead(2)));

        List<ConsumerRecord<String, byte[]>> dead = TopicReader.readUntil(
                TestStack.bootstrapServers(),
                Aggregate.SOCIAL_WORKER.deadLetterTopic(),
                r -> worker.toString().equals(r.key()),
                kept -> !kept.isEmpty(),
                WAIT);
        assertThat(header(dead.get(0), EventHeaders.EVENT_ID))
                .isEqualTo(bad.eventId().toString());
        assertThat(header(dead.get(0), EventHeaders.DEAD_LETTER_REASON))
                .contains(
                        "NeedRefused",
                        "visit " + refused,
                        "residentRef: no resident with this pseudonym",
                        "stationId: station " + elsewhere.station() + " does not serve this community");
        await().atMost(WAIT)
                .until(() -> http().get("/needs?visitId=" + accepted).json().size() == 1);
        assertThat(http().get("/needs?visitId=" + refused).json()).isEmpty();
        assertThat(http().get("/needs?communityId=" + place.community()).json()).hasSize(1);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM processed_event WHERE event_id = ?", Integer.class, bad.eventId()))
                .isZero();
    }
}
