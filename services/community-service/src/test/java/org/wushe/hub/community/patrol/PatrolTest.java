package org.wushe.hub.community.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.wushe.hub.community.support.GridScenario;
import org.wushe.hub.community.support.People;
import org.wushe.hub.events.common.PatrolItem;
import org.wushe.hub.events.community.HazardReported;
import org.wushe.hub.events.community.NeedPublished;
import org.wushe.hub.events.community.PatrolItemCount;
import org.wushe.hub.events.community.PatrolRecorded;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.testing.Http;
import tools.jackson.databind.JsonNode;

/**
 * Patrol rounds: the households visited and what was checked; a finding raises a need with source GRID_REPORT
 * through the need flow, published at once when urgent, else when the community's staff publish it (or set it
 * aside); bad input is a 4xx problem naming the field and writes nothing; the grid topic carries counts and ids,
 * no household, resident, note or title.
 */
class PatrolTest extends GridScenario {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final String NOTE = "灶台旁软管开裂，已提醒关阀";
    static final String URGENT_TITLE = "燃气软管老化需更换 old gas hose";
    static final String ROUTINE_TITLE = "楼道电线老化 old wiring in the stairwell";

    @Test
    void anUrgentFindingIsPublishedAtOnceAndAnotherWaitsForTheCommunitysStaff() {
        Town town = town();
        People.Person person = People.next();
        JsonNode resident = registerResident(town.place().community(), person, "G-1", "ELDERLY_ALONE");
        String r1 = resident.get("id").asText();
        String compoundName = unique("梨园小区");
        String compound = town.worker()
                .post("/grids/" + town.grid() + "/compounds", Http.map("name", compoundName))
                .json()
                .get("id")
                .asText();
        String building = town.worker()
                .post("/compounds/" + compound + "/buildings", Http.map("label", "7号楼", "stairwells", 3))
                .json()
                .get("id")
                .asText();
        String h1 = town.worker()
                .post(
                        "/buildings/" + building + "/households",
                        Http.map("stairwell", 1, "number", 1, "residentIds", List.of(r1)))
                .json()
                .get("id")
                .asText();
        String h2 = town.worker()
                .post("/buildings/" + building + "/households", Http.map("stairwell", 2, "number", 2))
                .json()
                .get("id")
                .asText();

        Http.Response recorded = town.worker()
                .post(
                        "/grids/" + town.grid() + "/patrols",
                        Http.map(
                                "patrolledOn",
                                TODAY.toString(),
                                "households",
                                List.of(
                                        Http.map(
                                                "householdId",
                                                h1,
                                                "checks",
                                                List.of(
                                                        Http.map("item", "GAS", "ok", false, "note", NOTE),
                                                        Http.map("item", "FIRE", "ok", true)),
                                                "findings",
                                                List.of(Http.map(
                                                        "item",
                                                        "GAS",
                                                        "category",
                                                        "SAFETY_CHECK",
                                                        "urgency",
                                                        "URGENT",
                                                        "beneficiaryGroup",
                                                        "ELDERLY_ALONE",
                                                        "title",
                                                        URGENT_TITLE,
                                                        "residentId",
                                                        r1))),
                                        Http.map(
                                                "householdId",
                                                h2,
                                                "checks",
                                                List.of(
                                                        Http.map("item", "WIRING", "ok", false),
                                                        Http.map("item", "LIVING_CONDITIONS", "ok", true)),
                                                "findings",
                                                List.of(Http.map(
                                                        "item",
                                                        "WIRING",
                                                        "category",
                                                        "HOME_REPAIR",
                                                        "urgency",
                                                        "ROUTINE",
                                                        "beneficiaryGroup",
                                                        "OTHER",
                                                        "title",
                                                        ROUTINE_TITLE))))));
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
        JsonNode view = recorded.json();
        assertThat(view.get("patrol").get("householdsVisited").asInt()).isEqualTo(2);
        assertThat(view.get("checks")).hasSize(4);
        JsonNode urgent = hazard(view, "GAS");
        JsonNode routine = hazard(view, "WIRING");
        assertThat(urgent.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(routine.get("status").asText()).isEqualTo("REPORTED");
        assertThat(routine.has("needId")).isFalse();

        // The urgent finding is a need of the one need flow: source GRID_REPORT, the grid, the resident as a pseudonym.
        String urgentNeed = urgent.get("needId").asText();
        JsonNode need = http().get("/needs/" + urgentNeed).json();
        assertThat(need.get("source").asText()).isEqualTo("GRID_REPORT");
        assertThat(need.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(need.get("gridId").asText()).isEqualTo(town.grid().toString());
        assertThat(need.get("stationId").asText())
                .isEqualTo(town.place().station().toString());
        assertThat(need.get("residentRef").asText())
                .isEqualTo(resident.get("residentRef").asText());
        NeedPublished published =
                (NeedPublished) events(Aggregate.NEED, urgentNeed, 1).get(0);
        assertThat(published.getDetails().getSource().name()).isEqualTo("GRID_REPORT");
        // The need names the finding it came from, so a report can count the hazard fixed when the need is.
        assertThat(published.getHazardId().toString())
                .isEqualTo(urgent.get("id").asText());
        assertThat(need.get("hazardId").asText()).isEqualTo(urgent.get("id").asText());

        // The routine one waits for the community's staff; a grid worker does not publish it.
        String routineId = routine.get("id").asText();
        assertThat(town.staff()
                        .get("/communities/" + town.place().community() + "/hazards?status=REPORTED")
                        .json())
                .extracting(h -> h.get("id").asText())
                .containsExactly(routineId);
        assertThat(town.station()
                        .get("/communities/" + town.place().community() + "/hazards")
                        .json())
                .hasSize(2);
        assertForbidden(
                town.worker().post("/hazards/" + routineId + "/publish", Map.of()),
                "id",
                "community_staff of " + town.place().community());
        assertForbidden(
                town().staff().post("/hazards/" + routineId + "/publish", Map.of()),
                "id",
                "community_staff of " + town.place().community());
        Http.Response reviewed = town.staff().post("/hazards/" + routineId + "/publish", Map.of());
        assertThat(reviewed.status()).as(reviewed.text()).isEqualTo(200);
        assertThat(reviewed.json().get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(reviewed.json().get("reviewedBy").asText()).isEqualTo("sq-he");
        String routineNeed = reviewed.json().get("needId").asText();
        assertThat(http().get("/needs/" + routineNeed).json().get("source").asText())
                .isEqualTo("GRID_REPORT");
        assertThat(http().get("/needs/" + routineNeed).json().get("hazardId").asText())
                .isEqualTo(routineId);
        assertThat(((NeedPublished) events(Aggregate.NEED, routineNeed, 1).get(0))
                        .getHazardId()
                        .toString())
                .isEqualTo(routineId);
        assertProblem(town.staff().post("/hazards/" + routineId + "/publish", Map.of()), 409, "id");
        assertProblem(town.staff().post("/hazards/" + routineId + "/dismiss", Map.of("reason", "重复上报")), 409, "id");
        assertThat(town.worker()
                        .get("/grids/" + town.grid() + "/hazards?status=REPORTED")
                        .json())
                .isEmpty();

        // The grid's topic: the round and its two findings, as counts and ids.
        String patrolId = view.get("patrol").get("id").asText();
        List<ConsumerRecord<String, byte[]>> records =
                records(Aggregate.GRID, Set.of(town.grid().toString()), kept -> kept.size() >= 3);
        List<SpecificRecord> events =
                records.stream().map(r -> codec.decode(r.value())).toList();
        PatrolRecorded round = (PatrolRecorded) events.get(0);
        assertThat(round.getPatrolId().toString()).isEqualTo(patrolId);
        assertThat(round.getHouseholdsVisited()).isEqualTo(2);
        assertThat(round.getHazardsFound()).isEqualTo(2);
        assertThat(round.getItems())
                .extracting(PatrolItemCount::getItem, PatrolItemCount::getChecked, PatrolItemCount::getHazards)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(PatrolItem.GAS, 1, 1),
                        org.assertj.core.groups.Tuple.tuple(PatrolItem.FIRE, 1, 0),
                        org.assertj.core.groups.Tuple.tuple(PatrolItem.WIRING, 1, 1),
                        org.assertj.core.groups.Tuple.tuple(PatrolItem.LIVING_CONDITIONS, 1, 0));
        List<HazardReported> hazards = events.stream()
                .filter(HazardReported.class::isInstance)
                .map(HazardReported.class::cast)
                .toList();
        assertThat(hazards)
                .extracting(
                        h -> h.getItem(),
                        h -> h.getNeedId() == null ? null : h.getNeedId().toString())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(PatrolItem.GAS, urgentNeed),
                        org.assertj.core.groups.Tuple.tuple(PatrolItem.WIRING, null));
        assertNoneHolds(
                records,
                List.of(
                        person.name(),
                        person.phone(),
                        person.idNumber(),
                        person.address(),
                        NOTE,
                        URGENT_TITLE,
                        ROUTINE_TITLE,
                        compoundName,
                        "7号楼",
                        r1,
                        resident.get("residentRef").asText(),
                        h1,
                        h2));
    }

    @Test
    void aRoundOfAnotherDayIsDismissedAfterReviewAndNeedsAReason() {
        Town town = town();
        String h = household(town.worker(), town.grid(), 3, List.of()).get("id").asText();
        Http.Response recorded = town.worker()
                .post(
                        "/grids/" + town.grid() + "/patrols",
                        Http.map(
                                "patrolledOn",
                                TODAY.minusDays(2).toString(),
                                "households",
                                List.of(Http.map(
                                        "householdId",
                                        h,
                                        "checks",
                                        List.of(Http.map("item", "FIRE", "ok", false)),
                                        "findings",
                                        List.of(Http.map(
                                                "item",
                                                "FIRE",
                                                "category",
                                                "SAFETY_CHECK",
                                                "urgency",
                                                "SOON",
                                                "beneficiaryGroup",
                                                "OTHER",
                                                "title",
                                                "楼道堆物 clutter in the stairwell"))))));
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
        String id = hazard(recorded.json(), "FIRE").get("id").asText();
        int needs = count("need");

        assertProblem(town.staff().post("/hazards/" + id + "/dismiss", Map.of()), 400, "reason");
        Http.Response dismissed = town.staff()
                .post("/hazards/" + id + "/dismiss", Map.of("reason", "已由物业当场清理 cleared by the property manager"));
        assertThat(dismissed.status()).as(dismissed.text()).isEqualTo(200);
        assertThat(dismissed.json().get("status").asText()).isEqualTo("DISMISSED");
        assertProblem(town.staff().post("/hazards/" + id + "/publish", Map.of()), 409, "id");
        assertThat(count("need")).isEqualTo(needs);
        assertThat(town.worker()
                        .get("/grids/" + town.grid() + "/patrols")
                        .json()
                        .get(0)
                        .get("patrolledOn")
                        .asText())
                .isEqualTo(TODAY.minusDays(2).toString());
    }

    @Test
    void badInputIsA4xxProblemNamingTheFieldAndRecordsNothing() {
        Town town = town();
        String r1 = resident(town.place(), "G-9");
        String h =
                household(town.worker(), town.grid(), 4, List.of(r1)).get("id").asText();
        String elsewhere = household(town.otherWorker(), town.otherGrid(), 5, List.of())
                .get("id")
                .asText();
        String path = "/grids/" + town.grid() + "/patrols";
        int patrols = count("grid_patrol");
        int hazards = count("grid_hazard");
        int needs = count("need");

        assertProblem(
                town.worker().post(path, round(TODAY.plusDays(1), visit(h, check("GAS", true, null)))),
                400,
                "patrolledOn");
        assertProblem(
                town.worker().post(path, round(TODAY.minusDays(40), visit(h, check("GAS", true, null)))),
                400,
                "patrolledOn");
        assertProblem(
                town.worker().post(path, Http.map("patrolledOn", TODAY.toString(), "households", List.of())),
                400,
                "households");
        assertProblem(
                town.worker()
                        .post(
                                path,
                                Http.map(
                                        "patrolledOn",
                                        TODAY.toString(),
                                        "households",
                                        List.of(Http.map("householdId", h, "checks", List.of())))),
                400,
                "households[0].checks");
        assertProblem(
                town.worker().post(path, round(TODAY, visit(h, check("SMOKE", true, null)))),
                400,
                "households[0].checks[0].item");
        assertProblem(
                town.worker().post(path, round(TODAY, visit(h, check("GAS", true, null), check("GAS", false, null)))),
                400,
                "households[0].checks[1].item");
        assertProblem(
                town.worker().post(path, round(TODAY, visit(h, check("GAS", false, "住户电话 139 1234 5678")))),
                400,
                "households[0].checks[0].note");
        assertProblem(
                town.worker().post(path, round(TODAY, visit(elsewhere, check("GAS", true, null)))),
                400,
                "households[0].householdId");
        assertProblem(
                town.worker()
                        .post(
                                path,
                                round(TODAY, visit(h, check("GAS", true, null)), visit(h, check("FIRE", true, null)))),
                400,
                "households[1].householdId");
        assertProblem(
                town.worker()
                        .post(
                                path,
                                round(
                                        TODAY,
                                        visit(
                                                h,
                                                List.of(finding("GAS", "URGENT", "燃气泄漏", null)),
                                                check("GAS", true, null)))),
                400,
                "households[0].findings[0].item");
        assertProblem(
                town.worker()
                        .post(
                                path,
                                round(
                                        TODAY,
                                        visit(
                                                h,
                                                List.of(finding("GAS", "URGENT", "燃气泄漏", elsewhere)),
                                                check("GAS", false, null)))),
                400,
                "households[0].findings[0].residentId");
        assertProblem(
                town.worker()
                        .post(
                                path,
                                round(
                                        TODAY,
                                        visit(
                                                h,
                                                List.of(finding("GAS", "URGENT", "联系 13912345678", null)),
                                                check("GAS", false, null)))),
                400,
                "households[0].findings[0].title");
        assertProblem(
                town.worker()
                        .post(
                                path,
                                round(
                                        TODAY,
                                        visit(
                                                h,
                                                List.of(finding(
                                                        "GAS",
                                                        "ROUTINE",
                                                        "燃气软管老化",
                                                        null,
                                                        "end",
                                                        TODAY.minusDays(1)
                                                                .atStartOfDay(ZoneId.of("Asia/Shanghai"))
                                                                .toInstant()
                                                                .toString())),
                                                check("GAS", false, null)))),
                400,
                "households[0].findings[0].end");
        assertProblem(
                town.worker().post(path, Http.map("patrolledOn", "昨天", "households", List.of())), 400, "patrolledOn");
        assertProblem(
                town.worker()
                        .post(
                                "/grids/" + java.util.UUID.randomUUID() + "/patrols",
                                round(TODAY, visit(h, check("GAS", true, null)))),
                404,
                "gridId");

        assertThat(count("grid_patrol")).isEqualTo(patrols);
        assertThat(count("grid_hazard")).isEqualTo(hazards);
        assertThat(count("need")).isEqualTo(needs);

        // The register's input too.
        assertProblem(town.worker().post("/grids/" + town.grid() + "/compounds", Http.map("name", " ")), 400, "name");
        assertProblem(
                town.worker().post("/grids/" + town.grid() + "/compounds", Http.map("name", "张三 13912345678")),
                400,
                "name");
        String compound = town.worker()
                .post("/grids/" + town.grid() + "/compounds", Http.map("name", "重名小区"))
                .json()
                .get("id")
                .asText();
        assertProblem(
                town.worker().post("/grids/" + town.grid() + "/compounds", Http.map("name", "重名小区")), 409, "name");
        String building = town.worker()
                .post("/compounds/" + compound + "/buildings", Http.map("label", "1号楼", "stairwells", 2))
                .json()
                .get("id")
                .asText();
        assertProblem(
                town.worker().post("/compounds/" + compound + "/buildings", Http.map("label", "1号楼")), 409, "label");
        assertProblem(
                town.worker().post("/buildings/" + building + "/households", Http.map("stairwell", 3, "number", 1)),
                400,
                "stairwell");
        assertProblem(
                town.worker().post("/buildings/" + building + "/households", Http.map("number", 0)), 400, "number");
        assertProblem(
                town.worker().post("/buildings/" + java.util.UUID.randomUUID() + "/households", Http.map("number", 1)),
                404,
                "id");
    }

    private static Map<String, Object> round(LocalDate on, Map<?, ?>... visits) {
        return Http.map("patrolledOn", on.toString(), "households", List.of(visits));
    }

    private static Map<String, Object> visit(String household, Map<?, ?>... checks) {
        return Http.map("householdId", household, "checks", List.of(checks));
    }

    private static Map<String, Object> visit(
            String household, List<Map<String, Object>> findings, Map<?, ?>... checks) {
        return Http.map("householdId", household, "checks", List.of(checks), "findings", findings);
    }

    private static Map<String, Object> check(String item, boolean ok, String note) {
        Map<String, Object> c = Http.map("item", item, "ok", ok);
        if (note != null) {
            c.put("note", note);
        }
        return c;
    }

    private static Map<String, Object> finding(
            String item, String urgency, String title, String residentId, Object... more) {
        Map<String, Object> f = Http.map(
                "item",
                item,
                "category",
                "SAFETY_CHECK",
                "urgency",
                urgency,
                "beneficiaryGroup",
                "OTHER",
                "title",
                title);
        if (residentId != null) {
            f.put("residentId", residentId);
        }
        for (int i = 0; i + 1 < more.length; i += 2) {
            f.put((String) more[i], more[i + 1]);
        }
        return f;
    }

    private static JsonNode hazard(JsonNode view, String item) {
        for (JsonNode h : view.get("hazards")) {
            if (h.get("item").asText().equals(item)) {
                return h;
            }
        }
        throw new AssertionError("no finding of " + item + " in " + view);
    }
}
