package org.wushe.hub.community.needimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.community.support.NeedLists;
import org.wushe.hub.community.support.ServiceScenario;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.Problems;
import org.wushe.hub.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Issue #14 item 5, each sentence not proven elsewhere (the wizard's path is {@code ImportWizardTest}'s): the
 * one-step upload of the same bytes by two communities makes two imports, each seen (one import, its
 * rejections, their CSV, the list) by its own community only; the hub admin's import without a community by
 * the hub admin only; the rejection CSV starts every cell a spreadsheet would run (= + - @) with an apostrophe,
 * as the centre report does.
 */
class ImportTenancyTest extends ServiceScenario {

    private static final List<String> ZH = List.of("社区", "类别", "紧急程度", "服务对象", "标题", "开始时间", "结束时间");

    @Test
    void theSameFileFromAnotherCommunityIsItsOwnImportSeenByItsCommunityOnly() {
        Place a = communityWithStation();
        Place b = communityWithStation();
        Instant start = daysAhead(4);
        String end = start.plus(1, ChronoUnit.HOURS).toString();
        // No community column value of its own: each clerk's rows name a community by id; A's row is B's bad row and
        // vice versa.
        byte[] file = NeedLists.xlsx(
                ZH,
                List.of(
                        List.of(a.community().toString(), "上门维修", "立即", "高龄老人", "门锁", start.toString(), end),
                        List.of(b.community().toString(), "助餐", "常规", "独居老人", "送餐", start.toString(), end)));
        Http clerkA = as(communityStaff("sq-ten-a", a.community()));
        Http clerkB = as(communityStaff("sq-ten-b", b.community()));

        Http.Response upA = clerkA.upload("/imports", "清单.xlsx", file);
        Http.Response upB = clerkB.upload("/imports", "清单.xlsx", file);
        assertThat(upA.status()).as(upA.text()).isEqualTo(202);
        assertThat(upB.status()).as(upB.text()).isEqualTo(202);
        String importA = upA.json().get("id").asText();
        String importB = upB.json().get("id").asText();
        assertThat(importB).isNotEqualTo(importA);
        assertThat(upB.json().get("communityId").asText())
                .isEqualTo(b.community().toString());
        assertThat(clerkA.upload("/imports", "again.xlsx", file)
                        .json()
                        .get("id")
                        .asText())
                .isEqualTo(importA);
        JsonNode doneA = awaitCompleted(clerkA, importA);
        JsonNode doneB = awaitCompleted(clerkB, importB);
        assertThat(doneA.get("published").asInt()).isEqualTo(1);
        assertThat(doneB.get("published").asInt()).isEqualTo(1);
        assertThat(needsOf(a.community())).isEqualTo(1);
        assertThat(needsOf(b.community())).isEqualTo(1);

        for (String path : List.of("", "/rejections", "/rejections.csv")) {
            assertForbidden(
                    clerkB.get("/imports/" + importA + path),
                    "id",
                    Roles.COMMUNITY_STAFF + " of " + a.community() + " or centre_manager of its centre");
            assertForbidden(
                    clerkA.get("/imports/" + importB + path),
                    "id",
                    Roles.COMMUNITY_STAFF + " of " + b.community() + " or centre_manager of its centre");
            assertThat(clerkA.get("/imports/" + importA + path).status()).isEqualTo(200);
            assertThat(clerkB.get("/imports/" + importB + path).status()).isEqualTo(200);
        }
        assertThat(ids(clerkA.get("/imports?limit=500").json()))
                .contains(importA)
                .doesNotContain(importB);
        assertThat(ids(clerkB.get("/imports?limit=500").json()))
                .contains(importB)
                .doesNotContain(importA);
        // Each community's report names only its own rejection (the other community's row).
        assertThat(clerkA.get("/imports/" + importA + "/rejections").json())
                .extracting(r -> r.get("row").asInt())
                .containsExactly(3);
        assertThat(clerkB.get("/imports/" + importB + "/rejections").json())
                .extracting(r -> r.get("row").asInt())
                .containsExactly(2);
    }

    @Test
    void theHubAdminsImportWithoutACommunityIsTheHubAdminsAlone() {
        Place a = communityWithStation();
        UUID centre = UUID.fromString(registerStation(Http.map(
                        "name",
                        unique("宋庄镇社会工作服务中心"),
                        "level",
                        "STREET_CENTRE",
                        "districtCode",
                        "110112",
                        "servedCommunityIds",
                        List.of(a.community().toString())))
                .get("id")
                .asText());
        Instant start = daysAhead(4);
        byte[] file = NeedLists.xlsx(
                ZH,
                List.of(List.of(
                        a.community().toString(),
                        "上门维修",
                        "立即",
                        "高龄老人",
                        "门锁-" + UUID.randomUUID(),
                        start.toString(),
                        start.plus(1, ChronoUnit.HOURS).toString())));
        Http.Response up = http().upload("/imports", "admin.xlsx", file);
        assertThat(up.status()).as(up.text()).isEqualTo(202);
        String id = up.json().get("id").asText();
        assertThat(up.json().get("communityId") == null
                        || up.json().get("communityId").isNull())
                .as(up.text())
                .isTrue();
        awaitCompleted(http(), id);

        Http clerk = as(communityStaff("sq-ten-c", a.community()));
        Http manager = as(TestTokens.token("centre-ten", Roles.CENTRE_MANAGER, Roles.CENTRE_ID, centre));
        for (Http reader : List.of(clerk, manager)) {
            for (String path : List.of("", "/rejections", "/rejections.csv")) {
                assertForbidden(reader.get("/imports/" + id + path), "id", Roles.HUB_ADMIN);
            }
            assertThat(ids(reader.get("/imports?limit=500").json())).doesNotContain(id);
        }
        assertThat(ids(http().get("/imports?limit=500").json())).contains(id);
    }

    @Test
    void theRejectionCsvStartsEveryCellASpreadsheetWouldRunWithAnApostrophe() {
        Place place = communityWithStation();
        Http clerk = as(communityStaff("sq-ten-d", place.community()));
        String day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(5).toString();
        // Text headers that look like formulas (an xlsx text cell is not a formula, so the file is read), mapped by
        // hand.
        List<String> headers = List.of("=标题", "+紧急程度", "-类别", "@服务对象", "截止日期");
        byte[] file = NeedLists.xlsx(
                headers, List.of(List.of("上门理发", "随便", "修飞机", "外星人", day), List.of("陪伴聊天", "常规", "陪伴探访", "独居老人", day)));
        Http.Response created = clerk.upload("/imports/drafts", "公式.xlsx", file);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String draft = created.json().get("id").asText();
        Http.Response mapped = clerk.put(
                "/imports/drafts/" + draft + "/mapping",
                Map.of(
                        "mapping",
                        Map.of("=标题", "title", "+紧急程度", "urgency", "-类别", "category", "@服务对象", "beneficiaryGroup")));
        assertThat(mapped.status()).as(mapped.text()).isEqualTo(200);
        Http.Response published = clerk.post("/imports/drafts/" + draft + "/publish", Map.of());
        assertThat(published.status()).as(published.text()).isEqualTo(202);
        String id = published.json().get("id").asText();
        assertThat(awaitCompleted(clerk, id).get("rejected").asInt()).isEqualTo(1);

        Http.Response csv = clerk.get("/imports/" + id + "/rejections.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> firstCells = new ArrayList<>();
        for (String line : csv.text().replace("\uFEFF", "").split("\r\n")) {
            String[] cells = line.split(",", -1);
            if (cells.length > 1) {
                firstCells.add(cells[1]);
            }
        }
        assertThat(firstCells).contains("'+紧急程度", "'-类别", "'@服务对象");
        assertThat(firstCells).noneMatch(c -> !c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0);
    }

    private static void assertForbidden(Http.Response r, String field, String required) {
        Problems.assertForbidden(r.status(), r.contentType(), r.json(), r.text(), field, required);
    }

    private JsonNode awaitCompleted(Http as, String id) {
        await().atMost(WAIT)
                .until(() ->
                        as.get("/imports/" + id).json().get("state").asText().equals("COMPLETED"));
        return as.get("/imports/" + id).json();
    }

    private int needsOf(UUID community) {
        return jdbc.queryForObject("SELECT count(*) FROM need WHERE community_id = ?", Integer.class, community);
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }
}
