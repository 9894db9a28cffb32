package org.wushe.hub.resource.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.Allocation;
import org.wushe.hub.events.common.Quantity;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.resource.ResourceReserved;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.resource.support.Http;
import org.wushe.hub.resource.support.MatchingService;
import org.wushe.hub.resource.support.ResourceServiceTest;
import org.wushe.hub.resource.support.Samples;
import org.wushe.hub.testing.Problems;
import org.wushe.hub.testing.TestTokens;

/**
 * Stock belongs to the station that holds the match (issue #14), over real HTTP with signed tokens and match events
 * through the real outbox, Debezium and Kafka: station A's staff cannot release, hand over or reserve against station
 * B's match (403 problem naming the field and who may; nothing changed, nothing published), a match whose station is
 * not known here is refused, a reservation without a match is the caller's station's, the centre a match was
 * escalated to may act on it, and a reservation with no station recorded (made before they were) is the hub admin's.
 */
class StationStockAccessTest extends ResourceServiceTest {

    private static MatchingService matching;

    private final UUID stationA = UUID.randomUUID();
    private final UUID stationB = UUID.randomUUID();
    /** Station staff of {@link #stationA}, and of {@link #stationB}. */
    private Http staffA;

    private Http staffB;

    @BeforeEach
    void matchingServiceAndStaff() {
        if (matching == null) {
            matching = new MatchingService(codec);
        }
        staffA = http().as(TestTokens.token("station-a-li", Roles.STATION_STAFF, Roles.STATION_ID, stationA));
        staffB = http().as(TestTokens.token("station-b-wang", Roles.STATION_STAFF, Roles.STATION_ID, stationB));
    }

    private static void assertForbidden(Http.Response r, String field, String required) {
        Problems.assertForbidden(r.status(), r.contentType(), r.body(), r.raw(), field, required);
    }

    private String status(String reservation) {
        return jdbc.queryForObject("SELECT status FROM reservation WHERE id = ?::uuid", String.class, reservation);
    }

    private long reservationsOf(UUID offer) {
        return jdbc.queryForObject("SELECT count(*) FROM reservation WHERE offer_id = ?", Long.class, offer);
    }

    private void awaitMatchKnown(UUID match) {
        await().atMost(WAIT)
                .until(() ->
                        jdbc.queryForObject("SELECT count(*) FROM match_station WHERE match_id = ?", Long.class, match)
                                == 1);
    }

    private static Allocation boxes(int n) {
        return Allocation.newBuilder()
                .setQuantity(Quantity.newBuilder()
                        .setAmount(n)
                        .setUnit(QuantityUnit.BOX)
                        .build())
                .build();
    }

    /** Event types on the offer's key, read until {@code last} arrives (a refused action's event would come before it). */
    private List<String> offerEventsUntil(UUID offer, String... types) {
        return eventsUntil(Aggregate.OFFER, offer, types).stream()
                .map(Received::type)
                .toList();
    }

    @Test
    void anotherStationsStaffCannotReleaseOrHandOverTheReservationOfStationBsMatch() {
        UUID offer = createOffer(Samples.goods(registerDonor("通州某粮油店 a grocery"), 20, "BOX", null));
        UUID match = UUID.randomUUID();
        UUID need = UUID.randomUUID();
        matching.proposed(match, need, offer, stationB);
        matching.accepted(match, need, offer, boxes(5), null, stationB);
        String reservation = last(eventsUntil(Aggregate.OFFER, offer, "ResourceReserved"), ResourceReserved.class)
                .getReservationId()
                .toString();
        assertThat(http().get("/reservations/" + reservation)
                        .body()
                        .get("stationId")
                        .asText())
                .as("the saga records the match's station")
                .isEqualTo(stationB.toString());

        Http.Response release =
                staffA.post("/reservations/" + reservation + "/release", Map.of("reason", "NEED_CLOSED"));
        assertForbidden(release, "reservationId", "station_staff of " + stationB);
        assertThat(release.body().get("detail").asText())
                .contains("station-a-li")
                .contains(stationB.toString());
        assertForbidden(
                staffA.post("/reservations/" + reservation + "/consumption", Map.of("quantity", 5)),
                "reservationId",
                "station_staff of " + stationB);
        assertThat(status(reservation)).isEqualTo("RESERVED");
        assertThat(available(offer)).isEqualTo(15);

        Http.Response own = staffB.post("/reservations/" + reservation + "/consumption", Map.of("quantity", 5));
        assertThat(own.status()).as(own.raw()).isEqualTo(200);
        assertThat(own.body().get("status").asText()).isEqualTo("CONSUMED");
        assertThat(offerEventsUntil(offer, "ResourceReserved", "ResourceConsumed"))
                .as("nothing published for the refused release and hand-over")
                .containsExactly("ResourceOffered", "ResourceReserved", "ResourceConsumed");
    }

    @Test
    void anotherStationsStaffCannotReserveAgainstStationBsMatchAndBsOwnStaffCan() {
        UUID offer = createOffer(Samples.goods(registerDonor("通州某乳业 a dairy"), 10, "BOX", null));
        UUID match = UUID.randomUUID();
        UUID need = UUID.randomUUID();
        matching.proposed(match, need, offer, stationB);
        awaitMatchKnown(match);
        Map<String, Object> body =
                Map.of("needId", need.toString(), "matchId", match.toString(), "quantity", 3, "unit", "BOX");
        String key = UUID.randomUUID().toString();

        Http.Response refused = staffA.post("/offers/" + offer + "/reservations", body, Map.of("Idempotency-Key", key));
        assertForbidden(refused, "matchId", "station_staff of " + stationB);
        assertThat(refused.body().get("detail").asText())
                .contains(match.toString())
                .contains(stationB.toString());
        assertThat(reservationsOf(offer)).isZero();
        assertThat(available(offer)).isEqualTo(10);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_key WHERE key = ?", Long.class, key))
                .as("the key is not kept")
                .isZero();

        Http.Response own = staffB.post("/offers/" + offer + "/reservations", body, Map.of("Idempotency-Key", key));
        assertThat(own.status()).as(own.raw()).isEqualTo(201);
        assertThat(own.body().get("stationId").asText()).isEqualTo(stationB.toString());
        // Station A repeating B's key gets a refusal, not B's reservation.
        assertForbidden(
                staffA.post("/offers/" + offer + "/reservations", body, Map.of("Idempotency-Key", key)),
                "matchId",
                "station_staff of " + stationB);
        // Nor can A reach B's reservation of the match with a key of its own.
        assertForbidden(
                staffA.post(
                        "/offers/" + offer + "/reservations",
                        body,
                        Map.of("Idempotency-Key", UUID.randomUUID().toString())),
                "matchId",
                "station_staff of " + stationB);
        assertThat(available(offer)).isEqualTo(7);

        String reservation = own.body().get("id").asText();
        assertThat(staffB.post("/reservations/" + reservation + "/release", Map.of("reason", "NEED_CLOSED"))
                        .status())
                .isEqualTo(200);
        assertThat(offerEventsUntil(offer, "ResourceReserved", "ResourceReleased"))
                .containsExactly("ResourceOffered", "ResourceReserved", "ResourceReleased");
    }

    @Test
    void aMatchWhoseStationIsNotKnownHereIsRefusedRatherThanTrusted() {
        UUID offer = createOffer(Samples.goods(registerDonor("通州某药店 a pharmacy"), 10, "BOX", null));
        UUID unknown = UUID.randomUUID();
        Http.Response r = staffA.post(
                "/offers/" + offer + "/reservations",
                Map.of(
                        "needId",
                        UUID.randomUUID().toString(),
                        "matchId",
                        unknown.toString(),
                        "quantity",
                        1,
                        "unit",
                        "BOX"),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertForbidden(r, "matchId", "station_staff of the match's station");
        assertThat(r.body().get("detail").asText()).contains(unknown.toString());
        assertThat(reservationsOf(offer)).isZero();
        assertThat(available(offer)).isEqualTo(10);
    }

    @Test
    void aReservationWithoutAMatchIsTheCallersStationsAndOnlyItsStaffSettleIt() {
        UUID offer = createOffer(Samples.goods(registerDonor("通州某面包房 a bakery"), 10, "BOX", null));
        Http.Response made = staffA.post(
                "/offers/" + offer + "/reservations",
                Map.of("needId", UUID.randomUUID().toString(), "quantity", 2, "unit", "BOX"),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(made.status()).as(made.raw()).isEqualTo(201);
        assertThat(made.body().get("stationId").asText()).isEqualTo(stationA.toString());
        String reservation = made.body().get("id").asText();

        assertForbidden(
                staffB.post("/reservations/" + reservation + "/release", null),
                "reservationId",
                "station_staff of " + stationA);
        assertForbidden(
                staffB.post("/reservations/" + reservation + "/consumption", Map.of("quantity", 2)),
                "reservationId",
                "station_staff of " + stationA);
        assertThat(status(reservation)).isEqualTo("RESERVED");
        assertThat(staffA.post("/reservations/" + reservation + "/release", null)
                        .status())
                .isEqualTo(200);
        assertThat(available(offer)).isEqualTo(10);
    }

    @Test
    void theCentreAMatchWasEscalatedToMayActOnItsReservation() {
        UUID centre = UUID.randomUUID();
        Http centreStaff = http().as(TestTokens.token("centre-zhao", Roles.STATION_STAFF, Roles.STATION_ID, centre));
        UUID offer = createOffer(Samples.goods(registerDonor("通州某超市 a supermarket"), 10, "BOX", null));
        UUID match = UUID.randomUUID();
        UUID need = UUID.randomUUID();
        matching.proposed(match, need, offer, stationB);
        matching.escalated(match, need, stationB, centre);
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM match_station WHERE match_id = ? AND escalated_to = ?",
                                Long.class,
                                match,
                                centre)
                        == 1);

        Http.Response made = centreStaff.post(
                "/offers/" + offer + "/reservations",
                Map.of("needId", need.toString(), "matchId", match.toString(), "quantity", 4, "unit", "BOX"),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(made.status()).as(made.raw()).isEqualTo(201);
        assertThat(made.body().get("stationId").asText())
                .as("still the match's station")
                .isEqualTo(stationB.toString());
        String reservation = made.body().get("id").asText();
        assertForbidden(
                staffA.post("/reservations/" + reservation + "/release", null),
                "reservationId",
                "station_staff of " + stationB + " or station_staff of " + centre);
        Http.Response handedOver =
                centreStaff.post("/reservations/" + reservation + "/consumption", Map.of("quantity", 4));
        assertThat(handedOver.status()).as(handedOver.raw()).isEqualTo(200);
    }

    @Test
    void aReservationWithNoStationRecordedIsSettledByHandOnlyByTheHubAdmin() {
        UUID offer = createOffer(Samples.goods(registerDonor("通州某文具店 a stationer"), 10, "BOX", null));
        Http.Response made = staffA.post(
                "/offers/" + offer + "/reservations",
                Map.of("needId", UUID.randomUUID().toString(), "quantity", 3, "unit", "BOX"),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        String reservation = made.body().get("id").asText();
        // As a row made before V3: no station recorded.
        jdbc.update("UPDATE reservation SET station_id = NULL WHERE id = ?::uuid", reservation);

        assertForbidden(staffA.post("/reservations/" + reservation + "/release", null), "reservationId", "hub_admin");
        assertForbidden(
                staffA.post("/reservations/" + reservation + "/consumption", Map.of("quantity", 3)),
                "reservationId",
                "hub_admin");
        assertThat(status(reservation)).isEqualTo("RESERVED");
        Http.Response byAdmin = http().post("/reservations/" + reservation + "/consumption", Map.of("quantity", 3));
        assertThat(byAdmin.status()).as(byAdmin.raw()).isEqualTo(200);
        assertThat(available(offer)).isEqualTo(7);
    }
}
