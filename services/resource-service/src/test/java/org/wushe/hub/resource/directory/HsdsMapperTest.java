package org.wushe.hub.resource.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.resource.DonorKind;
import org.wushe.hub.resource.common.Window;
import org.wushe.hub.resource.donor.Donor;
import org.wushe.hub.resource.offer.Offer;
import org.wushe.hub.resource.offer.OfferStatus;
import org.wushe.hub.resource.support.Offers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Donors and offers mapped to HSDS 3.0 objects: field names, required fields, stable and consistent ids. */
class HsdsMapperTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Window JANUARY =
            new Window(Instant.parse("2025-12-31T16:00:00Z"), Instant.parse("2026-01-31T16:00:00Z"));
    static final Donor FUND = new Donor(
            Offers.DONOR,
            "梨园镇社区基金",
            DonorKind.COMMUNITY_FUND,
            "91110112MA01ABCD2X",
            null,
            null,
            "https://example.org",
            Offers.PLACE,
            Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void aDonorIsAnOrganizationWithItsCreditCodeAsAnIdentifier() {
        Hsds.Organization o = HsdsMapper.organization(FUND);

        assertThat(o.id()).isEqualTo(Offers.DONOR.toString());
        assertThat(o.name()).isEqualTo("梨园镇社区基金");
        assertThat(o.description()).contains("社区基金");
        assertThat(o.organizationIdentifiers()).singleElement().satisfies(id -> {
            assertThat(id.identifier()).isEqualTo("91110112MA01ABCD2X");
            assertThat(id.organizationId()).isEqualTo(o.id());
        });
    }

    @Test
    void theExportUsesHsdsFieldNamesAndEveryIdItRefersToIsInIt() {
        Offer milk = Offers.goods(100, QuantityUnit.BOX, LocalDate.of(2026, 1, 20), JANUARY);
        Offer clinic = Offers.service(20, List.of(Offers.SATURDAY_MORNING), JANUARY);

        Hsds.Directory d = HsdsMapper.directory(
                List.of(FUND), List.of(milk, clinic), 2, 1, 500, SHANGHAI, Instant.parse("2026-01-14T02:00:00Z"));
        JsonNode json = new ObjectMapper().valueToTree(d);

        assertThat(json.propertyNames())
                .contains(
                        "hsds_version",
                        "organizations",
                        "services",
                        "locations",
                        "service_at_locations",
                        "total_items");
        assertThat(json.get("services").get(0).propertyNames())
                .contains(
                        "id",
                        "organization_id",
                        "name",
                        "description",
                        "status",
                        "eligibility_description",
                        "schedules",
                        "languages",
                        "attributes")
                .doesNotContain("organization", "service_at_locations");
        assertThat(json.get("service_at_locations").get(0).propertyNames())
                .contains("id", "service_id", "location_id")
                .doesNotContain("location");
        assertThat(d.organizations()).hasSize(1);
        assertThat(d.locations())
                .as("both offers are at the same coarse place of the same donor")
                .hasSize(1);
        assertThat(d.serviceAtLocations()).hasSize(2).allSatisfy(link -> {
            assertThat(link.locationId()).isEqualTo(d.locations().get(0).id());
            assertThat(d.services()).extracting(Hsds.Service::id).contains(link.serviceId());
        });
        assertThat(d.services())
                .allSatisfy(
                        s -> assertThat(s.organizationId()).isEqualTo(FUND.id().toString()));
        assertThat(d.locations().get(0).locationType()).isEqualTo("physical");
        assertThat(d.locations().get(0).latitude()).isEqualTo(39.88);
    }

    @Test
    void idsAreStableFromOneExportToTheNext() {
        Offer milk = Offers.goods(100, QuantityUnit.BOX, null, JANUARY);

        Hsds.Service first = HsdsMapper.service(milk, FUND, SHANGHAI);
        Hsds.Service second = HsdsMapper.service(milk, FUND, SHANGHAI);

        assertThat(second).isEqualTo(first);
        assertThat(UUID.fromString(first.serviceAtLocations().get(0).id())).isNotNull();
    }

    @Test
    void weeklySlotsBecomeWeeklyRulesInChinaStandardTimeAndStatusFollowsTheOffer() {
        Offer clinic = Offers.service(20, List.of(Offers.SATURDAY_MORNING), JANUARY);

        Hsds.Service s = HsdsMapper.service(clinic, FUND, SHANGHAI);
        Hsds.Service expired = HsdsMapper.service(Offers.withStatus(clinic, OfferStatus.EXPIRED), FUND, SHANGHAI);

        assertThat(s.status()).isEqualTo("active");
        assertThat(expired.status()).isEqualTo("inactive");
        assertThat(s.schedules()).singleElement().satisfies(rule -> {
            assertThat(rule.freq()).isEqualTo("WEEKLY");
            assertThat(rule.byday()).isEqualTo("SA");
            assertThat(rule.opensAt()).isEqualTo("09:00+08:00");
            assertThat(rule.closesAt()).isEqualTo("11:30+08:00");
            assertThat(rule.validFrom()).isEqualTo("2026-01-01");
            assertThat(rule.validTo()).isEqualTo("2026-01-31");
            assertThat(rule.timezone()).isEqualTo(8);
        });
        assertThat(s.languages()).extracting(Hsds.Language::code).containsExactly("zh", "en");
    }
}
