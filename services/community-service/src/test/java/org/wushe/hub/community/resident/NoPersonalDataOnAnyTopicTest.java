package org.wushe.hub.community.resident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.wushe.hub.community.support.GridScenario;
import org.wushe.hub.community.support.NeedLists;
import org.wushe.hub.community.support.People;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.TestStack;
import org.wushe.hub.testing.TopicScanner;
import tools.jackson.databind.JsonNode;

/**
 * Residents' needs go out through every path (REST, micro-wish, recurring need, edit, status change,
 * need-list import) and the grid work (register, patrol with an urgent finding, care plan, subsidy application); then every record of every hub topic is read, and no resident's name, phone,
 * ID number or address made in this test run appears in any key, value or header.
 */
@Order(Integer.MAX_VALUE)
class NoPersonalDataOnAnyTopicTest extends GridScenario {

    @Test
    void noResidentsNamePhoneOrIdNumberAppearsInAnyRecordOnAnyTopic() {
        Place place = communityWithStation();
        List<JsonNode> residents = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            residents.add(registerResident(place.community(), People.next(), "P-" + i, "ELDERLY_ALONE", "DISABLED"));
        }
        String need = publishNeed(
                        need(place, "residentId", residents.get(0).get("id").asText()))
                .get("id")
                .asText();
        http().put(
                        "/needs/" + need,
                        need(
                                place,
                                "residentId",
                                residents.get(1).get("id").asText(),
                                "title",
                                "换了一位居民 another resident"));
        http().post("/needs/" + need + "/status", Http.map("status", "MATCHED"));
        publishNeed(need(
                place,
                "source",
                "MICRO_WISH",
                "category",
                "STUDY_SPACE",
                "beneficiaryGroup",
                "CHILD_IN_HARDSHIP",
                "residentId",
                residents.get(2).get("id").asText(),
                "title",
                "微心愿：新书包"));
        Instant first = daysAhead(2);
        assertThat(http().post(
                                "/need-series",
                                Http.map(
                                        "need",
                                        need(
                                                place,
                                                "residentId",
                                                residents.get(3).get("id").asText(),
                                                "category",
                                                "DAILY_GOODS",
                                                "quantity",
                                                Map.of("amount", 1, "unit", "BOX"),
                                                "title",
                                                "每周鸡蛋一箱",
                                                "start",
                                                first.toString(),
                                                "end",
                                                first.plus(2, ChronoUnit.HOURS).toString()),
                                        "frequency",
                                        "WEEKLY",
                                        "count",
                                        3))
                        .status())
                .isEqualTo(201);
        Instant start = daysAhead(3);
        byte[] list = NeedLists.xlsx(
                List.of("社区", "居民编号", "类别", "紧急程度", "服务对象", "标题", "开始时间", "结束时间"),
                List.of(
                        List.of(
                                place.communityName(),
                                "P-4",
                                "陪伴探访",
                                "近期",
                                "独居老人",
                                "陪伴聊天",
                                start.toString(),
                                start.plus(1, ChronoUnit.HOURS).toString()),
                        List.of(
                                place.communityName(),
                                "P-0",
                                "助餐",
                                "常规",
                                "残疾人",
                                "送餐上门",
                                start.toString(),
                                start.plus(1, ChronoUnit.HOURS).toString())));
        String job =
                http().upload("/imports", "privacy.xlsx", list).json().get("id").asText();
        await().atMost(WAIT)
                .until(() -> http().get("/imports/" + job)
                        .json()
                        .get("state")
                        .asText()
                        .equals("COMPLETED"));
        assertThat(http().get("/imports/" + job).json().get("published").asInt())
                .isEqualTo(2);
        // Grid work: the resident's household, a patrol whose urgent finding names them, a care plan, an application.
        java.util.UUID grid = registerGrid(place.community(), "隐私网格");
        Http worker = as(gridWorker("grid-privacy", grid));
        String r0 = residents.get(0).get("id").asText();
        String home = household(worker, grid, 1, List.of(r0)).get("id").asText();
        assertThat(worker.post(
                                "/grids/" + grid + "/patrols",
                                Http.map(
                                        "patrolledOn",
                                        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                                                .toString(),
                                        "households",
                                        List.of(Http.map(
                                                "householdId",
                                                home,
                                                "checks",
                                                List.of(Http.map("item", "GAS", "ok", false, "note", "软管老化")),
                                                "findings",
                                                List.of(Http.map(
                                                        "item",
                                                        "GAS",
                                                        "category",
                                                        "SAFETY_CHECK",
                                                        "urgency",
                                                        "IMMEDIATE",
                                                        "beneficiaryGroup",
                                                        "ELDERLY_ALONE",
                                                        "title",
                                                        "燃气软管老化",
                                                        "residentId",
                                                        r0))))))
                        .status())
                .isEqualTo(201);
        assertThat(worker.put("/grids/" + grid + "/care-plans", Http.map("residentId", r0, "risk", "HIGH"))
                        .status())
                .isEqualTo(201);
        assertThat(worker.post(
                                "/grids/" + grid + "/subsidy-applications",
                                Http.map("residentId", r0, "kind", "MINIMUM_LIVING"))
                        .status())
                .isEqualTo(201);
        records(Aggregate.GRID, java.util.Set.of(grid.toString()), kept -> kept.size() >= 4);
        String marker = publishNeed(need(place)).get("id").asText();
        events(Aggregate.NEED, marker, 1);
        List<String> importedIds =
                jdbc.queryForList("SELECT id::text FROM need WHERE import_job_id = ?::uuid", String.class, job);
        importedIds.forEach(id -> events(Aggregate.NEED, id, 1));
        events(Aggregate.NEED, need, 3);

        List<TopicScanner.ScannedRecord> all = TopicScanner.scanAll(TestStack.bootstrapServers());

        List<String> personal = new ArrayList<>();
        for (People.Person p : People.all()) {
            personal.addAll(List.of(p.name(), p.phone(), p.idNumber(), p.address()));
        }
        assertThat(People.all()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(all)
                .extracting(TopicScanner.ScannedRecord::topic)
                .contains(
                        Aggregate.NEED.topic(),
                        Aggregate.COMMUNITY.topic(),
                        Aggregate.STATION.topic(),
                        Aggregate.GRID.topic());
        // The scan did see these residents' needs: their pseudonyms are there, their personal data is not.
        for (JsonNode r : residents) {
            assertThat(TopicScanner.containing(all, List.of(r.get("residentRef").asText())))
                    .as("needs of resident %s", r.get("residentRef"))
                    .isNotEmpty();
            assertThat(TopicScanner.containing(all, List.of(r.get("id").asText())))
                    .as("internal id of %s", r.get("residentRef"))
                    .isEmpty();
        }
        assertThat(TopicScanner.containing(all, personal))
                .as("records holding a resident's personal data")
                .isEmpty();
    }
}
