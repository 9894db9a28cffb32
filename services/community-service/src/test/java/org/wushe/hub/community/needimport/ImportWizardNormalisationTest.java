package org.wushe.hub.community.needimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Urgency;

/** The wizard's pure parts: headers as clerks write them, values as people type them, the automatic mapping and the plan of a draft. */
class ImportWizardNormalisationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @Test
    void headersClerksWriteAreMatchedIgnoringSpacesMarksBracketsAndCase() {
        Map<String, ImportColumn> expected = Map.ofEntries(
                Map.entry("需求名称（必填）", ImportColumn.TITLE),
                Map.entry("事项", ImportColumn.TITLE),
                Map.entry("需求内容", ImportColumn.TITLE),
                Map.entry("需求标题*", ImportColumn.TITLE),
                Map.entry("【必填】需求名称", ImportColumn.TITLE),
                Map.entry("紧急度", ImportColumn.URGENCY),
                Map.entry("急缓", ImportColumn.URGENCY),
                Map.entry("优先级", ImportColumn.URGENCY),
                Map.entry("紧急程度(必填)", ImportColumn.URGENCY),
                Map.entry("Priority", ImportColumn.URGENCY),
                Map.entry("类 别", ImportColumn.CATEGORY),
                Map.entry("需求类型", ImportColumn.CATEGORY),
                Map.entry("分类", ImportColumn.CATEGORY),
                Map.entry("数量", ImportColumn.QUANTITY),
                Map.entry("需求数量（箱）", ImportColumn.QUANTITY),
                Map.entry("单位", ImportColumn.UNIT),
                Map.entry("截止日期", ImportColumn.END),
                Map.entry("截止时间（选填）", ImportColumn.END),
                Map.entry("完成时限", ImportColumn.END),
                Map.entry("期限", ImportColumn.END),
                Map.entry("DEADLINE", ImportColumn.END),
                Map.entry("受益群体", ImportColumn.BENEFICIARY_GROUP),
                Map.entry("服务对象类型", ImportColumn.BENEFICIARY_GROUP),
                Map.entry("服务对象", ImportColumn.BENEFICIARY_GROUP),
                Map.entry("网格", ImportColumn.GRID),
                Map.entry("所属网格", ImportColumn.GRID),
                Map.entry("社区", ImportColumn.COMMUNITY),
                Map.entry("所属社区", ImportColumn.COMMUNITY),
                Map.entry("站点", ImportColumn.STATION),
                Map.entry("居民", ImportColumn.RESIDENT_NUMBER),
                Map.entry("居民编号(选填)", ImportColumn.RESIDENT_NUMBER),
                Map.entry(" 预计时长（分钟） ", ImportColumn.MINUTES),
                Map.entry("Required Skills", ImportColumn.SKILLS),
                Map.entry("开始时间(非必填)", ImportColumn.START));
        expected.forEach((header, column) ->
                assertThat(ImportColumn.forHeader(header)).as(header).contains(column));
        assertThat(ImportColumn.forHeader("备注")).isEmpty();
        assertThat(ImportColumn.forHeader("（选填）")).isEmpty();
        assertThat(ImportColumn.forHeader("")).isEmpty();
    }

    @Test
    void noHeaderWordMeansTwoFields() {
        Set<String> seen = new HashSet<>();
        for (ImportColumn c : ImportColumn.values()) {
            for (String word : List.of(c.header(ImportColumn.Language.zh), c.header(ImportColumn.Language.en))) {
                assertThat(seen.add(ImportColumn.key(word))).as(word).isTrue();
                assertThat(ImportColumn.forHeader(word)).as(word).contains(c);
            }
        }
        assertThat(ImportColumn.forFieldName("quantity")).contains(ImportColumn.QUANTITY);
        assertThat(ImportColumn.forFieldName("quantity.unit")).contains(ImportColumn.UNIT);
        assertThat(ImportColumn.forFieldName("TITLE")).contains(ImportColumn.TITLE);
        assertThat(ImportColumn.forFieldName("title ")).contains(ImportColumn.TITLE);
        assertThat(ImportColumn.forFieldName("colour")).isEmpty();
    }

    @Test
    void urgencyWordsClerksUse() {
        Map<String, Urgency> expected = Map.ofEntries(
                Map.entry("高", Urgency.URGENT),
                Map.entry("中", Urgency.SOON),
                Map.entry("低", Urgency.ROUTINE),
                Map.entry("紧急", Urgency.URGENT),
                Map.entry("特急", Urgency.IMMEDIATE),
                Map.entry("一般", Urgency.ROUTINE),
                Map.entry("不急", Urgency.ROUTINE),
                Map.entry("急", Urgency.URGENT),
                Map.entry("加急", Urgency.URGENT),
                Map.entry("IMMEDIATE", Urgency.IMMEDIATE),
                Map.entry("routine", Urgency.ROUTINE),
                Map.entry(" 紧 急 ", Urgency.URGENT));
        expected.forEach((word, urgency) ->
                assertThat(Labels.URGENCY.parse(word)).as(word).contains(urgency));
        assertThat(Labels.URGENCY.parse("明天")).isEmpty();
    }

    @Test
    void datesInEveryCommonShape() {
        Instant dec5 = LocalDate.of(2026, 12, 5).atStartOfDay(SHANGHAI).toInstant();
        for (String t : List.of(
                "2026-12-05",
                "2026/12/5",
                "2026.12.5",
                "2026年12月5日",
                "2026年12月5号",
                "12月5日",
                "20261205",
                "46361",
                "２０２６／１２／５",
                "２０２６年１２月５日",
                "2026．12．5",
                "2026 年 12 月 5 日")) {
            assertThat(Values.time(t, false, TODAY)).as(t).contains(dec5);
        }
        Instant endOfDec5 = LocalDate.of(2026, 12, 6).atStartOfDay(SHANGHAI).toInstant();
        assertThat(Values.time("2026年12月5日", true, TODAY)).contains(endOfDec5);
        assertThat(Values.time("12月5日前", true, TODAY)).contains(endOfDec5);
        Instant nineThirty =
                LocalDateTime.of(2026, 12, 5, 9, 30).atZone(SHANGHAI).toInstant();
        for (String t : List.of(
                "2026-12-05 09:30",
                "2026/12/5 9:30",
                "2026年12月5日 9时30分",
                "2026年12月5日9点半",
                "12月5日 9:30",
                "20261205 09:30",
                "46361.3958333333",
                "2026-12-05T09:30",
                "2026-12-05T09:30:00+08:00")) {
            assertThat(Values.time(t, false, TODAY)).as(t).contains(nineThirty);
        }
        assertThat(Values.time("2026年12月5日 下午3点", false, TODAY))
                .contains(LocalDateTime.of(2026, 12, 5, 15, 0).atZone(SHANGHAI).toInstant());
        // A month and day without a year: this year's, or next year's once it has passed.
        assertThat(Values.time("1月10日", false, TODAY))
                .contains(LocalDate.of(2027, 1, 10).atStartOfDay(SHANGHAI).toInstant());
        assertThat(Values.time("12月4日", false, TODAY))
                .contains(LocalDate.of(2026, 12, 4).atStartOfDay(SHANGHAI).toInstant());
        for (String bad : List.of("2026-02-30", "下周一", "12345", "2026-12-05 25:00", "尽快", "")) {
            assertThat(Values.time(bad, false, TODAY)).as(bad).isEmpty();
        }
    }

    @Test
    void quantitiesWithAndWithoutTheirUnitAndWholeNumbers() {
        assertThat(Values.numberWithWord("3箱")).contains(new Values.Quantity(new java.math.BigDecimal("3"), "箱"));
        assertThat(Values.numberWithWord("５ 份")).contains(new Values.Quantity(new java.math.BigDecimal("5"), "份"));
        assertThat(Values.numberWithWord("2.0").orElseThrow().unitText()).isNull();
        assertThat(Values.wholeNumber("2.0")).contains(2);
        assertThat(Values.wholeNumber("１，２００")).contains(1200);
        assertThat(Values.wholeNumber("60分钟")).contains(60);
        assertThat(Values.wholeNumber("2.5")).isEmpty();
        assertThat(Values.wholeNumber("几个")).isEmpty();
        assertThat(Values.defaultUnit(Category.MEAL_ASSISTANCE)).isEqualTo(QuantityUnit.PORTION);
        assertThat(Values.defaultUnit(Category.DAILY_GOODS)).isEqualTo(QuantityUnit.PIECE);
    }

    @Test
    void aClerksRowIsReadLenientlyInTheWizard() {
        List<String> headers = List.of("需求名称（必填）", "紧急度", "类 别", "数量", "截止时间（选填）", "服务对象");
        Map<Integer, ImportDraft.Column> columns = DraftPlan.autoMap(headers, Map.of());
        DraftPlan.Plan plan = DraftPlan.of(
                headers,
                List.of(
                        new SpreadsheetReader.SheetRow(2, List.of("每周送牛奶", "紧急", "生活物资", "３", "2099年12月20日", "独居老人")),
                        new SpreadsheetReader.SheetRow(3, List.of("送餐", "一般", "助餐", "５ 份", "2099/12/5", "高龄老人")),
                        new SpreadsheetReader.SheetRow(4, List.of("门锁", "高", "上门维修", "3桶", "2099/12/5", "高龄老人"))),
                columns,
                Map.of());
        Instant now = Instant.parse("2099-11-01T02:00:00Z");
        NeedRowParser.Options wizard = ImportDraftService.options(UUID.randomUUID(), now);

        NeedRowParser.Parsed milk = NeedRowParser.parse(plan.rows().get(0), plan.layout(), wizard);
        assertThat(milk.problems()).isEmpty();
        assertThat(milk.input().urgency()).isEqualTo(Urgency.URGENT);
        assertThat(milk.input().quantity()).isEqualTo(3);
        assertThat(milk.input().unit()).isEqualTo(QuantityUnit.PIECE);
        assertThat(milk.input().start()).isEqualTo(now);
        assertThat(milk.input().end())
                .isEqualTo(LocalDate.of(2099, 12, 21).atStartOfDay(SHANGHAI).toInstant());
        assertThat(milk.input().community()).isNull();
        NeedRowParser.Parsed meals = NeedRowParser.parse(plan.rows().get(1), plan.layout(), wizard);
        assertThat(meals.problems()).isEmpty();
        assertThat(meals.input().unit()).isEqualTo(QuantityUnit.PORTION);
        assertThat(meals.input().quantity()).isEqualTo(5);
        NeedRowParser.Parsed bucket = NeedRowParser.parse(plan.rows().get(2), plan.layout(), wizard);
        assertThat(bucket.problems())
                .extracting(NeedRowParser.RowProblem::column)
                .containsExactly("数量");
        assertThat(bucket.problems().get(0).reason()).doesNotContain("桶");

        // The same row, strictly (the one-step upload): the community and the start are required.
        NeedRowParser.Parsed strict = NeedRowParser.parse(plan.rows().get(0), plan.layout());
        assertThat(strict.problems())
                .extracting(NeedRowParser.RowProblem::column)
                .contains("社区", "开始时间");
    }

    @Test
    void theCommunitysRememberedMappingComesFirstAndAFixIsReadLikeACell() {
        List<String> headers = List.of("要办的事", "紧急度", "分类", "备注", "服务对象", "期限");
        Map<Integer, ImportDraft.Column> auto = DraftPlan.autoMap(headers, Map.of());
        assertThat(auto).doesNotContainKey(0).doesNotContainKey(3);
        Map<Integer, ImportDraft.Column> remembered =
                DraftPlan.autoMap(headers, Map.of(ImportColumn.key("要办的事"), "title", ImportColumn.key("紧急度"), ""));
        assertThat(remembered.get(0))
                .isEqualTo(new ImportDraft.Column(ImportColumn.TITLE, ImportDraft.Source.REMEMBERED));
        assertThat(remembered).doesNotContainKey(1); // ignored on purpose
        assertThat(remembered.get(2))
                .isEqualTo(new ImportDraft.Column(ImportColumn.CATEGORY, ImportDraft.Source.SYNONYM));
        assertThat(DraftPlan.autoMap(List.of("标题", "需求名称"), Map.of()))
                .containsOnlyKeys(0); // a field goes to its first column

        DraftPlan.Plan plan = DraftPlan.of(
                headers,
                List.of(new SpreadsheetReader.SheetRow(2, Arrays.asList("修门", "急", "修飞机", "", "高龄老人", "2099-01-01"))),
                remembered,
                Map.of(2, Map.of(ImportColumn.CATEGORY, "上门维修", ImportColumn.URGENCY, "特急")));
        NeedRowParser.Parsed fixed = NeedRowParser.parse(
                plan.rows().get(0),
                plan.layout(),
                ImportDraftService.options(UUID.randomUUID(), Instant.parse("2098-12-01T00:00:00Z")));
        assertThat(fixed.problems()).isEmpty();
        assertThat(fixed.input().category()).isEqualTo(Category.HOME_REPAIR);
        assertThat(fixed.input().urgency()).isEqualTo(Urgency.IMMEDIATE); // a field no column fills, fixed in place
        assertThat(DraftPlan.required(true))
                .containsExactly(
                        ImportColumn.CATEGORY,
                        ImportColumn.URGENCY,
                        ImportColumn.BENEFICIARY_GROUP,
                        ImportColumn.TITLE,
                        ImportColumn.END);
        assertThat(DraftPlan.required(false)).contains(ImportColumn.COMMUNITY);
    }

    @Test
    void csvCellsThatWouldRunAsFormulasAreNeutralised() {
        for (String s : List.of("=1+1", "+1", "-紧急度", "@SUM", "\tx", "\rx")) {
            assertThat(ImportController.cell(s)).isEqualTo("'" + s);
        }
        assertThat(ImportController.cell("紧急度")).isEqualTo("紧急度");
        assertThat(ImportController.cell("")).isEmpty();
    }
}
