package org.wushe.hub.resource.offer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.resource.ExpiryReason;
import org.wushe.hub.events.resource.ResourceExpired;
import org.wushe.hub.events.resource.ResourceOffered;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.resource.support.Http;
import org.wushe.hub.resource.support.ResourceServiceTest;
import org.wushe.hub.resource.support.Samples;
import org.wushe.hub.testing.Problems;
import org.wushe.hub.testing.TestTokens;

/**
 * A provider changes and withdraws its offers over real HTTP with signed tokens, and each change reaches
 * {@code wushe.resource.offer} through the outbox: a change as {@code ResourceOffered} with the next
 * revision and what is still available, a withdrawal as {@code ResourceExpired} WITHDRAWN. Stock never
 * goes below what is reserved; a withdrawn offer keeps its reservations and takes no new ones; another
 * donor's staff are refused with nothing written.
 */
class OfferChangeTest extends ResourceServiceTest {

    private static Map<String, Object> boxes(int quantity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("needId", UUID.randomUUID().toString());
        body.put("quantity", quantity);
        body.put("unit", "BOX");
        return body;
    }

    private Http staffOf(UUID donor) {
        return http().as(TestTokens.token(
                "donor-staff-" + donor.toString().substring(0, 8), Roles.DONOR_STAFF, Roles.DONOR_ID, donor));
    }

    @Test
    void stockMovesUpOrDownButNeverBelowWhatIsReservedAndTheChangeIsPublishedWithItsRevision() {
        UUID donor = registerDonor("通州某乳业 a dairy");
        UUID offer = createOffer(Samples.goods(donor, 10, "BOX", null));
        assertThat(reserve(offer, UUID.randomUUID().toString(), boxes(4)).status())
                .isEqualTo(201);
        Http staff = staffOf(donor);

        Http.Response tooFew = staff.put("/offers/" + offer, Map.of("goods", Map.of("quantity", 3)));
        assertThat(tooFew.status()).as(tooFew.raw()).isEqualTo(400);
        assertThat(tooFew.problemField()).isEqualTo("goods.quantity");
        assertThat(tooFew.body().toString()).contains("at least 4");

        Instant until = clock.instant().plus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Http.Response changed = staff.put(
                "/offers/" + offer,
                Map.of(
                        "title",
                        "爱心牛奶（六箱）milk, six boxes",
                        "goods",
                        Map.of("quantity", 6),
                        "availableUntil",
                        until.toString()));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.body().get("revision").asInt()).isEqualTo(1);
        assertThat(changed.body().get("goods").get("quantity").asInt()).isEqualTo(6);
        assertThat(changed.body().get("availableWindow").get("end").asText()).isEqualTo(until.toString());
        assertThat(available(offer)).as("6 in all, 4 reserved").isEqualTo(2);
        assertThat(reserve(offer, UUID.randomUUID().toString(), boxes(3)).status())
                .as("only 2 left")
                .isEqualTo(409);

        Http.Response more = staff.put("/offers/" + offer, Map.of("goods", Map.of("quantity", 12)));
        assertThat(more.body().get("revision").asInt()).isEqualTo(2);
        assertThat(available(offer)).isEqualTo(8);

        List<Received> events = eventsUntil(
                Aggregate.OFFER, offer, "ResourceOffered", "ResourceReserved", "ResourceOffered", "ResourceOffered");
        List<ResourceOffered> offered = events.stream()
                .map(Received::event)
                .filter(ResourceOffered.class::isInstance)
                .map(ResourceOffered.class::cast)
                .toList();
        assertThat(offered).extracting(ResourceOffered::getRevision).containsExactly(0, 1, 2);
        assertThat(offered.get(0).getAvailable())
                .as("all of it, when first offered")
                .isNull();
        assertThat(offered.get(1).getGoods().getQuantity().getAmount()).isEqualTo(6);
        assertThat(offered.get(1).getAvailable().getQuantity().getAmount()).isEqualTo(2);
        assertThat(offered.get(1).getAvailableWindow().getEnd()).isEqualTo(until);
        assertThat(offered.get(1).getTitle()).isEqualTo("爱心牛奶（六箱）milk, six boxes");
        assertThat(offered.get(2).getAvailable().getQuantity().getAmount()).isEqualTo(8);
    }

    @Test
    void badChangesAreRefusedNamingTheFieldAndChangeNothing() {
        UUID donor = registerDonor("通州某粮油店 a grocery");
        UUID offer = createOffer(Samples.goods(donor, 10, "BOX", null));
        Http staff = staffOf(donor);

        assertThat(staff.put("/offers/" + offer, Map.of("title", "  ")).problemField())
                .isEqualTo("title");
        assertThat(staff.put("/offers/" + offer, Map.of("service", Map.of("capacity", 3)))
                        .problemField())
                .isEqualTo("service");
        assertThat(staff.put("/offers/" + offer, Map.of("goods", Map.of("quantity", 0)))
                        .problemField())
                .isEqualTo("goods.quantity");
        assertThat(staff.put("/offers/" + offer, Map.of("goods", Map.of("expiryDate", "2020-01-01")))
                        .problemField())
                .isEqualTo("goods.expiryDate");
        assertThat(staff.put("/offers/" + offer, Map.of("availableUntil", "2020-01-01T00:00:00Z"))
                        .problemField())
                .isEqualTo("availableUntil");
        assertThat(staff.put("/offers/" + offer, Map.of("kind", "FUND")).status())
                .as("kind cannot change")
                .isEqualTo(400);
        assertThat(staff.put("/offers/" + offer, Map.of("title", "x".repeat(101)))
                        .problemField())
                .isEqualTo("title");
        assertThat(staff.put("/offers/" + UUID.randomUUID(), Map.of("title", "t"))
                        .status())
                .isEqualTo(404);

        assertThat(jdbc.queryForObject("SELECT revision FROM offer WHERE id = ?", Integer.class, offer))
                .isZero();
        assertThat(http().get("/offers/" + offer)
                        .body()
                        .get("goods")
                        .get("quantity")
                        .asInt())
                .isEqualTo(10);
    }

    @Test
    void aWithdrawnOfferKeepsItsReservationsTakesNoNewOnesAndCannotChange() {
        UUID donor = registerDonor("通州某面包房 a bakery");
        UUID offer = createOffer(Samples.goods(donor, 10, "BOX", null));
        Http.Response held = reserve(offer, UUID.randomUUID().toString(), boxes(3));
        assertThat(held.status()).isEqualTo(201);
        Http staff = staffOf(donor);

        Http.Response withdrawn =
                staff.post("/offers/" + offer + "/withdraw", Map.of("reason", "库存已捐给养老院 given to a care home"));
        assertThat(withdrawn.status()).as(withdrawn.raw()).isEqualTo(200);
        assertThat(withdrawn.body().get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.body().get("withdrawalReason").asText()).isEqualTo("库存已捐给养老院 given to a care home");
        assertThat(withdrawn.body().get("withdrawnAt").asText()).isNotBlank();

        Http.Response late = reserve(offer, UUID.randomUUID().toString(), boxes(1));
        assertThat(late.status()).as(late.raw()).isEqualTo(409);
        assertThat(late.body().toString()).contains("withdrew the offer");
        assertThat(http().get("/reservations/" + held.body().get("id").asText())
                        .body()
                        .get("status")
                        .asText())
                .as("the reservation stays with its match")
                .isEqualTo("RESERVED");
        assertThat(staff.post("/offers/" + offer + "/withdraw", null).status()).isEqualTo(409);
        assertThat(staff.put("/offers/" + offer, Map.of("title", "t")).status()).isEqualTo(409);
        assertThat(staff.post("/offers/" + offer + "/withdraw", Map.of("reason", "x".repeat(201)))
                        .problemField())
                .isEqualTo("reason");

        ResourceExpired event = last(
                eventsUntil(Aggregate.OFFER, offer, "ResourceOffered", "ResourceReserved", "ResourceExpired"),
                ResourceExpired.class);
        assertThat(event.getReason()).isEqualTo(ExpiryReason.WITHDRAWN);
        assertThat(event.getWithdrawn().getQuantity().getAmount())
                .as("what was still available")
                .isEqualTo(7);
        assertThat(event.getReleasedReservationIds()).isEmpty();
        assertThat(event.toString()).as("the donor's words stay here").doesNotContain("养老院");
    }

    @Test
    void anotherDonorsStaffCanNeitherChangeNorWithdrawAndNothingIsWritten() {
        UUID dairy = registerDonor("通州某乳业 another dairy");
        UUID grocery = registerDonor("通州某粮油店 another grocery");
        UUID offer = createOffer(Samples.goods(dairy, 10, "BOX", null));
        Http groceryStaff = staffOf(grocery);
        String required = "donor_staff of " + dairy + " or organization_staff of " + dairy;

        Http.Response change = groceryStaff.put("/offers/" + offer, Map.of("goods", Map.of("quantity", 1)));
        Problems.assertForbidden(
                change.status(), change.contentType(), change.body(), change.raw(), "offerId", required);
        Http.Response withdraw = groceryStaff.post("/offers/" + offer + "/withdraw", null);
        Problems.assertForbidden(
                withdraw.status(), withdraw.contentType(), withdraw.body(), withdraw.raw(), "offerId", required);
        Http.Response otherOrg = http().as(
                        TestTokens.token("org-zhao", Roles.ORGANIZATION_STAFF, Roles.ORGANIZATION_ID, grocery))
                .post("/offers/" + offer + "/withdraw", null);
        Problems.assertForbidden(
                otherOrg.status(), otherOrg.contentType(), otherOrg.body(), otherOrg.raw(), "offerId", required);

        assertThat(jdbc.queryForMap("SELECT status, revision, quantity FROM offer WHERE id = ?", offer))
                .containsEntry("status", "ACTIVE")
                .containsEntry("revision", 0)
                .containsEntry("quantity", 10);
        // The dairy's own change, made after the refusals, is the offer's only event besides its first.
        assertThat(staffOf(dairy)
                        .put("/offers/" + offer, Map.of("title", "牛奶 milk"))
                        .status())
                .isEqualTo(200);
        List<Received> events = eventsUntil(Aggregate.OFFER, offer, "ResourceOffered", "ResourceOffered");
        assertThat(events).extracting(Received::type).containsExactly("ResourceOffered", "ResourceOffered");
        assertThat(events.get(1).header("actor")).startsWith("donor-staff-");
    }

    private static java.util.stream.Stream<tools.jackson.databind.JsonNode> ids(tools.jackson.databind.JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    @Test
    void offersAreListedByTheirDonorOrGivingOrganization() {
        UUID organization = registerDonor("梨园镇社工服务社 a social work organization");
        UUID offer = createOffer(Samples.goods(organization, 5, "BOX", null));
        Http orgStaff =
                http().as(TestTokens.token("org-zhao", Roles.ORGANIZATION_STAFF, Roles.ORGANIZATION_ID, organization));

        Http.Response listed = orgStaff.get("/offers?organizationId=" + organization);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(ids(listed.body()).map(n -> n.get("id").asText()).toList()).containsExactly(offer.toString());
        assertThat(ids(orgStaff.get("/offers?donorId=" + organization).body())
                        .map(n -> n.get("id").asText())
                        .toList())
                .containsExactly(offer.toString());
        assertThat(orgStaff.get("/offers?donorId=" + organization + "&organizationId=" + UUID.randomUUID())
                        .problemField())
                .isEqualTo("organizationId");
        assertThat(orgStaff.get("/offers/" + offer + "/reservations").status())
                .as("its own reservations and hand-overs")
                .isEqualTo(200);
        assertThat(orgStaff.post("/offers/" + offer + "/withdraw", null).status())
                .isEqualTo(200);
    }
}
