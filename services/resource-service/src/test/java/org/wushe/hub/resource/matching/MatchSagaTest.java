package org.wushe.hub.resource.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.Allocation;
import org.wushe.hub.events.common.Quantity;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.TimeWindow;
import org.wushe.hub.events.resource.ReleaseReason;
import org.wushe.hub.events.resource.ReservationFailure;
import org.wushe.hub.events.resource.ResourceConsumed;
import org.wushe.hub.events.resource.ResourceReleased;
import org.wushe.hub.events.resource.ResourceReservationFailed;
import org.wushe.hub.events.resource.ResourceReserved;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.events.EventHeaders;
import org.wushe.hub.resource.support.Http;
import org.wushe.hub.resource.support.MatchingService;
import org.wushe.hub.resource.support.ResourceServiceTest;
import org.wushe.hub.resource.support.Samples;
import org.wushe.hub.testing.TestStack;
import org.wushe.hub.testing.TopicReader;

/**
 * The resource service's part in the match saga, end to end on real parts: match events are written
 * to the matching service's outbox, captured by its Debezium connector, routed to
 * wushe.matching.match, consumed here, and answered on wushe.resource.offer through our own outbox.
 */
class MatchSagaTest extends ResourceServiceTest {

    private static MatchingService matching;

    @BeforeEach
    void matchingService() {
        if (matching == null) {
            matching = new MatchingService(codec);
        }
    }

    @Test
    void anAcceptedMatchReservesItsAllocationAndADeclinedOneGivesItBack() {
        UUID offer = createOffer(Samples.goods(registerDonor("通州某乳业 a dairy"), 30, "BOX", null));
        UUID match = UUID.randomUUID();
        UUID need = UUID.randomUUID();

        matching.accepted(match, need, offer, boxes(4), null);

        ResourceReserved reserved =
                last(eventsUntil(Aggregate.OFFER, offer, "ResourceReserved"), ResourceReserved.class);
        assertThat(reserved.getMatchId()).isEqualTo(match);
        assertThat(reserved.getNeedId()).isEqualTo(need);
        assertThat(reserved.getOfferId()).isEqualTo(offer);
        assertThat(reserved.getReserved().getQuantity().getAmount()).isEqualTo(4);
        assertThat(reserved.getReserved().getQuantity().getUnit()).isEqualTo(QuantityUnit.BOX);
        assertThat(reserved.getRemaining().getQuantity().getAmount()).isEqualTo(26);
        assertThat(reserved.getExpiresAt()).isAfter(Instant.now());
        assertThat(available(offer)).isEqualTo(26);

        matching.declined(match, need, offer);

        ResourceReleased released = last(
                eventsUntil(Aggregate.OFFER, offer, "ResourceReserved", "ResourceReleased"), ResourceReleased.class);
        assertThat(released.getReservationId()).isEqualTo(reserved.getReservationId());
        assertThat(released.getMatchId()).isEqualTo(match);
        assertThat(released.getReason()).isEqualTo(ReleaseReason.MATCH_DECLINED);
        assertThat(released.getReleased().getQuantity().getAmount()).isEqualTo(4);
        assertThat(released.getRemaining().getQuantity().getAmount()).isEqualTo(30);
        assertThat(available(offer)).isEqualTo(30);
    }

    @Test
    void aCompletedMatchConsumesItsReservationAndReturnsWhatWasNotDelivered() {
        UUID offer = createOffer(Samples.goods(registerDonor("通州某粮油店 a grocery"), 10, "BOX", null));
        UUID match = UUID.randomUUID();
        UUID need = UUID.randomUUID();
        matching.accepted(match, need, offer, boxes(4), null);
        eventsUntil(Aggregate.OFFER, offer, "ResourceReserved");

        matching.completed(match, need, offer, boxes(3));

        ResourceConsumed consumed = last(
                eventsUntil(Aggregate.OFFER, offer, "ResourceReserved", "ResourceConsumed"), ResourceConsumed.class);
        assertThat(consumed.getMatchId()).isEqualTo(match);
        assertThat(consumed.getConsumed().getQuantity().getAmount()).isEqualTo(3);
        assertThat(consumed.getReturned().getQuantity().getAmount()).isEqualTo(1);
        assertThat(consumed.getRemaining().getQuantity().getAmount()).isEqualTo(7);
        var stock = http().get("/offers/" + offer + "/stock").body();
        assertThat(stock.get("consumed").asLong()).isEqualTo(3);
        assertThat(stock.get("reserved").asLong()).isZero();
        assertThat(stock.get("available").asLong()).isEqualTo(7);
    }

    @Test
    void aMatchAskingForMoreThanIsLeftFailsAndSaysWhatIsLeft() {
        UUID offer = createOffer(Samples.goods(registerDonor("通州某蛋品店 an egg shop"), 10, "BOX", null));
        UUID match = UUID.randomUUID();

        matching.accepted(match, UUID.randomUUID(), offer, boxes(12), null);

        ResourceReservationFailed failed =
                last(eventsUntil(Aggregate.OFFER, offer, "ResourceReservationFailed"), ResourceReservationFailed.class);
        assertThat(failed.getMatchId()).isEqualTo(match);
        assertThat(failed.getReason()).isEqualTo(ReservationFailure.INSUFFICIENT_STOCK);
        assertThat(failed.getRequested().getQuantity().getAmount()).isEqualTo(12);
        assertThat(failed.getAvailable().getQuantity().getAmount()).isEqualTo(10);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM reservation WHERE match_id = ?", Long.class, match))
                .isZero();
        assertThat(available(offer)).isEqualTo(10);
    }

    @Test
    void aMatchOnAnUnknownOfferFails() {
        UUID unknown = UUID.randomUUID();

        matching.accepted(UUID.randomUUID(), UUID.randomUUID(), unknown, boxes(1), null);

        ResourceReservationFailed failed = last(
                eventsUntil(Aggregate.OFFER, unknown, "ResourceReservationFailed"), ResourceReservationFailed.class);
        assertThat(failed.getReason()).isEqualTo(ReservationFailure.OFFER_UNKNOWN);
        assertThat(failed.getOfferId()).isEqualTo(unknown);
    }

    @Test
    void aMatchOnGoodsPastTheirDateFails() {
        UUID offer = createOffer(
                Samples.goods(registerDonor("通州某菜店 a greengrocer"), 10, "BAG", LocalDate.now(Samples.SHANGHAI)));
        clock.advance(Duration.ofDays(2));

        matching.accepted(
                UUID.randomUUID(),
                UUID.randomUUID(),
                offer,
                Allocation.newBuilder()
                        .setQuantity(Quantity.newBuilder()
                                .setAmount(1)
                                .setUnit(QuantityUnit.BAG)
                                .build())
                        .build(),
                null);

        ResourceReservationFailed failed =
                last(eventsUntil(Aggregate.OFFER, offer, "ResourceReservationFailed"), ResourceReservationFailed.class);
        assertThat(failed.getReason()).isEqualTo(ReservationFailure.OFFER_EXPIRED);
    }

    @Test
    void aServiceMatchTakesAPlaceInTheSessionOfItsScheduledWindow() {
        UUID offer = createOffer(Samples.service(registerDonor("通州某医院 a hospital"), 20));
        Instant[] saturday = Samples.nextSaturdayMorning();
        TimeWindow scheduled = TimeWindow.newBuilder()
                .setStart(saturday[0])
                .setEnd(saturday[1])
                .build();

        matching.accepted(
                UUID.randomUUID(),
                UUID.randomUUID(),
                offer,
                Allocation.newBuilder().setCapacity(1).build(),
                scheduled);

        ResourceReserved reserved =
                last(eventsUntil(Aggregate.OFFER, offer, "ResourceReserved"), ResourceReserved.class);
        assertThat(reserved.getReserved().getCapacity()).isEqualTo(1);
        assertThat(reserved.getReserved().getWindow()).isEqualTo(scheduled);
        assertThat(reserved.getRemaining().getCapacity()).isEqualTo(19);
        assertThat(reserved.getRemaining().getWindow().getStart())
                .as("the 09:00 session")
                .isEqualTo(saturday[0].minus(Duration.ofMinutes(30)));
        assertThat(reserved.getExpiresAt()).isAfter(saturday[1]);
    }

    @Test
    void redeliveredAcceptDeclineAndCompleteEventsChangeNothingTheSecondTime() {
        UUID offer = createOffer(Samples.goods(registerDonor("通州某日用品店 a household goods shop"), 20, "PIECE", null));
        UUID declinedMatch = UUID.randomUUID();
        UUID completedMatch = UUID.randomUUID();
        UUID need = UUID.randomUUID();
        matching.accepted(declinedMatch, need, offer, pieces(5), null);
        matching.declined(declinedMatch, need, offer);
        eventsUntil(Aggregate.OFFER, offer, "ResourceReserved", "ResourceReleased");
        matching.accepted(completedMatch, need, offer, pieces(3), null);
        matching.completed(completedMatch, need, offer, pieces(3));
        eventsUntil(
                Aggregate.OFFER, offer, "ResourceReserved", "ResourceReleased", "ResourceReserved", "ResourceConsumed");
        List<Map<String, Object>> reservationsBefore = reservationRows(offer);
        assertThat(available(offer)).isEqualTo(17);

        // The four match records exactly as they are on the wire, sent again twice with their headers.
        Set<String> keys = Set.of(declinedMatch.toString(), completedMatch.toString());
        List<ConsumerRecord<String, byte[]>> onWire = TopicReader.readUntil(
                TestStack.bootstrapServers(),
                Aggregate.MATCH.topic(),
                r -> keys.contains(r.key()),
                kept -> kept.size() >= 4,
                WAIT);
        assertThat(onWire).hasSize(4);
        double duplicatesBefore = duplicates();
        try (KafkaProducer<String, byte[]> producer = rawProducer()) {
            for (int copy = 0; copy < 2; copy++) {
                for (ConsumerRecord<String, byte[]> r : onWire) {
                    producer.send(new ProducerRecord<>(Aggregate.MATCH.topic(), null, r.key(), r.value(), r.headers()));
                }
            }
        }
        await().atMost(WAIT).until(() -> duplicates() - duplicatesBefore >= 8);

        // Anything the redeliveries had published would come before this marker on the offer's partition.
        Http.Response marker =
                reserve(offer, UUID.randomUUID().toString(), Map.of("needId", need.toString(), "quantity", 1));
        UUID markerId = UUID.fromString(marker.body().get("id").asText());
        List<Received> events = events(
                Aggregate.OFFER,
                offer.toString(),
                got -> got.stream()
                        .anyMatch(r -> r.event() instanceof ResourceReserved rr
                                && rr.getReservationId().equals(markerId)));
        assertThat(events)
                .extracting(Received::type)
                .containsExactly(
                        "ResourceOffered",
                        "ResourceReserved",
                        "ResourceReleased",
                        "ResourceReserved",
                        "ResourceConsumed",
                        "ResourceReserved");
        assertThat(available(offer)).isEqualTo(16);
        assertThat(reservationRows(offer)).containsAll(reservationsBefore).hasSize(3);
    }

    @Test
    void aMatchRecordThatIsNotAvroGoesToTheDeadLetterTopicAndTheSagaGoesOn() {
        UUID offer = createOffer(Samples.goods(registerDonor("通州某文具店 a stationer"), 10, "PIECE", null));
        String poisonKey = UUID.randomUUID().toString();
        byte[] poison = "{\"matchId\": \"not avro\"}".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = rawProducer()) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Aggregate.MATCH.topic(), poisonKey, poison);
            record.headers()
                    .add(EventHeaders.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            producer.send(record);
        }
        matching.accepted(UUID.randomUUID(), UUID.randomUUID(), offer, pieces(2), null);

        eventsUntil(Aggregate.OFFER, offer, "ResourceReserved");
        List<ConsumerRecord<String, byte[]>> dead = TopicReader.readUntil(
                TestStack.bootstrapServers(),
                Aggregate.MATCH.deadLetterTopic(),
                r -> poisonKey.equals(r.key()),
                kept -> !kept.isEmpty(),
                WAIT);
        assertThat(dead).singleElement().satisfies(d -> {
            assertThat(d.value()).isEqualTo(poison);
            assertThat(new String(
                            d.headers()
                                    .lastHeader(EventHeaders.DEAD_LETTER_REASON)
                                    .value(),
                            StandardCharsets.UTF_8))
                    .startsWith("UndecodableEventException");
        });
    }

    private List<Map<String, Object>> reservationRows(UUID offer) {
        return jdbc.queryForList(
                "SELECT id, match_id, status, amount, consumed_amount, settled_at FROM reservation WHERE offer_id = ?",
                offer);
    }

    private double duplicates() {
        var counter = meters.find("wushe.inbound.events")
                .tags("consumer", MatchInbound.CONSUMER, "outcome", "duplicate")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static KafkaProducer<String, byte[]> rawProducer() {
        return new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    private static Allocation boxes(int n) {
        return Allocation.newBuilder()
                .setQuantity(Quantity.newBuilder()
                        .setAmount(n)
                        .setUnit(QuantityUnit.BOX)
                        .build())
                .build();
    }

    private static Allocation pieces(int n) {
        return Allocation.newBuilder()
                .setQuantity(Quantity.newBuilder()
                        .setAmount(n)
                        .setUnit(QuantityUnit.PIECE)
                        .build())
                .build();
    }
}
