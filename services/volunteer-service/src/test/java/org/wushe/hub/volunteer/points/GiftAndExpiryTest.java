package org.wushe.hub.volunteer.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wushe.hub.events.resource.DonorKind;
import org.wushe.hub.events.volunteer.GiftRecipient;
import org.wushe.hub.events.volunteer.PointsExpired;
import org.wushe.hub.events.volunteer.PointsGifted;
import org.wushe.hub.volunteer.support.Http;
import org.wushe.hub.volunteer.support.ServiceScenario;
import tools.jackson.databind.JsonNode;

/** The time bank (时间银行): points given to a relative or an elder in hardship; and points that expire unspent. */
class GiftAndExpiryTest extends ServiceScenario {

    @Autowired
    ExpiryJob expiry;

    @Test
    void aVolunteerGivesPointsToAnElderInHardshipWhoSpendsThemAndToARelative() {
        UUID volunteer = registerVolunteer(true, false);
        logHours(volunteer, 180, today()); // 60 points: double for a young-old volunteer
        UUID elder = openTimeBank(Map.of(
                "holder", "ELDER_IN_HARDSHIP", "residentRef", UUID.randomUUID().toString(), "label", "独居老人"));
        UUID relative = openTimeBank(
                Map.of("holder", "RELATIVE", "sponsorVolunteerId", volunteer.toString(), "label", "母亲 mother"));

        Http.Response gift = gift(volunteer, elder, 40, "gift-elder");
        assertThat(gift.status()).as(gift.toString()).isEqualTo(201);
        assertThat(gift.json().get("balance").asLong()).isEqualTo(20);
        assertThat(gift.json().get("recipientBalance").asLong()).isEqualTo(40);
        Http.Response retried = gift(volunteer, elder, 40, "gift-elder");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json()).isEqualTo(gift.json());
        assertThat(retried.header("Idempotent-Replayed")).hasValue("true");
        Http.Response tooMuch = gift(volunteer, relative, 21, "gift-relative-1");
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.problemField()).isEqualTo("points");
        assertThat(gift(volunteer, relative, 20, "gift-relative-2").status()).isEqualTo(201);
        Http.Response fromTimeBank = gift(elder, volunteer, 1, "back");
        assertThat(fromTimeBank.status()).isEqualTo(409);

        assertThat(balance(volunteer)).isZero();
        assertThat(balance(elder)).isEqualTo(40);
        assertThat(balance(relative)).isEqualTo(20);
        assertThat(only(eventsOf(volunteer, has(PointsGifted.class, 2)), PointsGifted.class))
                .extracting(PointsGifted::getToAccountId, PointsGifted::getRecipient, PointsGifted::getPoints)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(elder, GiftRecipient.ELDER_IN_HARDSHIP, 40L),
                        org.assertj.core.groups.Tuple.tuple(relative, GiftRecipient.RELATIVE, 20L));

        UUID haircut = reward(caringShop("阳光理发 Sunshine Barber", DonorKind.CARING_SHOP), 25, null);
        Http.Response redeemed = redeem(elder, haircut, 1, "elder-haircut");
        assertThat(redeemed.status()).as(redeemed.toString()).isEqualTo(201);
        assertThat(balance(elder)).isEqualTo(15);
        JsonNode statement =
                http().get("/points/accounts/" + elder + "/transactions").json();
        assertThat(statement)
                .extracting(t -> t.get("kind").asText() + " " + t.get("points").asLong())
                .containsExactly("REDEMPTION -25", "GIFT 40");
    }

    @Test
    void pointsNotSpentWithinAYearExpireOldestFirstAndCannotBeSpentAfterwards() {
        UUID volunteer = registerVolunteer(false, false);
        logHours(volunteer, 600, today()); // 100 points, expiring in 365 days
        UUID reward = reward(caringShop("爱心面馆 Noodle House", DonorKind.CARING_SHOP), 40, null);
        assertThat(redeem(volunteer, reward, 1, "noodles-1").status()).isEqualTo(201);
        assertThat(http().get("/points/accounts/" + volunteer)
                        .json()
                        .get("expiringWithin30Days")
                        .asLong())
                .isZero();

        clock.advance(Duration.ofDays(340));
        assertThat(http().get("/points/accounts/" + volunteer)
                        .json()
                        .get("expiringWithin30Days")
                        .asLong())
                .isEqualTo(60);
        clock.advance(Duration.ofDays(26));
        JsonNode account = http().get("/points/accounts/" + volunteer).json();
        assertThat(account.get("expired").asLong()).isEqualTo(60);
        assertThat(account.get("spendable").asLong()).isZero();

        assertThat(expiry.runOnce()).isGreaterThanOrEqualTo(60);
        assertThat(expiry.runOnce()).as("nothing more to write off").isZero();

        assertThat(balance(volunteer)).isZero();
        PointsExpired expired = only(eventsOf(volunteer, has(PointsExpired.class, 1)), PointsExpired.class)
                .get(0);
        assertThat(expired.getPoints()).isEqualTo(60);
        assertThat(expired.getBalance()).isZero();
        assertThat(expired.getVolunteerId()).isEqualTo(volunteer);
        Http.Response late = redeem(volunteer, reward, 1, "noodles-2");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.problemField()).isEqualTo("points");
    }

    private UUID openTimeBank(Map<String, Object> body) {
        Http.Response r = http().post("/points/time-bank-accounts", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return UUID.fromString(r.json().get("accountId").asText());
    }

    private Http.Response gift(UUID from, UUID to, long points, String key) {
        return http().post(
                        "/points/accounts/" + from + "/gifts",
                        Map.of("toAccountId", to.toString(), "points", points),
                        "Idempotency-Key",
                        key);
    }
}
