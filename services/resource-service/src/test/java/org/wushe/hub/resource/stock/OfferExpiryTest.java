package org.wushe.hub.resource.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wushe.hub.events.resource.ExpiryReason;
import org.wushe.hub.events.resource.ReleaseReason;
import org.wushe.hub.events.resource.ResourceConsumed;
import org.wushe.hub.events.resource.ResourceExpired;
import org.wushe.hub.events.resource.ResourceReleased;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.resource.support.Http;
import org.wushe.hub.resource.support.ResourceServiceTest;
import org.wushe.hub.resource.support.Samples;

/** Time running out: goods past their date, offers whose window ended, reservations held too long. The job is run by hand. */
class OfferExpiryTest extends ResourceServiceTest {

    @Autowired
    OfferExpiry expiry;

    @Test
    void goodsPastTheirDateStopBeingOfferedAndWhatTheyHeldIsReleased() {
        LocalDate today = LocalDate.now(Samples.SHANGHAI);
        UUID offer = createOffer(Samples.goods(registerDonor("通州某乳业 a dairy"), 10, "BOX", today));
        Http.Response held = reserve(
                offer,
                UUID.randomUUID().toString(),
                Map.of("needId", UUID.randomUUID().toString(), "quantity", 3));
        UUID reservation = UUID.fromString(held.body().get("id").asText());

        expiry.runOnce();
        assertThat(http().get("/offers/" + offer).body().get("status").asText())
                .as("good until the end of its date")
                .isEqualTo("ACTIVE");

        clock.advance(Duration.ofDays(1));
        expiry.runOnce();
        OfferExpiry.Run again = expiry.runOnce();

        assertThat(again).isEqualTo(new OfferExpiry.Run(0, 0));
        assertThat(http().get("/offers/" + offer).body().get("status").asText()).isEqualTo("EXPIRED");
        assertThat(http().get("/reservations/" + reservation)
                        .body()
                        .get("status")
                        .asText())
                .isEqualTo("RELEASED");
        var stock = http().get("/offers/" + offer + "/stock").body();
        assertThat(stock.get("available").asLong()).isZero();
        assertThat(stock.get("reserved").asLong()).isZero();
        assertThat(stock.get("withdrawn").asLong()).isEqualTo(10);

        List<Received> events =
                eventsUntil(Aggregate.OFFER, offer, "ResourceReserved", "ResourceReleased", "ResourceExpired");
        assertThat(events)
                .extracting(Received::type)
                .containsExactly("ResourceOffered", "ResourceReserved", "ResourceReleased", "ResourceExpired");
        ResourceReleased released = last(events, ResourceReleased.class);
        assertThat(released.getReason()).isEqualTo(ReleaseReason.OFFER_EXPIRED);
        assertThat(released.getReleased().getQuantity().getAmount()).isEqualTo(3);
        assertThat(released.getRemaining().getQuantity().getAmount()).isZero();
        ResourceExpired expired = last(events, ResourceExpired.class);
        assertThat(expired.getReason()).isEqualTo(ExpiryReason.PAST_EXPIRY_DATE);
        assertThat(expired.getExpiryDate()).isEqualTo(today);
        assertThat(expired.getWithdrawn().getQuantity().getAmount())
                .as("what was left unreserved")
                .isEqualTo(7);
        assertThat(expired.getReleasedReservationIds()).containsExactly(reservation);

        Http.Response late = reserve(
                offer,
                UUID.randomUUID().toString(),
                Map.of("needId", UUID.randomUUID().toString(), "quantity", 1));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.problemField()).isEqualTo("offerId");
    }

    @Test
    void anOfferWhoseWindowEndedIsWithdrawnButItsReservationsCanStillBeHandedOver() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> talk = Samples.service(registerDonor("通州某银行 a bank"), 30);
        talk.put("category", "ANTI_FRAUD");
        talk.put("title", "反诈讲座 anti-fraud talk");
        talk.put("availableWindow", Samples.window(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(3))));
        @SuppressWarnings("unchecked")
        Map<String, Object> service = (Map<String, Object>) talk.get("service");
        service.put("schedule", List.of());
        UUID offer = createOffer(talk);
        Http.Response held = reserve(
                offer,
                UUID.randomUUID().toString(),
                Map.of("needId", UUID.randomUUID().toString(), "capacity", 12));
        UUID reservation = UUID.fromString(held.body().get("id").asText());

        clock.advance(Duration.ofDays(4));
        expiry.runOnce();

        assertThat(http().get("/offers/" + offer).body().get("status").asText()).isEqualTo("EXPIRED");
        assertThat(http().get("/reservations/" + reservation)
                        .body()
                        .get("status")
                        .asText())
                .isEqualTo("RESERVED");
        Http.Response handedOver = http().post("/reservations/" + reservation + "/consumption", Map.of("capacity", 10));
        assertThat(handedOver.status()).isEqualTo(200);
        var stock = http().get("/offers/" + offer + "/stock").body();
        assertThat(stock.get("consumed").asLong()).isEqualTo(10);
        assertThat(stock.get("withdrawn").asLong())
                .as("18 unbooked when it expired, then 2 not used")
                .isEqualTo(20);

        List<Received> events =
                eventsUntil(Aggregate.OFFER, offer, "ResourceReserved", "ResourceExpired", "ResourceConsumed");
        ResourceExpired expired = last(events, ResourceExpired.class);
        assertThat(expired.getReason()).isEqualTo(ExpiryReason.WINDOW_ENDED);
        assertThat(expired.getExpiryDate()).isNull();
        assertThat(expired.getWithdrawn().getCapacity()).isEqualTo(30);
        assertThat(expired.getReleasedReservationIds()).isEmpty();
        ResourceConsumed consumed = last(events, ResourceConsumed.class);
        assertThat(consumed.getConsumed().getCapacity()).isEqualTo(10);
        assertThat(consumed.getReturned().getCapacity()).isEqualTo(2);
        assertThat(consumed.getRemaining().getCapacity())
                .as("nothing goes back on offer once it expired")
                .isZero();
    }

    @Test
    void aReservationHeldPastItsTimeLapsesAndGoesBackToTheOffer() {
        UUID offer = createOffer(Samples.goods(registerDonor("通州某超市 a supermarket"), 10, "BOX", null));
        Http.Response held = reserve(
                offer,
                UUID.randomUUID().toString(),
                Map.of("needId", UUID.randomUUID().toString(), "quantity", 4));
        UUID reservation = UUID.fromString(held.body().get("id").asText());

        clock.advance(Duration.ofDays(8));
        expiry.runOnce();

        assertThat(http().get("/reservations/" + reservation)
                        .body()
                        .get("releaseReason")
                        .asText())
                .isEqualTo("RESERVATION_EXPIRED");
        assertThat(available(offer)).isEqualTo(10);
        ResourceReleased released = last(
                eventsUntil(Aggregate.OFFER, offer, "ResourceReserved", "ResourceReleased"), ResourceReleased.class);
        assertThat(released.getReason()).isEqualTo(ReleaseReason.RESERVATION_EXPIRED);
        assertThat(released.getRemaining().getQuantity().getAmount()).isEqualTo(10);
    }
}
