package org.wushe.hub.community.needimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.wushe.hub.community.support.NeedLists;
import org.wushe.hub.community.support.People;
import org.wushe.hub.community.support.ServiceScenario;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.NeedSource;
import org.wushe.hub.events.common.Quantity;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.events.community.NeedPublished;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.testing.Http;
import tools.jackson.databind.JsonNode;

/** Need lists as communities keep them, uploaded over HTTP, imported row by row, published through the outbox. */
class NeedImportTest extends ServiceScenario {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final List<String> ZH =
            List.of("社区", "站点", "网格", "居民编号", "类别", "紧急程度", "服务对象", "需求描述", "开始时间", "结束时间", "数量", "单位", "所需技能", "备注");

    @Test
    void aChineseNeedListPublishesItsGoodRowsAndReportsEveryBadRowByRowColumnAndReason() {
        Place place = communityWithStation();
        registerGrid(place.community(), "第一网格");
        People.Person grandma = People.next();
        JsonNode resident = registerResident(place.community(), grandma, "DG-0001", "ELDERLY_ALONE");
        LocalDateTime start = LocalDateTime.now(SHANGHAI).plusDays(4).truncatedTo(ChronoUnit.HOURS);
        String text = start.format(DateTimeFormatter.ofPattern("yyyy/M/d H:mm"));
        String textEnd = start.plusHours(2).format(DateTimeFormatter.ofPattern("yyyy/M/d H:mm"));
        String c = place.communityName();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(
                c,
                place.stationName(),
                "第一网格",
                "DG-0001",
                "生活物资",
                "常规",
                "独居老人",
                "每周配送牛奶两箱",
                start,
                start.plusHours(3),
                2,
                "箱",
                "",
                "老人腿脚不便"));
        rows.add(List.of(c, "", "", "", "上门维修", "立即", "高龄老人", "门锁损坏需维修", text, textEnd, "", "", "家居维修、电工", ""));
        rows.add(List.of("不存在的社区", "", "", "", "上门维修", "立即", "高龄老人", "门锁损坏", text, textEnd, "", "", "", ""));
        rows.add(List.of(c, "", "", "", "修飞机", "立即", "高龄老人", "修理", text, textEnd, -3, "箱", "", ""));
        rows.add(List.of(c, "", "", "", "义剪", "常规", "全体居民", "理发", textEnd, text, "", "", "", ""));
        rows.add(null); // a blank row is skipped
        rows.add(List.of(c, "", "", "", "陪伴探访", "近期", "独居老人", "王阿姨电话13912345678", text, textEnd, "", "", "", ""));
        rows.add(List.of(c, "", "", "NOBODY-9", "陪伴探访", "近期", "独居老人", "陪伴聊天", text, textEnd, "", "", "", ""));
        byte[] file = NeedLists.xlsx(ZH, rows);

        Http.Response upload = http().upload("/imports", "梨园需求清单.xlsx", file);
        assertThat(upload.status()).as(upload.text()).isEqualTo(202);
        String id = upload.json().get("id").asText();
        assertThat(upload.json().get("total").asInt()).isEqualTo(7);
        JsonNode job = awaitCompleted(id);

        assertThat(job.get("processed").asInt()).isEqualTo(7);
        assertThat(job.get("published").asInt()).isEqualTo(2);
        assertThat(job.get("rejected").asInt()).isEqualTo(5);
        assertThat(job.get("lastRowDone").asInt()).isEqualTo(9);
        List<String> report = new ArrayList<>();
        http().get("/imports/" + id + "/rejections")
                .json()
                .forEach(p ->
                        report.add(p.get("row").asInt() + " " + p.get("column").asText()));
        assertThat(report).containsExactly("4 社区", "5 类别", "5 数量", "6 结束时间", "8 需求描述", "9 居民编号");
        JsonNode rejections = http().get("/imports/" + id + "/rejections").json();
        assertThat(rejections.get(2).get("reason").asText()).contains("between 1 and");
        assertThat(rejections.toString()).doesNotContain("13912345678", "修飞机");
        assertThat(http().get("/imports/" + id + "/rejections.csv").text()).contains("行 row", "社区");

        List<JsonNode> published = new ArrayList<>();
        http().get("/needs?importJobId=" + id).json().forEach(published::add);
        assertThat(published).extracting(n -> n.get("importRow").asInt()).containsExactly(2, 3);
        JsonNode milk = published.get(0);
        assertThat(milk.get("residentRef").asText())
                .isEqualTo(resident.get("residentRef").asText());
        NeedPublished event = (NeedPublished)
                events(Aggregate.NEED, milk.get("id").asText(), 1).get(0);
        assertThat(event.getDetails().getSource()).isEqualTo(NeedSource.NEED_LIST);
        assertThat(event.getDetails().getCategory()).isEqualTo(Category.DAILY_GOODS);
        assertThat(event.getDetails().getUrgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(event.getDetails().getBeneficiaryGroup()).isEqualTo(BeneficiaryGroup.ELDERLY_ALONE);
        assertThat(event.getDetails().getTitle()).isEqualTo("每周配送牛奶两箱");
        assertThat(event.getDetails().getQuantity()).isEqualTo(new Quantity(2, QuantityUnit.BOX));
        assertThat(event.getDetails().getResidentRef())
                .isEqualTo(UUID.fromString(resident.get("residentRef").asText()));
        assertThat(event.getDetails().getPlace().getGridId()).isNotNull();
        assertThat(event.getDetails().getTimeWindow().getStart())
                .isEqualTo(start.atZone(SHANGHAI).toInstant());
        assertThat(event.getDetails().getTimeWindow().getEnd())
                .isEqualTo(start.plusHours(3).atZone(SHANGHAI).toInstant());
        assertThat(event.getStationId()).isEqualTo(place.station());
        NeedPublished repair = (NeedPublished)
                events(Aggregate.NEED, published.get(1).get("id").asText(), 1).get(0);
        assertThat(repair.getDetails().getRequiredSkills()).containsExactly(Skill.HOME_REPAIR, Skill.ELECTRICAL);
        assertThat(repair.getStationId()).isEqualTo(place.station()); // the only station serving the community

        // The same file again, even under another name: the same import, nothing published twice.
        Http.Response again = http().upload("/imports", "copy of 需求清单.xlsx", file);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asText()).isEqualTo(id);
        assertThat(again.json().get("state").asText()).isEqualTo("COMPLETED");
        String marker = publishNeed(need(place)).get("id").asText();
        events(Aggregate.NEED, marker, 1);
        Set<String> ids = published.stream().map(n -> n.get("id").asText()).collect(Collectors.toSet());
        assertThat(records(Aggregate.NEED, ids, kept -> kept.size() >= 2)).hasSize(2);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM need WHERE import_job_id = ?", Integer.class, UUID.fromString(id)))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM import_job WHERE sha256 = ?",
                        Integer.class,
                        upload.json().get("sha256").asText()))
                .isEqualTo(1);
    }

    @Test
    void anEnglishCsvSavedByExcelInGb18030IsImportedToo() {
        Place place = communityWithStation();
        Instant start = daysAhead(5);
        List<String> en = List.of(
                "Community",
                "Category",
                "Urgency",
                "Beneficiary group",
                "Title",
                "Start",
                "End",
                "Quantity",
                "Unit",
                "Languages",
                "Source",
                "Beneficiary count",
                "Estimated minutes");
        List<List<Object>> rows = List.of(
                List.of(
                        place.communityName(),
                        "escort",
                        "URGENT",
                        "foreign resident",
                        "Escort to hospital with interpreting",
                        start.toString(),
                        start.plus(4, ChronoUnit.HOURS).toString(),
                        "",
                        "",
                        "en, ja",
                        "visit",
                        "1",
                        "240"),
                List.of(
                        place.communityName(),
                        "anti fraud",
                        "routine",
                        "all residents",
                        "反诈宣传讲座 anti-fraud talk",
                        "2099-01-01",
                        "2099-01-01",
                        "",
                        "",
                        "",
                        "",
                        "60",
                        ""));
        byte[] file = NeedLists.csv(en, rows, Charset.forName("GB18030"));

        Http.Response upload = http().upload("/imports", "needs.csv", file);
        assertThat(upload.status()).as(upload.text()).isEqualTo(202);
        JsonNode job = awaitCompleted(upload.json().get("id").asText());
        assertThat(job.get("published").asInt())
                .as(http().get("/imports/" + job.get("id").asText() + "/rejections")
                        .text())
                .isEqualTo(2);
        assertThat(job.get("format").asText()).isEqualTo("CSV");

        List<JsonNode> needs = new ArrayList<>();
        http().get("/needs?importJobId=" + job.get("id").asText()).json().forEach(needs::add);
        NeedPublished escort = (NeedPublished)
                events(Aggregate.NEED, needs.get(0).get("id").asText(), 1).get(0);
        assertThat(escort.getDetails().getCategory()).isEqualTo(Category.ESCORT);
        assertThat(escort.getDetails().getSource()).isEqualTo(NeedSource.VISIT);
        assertThat(escort.getDetails().getRequiredLanguages()).containsExactly("en", "ja");
        assertThat(escort.getDetails().getEstimatedMinutes()).isEqualTo(240);
        assertThat(escort.getDetails().getTimeWindow().getStart()).isEqualTo(start);
        NeedPublished talk = (NeedPublished)
                events(Aggregate.NEED, needs.get(1).get("id").asText(), 1).get(0);
        assertThat(talk.getDetails().getBeneficiaryCount()).isEqualTo(60);
        assertThat(talk.getDetails().getTimeWindow().getStart()).isEqualTo(Instant.parse("2098-12-31T16:00:00Z"));
        assertThat(talk.getDetails().getTimeWindow().getEnd())
                .isEqualTo(Instant.parse("2099-01-01T16:00:00Z")); // a whole day
    }

    @Test
    void templatesInChineseAndEnglishCarryEveryColumnAndImportAsTheyAre() {
        SpreadsheetReader reader = new SpreadsheetReader(100);
        Http.Response zh = http().get("/imports/templates/zh");
        assertThat(zh.status()).isEqualTo(200);
        assertThat(zh.contentType()).contains("spreadsheetml");
        SpreadsheetReader.Sheet zhSheet = reader.read(zh.bytes(), SpreadsheetReader.Format.XLSX);
        assertThat(zhSheet.headers()).startsWith("社区", "站点", "网格", "居民编号");
        assertThat(NeedRowParser.layout(zhSheet.headers()).index()).hasSize(ImportColumn.values().length);
        assertThat(zhSheet.rows()).hasSize(2);

        Http.Response en = http().get("/imports/templates/en?format=csv");
        assertThat(en.status()).isEqualTo(200);
        SpreadsheetReader.Sheet enSheet = reader.read(en.bytes(), SpreadsheetReader.Format.CSV);
        assertThat(enSheet.headers()).startsWith("community", "station", "grid", "resident number");
        assertThat(NeedRowParser.layout(enSheet.headers()).language()).isEqualTo(ImportColumn.Language.en);

        Http.Response french = http().get("/imports/templates/fr");
        assertThat(french.status()).isEqualTo(400);
        assertThat(french.problemField()).isEqualTo("language");

        // The examples name a community this hub does not know: imported, and reported against 社区.
        Http.Response upload = http().upload("/imports", "template.xlsx", zh.bytes());
        assertThat(upload.status()).isEqualTo(202);
        JsonNode job = awaitCompleted(upload.json().get("id").asText());
        assertThat(job.get("rejected").asInt()).isEqualTo(2);
        assertThat(http().get("/imports/" + job.get("id").asText() + "/rejections")
                        .json())
                .extracting(p -> p.get("column").asText())
                .contains("社区");
    }

    @Test
    void unsafeOrUnreadableFilesAreRefusedWholeWithA4xxNamingTheFile() {
        Place place = communityWithStation();
        Instant start = daysAhead(3);
        List<Object> good = List.of(
                place.communityName(),
                "",
                "",
                "",
                "上门维修",
                "立即",
                "高龄老人",
                "门锁",
                start.toString(),
                start.plus(1, ChronoUnit.HOURS).toString(),
                "",
                "",
                "",
                "");
        int jobsBefore = jdbc.queryForObject("SELECT count(*) FROM import_job", Integer.class);

        List<Object> withFormula = new ArrayList<>(good);
        withFormula.set(10, new NeedLists.Formula("1+1"));
        assertRefused(
                http().upload("/imports", "f.xlsx", NeedLists.xlsx(ZH, List.of(good, withFormula))), 400, "formula");
        assertRefused(
                http().upload(
                                "/imports",
                                "f.csv",
                                ("社区,类别,紧急程度,服务对象,标题,开始时间,结束时间\r\n" + place.communityName()
                                                + ",上门维修,立即,高龄老人,=1+1,2099-01-01,2099-01-02\r\n")
                                        .getBytes(StandardCharsets.UTF_8)),
                400,
                "formula");
        assertRefused(
                http().upload("/imports", "bomb.xlsx", NeedLists.zipBomb(NeedLists.xlsx(ZH, List.of(good)), 20)),
                413,
                "zip bomb");
        byte[] huge = new byte[10 * 1024 * 1024 + 1024];
        Arrays.fill(huge, (byte) 'a');
        assertRefused(http().upload("/imports", "huge.csv", huge), 413, "");
        assertRefused(
                http().upload("/imports", "old.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0
                }),
                415,
                ".xlsx");
        assertRefused(
                http().upload("/imports", "short.csv", "社区,类别,标题\r\n大稿村,维修,门锁\r\n".getBytes(StandardCharsets.UTF_8)),
                400,
                "紧急程度");
        assertRefused(http().upload("/imports", "empty.csv", new byte[0]), 400, "");
        assertRefused(
                http().upload("/imports", "header.csv", String.join(",", ZH).getBytes(StandardCharsets.UTF_8)),
                400,
                "no rows");
        assertRefused(
                http().upload(
                                "/imports",
                                "broken.xlsx",
                                "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1)),
                400,
                "xlsx");
        Http.Response anonymous =
                http().anonymous().upload("/imports", "needs.xlsx", NeedLists.xlsx(ZH, List.of(good)));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.problemField()).isEqualTo("Authorization");
        Http.Response json = http().post("/imports", "{}");
        assertThat(json.status()).isBetween(400, 415);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM import_job", Integer.class))
                .isEqualTo(jobsBefore);
    }

    @Test
    void tenThousandRowsAreImportedWithProgressReported() {
        Place place = communityWithStation();
        Instant base = daysAhead(6);
        List<List<Object>> rows = new ArrayList<>(10_000);
        for (int i = 0; i < 10_000; i++) {
            Instant start = base.plus(i % 240, ChronoUnit.MINUTES);
            boolean bad = i % 100 == 99;
            rows.add(List.of(
                    place.communityName(),
                    "",
                    "",
                    "",
                    bad ? "不知道" : "陪伴探访",
                    "常规",
                    "独居老人",
                    "电话探访 call " + i,
                    start.toString(),
                    start.plus(1, ChronoUnit.HOURS).toString(),
                    "",
                    "",
                    "",
                    ""));
        }
        byte[] file = NeedLists.xlsx(ZH, rows);
        long t0 = System.nanoTime();
        Http.Response upload = http().upload("/imports", "一万行需求清单.xlsx", file);
        assertThat(upload.status()).as(upload.text()).isEqualTo(202);
        String id = upload.json().get("id").asText();
        assertThat(upload.json().get("total").asInt()).isEqualTo(10_000);

        List<Integer> progress = new CopyOnWriteArrayList<>();
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    JsonNode job = http().get("/imports/" + id).json();
                    progress.add(job.get("processed").asInt());
                    return job.get("state").asText().equals("COMPLETED");
                });
        double seconds = (System.nanoTime() - t0) / 1e9;
        JsonNode job = http().get("/imports/" + id).json();
        assertThat(job.get("published").asInt()).isEqualTo(9_900);
        assertThat(job.get("rejected").asInt()).isEqualTo(100);
        assertThat(progress)
                .as("progress seen while importing")
                .anyMatch(p -> p > 0 && p < 10_000)
                .isSorted();

        Set<String> needIds = new HashSet<>(jdbc.queryForList(
                "SELECT id::text FROM need WHERE import_job_id = ?", String.class, UUID.fromString(id)));
        assertThat(needIds).hasSize(9_900);
        List<ConsumerRecord<String, byte[]>> onTopic = records(Aggregate.NEED, needIds, kept -> kept.size() >= 9_900);
        assertThat(onTopic).hasSize(9_900);
        assertThat(onTopic.stream().map(ConsumerRecord::key).collect(Collectors.toSet()))
                .isEqualTo(needIds);
        System.out.printf("10,000-row import: %.1f s from upload to completion%n", seconds);
    }

    private JsonNode awaitCompleted(String id) {
        await().atMost(WAIT)
                .until(() -> http().get("/imports/" + id)
                        .json()
                        .get("state")
                        .asText()
                        .equals("COMPLETED"));
        return http().get("/imports/" + id).json();
    }

    private static void assertRefused(Http.Response r, int status, String mentions) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.problemField()).isEqualTo("file");
        assertThat(r.json().get("detail").asText()).contains(mentions);
    }
}
