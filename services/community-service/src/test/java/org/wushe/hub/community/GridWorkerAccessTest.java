package org.wushe.hub.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.community.support.GridScenario;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Tenancy by grid, over HTTP with real tokens: a grid worker sees and writes their own grid only; the community's
 * staff see and write every grid of it; the staff of the station serving it see them. Each refusal is a 403 problem
 * naming the field and who would be allowed, and writes nothing: the grid worker of another grid of the same
 * community, the grid worker of another community's grid, the staff of another station, the hub admin.
 */
class GridWorkerAccessTest extends GridScenario {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    void aGridWorkerSeesAndWritesOnlyTheirGrid() {
        Town a = town();
        Town b = town();
        String r1 = resident(a.place(), "A-1", "ELDERLY_ALONE");
        String r2 = resident(a.place(), "A-2");
        JsonNode home = household(a.worker(), a.grid(), 101, List.of(r1));
        String compound = a.worker()
                .get("/grids/" + a.grid() + "/register")
                .json()
                .get("compounds")
                .get(0)
                .get("id")
                .asText();
        String building = a.worker()
                .get("/grids/" + a.grid() + "/register")
                .json()
                .get("compounds")
                .get(0)
                .get("buildings")
                .get(0)
                .get("id")
                .asText();
        String writers = "grid_worker of " + a.grid() + " or community_staff of "
                + a.place().community();
        String readers = writers + " or station_staff of " + a.place().station();

        // The grid worker's own grid: the register, a patrol, a care plan, an application.
        JsonNode register = a.worker().get("/grids/" + a.grid() + "/register").json();
        assertThat(register.get("compounds")
                        .get(0)
                        .get("buildings")
                        .get(0)
                        .get("households")
                        .get(0)
                        .get("residentIds")
                        .get(0)
                        .asText())
                .isEqualTo(r1);
        Http.Response patrol = a.worker()
                .post(
                        "/grids/" + a.grid() + "/patrols",
                        Http.map(
                                "patrolledOn",
                                TODAY.toString(),
                                "households",
                                List.of(Http.map(
                                        "householdId",
                                        home.get("id").asText(),
                                        "checks",
                                        List.of(Http.map("item", "GAS", "ok", true))))));
        assertThat(patrol.status()).as(patrol.text()).isEqualTo(201);
        String patrolId = patrol.json().get("patrol").get("id").asText();
        Http.Response plan =
                a.worker().put("/grids/" + a.grid() + "/care-plans", Http.map("residentId", r1, "risk", "HIGH"));
        assertThat(plan.status()).as(plan.text()).isEqualTo(201);
        String planId = plan.json().get("id").asText();
        Http.Response application = a.worker()
                .post(
                        "/grids/" + a.grid() + "/subsidy-applications",
                        Http.map("residentId", r1, "kind", "LIVING_ALLOWANCE"));
        assertThat(application.status()).as(application.text()).isEqualTo(201);
        String applicationId = application.json().get("id").asText();

        int compounds = count("grid_compound");
        int buildings = count("grid_building");
        int households = count("grid_household");
        int patrols = count("grid_patrol");
        int plans = count("grid_care_plan");
        int visits = count("grid_care_visit");
        int applications = count("grid_subsidy_application");

        // The grid worker of the other grid of the same community: neither writes nor reads this grid.
        Http other = a.otherWorker();
        assertForbidden(other.post("/grids/" + a.grid() + "/compounds", Http.map("name", "别的小区")), "gridId", writers);
        assertForbidden(other.post("/compounds/" + compound + "/buildings", Http.map("label", "9号楼")), "id", writers);
        assertForbidden(other.post("/buildings/" + building + "/households", Http.map("number", 9)), "id", writers);
        assertForbidden(
                other.put(
                        "/households/" + home.get("id").asText() + "/residents", Http.map("residentIds", List.of(r2))),
                "id",
                writers);
        assertForbidden(other.get("/grids/" + a.grid() + "/register"), "gridId", readers);
        assertForbidden(
                other.post(
                        "/grids/" + a.grid() + "/patrols",
                        Http.map(
                                "patrolledOn",
                                TODAY.toString(),
                                "households",
                                List.of(Http.map(
                                        "householdId",
                                        home.get("id").asText(),
                                        "checks",
                                        List.of(Http.map("item", "GAS", "ok", true)))))),
                "gridId",
                writers);
        assertForbidden(other.get("/grids/" + a.grid() + "/patrols"), "gridId", readers);
        assertForbidden(other.get("/patrols/" + patrolId), "id", readers);
        assertForbidden(other.get("/grids/" + a.grid() + "/hazards"), "gridId", readers);
        assertForbidden(
                other.put("/grids/" + a.grid() + "/care-plans", Http.map("residentId", r1, "risk", "LOW")),
                "gridId",
                writers);
        assertForbidden(
                other.post(
                        "/care-plans/" + planId + "/visits",
                        Http.map("visitedOn", TODAY.toString(), "outcome", "WELL")),
                "id",
                writers);
        assertForbidden(other.get("/care-plans/" + planId + "/visits"), "id", readers);
        assertForbidden(other.get("/grids/" + a.grid() + "/care-plans"), "gridId", readers);
        assertForbidden(other.get("/grids/" + a.grid() + "/care-visits/overdue"), "gridId", readers);
        assertForbidden(
                other.post("/grids/" + a.grid() + "/subsidy-applications", Http.map("residentId", r1, "kind", "OTHER")),
                "gridId",
                writers);
        assertForbidden(
                other.post("/subsidy-applications/" + applicationId + "/status", Http.map("status", "SUBMITTED")),
                "id",
                writers);
        assertForbidden(other.get("/grids/" + a.grid() + "/subsidy-applications"), "gridId", readers);

        // The grid worker of another community's grid, the staff of another community and of another station.
        Http foreignWorker = b.worker();
        assertForbidden(foreignWorker.get("/grids/" + a.grid() + "/register"), "gridId", readers);
        assertForbidden(
                foreignWorker.post("/grids/" + a.grid() + "/compounds", Http.map("name", "别的小区")), "gridId", writers);
        assertForbidden(
                foreignWorker.post(
                        "/care-plans/" + planId + "/visits",
                        Http.map("visitedOn", TODAY.toString(), "outcome", "WELL")),
                "id",
                writers);
        assertForbidden(
                b.staff()
                        .post(
                                "/grids/" + a.grid() + "/patrols",
                                Http.map(
                                        "patrolledOn",
                                        TODAY.toString(),
                                        "households",
                                        List.of(Http.map(
                                                "householdId",
                                                home.get("id").asText(),
                                                "checks",
                                                List.of(Http.map("item", "GAS", "ok", true)))))),
                "gridId",
                writers);
        assertForbidden(b.station().get("/grids/" + a.grid() + "/register"), "gridId", readers);
        assertForbidden(b.station().get("/grids/" + a.grid() + "/care-visits/overdue"), "gridId", readers);
        assertForbidden(
                b.station().get("/stations/" + a.place().station() + "/care-visits/overdue"),
                "stationId",
                "station_staff of " + a.place().station());
        assertForbidden(
                b.station().get("/communities/" + a.place().community() + "/hazards"),
                "communityId",
                "community_staff of " + a.place().community() + " or station_staff of a station serving it");
        assertForbidden(
                a.worker().get("/stations/" + a.place().station() + "/care-visits/overdue"),
                "stationId",
                "station_staff of " + a.place().station());

        // The station serving the community reads its grids but writes nothing; the hub admin opens none.
        assertForbidden(
                a.station().post("/grids/" + a.grid() + "/compounds", Http.map("name", "别的小区")), "gridId", writers);
        assertForbidden(
                a.station()
                        .post(
                                "/care-plans/" + planId + "/visits",
                                Http.map("visitedOn", TODAY.toString(), "outcome", "WELL")),
                "id",
                writers);
        assertForbidden(http().get("/grids/" + a.grid() + "/register"), "gridId", readers);
        assertForbidden(
                http().put("/grids/" + a.grid() + "/care-plans", Http.map("residentId", r1, "risk", "LOW")),
                "gridId",
                writers);
        assertForbidden(
                http().get("/stations/" + a.place().station() + "/care-visits/overdue"),
                "stationId",
                "station_staff of " + a.place().station());
        assertForbidden(
                as(TestTokens.token("vol-1", "volunteer", "volunteer_id", UUID.randomUUID()))
                        .get("/grids/" + a.grid() + "/register"),
                "gridId",
                readers);

        assertThat(count("grid_compound")).isEqualTo(compounds);
        assertThat(count("grid_building")).isEqualTo(buildings);
        assertThat(count("grid_household")).isEqualTo(households);
        assertThat(count("grid_patrol")).isEqualTo(patrols);
        assertThat(count("grid_care_plan")).isEqualTo(plans);
        assertThat(count("grid_care_visit")).isEqualTo(visits);
        assertThat(count("grid_subsidy_application")).isEqualTo(applications);
        assertThat(jdbc.queryForObject("SELECT risk FROM grid_care_plan WHERE id = ?::uuid", String.class, planId))
                .isEqualTo("HIGH");
        assertThat(jdbc.queryForObject(
                        "SELECT status FROM grid_subsidy_application WHERE id = ?::uuid", String.class, applicationId))
                .isEqualTo("PREPARING");

        // Allowed: the station serving the community reads; the community's staff read and write every grid of it.
        assertThat(a.station().get("/grids/" + a.grid() + "/register").status()).isEqualTo(200);
        assertThat(a.station().get("/patrols/" + patrolId).status()).isEqualTo(200);
        assertThat(a.station().get("/grids/" + a.grid() + "/care-plans").json()).hasSize(1);
        assertThat(a.station()
                        .get("/stations/" + a.place().station() + "/care-visits/overdue")
                        .status())
                .isEqualTo(200);
        assertThat(a.staff()
                        .post("/grids/" + a.otherGrid() + "/compounds", Http.map("name", "社区补录小区"))
                        .status())
                .isEqualTo(201);
        assertThat(a.staff()
                        .post("/subsidy-applications/" + applicationId + "/status", Http.map("status", "SUBMITTED"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aHouseholdLinksResidentsOfTheGridsCommunityOnlyAndEachResidentOnce() {
        Town a = town();
        Town b = town();
        String own = resident(a.place(), "A-1");
        String foreign = resident(b.place(), "B-1");
        JsonNode home = household(a.worker(), a.grid(), 201, List.of(own));
        int links = count("grid_household_resident");

        assertProblem(
                a.worker()
                        .put(
                                "/households/" + home.get("id").asText() + "/residents",
                                Http.map("residentIds", List.of(own, foreign))),
                400,
                "residentIds[1]");
        assertProblem(
                a.worker()
                        .put(
                                "/households/" + home.get("id").asText() + "/residents",
                                Http.map(
                                        "residentIds", List.of(UUID.randomUUID().toString()))),
                400,
                "residentIds[0]");
        // Living in one household already: the other grid's worker cannot register them again.
        String otherCompound = a.otherWorker()
                .post("/grids/" + a.otherGrid() + "/compounds", Http.map("name", "二区"))
                .json()
                .get("id")
                .asText();
        String otherBuilding = a.otherWorker()
                .post("/compounds/" + otherCompound + "/buildings", Http.map("label", "1号楼"))
                .json()
                .get("id")
                .asText();
        assertProblem(
                a.otherWorker()
                        .post(
                                "/buildings/" + otherBuilding + "/households",
                                Http.map("number", 1, "residentIds", List.of(own))),
                409,
                "residentIds[0]");
        assertThat(count("grid_household_resident")).isEqualTo(links);

        // A care plan or an application is for a resident of a household of the grid.
        assertProblem(
                a.otherWorker()
                        .put("/grids/" + a.otherGrid() + "/care-plans", Http.map("residentId", own, "risk", "HIGH")),
                400,
                "residentId");
        assertProblem(
                a.otherWorker()
                        .post(
                                "/grids/" + a.otherGrid() + "/subsidy-applications",
                                Http.map("residentId", own, "kind", "OTHER")),
                400,
                "residentId");
    }
}
