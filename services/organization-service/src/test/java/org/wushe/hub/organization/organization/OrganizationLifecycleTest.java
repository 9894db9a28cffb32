package org.wushe.hub.organization.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.IncubationStage;
import org.wushe.hub.events.organization.LegalStatus;
import org.wushe.hub.events.organization.OrganizationKind;
import org.wushe.hub.events.organization.OrganizationRegistered;
import org.wushe.hub.events.organization.OrganizationStageChanged;
import org.wushe.hub.organization.support.ServiceScenario;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.testing.Http;
import tools.jackson.databind.JsonNode;

/**
 * A filed community volunteer team is registered under a hub organization's incubation and grows
 * from 萌芽型 to 成熟型, becomes a hub itself, and leaves its incubator: every step an event on
 * {@code wushe.organization.organization}, keyed by the organization.
 */
class OrganizationLifecycleTest extends ServiceScenario {

    @Test
    void aFiledTeamGrowsUpUnderAHubAndBecomesAHubItself() {
        UUID hub = hub();
        UUID community = UUID.randomUUID();
        JsonNode team = register(organization(
                "kind",
                "VOLUNTEER_SERVICE",
                "legalStatus",
                "FILED",
                "stage",
                "SPROUTING",
                "hubOrganizationId",
                hub.toString(),
                "communityId",
                community.toString(),
                "geohash",
                "wx4g0bm9k",
                "serviceCategories",
                List.of("MEDIATION", "SAFETY_CHECK", "MEDIATION")));
        UUID id = UUID.fromString(team.get("id").asText());
        assertThat(team.get("stage").asText()).isEqualTo("SPROUTING");
        assertThat(team.get("hub").asBoolean()).isFalse();
        assertThat(team.get("geohash").asText()).isEqualTo("wx4g0b");

        String lastYear = today().minusDays(300).toString();
        Http.Response backdated =
                http().post("/organizations/" + id + "/stage", Http.map("stage", "START_UP", "changedOn", lastYear));
        assertThat(backdated.status()).isEqualTo(400);
        assertThat(backdated.problemField()).isEqualTo("changedOn");

        for (String stage : List.of("START_UP", "GROWING", "MATURE")) {
            Http.Response moved = http().post("/organizations/" + id + "/stage", Http.map("stage", stage));
            assertThat(moved.status()).as(moved.text()).isEqualTo(200);
            assertThat(moved.json().get("stage").asText()).isEqualTo(stage);
        }
        assertThat(http().post("/organizations/" + id + "/hub", Http.map("hub", true))
                        .status())
                .isEqualTo(200);
        Http.Response left =
                http().post("/organizations/" + id + "/incubator", Http.map("changedOn", today().toString()));
        assertThat(left.status()).as(left.text()).isEqualTo(200);
        assertThat(left.json().has("hubOrganizationId")).isFalse();

        List<SpecificRecord> events = events(Aggregate.ORGANIZATION, id, 6);
        assertThat(events)
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly(
                        "OrganizationRegistered",
                        "OrganizationStageChanged",
                        "OrganizationStageChanged",
                        "OrganizationStageChanged",
                        "OrganizationStageChanged",
                        "OrganizationStageChanged");
        OrganizationRegistered registered = (OrganizationRegistered) events.get(0);
        assertThat(registered.getOrganizationId()).isEqualTo(id);
        assertThat(registered.getName()).isEqualTo(team.get("name").asText());
        assertThat(registered.getKind()).isEqualTo(OrganizationKind.VOLUNTEER_SERVICE);
        assertThat(registered.getLegalStatus()).isEqualTo(LegalStatus.FILED);
        assertThat(registered.getStage()).isEqualTo(IncubationStage.SPROUTING);
        assertThat(registered.getHub()).isFalse();
        assertThat(registered.getHubOrganizationId()).isEqualTo(hub);
        assertThat(registered.getUnifiedSocialCreditCode()).isNull();
        assertThat(registered.getCommunityId()).isEqualTo(community);
        assertThat(registered.getPlace().getDistrictCode()).isEqualTo(DISTRICT);
        assertThat(registered.getPlace().getStreetCode()).isEqualTo(STREET);
        assertThat(registered.getPlace().getCommunityId()).isEqualTo(community);
        assertThat(registered.getPlace().getGeohash()).isEqualTo("wx4g0b");
        assertThat(registered.getPlace().getLatitude()).isEqualTo(39.91);
        assertThat(registered.getServiceCategories()).containsExactly(Category.MEDIATION, Category.SAFETY_CHECK);
        assertThat(registered.getMonthlyServiceCapacity()).isEqualTo(120);

        List<OrganizationStageChanged> changes = ofType(events, OrganizationStageChanged.class);
        assertThat(changes)
                .extracting(OrganizationStageChanged::getPreviousStage)
                .containsExactly(
                        IncubationStage.SPROUTING,
                        IncubationStage.START_UP,
                        IncubationStage.GROWING,
                        IncubationStage.MATURE,
                        IncubationStage.MATURE);
        assertThat(changes)
                .extracting(OrganizationStageChanged::getStage)
                .containsExactly(
                        IncubationStage.START_UP,
                        IncubationStage.GROWING,
                        IncubationStage.MATURE,
                        IncubationStage.MATURE,
                        IncubationStage.MATURE);
        assertThat(changes)
                .extracting(OrganizationStageChanged::getHub)
                .containsExactly(false, false, false, true, true);
        assertThat(changes)
                .extracting(OrganizationStageChanged::getHubOrganizationId)
                .containsExactly(hub, hub, hub, hub, null);
        assertThat(changes).extracting(OrganizationStageChanged::getChangedOn).containsOnly(today());
        assertThat(changes).allSatisfy(c -> assertThat(c.getOrganizationId()).isEqualTo(id));

        JsonNode history = http().get("/organizations/" + id + "/incubation").json();
        assertThat(history).hasSize(5);
        assertThat(history.get(3).get("hub").asBoolean()).isTrue();
        assertThat(http().get("/organizations?hub=true&stage=MATURE&districtCode=" + DISTRICT)
                        .json())
                .extracting(o -> o.get("id").asText())
                .contains(id.toString(), hub.toString());
    }

    @Test
    void stagesMoveForwardOneAtATimeAndOnlyAMatureOrganizationLeadsOthers() {
        UUID id = organizationId();

        Http.Response skip = http().post("/organizations/" + id + "/stage", Http.map("stage", "GROWING"));
        assertThat(skip.status()).isEqualTo(409);
        assertThat(skip.problemField()).isEqualTo("stage");
        assertThat(skip.json().get("detail").asText()).contains("START_UP");
        Http.Response same = http().post("/organizations/" + id + "/stage", Http.map("stage", "SPROUTING"));
        assertThat(same.status()).isEqualTo(409);
        Http.Response tooEarly = http().post("/organizations/" + id + "/hub", Http.map("hub", true));
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.problemField()).isEqualTo("hub");
        Http.Response notAHub = http().post(
                        "/organizations/" + id + "/incubator",
                        Http.map("hubOrganizationId", organizationId().toString()));
        assertThat(notAHub.status()).isEqualTo(400);
        assertThat(notAHub.problemField()).isEqualTo("hubOrganizationId");

        assertThat(http().post("/organizations/" + id + "/stage", Http.map("stage", "START_UP"))
                        .status())
                .isEqualTo(200);
        Http.Response back = http().post("/organizations/" + id + "/stage", Http.map("stage", "SPROUTING"));
        assertThat(back.status()).isEqualTo(409);
        // The service's texts come from its catalogue: Chinese with its English beside it by default, English alone
        // when the caller prefers English.
        assertThat(back.json().get("detail").asText())
                .isEqualTo(
                        "stage: 培育阶段只能向前：START_UP → SPROUTING 是倒退 stages only move forward: START_UP → SPROUTING is a step back");
        Http.Response backInEnglish = http().post(
                        "/organizations/" + id + "/stage",
                        Http.map("stage", "SPROUTING"),
                        "Accept-Language",
                        "en-GB,en;q=0.9");
        assertThat(backInEnglish.status()).isEqualTo(409);
        assertThat(backInEnglish.json().get("detail").asText())
                .isEqualTo("stage: stages only move forward: START_UP → SPROUTING is a step back");

        // A hub that still incubates someone keeps its role.
        UUID hub = hub();
        assertThat(http().post("/organizations/" + id + "/incubator", Http.map("hubOrganizationId", hub.toString()))
                        .status())
                .isEqualTo(200);
        Http.Response stepDown = http().post("/organizations/" + hub + "/hub", Http.map("hub", false));
        assertThat(stepDown.status()).isEqualTo(409);
        assertThat(stepDown.json().get("detail").asText()).contains("still incubates 1");
        // Nor may a hub be incubated by one it incubates.
        UUID bigger = hub();
        assertThat(http().post("/organizations/" + hub + "/incubator", Http.map("hubOrganizationId", bigger.toString()))
                        .status())
                .isEqualTo(200);
        Http.Response cycle =
                http().post("/organizations/" + bigger + "/incubator", Http.map("hubOrganizationId", hub.toString()));
        assertThat(cycle.status()).isEqualTo(400);
        assertThat(cycle.problemField()).isEqualTo("hubOrganizationId");

        List<SpecificRecord> events = events(Aggregate.ORGANIZATION, id, 3);
        assertThat(events)
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("OrganizationRegistered", "OrganizationStageChanged", "OrganizationStageChanged");
    }

    @Test
    void aRegisteredOrganizationNeedsAValidUnifiedSocialCreditCodeUsedOnce() {
        String code = creditCode();
        Http.Response without = http().post("/organizations", organization("legalStatus", "REGISTERED"));
        assertThat(without.status()).isEqualTo(400);
        assertThat(without.problemField()).isEqualTo("unifiedSocialCreditCode");
        String wrongCheck = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        Http.Response bad = http().post(
                        "/organizations",
                        organization("legalStatus", "REGISTERED", "unifiedSocialCreditCode", wrongCheck));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asText()).contains("check character");

        JsonNode registered = register(organization(
                "legalStatus", "REGISTERED", "unifiedSocialCreditCode", code, "kind", "SOCIAL_WORK_AGENCY"));
        Http.Response twice = http().post(
                        "/organizations", organization("legalStatus", "REGISTERED", "unifiedSocialCreditCode", code));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.problemField()).isEqualTo("unifiedSocialCreditCode");
        Http.Response sameName = http().post(
                        "/organizations",
                        organization("name", registered.get("name").asText()));
        assertThat(sameName.status()).isEqualTo(409);
        assertThat(sameName.problemField()).isEqualTo("name");

        OrganizationRegistered event = (OrganizationRegistered) events(
                        Aggregate.ORGANIZATION,
                        UUID.fromString(registered.get("id").asText()),
                        1)
                .get(0);
        assertThat(event.getUnifiedSocialCreditCode()).isEqualTo(code);
        assertThat(event.getKind()).isEqualTo(OrganizationKind.SOCIAL_WORK_AGENCY);
    }
}
