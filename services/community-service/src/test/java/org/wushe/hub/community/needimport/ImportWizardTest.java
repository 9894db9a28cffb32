package org.wushe.hub.community.needimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.community.support.NeedLists;
import org.wushe.hub.community.support.ServiceScenario;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.Quantity;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.events.community.NeedPublished;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.Problems;
import org.wushe.hub.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The import wizard on the real stack: a clerk's own sheet (their headers, urgency words, dates and
 * full-width digits as typed, no station column, no unit) uploaded as a draft, mapped, fixed in place and
 * published through the import worker, its needs on wushe.community.need.
 */
class ImportWizardTest extends ServiceScenario {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final List<String> CLERK = List.of("需求名称（必填）", "紧急度", "类 别", "数量", "截止时间（选填）", "服务对象", "备注");

    @Test
    void aClerksOwnXlsxIsMappedReadFixedInPlaceAndPublishedOnceAndOnlyItsCommunitySeesIt() {
        Place a = communityWithStation();
        Place b = communityWithStation();
        Http clerk = as(communityStaff("sq-wizard-a", a.community()));
        Http other = as(communityStaff("sq-wizard-b", b.community()));
        LocalDate today = LocalDate.now(SHANGHAI);
        LocalDate far = today.plusDays(16);
        LocalDate soon = today.plusDays(2);
        String farChinese = far.format(DateTimeFormatter.ofPattern("yyyy年M月d日"));
        String soonSlashed = fullWidth(soon.format(DateTimeFormatter.ofPattern("yyyy/M/d")));
        String monthDay = soon.format(DateTimeFormatter.ofPattern("M月d日"));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("每周送牛奶", "紧急", "生活物资", fullWidth("3"), farChinese, "独居老人", "老人腿脚不便"));
        rows.add(List.of("上门修门锁", "高", "上门维修", "", soonSlashed, "高龄老人", ""));
        rows.add(List.of("陪同就医", "一般", "陪诊", "", monthDay, "独居老人", ""));
        rows.add(List.of("义务理发", "紧急", "修飞机", "", farChinese, "全体居民", ""));
        byte[] file = NeedLists.xlsx(CLERK, rows);

        Http.Response created = clerk.upload("/imports/drafts", "我们社区的需求.xlsx", file);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode draft = created.json();
        String id = draft.get("id").asText();
        assertThat(draft.get("state").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("communityId").asText()).isEqualTo(a.community().toString());
        assertThat(draft.get("headers")).hasSize(7);
        JsonNode mapping = draft.get("mapping");
        // Headers come back as read: full-width forms as ASCII (NFKC), so 需求名称（必填） is 需求名称(必填).
        assertThat(draft.get("headers").get(0).asText()).isEqualTo("需求名称(必填)");
        assertThat(mapping.get("需求名称(必填)").asText()).isEqualTo("title");
        assertThat(mapping.get("紧急度").asText()).isEqualTo("urgency");
        assertThat(mapping.get("类 别").asText()).isEqualTo("category");
        assertThat(mapping.get("数量").asText()).isEqualTo("quantity.amount");
        assertThat(mapping.get("截止时间(选填)").asText()).isEqualTo("end");
        assertThat(mapping.get("服务对象").asText()).isEqualTo("beneficiaryGroup");
        assertThat(mapping.get("备注").isNull()).isTrue();
        assertThat(draft.get("unmappedRequired")).isEmpty();
        assertThat(draft.get("columns").get(0).get("source").asText()).isEqualTo("SYNONYM");
        assertThat(draft.get("total").asInt()).isEqualTo(4);
        assertThat(draft.get("ready").asInt()).as(draft.toPrettyString()).isEqualTo(3);
        assertThat(draft.get("withProblems").asInt()).isEqualTo(1);

        JsonNode milk = draft.get("rows").get(0);
        assertThat(milk.get("row").asInt()).isEqualTo(2);
        assertThat(milk.get("ok").asBoolean()).isTrue();
        assertThat(milk.get("values").get("urgency").asText()).isEqualTo("URGENT");
        assertThat(milk.get("values").get("quantity.amount").asInt()).isEqualTo(3);
        assertThat(milk.get("values").get("quantity.unit").asText()).isEqualTo("PIECE");
        assertThat(milk.get("values").get("stationId").asText())
                .isEqualTo(a.station().toString());
        assertThat(milk.get("values").get("communityId").asText())
                .isEqualTo(a.community().toString());
        assertThat(milk.get("values").get("end").asText()).startsWith(far.plusDays(1) + "T00:00+08:00");
        assertThat(milk.get("labels").get("urgency").asText()).isEqualTo("加急");
        assertThat(draft.get("rows").get(1).get("values").get("urgency").asText())
                .isEqualTo("URGENT");
        assertThat(draft.get("rows").get(1).get("values").get("end").asText())
                .startsWith(soon.plusDays(1) + "T00:00+08:00");
        assertThat(draft.get("rows").get(2).get("values").get("urgency").asText())
                .isEqualTo("ROUTINE");
        JsonNode haircut = draft.get("rows").get(3);
        assertThat(haircut.get("ok").asBoolean()).isFalse();
        assertThat(haircut.get("problems")).hasSize(1);
        assertThat(haircut.get("problems").get(0).get("column").asText()).isEqualTo("类 别");
        assertThat(haircut.get("problems").get(0).get("field").asText()).isEqualTo("category");
        assertThat(haircut.get("problems").get(0).get("reason").asText()).doesNotContain("修飞机");
        assertThat(haircut.get("problems").get(0).get("reason").asText()).startsWith("取值无效 ");
        assertThat(clerk.get("/imports/drafts/" + id + "?rows=problems").json().get("rows"))
                .hasSize(1);

        // Another community's staff see and change nothing of it.
        String required = Roles.COMMUNITY_STAFF + " of " + a.community();
        assertForbidden(other.get("/imports/drafts/" + id), "id", required + " or centre_manager of its centre");
        assertForbidden(other.put("/imports/drafts/" + id + "/mapping", Map.of("备注", "title")), "id", required);
        assertForbidden(other.put("/imports/drafts/" + id + "/rows/5", Map.of("category", "义剪")), "id", required);
        assertForbidden(other.post("/imports/drafts/" + id + "/publish", Map.of()), "id", required);

        assertThat(ids(clerk.get("/imports/drafts").json())).contains(id);
        assertThat(ids(other.get("/imports/drafts").json())).doesNotContain(id);
        assertThat(ids(http().get("/imports/drafts?limit=500").json())).contains(id);

        // The bad row fixed in place.
        Http.Response fixed =
                clerk.put("/imports/drafts/" + id + "/rows/5", Map.of("values", Map.of("category", "义剪")));
        assertThat(fixed.status()).as(fixed.text()).isEqualTo(200);
        assertThat(fixed.json().get("ok").asBoolean()).isTrue();
        assertThat(fixed.json().get("values").get("category").asText()).isEqualTo("HAIRCUT");
        assertThat(fixed.json().get("cells").get("category").asText()).isEqualTo("义剪");
        int needsBefore = needsOf(a.community());
        assertThat(needsBefore).as("a draft publishes nothing").isZero();

        Http.Response published = clerk.post("/imports/drafts/" + id + "/publish", Map.of());
        assertThat(published.status()).as(published.text()).isEqualTo(202);
        String importId = published.json().get("id").asText();
        assertThat(published.json().get("communityId").asText())
                .isEqualTo(a.community().toString());
        JsonNode job = awaitCompleted(clerk, importId);
        assertThat(job.get("published").asInt())
                .as(clerk.get("/imports/" + importId + "/rejections").text())
                .isEqualTo(4);
        assertThat(job.get("rejected").asInt()).isZero();
        assertThat(clerk.get("/imports/drafts/" + id).json().get("importId").asText())
                .isEqualTo(importId);

        List<JsonNode> needs = new ArrayList<>();
        clerk.get("/needs?importJobId=" + importId).json().forEach(needs::add);
        assertThat(needs).extracting(n -> n.get("importRow").asInt()).containsExactly(2, 3, 4, 5);
        NeedPublished milkEvent = (NeedPublished)
                events(Aggregate.NEED, needs.get(0).get("id").asText(), 1).get(0);
        assertThat(milkEvent.getDetails().getTitle()).isEqualTo("每周送牛奶");
        assertThat(milkEvent.getDetails().getCategory()).isEqualTo(Category.DAILY_GOODS);
        assertThat(milkEvent.getDetails().getUrgency()).isEqualTo(Urgency.URGENT);
        assertThat(milkEvent.getDetails().getBeneficiaryGroup()).isEqualTo(BeneficiaryGroup.ELDERLY_ALONE);
        assertThat(milkEvent.getDetails().getQuantity()).isEqualTo(new Quantity(3, QuantityUnit.PIECE));
        assertThat(milkEvent.getDetails().getTimeWindow().getEnd())
                .isEqualTo(far.plusDays(1).atStartOfDay(SHANGHAI).toInstant());
        assertThat(milkEvent.getStationId()).isEqualTo(a.station());
        assertThat(milkEvent.getCommunityId()).isEqualTo(a.community());
        NeedPublished haircutEvent = (NeedPublished)
                events(Aggregate.NEED, needs.get(3).get("id").asText(), 1).get(0);
        assertThat(haircutEvent.getDetails().getCategory()).isEqualTo(Category.HAIRCUT);
        NeedPublished escort = (NeedPublished)
                events(Aggregate.NEED, needs.get(2).get("id").asText(), 1).get(0);
        assertThat(escort.getDetails().getUrgency()).isEqualTo(Urgency.ROUTINE);

        // Only its community (and the hub admin) sees the import.
        assertForbidden(other.get("/imports/" + importId), "id", required + " or centre_manager of its centre");
        assertForbidden(
                other.get("/imports/" + importId + "/rejections"), "id", required + " or centre_manager of its centre");
        assertForbidden(
                other.get("/imports/" + importId + "/rejections.csv"),
                "id",
                required + " or centre_manager of its centre");
        assertThat(ids(other.get("/imports?limit=500").json())).doesNotContain(importId);
        assertThat(ids(clerk.get("/imports?limit=500").json())).contains(importId);
        assertThat(http().get("/imports/" + importId).status()).isEqualTo(200);
        assertForbidden(
                as(TestTokens.token("vol-wizard", Roles.VOLUNTEER, Roles.VOLUNTEER_ID, UUID.randomUUID()))
                        .get("/imports"),
                "GET /imports",
                "community_staff or centre_manager");

        // The same file again: the draft says so, and publishing it answers the same import and publishes nothing.
        Http.Response again = clerk.upload("/imports/drafts", "再传一次.xlsx", file);
        assertThat(again.status()).as(again.text()).isEqualTo(201);
        assertThat(again.json().get("duplicateOf").asText()).isEqualTo(importId);
        Http.Response republished =
                clerk.post("/imports/drafts/" + again.json().get("id").asText() + "/publish", Map.of());
        assertThat(republished.status()).as(republished.text()).isEqualTo(200);
        assertThat(republished.json().get("id").asText()).isEqualTo(importId);
        Http.Response oneStep = clerk.upload("/imports", "一步导入.xlsx", file);
        assertThat(oneStep.status()).isEqualTo(200);
        assertThat(oneStep.json().get("id").asText()).isEqualTo(importId);
        assertThat(needsOf(a.community())).isEqualTo(4);

        // The same bytes from another community are that community's own import.
        Http.Response theirs = other.upload("/imports/drafts", "同一个文件.xlsx", file);
        assertThat(theirs.status()).as(theirs.text()).isEqualTo(201);
        assertThat(theirs.json().get("duplicateOf").isNull()).isTrue();
        other.put("/imports/drafts/" + theirs.json().get("id").asText() + "/rows/5", Map.of("category", "义剪"));
        Http.Response theirsPublished =
                other.post("/imports/drafts/" + theirs.json().get("id").asText() + "/publish", Map.of());
        assertThat(theirsPublished.status()).as(theirsPublished.text()).isEqualTo(202);
        assertThat(theirsPublished.json().get("id").asText()).isNotEqualTo(importId);
        assertThat(awaitCompleted(other, theirsPublished.json().get("id").asText())
                        .get("published")
                        .asInt())
                .isEqualTo(4);
        assertThat(needsOf(b.community())).isEqualTo(4);
        assertThat(needsOf(a.community())).isEqualTo(4);

        // A published draft no longer changes.
        Http.Response late = clerk.put("/imports/drafts/" + id + "/rows/2", Map.of("title", "改标题"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.problemField()).isEqualTo("id");
    }

    @Test
    void aGb18030CsvWithAnUnknownHeaderIsMappedByHandAndTheCommunityRemembersIt() {
        Place place = communityWithStation();
        Http clerk = as(communityStaff("sq-wizard-c", place.community()));
        LocalDate day = LocalDate.now(SHANGHAI).plusDays(9);
        long serial = ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 30), day);
        List<String> headers = List.of("要办的事", "急缓", "分类", "需求数量", "完成时限", "受益群体", "经办人");
        List<List<Object>> rows = List.of(
                List.of(
                        "送午餐",
                        "加急",
                        "助餐",
                        fullWidth("5") + " 份",
                        day.format(DateTimeFormatter.BASIC_ISO_DATE),
                        "独居老人",
                        "王"),
                List.of("燃气检查", "特急", "安全检查", "", String.valueOf(serial), "高龄老人", "李"),
                List.of(
                        "反诈讲座",
                        "不急",
                        "反诈宣传",
                        "",
                        fullWidth(day.format(DateTimeFormatter.ofPattern("yyyy.M.d"))),
                        "全体居民",
                        "张"),
                List.of("修水管", "明天", "上门维修", "", "下周", "高龄老人", "赵"));
        byte[] file = NeedLists.csv(headers, rows, Charset.forName("GB18030"));

        Http.Response created = clerk.upload("/imports/drafts", "需求.csv", file);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode draft = created.json();
        String id = draft.get("id").asText();
        assertThat(draft.get("format").asText()).isEqualTo("CSV");
        assertThat(draft.get("headers").get(0).asText()).isEqualTo("要办的事");
        assertThat(draft.get("mapping").get("要办的事").isNull()).isTrue();
        assertThat(draft.get("unmappedRequired")).extracting(JsonNode::asText).containsExactly("title");
        Http.Response early = clerk.post("/imports/drafts/" + id + "/publish", Map.of());
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.problemField()).isEqualTo("mapping");

        Http.Response mapped = clerk.put("/imports/drafts/" + id + "/mapping", Map.of("要办的事", "title"));
        assertThat(mapped.status()).as(mapped.text()).isEqualTo(200);
        assertThat(mapped.json().get("unmappedRequired")).isEmpty();
        assertThat(mapped.json().get("columns").get(0).get("source").asText()).isEqualTo("MANUAL");
        JsonNode preview = mapped.json().get("rows");
        assertThat(preview.get(0).get("ok").asBoolean())
                .as(preview.toPrettyString())
                .isTrue();
        assertThat(preview.get(0).get("values").get("quantity.amount").asInt()).isEqualTo(5);
        assertThat(preview.get(0).get("values").get("quantity.unit").asText()).isEqualTo("PORTION");
        assertThat(preview.get(1).get("values").get("urgency").asText()).isEqualTo("IMMEDIATE");
        assertThat(preview.get(1).get("values").get("end").asText()).startsWith(day.plusDays(1) + "T00:00+08:00");
        assertThat(preview.get(2).get("ok").asBoolean()).isTrue();
        assertThat(preview.get(3).get("problems"))
                .extracting(p -> p.get("column").asText())
                .containsExactlyInAnyOrder("急缓", "完成时限");

        Http.Response published = clerk.post("/imports/drafts/" + id + "/publish", Map.of());
        assertThat(published.status()).as(published.text()).isEqualTo(202);
        String importId = published.json().get("id").asText();
        JsonNode job = awaitCompleted(clerk, importId);
        assertThat(job.get("published").asInt()).isEqualTo(3);
        assertThat(job.get("rejected").asInt()).isEqualTo(1);
        List<String> report = new ArrayList<>();
        clerk.get("/imports/" + importId + "/rejections")
                .json()
                .forEach(p ->
                        report.add(p.get("row").asInt() + " " + p.get("column").asText()));
        assertThat(report).containsExactly("5 急缓", "5 完成时限");
        assertThat(clerk.get("/imports/" + importId + "/rejections.csv").text())
                .contains("急缓", "完成时限")
                .doesNotContain("明天", "下周");
        List<JsonNode> needs = new ArrayList<>();
        clerk.get("/needs?importJobId=" + importId).json().forEach(needs::add);
        NeedPublished lunch = (NeedPublished)
                events(Aggregate.NEED, needs.get(0).get("id").asText(), 1).get(0);
        assertThat(lunch.getDetails().getQuantity()).isEqualTo(new Quantity(5, QuantityUnit.PORTION));
        assertThat(lunch.getDetails().getCategory()).isEqualTo(Category.MEAL_ASSISTANCE);

        // The next upload of this community (another file, the same headers): its mapping applies first.
        List<List<Object>> next = List.of(List.of("送晚餐", "一般", "助餐", "2", day.toString(), "独居老人", "孙"));
        Http.Response second =
                clerk.upload("/imports/drafts", "下一份.csv", NeedLists.csv(headers, next, StandardCharsets.UTF_8));
        assertThat(second.status()).as(second.text()).isEqualTo(201);
        assertThat(second.json().get("mapping").get("要办的事").asText()).isEqualTo("title");
        assertThat(second.json().get("columns").get(0).get("source").asText()).isEqualTo("REMEMBERED");
        assertThat(second.json().get("rows").get(0).get("ok").asBoolean()).isTrue();
        // Another community does not get this community's mapping.
        Place elsewhere = communityWithStation();
        Http.Response theirs = as(communityStaff("sq-wizard-d", elsewhere.community()))
                .upload("/imports/drafts", "下一份.csv", NeedLists.csv(headers, next, StandardCharsets.UTF_8));
        assertThat(theirs.json().get("mapping").get("要办的事").isNull()).isTrue();
    }

    @Test
    void theHubAdminChoosesTheCommunityAndRejectionsCsvNeutralisesFormulaLikeCells() {
        Place place = communityWithStation();
        LocalDate day = LocalDate.now(SHANGHAI).plusDays(5);
        byte[] file = NeedLists.xlsx(
                List.of("标题", "=紧急程度", "类别", "服务对象", "截止日期"),
                List.of(
                        List.of("上门理发", "随便", "义剪", "高龄老人", day.toString()),
                        List.of("陪伴聊天", "常规", "陪伴探访", "独居老人", day.toString())));
        Http.Response created = http().upload("/imports/drafts?communityId=" + place.community(), "admin.xlsx", file);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.json().get("communityId").asText())
                .isEqualTo(place.community().toString());
        assertThat(created.json().get("unmappedRequired"))
                .extracting(JsonNode::asText)
                .containsExactly("urgency");
        assertThat(http().put("/imports/drafts/" + id + "/mapping", Map.of("mapping", Map.of("=紧急程度", "urgency")))
                        .status())
                .isEqualTo(200);
        Http.Response published = http().post("/imports/drafts/" + id + "/publish", Map.of());
        assertThat(published.status()).as(published.text()).isEqualTo(202);
        String importId = published.json().get("id").asText();
        JsonNode job = awaitCompleted(http(), importId);
        assertThat(job.get("published").asInt()).isEqualTo(1);
        String csv = http().get("/imports/" + importId + "/rejections.csv").text();
        assertThat(csv).contains("'=紧急程度").doesNotContain(",=紧急程度");
        // The community's staff see the hub admin's import for their community.
        assertThat(as(communityStaff("sq-wizard-e", place.community()))
                        .get("/imports/" + importId)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theCommunitysOwnStationDecidesWhenSeveralServeItAndItsCentreManagerSeesTheImport() {
        Place a = communityWithStation();
        Place b = communityWithStation();
        UUID centre = UUID.fromString(registerStation(Http.map(
                        "name",
                        unique("永顺镇社会工作服务中心"),
                        "level",
                        "STREET_CENTRE",
                        "districtCode",
                        "110112",
                        "servedCommunityIds",
                        List.of(a.community().toString())))
                .get("id")
                .asText());
        UUID otherCentre = UUID.fromString(registerStation(Http.map(
                        "name",
                        unique("梨园镇社会工作服务中心"),
                        "level",
                        "STREET_CENTRE",
                        "districtCode",
                        "110112",
                        "servedCommunityIds",
                        List.of(b.community().toString())))
                .get("id")
                .asText());
        Http clerk = as(communityStaff("sq-wizard-g", a.community()));
        byte[] file = NeedLists.xlsx(
                CLERK,
                List.of(List.of(
                        "送米",
                        "急",
                        "生活物资",
                        "2袋",
                        LocalDate.now(SHANGHAI).plusDays(3).toString(),
                        "独居老人",
                        "")));

        Http.Response created = clerk.upload("/imports/drafts", "两个站点.xlsx", file);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode row = created.json().get("rows").get(0);
        assertThat(row.get("ok").asBoolean()).as(row.toString()).isTrue();
        assertThat(row.get("values").get("stationId").asText())
                .isEqualTo(a.station().toString()); // its own, not the centre
        assertThat(row.get("values").get("quantity.unit").asText()).isEqualTo("BAG");
        String importId = clerk.post(
                        "/imports/drafts/" + created.json().get("id").asText() + "/publish", Map.of())
                .json()
                .get("id")
                .asText();
        assertThat(awaitCompleted(clerk, importId).get("published").asInt()).isEqualTo(1);
        String needId = clerk.get("/needs?importJobId=" + importId)
                .json()
                .get(0)
                .get("id")
                .asText();
        assertThat(((NeedPublished) events(Aggregate.NEED, needId, 1).get(0)).getStationId())
                .isEqualTo(a.station());

        Http manager = as(TestTokens.token("centre-wizard", Roles.CENTRE_MANAGER, Roles.CENTRE_ID, centre));
        assertThat(manager.get("/imports/" + importId).status()).isEqualTo(200);
        assertThat(manager.get("/imports/" + importId + "/rejections.csv").status())
                .isEqualTo(200);
        assertThat(ids(manager.get("/imports?limit=500").json())).contains(importId);
        Http otherManager = as(TestTokens.token("centre-wizard-2", Roles.CENTRE_MANAGER, Roles.CENTRE_ID, otherCentre));
        assertForbidden(
                otherManager.get("/imports/" + importId),
                "id",
                Roles.COMMUNITY_STAFF + " of " + a.community() + " or centre_manager of its centre");
        assertThat(ids(otherManager.get("/imports?limit=500").json())).doesNotContain(importId);
        // A centre manager sees, but does not change, a community's drafts.
        String draft = clerk.upload(
                        "/imports/drafts",
                        "另一份.xlsx",
                        NeedLists.xlsx(
                                CLERK,
                                List.of(List.of(
                                        "送面",
                                        "急",
                                        "生活物资",
                                        "1",
                                        LocalDate.now(SHANGHAI).plusDays(3).toString(),
                                        "独居老人",
                                        ""))))
                .json()
                .get("id")
                .asText();
        assertThat(manager.get("/imports/drafts/" + draft).status()).isEqualTo(200);
        assertForbidden(
                manager.post("/imports/drafts/" + draft + "/publish", Map.of()),
                "id",
                Roles.COMMUNITY_STAFF + " of " + a.community());
    }

    @Test
    void everyBadInputIsA4xxProblemNamingTheField() {
        Place a = communityWithStation();
        Place b = communityWithStation();
        Http clerk = as(communityStaff("sq-wizard-f", a.community()));
        byte[] file = NeedLists.xlsx(
                CLERK,
                List.of(List.of(
                        "送米",
                        "紧急",
                        "生活物资",
                        "2",
                        LocalDate.now(SHANGHAI).plusDays(3).toString(),
                        "独居老人",
                        "")));
        String id =
                clerk.upload("/imports/drafts", "x.xlsx", file).json().get("id").asText();
        String draft = "/imports/drafts/" + id;

        assertProblem(clerk.upload("/imports/drafts", "empty.csv", new byte[0]), 400, "file");
        assertProblem(
                clerk.upload(
                        "/imports/drafts", "old.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0}),
                415,
                "file");
        assertProblem(
                clerk.upload("/imports/drafts", "header.csv", "标题,紧急度\r\n".getBytes(StandardCharsets.UTF_8)),
                400,
                "file");
        assertProblem(
                clerk.upload("/imports/drafts", "f.csv", "标题,紧急度\r\n=1+1,急\r\n".getBytes(StandardCharsets.UTF_8)),
                400,
                "file");
        assertProblem(clerk.upload("/imports/drafts?communityId=" + b.community(), "x.xlsx", file), 403, "communityId");
        assertProblem(clerk.upload("/imports/drafts?communityId=nope", "x.xlsx", file), 400, "communityId");
        assertProblem(
                http().upload("/imports/drafts?communityId=" + UUID.randomUUID(), "x.xlsx", file), 404, "communityId");
        assertProblem(
                as(TestTokens.token("vol-wizard-2", Roles.VOLUNTEER, Roles.VOLUNTEER_ID, UUID.randomUUID()))
                        .upload("/imports/drafts", "x.xlsx", file),
                403,
                "POST /imports/drafts");
        assertProblem(http().anonymous().get(draft), 401, "Authorization");

        assertProblem(clerk.put(draft + "/mapping", Map.of("紧急度", "colour")), 400, "mapping.紧急度");
        assertProblem(clerk.put(draft + "/mapping", Map.of("没有这列", "title")), 400, "mapping.没有这列");
        assertProblem(clerk.put(draft + "/mapping", Map.of("备注", "title")), 400, "mapping.备注");
        assertProblem(clerk.put(draft + "/mapping", Map.of("备注", 7)), 400, "mapping.备注");
        assertProblem(clerk.put(draft + "/mapping", "[1, 2]"), 400, null);
        assertProblem(clerk.put(draft + "/rows/2", Map.of("colour", "red")), 400, "colour");
        assertProblem(clerk.put(draft + "/rows/2", Map.of("title", "=HYPERLINK(\"x\")")), 400, "title");
        assertProblem(clerk.put(draft + "/rows/2", Map.of("title", List.of("a"))), 400, "title");
        assertProblem(clerk.put(draft + "/rows/2", Map.of()), 400, "body");
        assertProblem(clerk.put(draft + "/rows/99", Map.of("title", "x")), 404, "rowNumber");
        assertProblem(clerk.put(draft + "/rows/abc", Map.of("title", "x")), 400, "rowNumber");
        assertProblem(clerk.get("/imports/drafts/" + UUID.randomUUID()), 404, "id");
        assertProblem(clerk.post("/imports/drafts/" + UUID.randomUUID() + "/publish", Map.of()), 404, "id");
        assertProblem(clerk.get("/imports/drafts/not-an-id"), 400, "id");
        assertProblem(clerk.get(draft + "?rows=some"), 400, "rows");
        assertThat(needsOf(a.community())).isZero();
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static void assertForbidden(Http.Response r, String field, String required) {
        Problems.assertForbidden(r.status(), r.contentType(), r.json(), r.text(), field, required);
    }

    private static void assertProblem(Http.Response r, int status, String field) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.contentType()).as(r.text()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(r.problemField()).as(r.text()).isEqualTo(field);
        }
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

    /** Digits and the slash as typed with a Chinese input method in full-width mode (０-９, ／, ．). */
    static String fullWidth(String text) {
        StringBuilder sb = new StringBuilder();
        for (char ch : text.toCharArray()) {
            sb.append(ch >= '0' && ch <= '9' || ch == '/' || ch == '.' ? (char) (ch - 0x20 + 0xFF00) : ch);
        }
        return sb.toString();
    }
}
