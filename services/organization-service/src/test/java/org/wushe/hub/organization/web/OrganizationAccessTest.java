package org.wushe.hub.organization.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.organization.ServiceCapacityOffered;
import org.wushe.hub.organization.support.ServiceScenario;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.Problems;
import org.wushe.hub.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Organization staff act only for their organization: they offer capacity and launch projects for it,
 * change and withdraw only its capacity; another organization's is a 403 naming the field and who may,
 * and stores and publishes nothing. Registering organizations is the hub admin's; incubation and grants
 * the centre managers'. Reading needs only a valid token; no token is a 401.
 */
class OrganizationAccessTest extends ServiceScenario {

    private static Map<String, Object> capacity(String title) {
        return Http.map(
                "title",
                title,
                "category",
                "MEDIATION",
                "skills",
                List.of("MEDIATION"),
                "capacityPerSlot",
                4,
                "sessionMinutes",
                30,
                "weeklySlots",
                List.of(Map.of("day", "SATURDAY", "start", "09:00", "end", "11:00")),
                "validFrom",
                today().toString(),
                "validUntil",
                today().plusDays(90).toString());
    }

    private static Map<String, Object> project(String title) {
        return Http.map(
                "title",
                title,
                "goal",
                "每月一次健康讲座 monthly health talks",
                "category",
                "HEALTH",
                "beneficiaryGroup",
                "VERY_OLD",
                "targetPeople",
                50,
                "startsOn",
                today().toString(),
                "endsOn",
                today().plusDays(90).toString(),
                "budgetFen",
                100_000);
    }

    private Http staffOf(UUID organization) {
        return http().as(TestTokens.token("org-zhao", Roles.ORGANIZATION_STAFF, Roles.ORGANIZATION_ID, organization));
    }

    private Http centreManager(UUID centre) {
        return http().as(TestTokens.token("centre-" + centre, Roles.CENTRE_MANAGER, Roles.CENTRE_ID, centre));
    }

    private static void assertForbidden(Http.Response r, String field, String required) {
        Problems.assertForbidden(r.status(), r.contentType(), r.json(), r.text(), field, required);
    }

    @Test
    void staffOfferCapacityAndLaunchProjectsForTheirOrganizationOnly() {
        UUID mine = organizationId();
        UUID theirs = organizationId();
        Http zhao = staffOf(mine);

        Http.Response offered = zhao.post("/organizations/" + mine + "/capacities", capacity("周六调解 mediation"));
        assertThat(offered.status()).as(offered.text()).isEqualTo(201);
        Http.Response launched = zhao.post("/organizations/" + mine + "/projects", project("长者健康讲座 health talks"));
        assertThat(launched.status()).as(launched.text()).isEqualTo(201);

        Http.Response refused = zhao.post("/organizations/" + theirs + "/capacities", capacity("冒名的服务 not ours"));
        assertForbidden(refused, "organizationId", "organization_staff of " + theirs);
        assertThat(refused.json().get("detail").asText()).contains("org-zhao").contains(theirs.toString());
        assertForbidden(
                zhao.post("/organizations/" + theirs + "/projects", project("冒名的项目 not ours")),
                "organizationId",
                "organization_staff of " + theirs);

        // Nothing stored: their organization has no capacity and no project …
        assertThat(http().get("/organizations/" + theirs + "/capacities").json())
                .isEmpty();
        assertThat(http().get("/organizations/" + theirs + "/projects").json()).isEmpty();
        // … and nothing published: the next event after their registration is the hub admin's offer.
        assertThat(http().post("/organizations/" + theirs + "/capacities", capacity("他们自己的服务 their own"))
                        .status())
                .isEqualTo(201);
        List<SpecificRecord> events = events(Aggregate.ORGANIZATION, theirs, 2);
        assertThat(events.subList(0, 2))
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("OrganizationRegistered", "ServiceCapacityOffered");
        assertThat(((ServiceCapacityOffered) events.get(1)).getTitle()).isEqualTo("他们自己的服务 their own");
    }

    @Test
    void staffChangeAndWithdrawOnlyTheirOrganizationsCapacity() {
        UUID mine = organizationId();
        UUID theirs = organizationId();
        Http zhao = staffOf(mine);
        Http li = staffOf(theirs);
        String own = zhao.post("/organizations/" + mine + "/capacities", capacity("周六调解 mediation"))
                .json()
                .get("id")
                .asText();
        String other = li.post("/organizations/" + theirs + "/capacities", capacity("周三法律咨询 legal advice"))
                .json()
                .get("id")
                .asText();

        assertForbidden(
                zhao.put("/capacities/" + other, capacity("改掉别人的 changed by another")),
                "organizationId",
                "organization_staff of " + theirs);
        assertForbidden(
                zhao.post("/capacities/" + other + "/withdraw", Http.map("reason", "OTHER")),
                "organizationId",
                "organization_staff of " + theirs);
        JsonNode stored = http().get("/capacities/" + other).json();
        assertThat(stored.get("revision").asInt()).isEqualTo(1);
        assertThat(stored.get("status").asText()).isEqualTo("OFFERED");
        assertThat(stored.get("title").asText()).isEqualTo("周三法律咨询 legal advice");

        Http.Response changed = zhao.put("/capacities/" + own, capacity("周六调解（扩容） more mediation"));
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.json().get("revision").asInt()).isEqualTo(2);
        assertThat(zhao.post("/capacities/" + own + "/withdraw", Http.map("reason", "OTHER"))
                        .status())
                .isEqualTo(200);

        // Their offer's own staff still change it; its events are theirs only (registered, offered, offered again).
        Http.Response theirChange = li.put("/capacities/" + other, capacity("周三法律咨询（延长） longer"));
        assertThat(theirChange.status()).as(theirChange.text()).isEqualTo(200);
        List<SpecificRecord> events = events(Aggregate.ORGANIZATION, theirs, 3);
        assertThat(events.subList(0, 3))
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("OrganizationRegistered", "ServiceCapacityOffered", "ServiceCapacityOffered");
        assertThat(((ServiceCapacityOffered) events.get(2)).getTitle()).isEqualTo("周三法律咨询（延长） longer");
    }

    @Test
    void registeringIsTheHubAdminsAndIncubationAndGrantsTheCentreManagers() {
        UUID centre = UUID.randomUUID();
        UUID mine = UUID.fromString(
                register(organization("centreId", centre.toString())).get("id").asText());
        Http zhao = staffOf(mine);

        Http.Response register = zhao.post("/organizations", organization());
        assertForbidden(register, "POST /organizations", Roles.HUB_ADMIN);
        assertForbidden(
                zhao.post("/organizations/" + mine + "/stage", Http.map("stage", "START_UP")),
                "POST /organizations/" + mine + "/stage",
                "hub_admin or centre_manager");
        assertThat(http().get("/organizations/" + mine).json().get("stage").asText())
                .isEqualTo("SPROUTING");

        Http.Response moved =
                centreManager(centre).post("/organizations/" + mine + "/stage", Http.map("stage", "START_UP"));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(moved.json().get("stage").asText()).isEqualTo("START_UP");

        String project = zhao.post("/organizations/" + mine + "/projects", project("四点半课堂 after-school"))
                .json()
                .get("id")
                .asText();
        Map<String, Object> grant =
                Http.map("programme", "通州区公益创投大赛", "amountFen", 50_000, "awardedOn", today().toString());
        assertForbidden(
                zhao.post("/projects/" + project + "/grants", grant),
                "POST /projects/" + project + "/grants",
                "hub_admin or centre_manager");
        assertThat(http().get("/projects/" + project).json().get("grants")).isEmpty();
        assertThat(centreManager(centre)
                        .post("/projects/" + project + "/grants", grant)
                        .status())
                .isEqualTo(201);
        Map<String, Object> close =
                Http.map("outcome", "ENDED_EARLY", "closedOn", today().toString(), "peopleReached", 10);
        assertForbidden(
                zhao.post("/projects/" + project + "/close", close),
                "POST /projects/" + project + "/close",
                "hub_admin or centre_manager");
        assertThat(centreManager(centre)
                        .post("/projects/" + project + "/close", close)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aManagerOfAnotherCentreNeitherIncubatesNorGrantsForTheCentresOrganizations() {
        UUID centreA = UUID.randomUUID();
        UUID centreB = UUID.randomUUID();
        UUID org = UUID.fromString(register(organization("centreId", centreA.toString(), "stage", "MATURE"))
                .get("id")
                .asText());
        UUID hub = hub();
        String project = staffOf(org)
                .post("/organizations/" + org + "/projects", project("邻里互助 mutual aid"))
                .json()
                .get("id")
                .asText();
        Http managerA = centreManager(centreA);
        Http managerB = centreManager(centreB);
        String required = "centre_manager of " + centreA;
        Map<String, Object> grant =
                Http.map("programme", "通州区公益创投大赛", "amountFen", 50_000, "awardedOn", today().toString());
        Map<String, Object> close =
                Http.map("outcome", "ENDED_EARLY", "closedOn", today().toString(), "peopleReached", 10);

        Http.Response stage = managerB.post("/organizations/" + org + "/stage", Http.map("stage", "START_UP"));
        assertForbidden(stage, "organizationId", required);
        assertThat(stage.json().get("detail").asText())
                .contains("centre-" + centreB)
                .contains(org.toString());
        assertForbidden(
                managerB.post("/organizations/" + org + "/hub", Http.map("hub", true)), "organizationId", required);
        assertForbidden(
                managerB.post("/organizations/" + org + "/incubator", Http.map("hubOrganizationId", hub.toString())),
                "organizationId",
                required);
        assertForbidden(managerB.post("/projects/" + project + "/grants", grant), "organizationId", required);
        assertForbidden(managerB.post("/projects/" + project + "/close", close), "organizationId", required);
        // An organization registered without a centre is the hub admin's alone.
        UUID centreless = organizationId();
        assertForbidden(
                managerA.post("/organizations/" + centreless + "/stage", Http.map("stage", "START_UP")),
                "organizationId",
                Roles.HUB_ADMIN);

        JsonNode stored = http().get("/organizations/" + org).json();
        assertThat(stored.get("stage").asText()).isEqualTo("MATURE");
        assertThat(stored.get("hub").asBoolean()).isFalse();
        assertThat(stored.has("hubOrganizationId")).isFalse();
        assertThat(stored.get("centreId").asText()).isEqualTo(centreA.toString());
        JsonNode p = http().get("/projects/" + project).json();
        assertThat(p.get("grants")).isEmpty();
        assertThat(p.get("status").asText()).isEqualTo("ACTIVE");

        // The own centre's manager decides; the organization's events are exactly those, so nothing refused went out.
        Http.Response led = managerA.post("/organizations/" + org + "/hub", Http.map("hub", true));
        assertThat(led.status()).as(led.text()).isEqualTo(200);
        Http.Response granted = managerA.post("/projects/" + project + "/grants", grant);
        assertThat(granted.status()).as(granted.text()).isEqualTo(201);
        assertThat(events(Aggregate.ORGANIZATION, org, 4))
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly(
                        "OrganizationRegistered", "ProjectLaunched", "OrganizationStageChanged", "ProjectGrantAwarded");
    }

    @Test
    void anyValidTokenReadsAndNoTokenIs401() {
        UUID organization = organizationId();
        Http volunteer = http().as(TestTokens.token("vol-1", Roles.VOLUNTEER, Roles.VOLUNTEER_ID, UUID.randomUUID()));
        assertThat(volunteer.get("/organizations/" + organization).status()).isEqualTo(200);
        assertThat(volunteer.get("/capacities?organizationId=" + organization).status())
                .isEqualTo(200);

        for (Http.Response r : List.of(
                http().anonymous().get("/organizations/" + organization),
                http().anonymous().post("/organizations/" + organization + "/capacities", capacity("匿名 anonymous")),
                http().as(TestTokens.expired("org-zhao")).post("/organizations", organization()))) {
            assertThat(r.status()).as(r.text()).isEqualTo(401);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.problemField()).isEqualTo("Authorization");
        }
        assertThat(http().get("/organizations/" + organization + "/capacities").json())
                .isEmpty();
    }
}
