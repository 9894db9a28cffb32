package org.wushe.hub.resource.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wushe.hub.resource.stock.OfferExpiry;
import org.wushe.hub.resource.support.Http;
import org.wushe.hub.resource.support.ResourceServiceTest;
import org.wushe.hub.resource.support.Samples;
import tools.jackson.databind.JsonNode;

/** A city's resource directory can read the hub as Open Referral HSDS 3.0: required fields present, ids consistent, coarse places only. */
class HsdsDirectoryTest extends ResourceServiceTest {

    private static final Set<String> SERVICE_STATUSES = Set.of("active", "inactive", "defunct", "temporarily closed");
    private static final Set<String> LOCATION_TYPES = Set.of("physical", "postal", "virtual");

    @Autowired
    OfferExpiry expiry;

    @Test
    void theExportHasEveryRequiredHsdsFieldAndItsIdsReferToEachOther() {
        UUID donor = registerDonor("梨园镇社区基金会 Liyuan community foundation");
        UUID goods = createOffer(
                Samples.goods(donor, 50, "BOX", LocalDate.now(Samples.SHANGHAI).plusDays(30)));
        UUID clinic = createOffer(Samples.service(donor, 20));
        UUID fund = createOffer(Samples.fund(donor, 300_000L, null));
        UUID hall = createOffer(Samples.venue(donor, 40));

        Http.Response response = http().get("/directory/hsds?per_page=1000");

        assertThat(response.status()).isEqualTo(200);
        JsonNode doc = response.body();
        assertThat(doc.get("hsds_version").asText()).isEqualTo("3.0");
        Set<String> organizationIds = new HashSet<>();
        for (JsonNode o : doc.get("organizations")) {
            requireText(o, "id", "name", "description");
            assertThat(organizationIds.add(o.get("id").asText()))
                    .as("unique organization id")
                    .isTrue();
        }
        Set<String> serviceIds = new HashSet<>();
        for (JsonNode s : doc.get("services")) {
            requireText(s, "id", "organization_id", "name", "status");
            assertThat(SERVICE_STATUSES).contains(s.get("status").asText());
            assertThat(organizationIds).contains(s.get("organization_id").asText());
            assertThat(serviceIds.add(s.get("id").asText())).isTrue();
            for (JsonNode schedule : s.get("schedules")) {
                requireText(schedule, "id", "service_id");
                assertThat(schedule.get("service_id").asText())
                        .isEqualTo(s.get("id").asText());
            }
            for (JsonNode attribute : s.get("attributes")) {
                requireText(attribute, "id", "taxonomy_term_id", "link_id", "link_entity");
                assertThat(attribute.get("taxonomy_term").get("id").asText())
                        .isEqualTo(attribute.get("taxonomy_term_id").asText());
            }
        }
        Set<String> locationIds = new HashSet<>();
        for (JsonNode l : doc.get("locations")) {
            requireText(l, "id", "location_type", "name");
            assertThat(LOCATION_TYPES).contains(l.get("location_type").asText());
            assertThat(l.has("addresses"))
                    .as("no addresses: coarse places only")
                    .isFalse();
            assertTwoDecimalsAtMost(l.get("latitude"));
            assertTwoDecimalsAtMost(l.get("longitude"));
            assertThat(locationIds.add(l.get("id").asText())).isTrue();
        }
        for (JsonNode link : doc.get("service_at_locations")) {
            requireText(link, "id", "service_id", "location_id");
            assertThat(serviceIds).contains(link.get("service_id").asText());
            assertThat(locationIds).contains(link.get("location_id").asText());
        }
        assertThat(serviceIds).contains(goods.toString(), clinic.toString(), fund.toString(), hall.toString());
        assertThat(organizationIds).contains(donor.toString());
        assertThat(doc.get("total_items").asLong()).isGreaterThanOrEqualTo(4);

        JsonNode clinicService = find(doc.get("services"), clinic.toString());
        assertThat(clinicService.get("schedules")).singleElement().satisfies(s -> {
            assertThat(s.get("freq").asText()).isEqualTo("WEEKLY");
            assertThat(s.get("byday").asText()).isEqualTo("SA");
            assertThat(s.get("opens_at").asText()).isEqualTo("09:00+08:00");
            assertThat(s.get("closes_at").asText()).isEqualTo("11:30+08:00");
        });
        assertThat(clinicService.get("languages"))
                .extracting(l -> l.get("code").asText())
                .containsExactly("zh", "en");
        JsonNode ours = locationOf(doc, goods.toString());
        assertThat(ours.get("name").asText()).isEqualTo("梨园镇社会工作服务中心");
        assertThat(ours.get("latitude").asDouble()).isEqualTo(39.88);
        assertThat(ours.get("external_identifier").asText()).isEqualTo("wx4g8k");
        assertThat(locationOf(doc, hall.toString()).get("id").asText())
                .as("one location per place of an organization")
                .isEqualTo(ours.get("id").asText());
    }

    @Test
    void servicesComeInHsdsApiPagesWithTheirOrganizationAndLocationsEmbedded() {
        UUID donor = registerDonor("通州某律师事务所 a law firm");
        createOffer(Samples.service(donor, 10));
        createOffer(Samples.service(donor, 10));
        createOffer(Samples.service(donor, 10));

        JsonNode page = http().get("/directory/hsds/services?page=1&per_page=2").body();

        assertThat(page.get("contents")).hasSize(2);
        assertThat(page.get("size").asInt()).isEqualTo(2);
        assertThat(page.get("page_number").asInt()).isEqualTo(1);
        assertThat(page.get("first_page").asBoolean()).isTrue();
        assertThat(page.get("total_pages").asInt())
                .isEqualTo((int) Math.ceil(page.get("total_items").asLong() / 2.0));
        JsonNode service = page.get("contents").get(0);
        assertThat(service.get("organization").get("id").asText())
                .isEqualTo(service.get("organization_id").asText());
        JsonNode link = service.get("service_at_locations").get(0);
        assertThat(link.get("location").get("id").asText())
                .isEqualTo(link.get("location_id").asText());
        assertThat(link.get("service_id").asText()).isEqualTo(service.get("id").asText());
    }

    @Test
    void expiredGoodsLeaveTheDirectoryAndReadAsInactive() {
        UUID donor = registerDonor("通州某蛋糕店 a cake shop");
        UUID cakes = createOffer(Samples.goods(donor, 5, "PIECE", LocalDate.now(Samples.SHANGHAI)));
        clock.advance(Duration.ofDays(2));
        expiry.runOnce();

        List<String> listed = http().get("/directory/hsds?per_page=1000")
                .body()
                .get("services")
                .valueStream()
                .map(s -> s.get("id").asText())
                .toList();

        assertThat(listed).doesNotContain(cakes.toString());
        assertThat(http().get("/directory/hsds/services/" + cakes)
                        .body()
                        .get("status")
                        .asText())
                .isEqualTo("inactive");
    }

    private static void requireText(JsonNode node, String... fields) {
        for (String f : fields) {
            assertThat(node.hasNonNull(f)).as("%s in %s", f, node).isTrue();
            assertThat(node.get(f).asText()).as("%s in %s", f, node).isNotBlank();
        }
    }

    private static void assertTwoDecimalsAtMost(JsonNode coordinate) {
        if (coordinate != null && !coordinate.isNull()) {
            assertThat(coordinate.decimalValue().stripTrailingZeros().scale())
                    .as("coarse coordinate %s", coordinate)
                    .isLessThanOrEqualTo(2);
        }
    }

    private static JsonNode find(JsonNode array, String id) {
        return array.valueStream()
                .filter(n -> n.get("id").asText().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static JsonNode locationOf(JsonNode doc, String serviceId) {
        String locationId = doc.get("service_at_locations")
                .valueStream()
                .filter(l -> l.get("service_id").asText().equals(serviceId))
                .findFirst()
                .orElseThrow()
                .get("location_id")
                .asText();
        return find(doc.get("locations"), locationId);
    }
}
