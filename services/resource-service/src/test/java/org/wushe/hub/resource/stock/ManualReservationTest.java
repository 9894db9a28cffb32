package org.wushe.hub.resource.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.resource.ReleaseReason;
import org.wushe.hub.events.resource.ResourceConsumed;
import org.wushe.hub.events.resource.ResourceReleased;
import org.wushe.hub.events.resource.ResourceReserved;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.resource.support.Http;
import org.wushe.hub.resource.support.ResourceServiceTest;
import org.wushe.hub.resource.support.Samples;

/** Station staff reserve, release and hand over by hand, through the same idempotent logic as the match saga. */
class ManualReservationTest extends ResourceServiceTest {

    @Test
    void aRepeatWithTheSameIdempotencyKeyReturnsTheFirstReservationAndPublishesOnce() {
        UUID offer = createOffer(Samples.goods(registerDonor("通州某乳业 a dairy"), 50, "BOX", null));
        String key = UUID.randomUUID().toString();
        UUID need = UUID.randomUUID();

        Http.Response first = reserve(offer, key, boxes(need, 5));
        Http.Response repeat = reserve(offer, key, boxes(need, 5));

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(200);
        UUID reservation = UUID.fromString(first.body().get("id").asText());
        assertThat(repeat.body().get("id").asText()).isEqualTo(reservation.toString());
        assertThat(available(offer)).isEqualTo(45);

        UUID marker = markerReservation(offer);
        List<Received> events = eventsUntilReservation(offer, marker);
        assertThat(events)
                .extracting(Received::type)
                .containsExactly("ResourceOffered", "ResourceReserved", "ResourceReserved");
        ResourceReserved reserved = (ResourceReserved) events.get(1).event();
        assertThat(reserved.getReservationId()).isEqualTo(reservation);
        assertThat(reserved.getOfferId()).isEqualTo(offer);
        assertThat(reserved.getNeedId()).isEqualTo(need);
        assertThat(reserved.getMatchId())
                .as("a made-up match reference, stable per key")
                .isEqualTo(UUID.nameUUIDFromBytes(("staff:" + key).getBytes(StandardCharsets.UTF_8)));
        assertThat(reserved.getReserved().getQuantity().getAmount()).isEqualTo(5);
        assertThat(reserved.getReserved().getQuantity().getUnit()).isEqualTo(QuantityUnit.BOX);
        assertThat(reserved.getRemaining().getQuantity().getAmount()).isEqualTo(45);
        assertThat(reserved.getExpiresAt())
                .isCloseTo(Instant.now().plus(Duration.ofDays(7)), within(Duration.ofMinutes(5)));
    }

    @Test
    void anIdempotencyKeyUsedForADifferentRequestIsRefused() {
        UUID offer = createOffer(Samples.goods(registerDonor("通州某粮油店 a grocery"), 50, "BOX", null));
        String key = UUID.randomUUID().toString();
        UUID need = UUID.randomUUID();
        assertThat(reserve(offer, key, boxes(need, 5)).status()).isEqualTo(201);

        Http.Response other = reserve(offer, key, boxes(need, 6));

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.problemField()).isEqualTo("Idempotency-Key");
        assertThat(available(offer)).isEqualTo(45);
    }

    @Test
    void twoKeysForTheSameMatchShareOneReservation() {
        UUID offer = createOffer(Samples.goods(registerDonor("通州某超市 a supermarket"), 50, "BOX", null));
        Map<String, Object> body = boxes(UUID.randomUUID(), 5);
        body.put("matchId", UUID.randomUUID().toString());

        Http.Response first = reserve(offer, UUID.randomUUID().toString(), body);
        Http.Response second = reserve(offer, UUID.randomUUID().toString(), body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get("id").asText())
                .isEqualTo(first.body().get("id").asText());
        assertThat(available(offer)).isEqualTo(45);
    }

    @Test
    void releasingGivesTheStockBackOnceAndAReleasedReservationCannotBeHandedOver() {
        UUID offer = createOffer(Samples.goods(registerDonor("通州某面包房 a bakery"), 50, "BOX", null));
        UUID reservation = UUID.fromString(reserve(offer, UUID.randomUUID().toString(), boxes(UUID.randomUUID(), 5))
                .body()
                .get("id")
                .asText());

        Http.Response released =
                http().post("/reservations/" + reservation + "/release", Map.of("reason", "NEED_CLOSED"));
        Http.Response again = http().post("/reservations/" + reservation + "/release", Map.of("reason", "NEED_CLOSED"));
        Http.Response handOver = http().post("/reservations/" + reservation + "/consumption", null);

        assertThat(released.status()).isEqualTo(200);
        assertThat(released.body().get("status").asText()).isEqualTo("RELEASED");
        assertThat(again.status()).isEqualTo(200);
        assertThat(handOver.status()).isEqualTo(409);
        assertThat(handOver.problemField()).isEqualTo("reservationId");
        assertThat(available(offer)).isEqualTo(50);

        UUID marker = markerReservation(offer);
        List<Received> events = eventsUntilReservation(offer, marker);
        assertThat(events)
                .extracting(Received::type)
                .containsExactly("ResourceOffered", "ResourceReserved", "ResourceReleased", "ResourceReserved");
        ResourceReleased event = (ResourceReleased) events.get(2).event();
        assertThat(event.getReason()).isEqualTo(ReleaseReason.NEED_CLOSED);
        assertThat(event.getReleased().getQuantity().getAmount()).isEqualTo(5);
        assertThat(event.getRemaining().getQuantity().getAmount()).isEqualTo(50);
    }

    @Test
    void handingOverLessThanReservedReturnsTheRestAndTheLedgerAddsUp() {
        UUID offer = createOffer(Samples.goods(registerDonor("通州某药店 a pharmacy"), 50, "BOX", null));
        UUID reservation = UUID.fromString(reserve(offer, UUID.randomUUID().toString(), boxes(UUID.randomUUID(), 5))
                .body()
                .get("id")
                .asText());

        Http.Response consumed = http().post("/reservations/" + reservation + "/consumption", Map.of("quantity", 3));
        Http.Response release = http().post("/reservations/" + reservation + "/release", null);

        assertThat(consumed.status()).isEqualTo(200);
        assertThat(consumed.body().get("status").asText()).isEqualTo("CONSUMED");
        assertThat(consumed.body().get("consumedAmount").asLong()).isEqualTo(3);
        assertThat(release.status()).isEqualTo(409);
        var stock = http().get("/offers/" + offer + "/stock").body();
        assertThat(stock.get("available").asLong()).isEqualTo(47);
        assertThat(stock.get("reserved").asLong()).isZero();
        assertThat(stock.get("consumed").asLong()).isEqualTo(3);
        assertThat(stock.get("total").asLong())
                .isEqualTo(stock.get("available").asLong()
                        + stock.get("reserved").asLong()
                        + stock.get("consumed").asLong()
                        + stock.get("withdrawn").asLong());

        ResourceConsumed event = last(
                eventsUntil(Aggregate.OFFER, offer, "ResourceReserved", "ResourceConsumed"), ResourceConsumed.class);
        assertThat(event.getReservationId()).isEqualTo(reservation);
        assertThat(event.getConsumed().getQuantity().getAmount()).isEqualTo(3);
        assertThat(event.getReturned().getQuantity().getAmount()).isEqualTo(2);
        assertThat(event.getRemaining().getQuantity().getAmount()).isEqualTo(47);
    }

    @Test
    void fundsAreReservedInFenWithinTheCapPerNeed() {
        UUID offer = createOffer(Samples.fund(registerDonor("梨园社区基金 community fund"), 500_000L, 20_000L));

        Http.Response overCap = reserve(
                offer,
                UUID.randomUUID().toString(),
                Map.of("needId", UUID.randomUUID().toString(), "amountFen", 30_000));
        Http.Response withinCap = reserve(
                offer,
                UUID.randomUUID().toString(),
                Map.of("needId", UUID.randomUUID().toString(), "amountFen", 20_000));

        assertThat(overCap.status()).isEqualTo(400);
        assertThat(overCap.problemField()).isEqualTo("amountFen");
        assertThat(withinCap.status()).isEqualTo(201);
        assertThat(available(offer)).isEqualTo(480_000L);
        ResourceReserved event = last(eventsUntil(Aggregate.OFFER, offer, "ResourceReserved"), ResourceReserved.class);
        assertThat(event.getReserved().getAmountFen()).isEqualTo(20_000L);
        assertThat(event.getRemaining().getAmountFen()).isEqualTo(480_000L);
    }

    @Test
    void aServiceIsReservedPerOccurrenceOfItsWeeklySlot() {
        UUID offer = createOffer(Samples.service(registerDonor("通州某医院 a hospital"), 2));
        Instant[] saturday = Samples.nextSaturdayMorning();
        Instant[] nextSaturday = {saturday[0].plus(Duration.ofDays(7)), saturday[1].plus(Duration.ofDays(7))};

        Http.Response twoPeople = reserve(offer, UUID.randomUUID().toString(), people(2, saturday[0], saturday[1]));
        Http.Response laterThatMorning = reserve(
                offer,
                UUID.randomUUID().toString(),
                people(1, saturday[0].plus(Duration.ofMinutes(60)), saturday[1].plus(Duration.ofMinutes(60))));
        Http.Response aWeekLater =
                reserve(offer, UUID.randomUUID().toString(), people(1, nextSaturday[0], nextSaturday[1]));
        Http.Response onAFriday = reserve(
                offer,
                UUID.randomUUID().toString(),
                people(1, saturday[0].minus(Duration.ofDays(1)), saturday[1].minus(Duration.ofDays(1))));

        assertThat(twoPeople.status()).isEqualTo(201);
        assertThat(laterThatMorning.status())
                .as("the 09:00-11:30 session is full")
                .isEqualTo(409);
        assertThat(laterThatMorning.problemField()).isEqualTo("capacity");
        assertThat(aWeekLater.status()).isEqualTo(201);
        assertThat(onAFriday.status()).isEqualTo(400);
        assertThat(onAFriday.problemField()).isEqualTo("window");

        ResourceReserved first = eventsUntil(Aggregate.OFFER, offer, "ResourceReserved").stream()
                .map(Received::event)
                .filter(ResourceReserved.class::isInstance)
                .map(ResourceReserved.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(first.getReserved().getCapacity()).isEqualTo(2);
        assertThat(first.getReserved().getWindow().getStart()).isEqualTo(saturday[0]);
        assertThat(first.getRemaining().getCapacity()).isZero();
        assertThat(first.getRemaining().getWindow().getStart())
                .as("the slot occurrence, 09:00 local")
                .isEqualTo(saturday[0].minus(Duration.ofMinutes(30)));
        assertThat(first.getRemaining().getWindow().getEnd()).isEqualTo(saturday[0].plus(Duration.ofMinutes(120)));
    }

    static Map<String, Object> boxes(UUID need, int quantity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("needId", need.toString());
        body.put("quantity", quantity);
        body.put("unit", "BOX");
        return body;
    }

    static Map<String, Object> people(int capacity, Instant start, Instant end) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("needId", UUID.randomUUID().toString());
        body.put("capacity", capacity);
        body.put("window", Samples.window(start, end));
        return body;
    }

    /** A reservation made after the step under test; its event follows every event the step caused on the offer's partition. */
    UUID markerReservation(UUID offer) {
        Http.Response r = reserve(offer, UUID.randomUUID().toString(), boxes(UUID.randomUUID(), 1));
        assertThat(r.status()).isEqualTo(201);
        return UUID.fromString(r.body().get("id").asText());
    }

    List<Received> eventsUntilReservation(UUID offer, UUID reservation) {
        return events(
                Aggregate.OFFER,
                offer.toString(),
                got -> got.stream()
                        .anyMatch(r -> r.event() instanceof ResourceReserved rr
                                && rr.getReservationId().equals(reservation)));
    }
}
