package org.wushe.hub.volunteer.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.volunteer.HoursSource;
import org.wushe.hub.events.volunteer.PointsAwarded;
import org.wushe.hub.events.volunteer.ServiceDifficulty;
import org.wushe.hub.events.volunteer.ServiceHoursCredited;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.events.EventHeaders;
import org.wushe.hub.platform.testing.Upstream;
import org.wushe.hub.testing.TopicReader;
import org.wushe.hub.volunteer.support.ServiceScenario;
import org.wushe.hub.volunteer.support.UpstreamEvents;
import tools.jackson.databind.JsonNode;

/**
 * Completed matches credit hours and points: the need's category (from the community service) sets the
 * difficulty, the volunteer's flags double the points, the daily cap holds, and each match is credited
 * once however often its events arrive. Events travel the real CDC path from the other services' outboxes.
 */
class MatchCompletedTest extends ServiceScenario {

    private static final String MATCH_TOPIC = Aggregate.MATCH.topic();

    @Test
    void aCompletedRepairByAYoungOldVolunteerEarnsHoursAndQuadruplePointsOnceEvenWhenRedelivered() {
        UUID volunteer = registerVolunteer(true, false);
        UUID need = UUID.randomUUID();
        UUID match = UUID.randomUUID();
        Upstream.community(codec)
                .publish(Aggregate.NEED, need, UpstreamEvents.needPublished(need, Category.HOME_REPAIR, Instant.now()));
        await().atMost(WAIT)
                .until(() -> jdbc.queryForList(
                                "SELECT category FROM need_category WHERE need_id = ?", String.class, need)
                        .contains("HOME_REPAIR"));

        Upstream matching = Upstream.matching(codec);
        matching.publish(Aggregate.MATCH, match, UpstreamEvents.matchAccepted(match, need, volunteer, clock.instant()));
        matching.publish(
                Aggregate.MATCH, match, UpstreamEvents.matchCompleted(match, need, volunteer, 90, clock.instant()));

        List<org.apache.avro.specific.SpecificRecord> events = eventsOf(volunteer, has(PointsAwarded.class, 1));
        ServiceHoursCredited hours = only(events, ServiceHoursCredited.class).get(0);
        assertThat(hours.getSource()).isEqualTo(HoursSource.MATCH);
        assertThat(hours.getMatchId()).isEqualTo(match);
        assertThat(hours.getMinutes()).isEqualTo(90);
        assertThat(hours.getCategory()).isEqualTo(Category.HOME_REPAIR);
        assertThat(hours.getDifficulty()).isEqualTo(ServiceDifficulty.SPECIALIST);
        assertThat(hours.getStationId()).isEqualTo(UpstreamEvents.STATION);
        assertThat(hours.getServedOn()).isEqualTo(today());
        assertThat(hours.getTotalMinutes()).isEqualTo(90);
        PointsAwarded points = only(events, PointsAwarded.class).get(0);
        // 1.5 h x 10 points x 2 (young-old) x 2 (specialist repair)
        assertThat(points.getPoints()).isEqualTo(60);
        assertThat(points.getMultiplierPercent()).isEqualTo(400);
        assertThat(points.getCreditId()).isEqualTo(hours.getCreditId());
        assertThat(points.getBalance()).isEqualTo(60);
        assertThat(points.getRuleVersion()).isPositive();
        assertThat(points.getExpiresAt()).isAfter(clock.instant().plus(java.time.Duration.ofDays(364)));
        assertThat(balance(volunteer)).isEqualTo(60);
        await().atMost(WAIT)
                .until(() -> "COMPLETED"
                        .equals(http().get("/volunteers/" + volunteer + "/assignments")
                                .json()
                                .path(0)
                                .path("status")
                                .asText()));

        // The broker or a connector replays both events verbatim, twice.
        List<ConsumerRecord<String, byte[]>> onWire = TopicReader.readUntil(
                bootstrap(), MATCH_TOPIC, r -> match.toString().equals(r.key()), kept -> kept.size() >= 2, WAIT);
        double duplicatesBefore =
                counter("wushe.inbound.events", "consumer", "volunteer-service", "outcome", "duplicate");
        try (KafkaProducer<String, byte[]> producer = rawProducer()) {
            for (int copy = 0; copy < 2; copy++) {
                for (ConsumerRecord<String, byte[]> r : onWire) {
                    producer.send(new ProducerRecord<>(MATCH_TOPIC, null, r.key(), r.value(), r.headers()));
                }
            }
        }
        await().atMost(WAIT)
                .until(() -> counter("wushe.inbound.events", "consumer", "volunteer-service", "outcome", "duplicate")
                                - duplicatesBefore
                        >= 4);
        // The matching service announces the same completion again, as a new event.
        double alreadyBefore =
                counter("wushe.volunteer.hours.credits", "source", "MATCH", "outcome", "already-credited");
        matching.publish(
                Aggregate.MATCH, match, UpstreamEvents.matchCompleted(match, need, volunteer, 90, clock.instant()));
        await().atMost(WAIT)
                .until(() -> counter("wushe.volunteer.hours.credits", "source", "MATCH", "outcome", "already-credited")
                        > alreadyBefore);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM service_hours WHERE match_id = ?", Long.class, match))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM points_transaction WHERE account_id = ? AND kind = 'AWARD'",
                        Long.class,
                        volunteer))
                .isEqualTo(1);
        assertThat(balance(volunteer)).isEqualTo(60);
        JsonNode statement = http().get("/volunteers/" + volunteer + "/hours").json();
        assertThat(statement.get("totalMinutes").asLong()).isEqualTo(90);
    }

    @Test
    void theDailyCapCutsTheSecondLongServiceOfTheDayAndTheThirdEarnsHoursOnly() {
        UUID volunteer = registerVolunteer(true, false);
        Upstream matching = Upstream.matching(codec);
        // No category known for these needs: STANDARD, so 20 points an hour for a young-old volunteer; cap 100 a day.
        for (int minutes : new int[] {240, 120, 60}) {
            UUID match = UUID.randomUUID();
            matching.publish(
                    Aggregate.MATCH,
                    match,
                    UpstreamEvents.matchCompleted(match, UUID.randomUUID(), volunteer, minutes, clock.instant()));
            // one at a time, so that the order of the day is known
            int credited = jdbc.queryForObject(
                    "SELECT count(*) FROM service_hours WHERE volunteer_id = ?", Integer.class, volunteer);
            await().atMost(WAIT)
                    .until(() -> jdbc.queryForObject(
                                    "SELECT count(*) FROM service_hours WHERE volunteer_id = ?",
                                    Integer.class,
                                    volunteer)
                            > credited);
        }

        List<org.apache.avro.specific.SpecificRecord> events = eventsOf(volunteer, has(ServiceHoursCredited.class, 3));
        assertThat(only(events, ServiceHoursCredited.class))
                .extracting(ServiceHoursCredited::getTotalMinutes)
                .containsExactly(240L, 360L, 420L);
        assertThat(only(events, PointsAwarded.class))
                .extracting(PointsAwarded::getPoints, PointsAwarded::getComputedPoints)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(80L, 80L), org.assertj.core.groups.Tuple.tuple(20L, 40L));
        assertThat(balance(volunteer)).isEqualTo(100);
    }

    @Test
    void aCompletionNamingAnUnknownVolunteerIsDeadLetteredWithTheReasonAndTheNextEventIsProcessed() {
        UUID stranger = UUID.randomUUID();
        UUID match = UUID.randomUUID();
        Upstream matching = Upstream.matching(codec);
        matching.publish(
                Aggregate.MATCH,
                match,
                UpstreamEvents.matchCompleted(match, UUID.randomUUID(), stranger, 60, clock.instant()));
        // The station corrects the volunteer; the corrected completion comes after on the same partition.
        UUID volunteer = registerVolunteer(false, false);
        matching.publish(
                Aggregate.MATCH,
                match,
                UpstreamEvents.matchCompleted(match, UUID.randomUUID(), volunteer, 60, clock.instant()));

        List<ConsumerRecord<String, byte[]>> dead = TopicReader.readUntil(
                bootstrap(),
                Aggregate.MATCH.deadLetterTopic(),
                r -> match.toString().equals(r.key()),
                kept -> !kept.isEmpty(),
                WAIT);
        assertThat(header(dead.get(0), EventHeaders.DEAD_LETTER_REASON))
                .contains(stranger.toString())
                .contains("not registered here");
        await().atMost(WAIT).until(() -> balance(volunteer) == 10);
        assertThat(jdbc.queryForObject("SELECT volunteer_id FROM service_hours WHERE match_id = ?", UUID.class, match))
                .isEqualTo(volunteer);
    }

    private static KafkaProducer<String, byte[]> rawProducer() {
        return new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()),
                new StringSerializer(),
                new ByteArraySerializer());
    }
}
