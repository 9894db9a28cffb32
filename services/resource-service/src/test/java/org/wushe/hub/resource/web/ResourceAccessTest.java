package org.wushe.hub.resource.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.resource.ResourceOffered;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.events.EventHeaders;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.resource.support.Http;
import org.wushe.hub.resource.support.ResourceServiceTest;
import org.wushe.hub.resource.support.Samples;
import org.wushe.hub.testing.Problems;
import org.wushe.hub.testing.TestStack;
import org.wushe.hub.testing.TestTokens;
import org.wushe.hub.testing.TopicReader;

/**
 * Who may do what, over real HTTP with signed tokens: a donor's staff post offers for their donor only
 * (a social organization that gives is registered as a donor, and its staff's organization_id is that
 * donor id); station staff reserve, release and hand over by hand; donors are registered by the hub
 * admin; anyone signed in reads. Every refusal is a 403 problem naming the field and who would be
 * allowed, and writes nothing.
 */
class ResourceAccessTest extends ResourceServiceTest {

    private static final UUID STATION = UUID.fromString("5b6a9d0e-8f2c-4c1d-b3a4-2e7f9c8d1a22");

    private static void assertForbidden(Http.Response r, String field, String required) {
        Problems.assertForbidden(r.status(), r.contentType(), r.body(), r.raw(), field, required);
    }

    private long offersOf(UUID donor) {
        return jdbc.queryForObject("SELECT count(*) FROM offer WHERE donor_id = ?", Long.class, donor);
    }

    @Test
    void donorStaffPostOffersForTheirDonorOnlyAndARefusedOfferIsNeitherStoredNorPublished() {
        UUID dairy = registerDonor("通州某乳业 a dairy");
        UUID grocery = registerDonor("通州某粮油店 a grocery");
        Http dairyStaff = http().as(TestTokens.token("dairy-wang", Roles.DONOR_STAFF, Roles.DONOR_ID, dairy));

        Http.Response own = dairyStaff.post("/offers", Samples.goods(dairy, 20, "BOX", null));
        assertThat(own.status()).as(own.raw()).isEqualTo(201);
        UUID ownOffer = UUID.fromString(own.body().get("id").asText());

        Http.Response forGrocery = dairyStaff.post("/offers", Samples.goods(grocery, 20, "BOX", null));
        assertForbidden(forGrocery, "donorId", "donor_staff of " + grocery + " or organization_staff of " + grocery);
        assertThat(forGrocery.body().get("detail").asText())
                .contains("dairy-wang")
                .contains(grocery.toString());
        assertThat(offersOf(grocery)).as("no offer stored").isZero();
        assertForbidden(
                http().as(TestTokens.token("station-li", Roles.STATION_STAFF, Roles.STATION_ID, STATION))
                        .post("/offers", Samples.goods(grocery, 20, "BOX", null)),
                "donorId",
                "donor_staff of " + grocery + " or organization_staff of " + grocery);
        assertThat(offersOf(grocery)).isZero();

        // The grocery's own offer, posted after the refusals, is the only one of the grocery on the topic.
        UUID marker = createOffer(Samples.goods(grocery, 1, "BOX", null));
        List<ResourceOffered> ofGrocery = TopicReader.readUntil(
                        TestStack.bootstrapServers(),
                        Aggregate.OFFER.topic(),
                        r -> true,
                        kept -> kept.stream().anyMatch(r -> marker.toString().equals(r.key()))
                                && kept.stream()
                                        .anyMatch(r -> ownOffer.toString().equals(r.key())),
                        WAIT)
                .stream()
                .map(r -> codec.decode(r.value()))
                .filter(ResourceOffered.class::isInstance)
                .map(ResourceOffered.class::cast)
                .filter(o -> o.getProvider().getId().equals(grocery))
                .toList();
        assertThat(ofGrocery).extracting(ResourceOffered::getOfferId).containsExactly(marker);
        Received posted = events(Aggregate.OFFER, ownOffer.toString(), got -> !got.isEmpty())
                .get(0);
        assertThat(posted.header(EventHeaders.ACTOR))
                .as("the token's subject acted")
                .isEqualTo("dairy-wang");
    }

    @Test
    void staffOfASocialOrganizationRegisteredAsADonorPostForIt() {
        UUID organization = registerDonor("梨园镇社工服务社 a social work organization");
        Http orgStaff =
                http().as(TestTokens.token("org-zhao", Roles.ORGANIZATION_STAFF, Roles.ORGANIZATION_ID, organization));

        assertThat(orgStaff.post("/offers", Samples.goods(organization, 5, "BOX", null))
                        .status())
                .isEqualTo(201);
        UUID other = registerDonor("另一家企业 another enterprise");
        assertForbidden(
                orgStaff.post("/offers", Samples.goods(other, 5, "BOX", null)),
                "donorId",
                "donor_staff of " + other + " or organization_staff of " + other);
        assertThat(offersOf(other)).isZero();
    }

    @Test
    void stationStaffReserveByHandAVolunteerOrDonorStaffCannot() {
        UUID donor = registerDonor("通州某超市 a supermarket");
        UUID offer = createOffer(Samples.goods(donor, 10, "BOX", null));
        Map<String, Object> twoBoxes = Map.of("needId", UUID.randomUUID().toString(), "quantity", 2, "unit", "BOX");
        Http volunteer = http().as(TestTokens.token("vol-1", Roles.VOLUNTEER, Roles.VOLUNTEER_ID, UUID.randomUUID()));
        Http donorStaff = http().as(TestTokens.token("shop-he", Roles.DONOR_STAFF, Roles.DONOR_ID, donor));
        Http stationStaff = http().as(TestTokens.token("station-li", Roles.STATION_STAFF, Roles.STATION_ID, STATION));
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        assertForbidden(
                volunteer.post("/offers/" + offer + "/reservations", twoBoxes, key),
                "POST /offers/" + offer + "/reservations",
                "station_staff");
        assertForbidden(
                donorStaff.post("/offers/" + offer + "/reservations", twoBoxes, key),
                "POST /offers/" + offer + "/reservations",
                "station_staff");
        assertThat(available(offer)).isEqualTo(10);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM reservation WHERE offer_id = ?", Long.class, offer))
                .isZero();

        Http.Response reserved = stationStaff.post("/offers/" + offer + "/reservations", twoBoxes, key);
        assertThat(reserved.status()).as(reserved.raw()).isEqualTo(201);
        String reservation = reserved.body().get("id").asText();
        assertForbidden(
                volunteer.post("/reservations/" + reservation + "/release", null),
                "POST /reservations/" + reservation + "/release",
                "station_staff");
        assertForbidden(
                volunteer.post("/reservations/" + reservation + "/consumption", Map.of("quantity", 2)),
                "POST /reservations/" + reservation + "/consumption",
                "station_staff");
        assertThat(volunteer
                        .get("/reservations/" + reservation)
                        .body()
                        .get("status")
                        .asText())
                .isEqualTo("RESERVED");
        assertThat(available(offer)).isEqualTo(8);
        assertThat(stationStaff
                        .post("/reservations/" + reservation + "/consumption", Map.of("quantity", 2))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theHubAdminRegistersDonorsAndAnyoneSignedInReads() {
        Http donorStaff = http().as(TestTokens.token("shop-he", Roles.DONOR_STAFF, Roles.DONOR_ID, UUID.randomUUID()));
        String name = "自封的捐赠方 self-declared " + UUID.randomUUID();
        assertForbidden(donorStaff.post("/donors", Samples.donor(name, "ENTERPRISE")), "POST /donors", "hub_admin");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM donor WHERE name = ?", Long.class, name))
                .isZero();

        UUID donor = registerDonor("通州某药店 a pharmacy");
        UUID offer = createOffer(Samples.goods(donor, 3, "BOX", null));
        Http volunteer = http().as(TestTokens.token("vol-1", Roles.VOLUNTEER, Roles.VOLUNTEER_ID, UUID.randomUUID()));
        for (String path : List.of(
                "/donors/" + donor,
                "/donors",
                "/offers/" + offer,
                "/offers?donorId=" + donor,
                "/offers/" + offer + "/stock",
                "/offers/" + offer + "/reservations",
                "/directory/hsds",
                "/directory/hsds/services")) {
            assertThat(volunteer.get(path).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void withoutAValidTokenIt401s() {
        UUID donor = registerDonor("通州某面包房 a bakery");
        for (Http caller : List.of(
                http().anonymous(),
                http().as(TestTokens.expired("shop-he")),
                http().as(TestTokens.foreign("shop-he")))) {
            Http.Response r = caller.post("/offers", Samples.goods(donor, 5, "BOX", null));
            assertThat(r.status()).as(r.raw()).isEqualTo(401);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.problemField()).isEqualTo("Authorization");
            assertThat(caller.get("/directory/hsds").status()).isEqualTo(401);
        }
        assertThat(offersOf(donor)).isZero();
        assertThat(http().anonymous().get("/actuator/health").status()).isEqualTo(200);
    }
}
