package org.wushe.hub.volunteer.rewards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.resource.DonorKind;
import org.wushe.hub.events.volunteer.PointsRedeemed;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.testing.TopicReader;
import org.wushe.hub.volunteer.donor.DonorInbound;
import org.wushe.hub.volunteer.support.Http;
import org.wushe.hub.volunteer.support.ServiceScenario;
import tools.jackson.databind.JsonNode;

/**
 * Rewards of caring shops redeemed with points, against the real database: concurrent redemptions never
 * take a balance below zero and exactly the affordable number succeed; a retried request (same
 * idempotency key) returns the first result and never redeems twice.
 */
class RedemptionTest extends ServiceScenario {

    @Test
    void onlyCaringShopsKnownFromTheResourceServiceOfferRewardsAndARedeliveredDonorChangesNothing() {
        UUID shop = caringShop("老街坊理发店 Old Neighbour Barber", DonorKind.CARING_SHOP);
        UUID bank = caringShop("通州农商银行 Tongzhou Bank", DonorKind.BANK);

        assertThat(http().get("/donors/" + shop).json().get("kind").asText()).isEqualTo("CARING_SHOP");
        Http.Response byBank =
                http().post("/rewards", Map.of("donorId", bank.toString(), "title", "存折套", "pointsCost", 10));
        assertThat(byBank.status()).isEqualTo(400);
        assertThat(byBank.problemField()).isEqualTo("donorId");
        UUID reward = reward(shop, 50, 3);
        assertThat(http().get("/rewards?donorId=" + shop).json())
                .extracting(r -> r.get("id").asText())
                .containsExactly(reward.toString());

        List<ConsumerRecord<String, byte[]>> onWire = TopicReader.readUntil(
                bootstrap(),
                Aggregate.DONOR.topic(),
                r -> shop.toString().equals(r.key()),
                kept -> !kept.isEmpty(),
                WAIT);
        double duplicates = counter("wushe.inbound.events", "consumer", DonorInbound.CONSUMER, "outcome", "duplicate");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            ConsumerRecord<String, byte[]> r = onWire.get(0);
            producer.send(new ProducerRecord<>(r.topic(), null, r.key(), r.value(), r.headers()));
        }
        await().atMost(WAIT)
                .until(() -> counter("wushe.inbound.events", "consumer", DonorInbound.CONSUMER, "outcome", "duplicate")
                        > duplicates);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM donor WHERE id = ?", Long.class, shop))
                .isEqualTo(1);
    }

    @Test
    void twentyConcurrentRedemptionsNeverOverdrawAndExactlyTheAffordableSevenSucceed() throws Exception {
        UUID volunteer = volunteerWithPoints(300);
        UUID reward = reward(caringShop("爱心超市 Caring Grocery", DonorKind.CARING_SHOP), 40, null);

        List<Http.Response> responses =
                concurrently(20, i -> redeem(volunteer, reward, 1, "concurrent-" + volunteer + "-" + i));

        Map<Integer, Long> byStatus =
                responses.stream().collect(Collectors.groupingBy(Http.Response::status, Collectors.counting()));
        assertThat(byStatus).as(responses.toString()).containsOnly(Map.entry(201, 7L), Map.entry(409, 13L));
        assertThat(responses)
                .filteredOn(r -> r.status() == 409)
                .allSatisfy(r -> assertThat(r.problemField()).isEqualTo("points"));
        assertThat(balance(volunteer)).isEqualTo(20);
        assertThat(responses)
                .filteredOn(r -> r.status() == 201)
                .extracting(r -> r.json().get("balance").asLong())
                .containsExactlyInAnyOrder(260L, 220L, 180L, 140L, 100L, 60L, 20L);
        assertThat(jdbc.queryForObject(
                        "SELECT min(balance_after) FROM points_transaction WHERE account_id = ?",
                        Long.class,
                        volunteer))
                .isNotNegative();
        List<PointsRedeemed> redeemed = only(eventsOf(volunteer, has(PointsRedeemed.class, 7)), PointsRedeemed.class);
        assertThat(redeemed).hasSize(7).allSatisfy(e -> {
            assertThat(e.getRewardId()).isEqualTo(reward);
            assertThat(e.getPoints()).isEqualTo(40);
            assertThat(e.getVolunteerId()).isEqualTo(volunteer);
        });
        assertThat(redeemed)
                .extracting(PointsRedeemed::getBalance)
                .as("in the order they happened")
                .isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void aRetriedRedemptionReturnsTheFirstResultAndConcurrentRetriesRedeemOnce() throws Exception {
        UUID volunteer = volunteerWithPoints(200);
        UUID reward = reward(caringShop("便民修鞋铺 Cobbler", DonorKind.CARING_SHOP), 30, 5);

        Http.Response first = redeem(volunteer, reward, 2, "order-1");
        Http.Response retry = redeem(volunteer, reward, 2, "order-1");

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).hasValue("false");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).hasValue("true");
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(balance(volunteer)).isEqualTo(140);
        Http.Response reused = redeem(volunteer, reward, 1, "order-1");
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.problemField()).isEqualTo("Idempotency-Key");

        List<Http.Response> storm = concurrently(8, i -> redeem(volunteer, reward, 1, "order-2"));
        assertThat(storm)
                .extracting(Http.Response::status)
                .as(storm.toString())
                .containsOnly(200, 201)
                .filteredOn(s -> s == 201)
                .hasSize(1);
        Set<String> ids =
                storm.stream().map(r -> r.json().get("redemptionId").asText()).collect(Collectors.toSet());
        assertThat(ids).hasSize(1);
        assertThat(balance(volunteer)).isEqualTo(110);
        assertThat(http().get("/rewards/" + reward).json().get("stock").asInt())
                .as("2 + 1 of 5 taken")
                .isEqualTo(2);

        List<SpecificRecord> events = eventsOf(volunteer, has(PointsRedeemed.class, 2));
        assertThat(only(events, PointsRedeemed.class))
                .extracting(e -> e.getTransactionId().toString())
                .containsExactlyInAnyOrder(
                        first.json().get("redemptionId").asText(),
                        ids.iterator().next());
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM points_transaction WHERE account_id = ? AND kind = 'REDEMPTION'",
                        Long.class,
                        volunteer))
                .isEqualTo(2);
    }

    @Test
    void aRewardThatRanOutOrWasWithdrawnCannotBeRedeemed() {
        UUID volunteer = volunteerWithPoints(100);
        UUID reward = reward(caringShop("社区书屋 Book Corner", DonorKind.CARING_SHOP), 10, 2);

        Http.Response tooMany = redeem(volunteer, reward, 3, "books-1");
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.problemField()).isEqualTo("quantity");
        assertThat(redeem(volunteer, reward, 2, "books-2").status()).isEqualTo(201);
        assertThat(redeem(volunteer, reward, 1, "books-3").status()).isEqualTo(409);

        UUID other = reward(caringShop("社区书屋二 Book Corner 2", DonorKind.CARING_SHOP), 10, null);
        assertThat(http().delete("/rewards/" + other).json().get("active").asBoolean())
                .isFalse();
        Http.Response withdrawn = redeem(volunteer, other, 1, "books-4");
        assertThat(withdrawn.status()).isEqualTo(409);
        assertThat(withdrawn.problemField()).isEqualTo("rewardId");
        assertThat(balance(volunteer)).isEqualTo(80);
    }

    /** A plain volunteer with points earned by hand-logged hours on several days (the daily cap is 100). */
    private UUID volunteerWithPoints(long points) {
        UUID volunteer = registerVolunteer(false, false);
        long left = points;
        for (int day = 0; left > 0; day++) {
            long today = Math.min(100, left);
            JsonNode credit = logHours(volunteer, (int) (today * 6), today().minusDays(day));
            assertThat(credit.get("pointsAwarded").asLong()).isEqualTo(today);
            left -= today;
        }
        assertThat(balance(volunteer)).isEqualTo(points);
        return volunteer;
    }

    interface Call {
        Http.Response call(int i);
    }

    /** Fires {@code n} requests at once: all threads wait at a latch, then go together. */
    private static List<Http.Response> concurrently(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Http.Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call(index);
                }));
            }
            start.countDown();
            List<Http.Response> responses = new ArrayList<>();
            for (Future<Http.Response> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
