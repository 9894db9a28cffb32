package org.wushe.hub.community.needimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.NeedSource;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;

class NeedRowParserTest {

    static final List<String> ZH = List.of(
            "*社区", "站点", "服务类别", "紧急程度（必填）", "服务对象", "需求描述", "开始时间", "截止时间", "数量", "单位", "所需技能", "所需语言", "需求来源", "备注");

    static NeedRowParser.Parsed parse(List<String> headers, String... cells) {
        return NeedRowParser.parse(
                new SpreadsheetReader.SheetRow(2, Arrays.asList(cells)), NeedRowParser.layout(headers));
    }

    @Test
    void chineseHeadersAsStaffWriteThemAndChineseLabelsAreRead() {
        NeedRowParser.Parsed p = parse(
                ZH,
                "大稿村",
                "大稿村社工站",
                "生活物资",
                "常规",
                "独居老人",
                "每周配送牛奶两箱",
                "2026/12/1 9:00",
                "2026年12月1日 12时",
                "２",
                "箱",
                "",
                "",
                "微心愿",
                "腿脚不便");

        assertThat(p.problems()).isEmpty();
        NeedRowParser.RowInput in = p.input();
        assertThat(in.community()).isEqualTo("大稿村");
        assertThat(in.station()).isEqualTo("大稿村社工站");
        assertThat(in.category()).isEqualTo(Category.DAILY_GOODS);
        assertThat(in.urgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(in.beneficiaryGroup()).isEqualTo(BeneficiaryGroup.ELDERLY_ALONE);
        assertThat(in.source()).isEqualTo(NeedSource.MICRO_WISH);
        assertThat(in.start()).isEqualTo(Instant.parse("2026-12-01T01:00:00Z"));
        assertThat(in.end()).isEqualTo(Instant.parse("2026-12-01T04:00:00Z"));
        assertThat(in.quantity()).isEqualTo(2);
        assertThat(in.unit()).isEqualTo(QuantityUnit.BOX);
    }

    @Test
    void englishHeadersCodesAndEnglishWordsAreReadToo() {
        List<String> en = List.of(
                "Community",
                "Category",
                "Urgency",
                "Beneficiary Group",
                "Title",
                "Start",
                "End",
                "Skills",
                "Languages");
        NeedRowParser.Parsed p = parse(
                en,
                "Dagao",
                "home repair",
                "IMMEDIATE",
                "very_old",
                "Door lock",
                "2026-12-01T09:00",
                "2026-12-01",
                "home repair, ELECTRICAL",
                "英语、ja");

        assertThat(p.problems()).isEmpty();
        assertThat(p.input().category()).isEqualTo(Category.HOME_REPAIR);
        assertThat(p.input().beneficiaryGroup()).isEqualTo(BeneficiaryGroup.VERY_OLD);
        assertThat(p.input().skills()).containsExactly(Skill.HOME_REPAIR, Skill.ELECTRICAL);
        assertThat(p.input().languages()).containsExactly("en", "ja");
        assertThat(p.input().end()).isEqualTo(Instant.parse("2026-12-01T16:00:00Z")); // a date alone ends with the day
        assertThat(NeedRowParser.layout(en).language()).isEqualTo(ImportColumn.Language.en);
    }

    @Test
    void everyProblemOfARowIsReportedByTheColumnAsTheFileSpellsIt() {
        NeedRowParser.Parsed p = parse(
                ZH, "", "", "修飞机", "", "独居老人", "门锁", "明天上午", "2026-12-01", "2.5", "桶", "家居维修、杂耍", "Klingon!", "", "");

        assertThat(p.problems())
                .extracting(NeedRowParser.RowProblem::column)
                .containsExactlyInAnyOrder("*社区", "服务类别", "紧急程度（必填）", "开始时间", "数量", "单位", "所需技能", "所需语言");
        assertThat(p.problems()).allSatisfy(problem -> {
            assertThat(problem.row()).isEqualTo(2);
            assertThat(problem.reason()).doesNotContain("修飞机", "明天上午", "杂耍", "Klingon");
        });
    }

    @Test
    void aMissingRequiredColumnOrAColumnGivenTwiceRefusesTheFile() {
        assertThatThrownBy(() -> NeedRowParser.layout(List.of("社区", "类别", "标题")))
                .isInstanceOf(SpreadsheetRejected.class)
                .hasMessageContaining("紧急程度/urgency")
                .hasMessageContaining("服务对象/beneficiary group");
        assertThatThrownBy(
                        () -> NeedRowParser.layout(List.of("社区", "类别", "服务类别", "紧急程度", "服务对象", "标题", "开始时间", "结束时间")))
                .hasMessageContaining("类别")
                .hasMessageContaining("服务类别");
    }

    @Test
    void timesComeInTheShapesStaffWrite() {
        Instant nine = Instant.parse("2026-12-01T01:00:00Z");
        for (String t : List.of(
                "2026-12-01 09:00",
                "2026/12/1 9:00",
                "2026.12.1 9:00:00",
                "2026年12月1日 9:00",
                "2026年12月1日9时",
                "2026-12-01T09:00",
                "2026-12-01T09:00+08:00",
                "2026-12-01T01:00:00Z")) {
            assertThat(NeedRowParser.time(t, false)).as(t).contains(nine);
        }
        assertThat(NeedRowParser.time("2026-12-01", false)).contains(Instant.parse("2026-11-30T16:00:00Z"));
        assertThat(NeedRowParser.time("2026-02-30 09:00", false)).isEmpty();
        assertThat(NeedRowParser.time("下周一", false)).isEmpty();
    }

    @Test
    void headersAndLabelsAreMatchedLeniently() {
        assertThat(ImportColumn.forHeader(" 预计时长（分钟） ")).contains(ImportColumn.MINUTES);
        assertThat(ImportColumn.forHeader("类别(必填)")).contains(ImportColumn.CATEGORY);
        assertThat(ImportColumn.forHeader("Resident No.")).contains(ImportColumn.RESIDENT_NUMBER);
        assertThat(ImportColumn.forHeader("备注")).isEmpty();
        assertThat(ImportColumn.forField("quantity")).contains(ImportColumn.QUANTITY);
        assertThat(ImportColumn.forField("requiredSkills[1]")).contains(ImportColumn.SKILLS);
        assertThat(Labels.UNIT.parse("公斤")).contains(QuantityUnit.KILOGRAM);
        assertThat(Labels.BENEFICIARY_GROUP.parse("低保")).contains(BeneficiaryGroup.LOW_INCOME_FAMILY);
        assertThat(Labels.CATEGORY.parse("UNKNOWN")).isEmpty();
    }
}
