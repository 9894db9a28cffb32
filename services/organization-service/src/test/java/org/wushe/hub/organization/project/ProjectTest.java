package org.wushe.hub.organization.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.organization.ProjectClosed;
import org.wushe.hub.events.organization.ProjectGrantAwarded;
import org.wushe.hub.events.organization.ProjectLaunched;
import org.wushe.hub.events.organization.ProjectOutcome;
import org.wushe.hub.organization.support.ServiceScenario;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.testing.Http;
import tools.jackson.databind.JsonNode;

/**
 * A public-benefit project's life: launched with a goal and period, funded by a venture-philanthropy
 * grant (公益创投), closed with the people it reached; each step an event keyed by the organization.
 */
class ProjectTest extends ServiceScenario {

    @Test
    void aStudySpaceProjectIsLaunchedWinsAGrantAndEndsEarlyWithThePeopleItReached() {
        UUID organization = organizationId();
        UUID c1 = UUID.randomUUID();
        Http.Response launched = http().post(
                        "/organizations/" + organization + "/projects",
                        Http.map(
                                "title",
                                "困境儿童学习空间改造 study spaces",
                                "goal",
                                "为12名5至14岁困境儿童改造学习空间（床、衣柜、书桌、椅子等12件）",
                                "category",
                                "STUDY_SPACE",
                                "beneficiaryGroup",
                                "CHILD_IN_HARDSHIP",
                                "targetPeople",
                                12,
                                "startsOn",
                                today().minusDays(30).toString(),
                                "endsOn",
                                today().plusDays(335).toString(),
                                "budgetFen",
                                6_000_000,
                                "servedCommunityIds",
                                List.of(c1.toString())));
        assertThat(launched.status()).as(launched.text()).isEqualTo(201);
        String id = launched.json().get("id").asText();
        assertThat(launched.json().get("status").asText()).isEqualTo("ACTIVE");

        Http.Response granted = http().post(
                        "/projects/" + id + "/grants",
                        Http.map(
                                "programme",
                                "2025年通州区社区公益创投大赛",
                                "funder",
                                "通州区民政局",
                                "amountFen",
                                5_000_000,
                                "awardedOn",
                                today().minusDays(10).toString()));
        assertThat(granted.status()).as(granted.text()).isEqualTo(201);
        assertThat(granted.json().get("grants")).hasSize(1);
        Http.Response overBudget = http().post(
                        "/projects/" + id + "/grants",
                        Http.map("programme", "第二轮", "amountFen", 1_000_001, "awardedOn", today().toString()));
        assertThat(overBudget.status()).isEqualTo(400);
        assertThat(overBudget.problemField()).isEqualTo("amountFen");

        Http.Response notCompleted = http().post(
                        "/projects/" + id + "/close",
                        Http.map("outcome", "COMPLETED", "closedOn", today().toString(), "peopleReached", 9));
        assertThat(notCompleted.status()).isEqualTo(400);
        assertThat(notCompleted.problemField()).isEqualTo("outcome");
        Http.Response closed = http().post(
                        "/projects/" + id + "/close",
                        Http.map("outcome", "ENDED_EARLY", "closedOn", today().toString(), "peopleReached", 9));
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        assertThat(closed.json().get("status").asText()).isEqualTo("CLOSED");
        Http.Response again = http().post(
                        "/projects/" + id + "/close",
                        Http.map("outcome", "ENDED_EARLY", "closedOn", today().toString(), "peopleReached", 9));
        assertThat(again.status()).isEqualTo(409);
        Http.Response lateGrant = http().post(
                        "/projects/" + id + "/grants",
                        Http.map("programme", "第三轮", "amountFen", 100, "awardedOn", today().toString()));
        assertThat(lateGrant.status()).isEqualTo(409);

        List<SpecificRecord> events = events(Aggregate.ORGANIZATION, organization, 4);
        assertThat(events)
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("OrganizationRegistered", "ProjectLaunched", "ProjectGrantAwarded", "ProjectClosed");
        ProjectLaunched p = (ProjectLaunched) events.get(1);
        assertThat(p.getProjectId()).isEqualTo(UUID.fromString(id));
        assertThat(p.getOrganizationId()).isEqualTo(organization);
        assertThat(p.getTitle()).isEqualTo("困境儿童学习空间改造 study spaces");
        assertThat(p.getGoal()).startsWith("为12名");
        assertThat(p.getCategory()).isEqualTo(Category.STUDY_SPACE);
        assertThat(p.getBeneficiaryGroup()).isEqualTo(BeneficiaryGroup.CHILD_IN_HARDSHIP);
        assertThat(p.getTargetPeople()).isEqualTo(12);
        assertThat(p.getStartsOn()).isEqualTo(today().minusDays(30));
        assertThat(p.getEndsOn()).isEqualTo(today().plusDays(335));
        assertThat(p.getBudgetFen()).isEqualTo(6_000_000L);
        assertThat(p.getServedCommunityIds()).containsExactly(c1);
        assertThat(p.getPlace().getCommunityId()).isEqualTo(c1);
        assertThat(p.getPlace().getDistrictCode()).isEqualTo(DISTRICT);
        assertThat(p.getPlace().getGeohash()).isEqualTo("wx4g0b"); // the organization's cell
        ProjectGrantAwarded g = (ProjectGrantAwarded) events.get(2);
        assertThat(g.getProjectId()).isEqualTo(p.getProjectId());
        assertThat(g.getProgramme()).isEqualTo("2025年通州区社区公益创投大赛");
        assertThat(g.getFunder()).isEqualTo("通州区民政局");
        assertThat(g.getAmountFen()).isEqualTo(5_000_000L);
        assertThat(g.getAwardedOn()).isEqualTo(today().minusDays(10));
        assertThat(g.getGrantId())
                .isEqualTo(UUID.fromString(
                        granted.json().get("grants").get(0).get("id").asText()));
        ProjectClosed c = (ProjectClosed) events.get(3);
        assertThat(c.getOutcome()).isEqualTo(ProjectOutcome.ENDED_EARLY);
        assertThat(c.getClosedOn()).isEqualTo(today());
        assertThat(c.getPeopleReached()).isEqualTo(9);

        JsonNode listed =
                http().get("/organizations/" + organization + "/projects").json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("peopleReached").asInt()).isEqualTo(9);
    }

    @Test
    void aProjectThatEndsBeforeItStartsOrIsOverAlreadyIsAProblemOfEndsOn() {
        UUID organization = organizationId();
        Http.Response backwards = http().post(
                        "/organizations/" + organization + "/projects",
                        Http.map(
                                "title",
                                "t",
                                "goal",
                                "g",
                                "category",
                                "HEALTH",
                                "beneficiaryGroup",
                                "VERY_OLD",
                                "startsOn",
                                today().plusDays(10).toString(),
                                "endsOn",
                                today().plusDays(9).toString()));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.problemField()).isEqualTo("endsOn");
        Http.Response over = http().post(
                        "/organizations/" + organization + "/projects",
                        Http.map(
                                "title",
                                "t",
                                "goal",
                                "g",
                                "category",
                                "HEALTH",
                                "beneficiaryGroup",
                                "VERY_OLD",
                                "startsOn",
                                today().minusDays(100).toString(),
                                "endsOn",
                                today().minusDays(1).toString()));
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.problemField()).isEqualTo("endsOn");
        Http.Response unknown = http().post(
                        "/organizations/" + UUID.randomUUID() + "/projects",
                        Http.map(
                                "title",
                                "t",
                                "goal",
                                "g",
                                "category",
                                "HEALTH",
                                "beneficiaryGroup",
                                "VERY_OLD",
                                "startsOn",
                                today().toString(),
                                "endsOn",
                                today().toString()));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemField()).isEqualTo("organizationId");
    }
}
