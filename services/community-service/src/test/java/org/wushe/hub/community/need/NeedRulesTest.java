package org.wushe.hub.community.need;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.NeedSource;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;

class NeedRulesTest {

    static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");
    static final Instant START = NOW.plus(2, ChronoUnit.DAYS);

    static NeedDraft draft(
            NeedSource source,
            Category category,
            Integer amount,
            QuantityUnit unit,
            Instant start,
            Instant end,
            UUID resident,
            Integer count,
            String title) {
        return new NeedDraft(
                UUID.randomUUID(),
                UUID.randomUUID(),
                null,
                resident,
                source,
                category,
                Urgency.SOON,
                BeneficiaryGroup.ELDERLY_ALONE,
                count,
                title,
                null,
                start,
                end,
                amount,
                unit,
                List.of(Skill.HOME_REPAIR),
                List.of("en"),
                30);
    }

    static NeedDraft good() {
        return draft(
                null, Category.HOME_REPAIR, null, null, START, START.plus(1, ChronoUnit.HOURS), null, null, "门锁损坏需维修");
    }

    static List<String> fields(NeedDraft d) {
        return NeedRules.check(d, NOW).stream().map(Violation::field).toList();
    }

    @Test
    void aGoodNeedPassesAndDefaultsToANeedListOfOnePerson() {
        assertThat(NeedRules.check(good(), NOW)).isEmpty();
        assertThat(good().source()).isEqualTo(NeedSource.NEED_LIST);
        assertThat(good().beneficiaryCount()).isEqualTo(1);
    }

    @Test
    void theWindowMustEndAfterItStartsAndInTheFuture() {
        assertThat(fields(draft(null, Category.HOME_REPAIR, null, null, START, START, null, null, "t")))
                .containsExactly("end");
        assertThat(fields(draft(null, Category.HOME_REPAIR, null, null, START, START.minusSeconds(1), null, null, "t")))
                .containsExactly("end");
        assertThat(fields(draft(
                        null,
                        Category.HOME_REPAIR,
                        null,
                        null,
                        NOW.minus(2, ChronoUnit.HOURS),
                        NOW.minusSeconds(1),
                        null,
                        null,
                        "t")))
                .containsExactly("end");
        assertThat(fields(draft(
                        null,
                        Category.HOME_REPAIR,
                        null,
                        null,
                        START,
                        START.plus(400, ChronoUnit.DAYS),
                        null,
                        null,
                        "t")))
                .containsExactly("end");
        assertThat(fields(draft(null, Category.HOME_REPAIR, null, null, null, null, null, null, "t")))
                .containsExactly("start", "end");
    }

    @Test
    void goodsNeedAWholePositiveQuantityWithAUnit() {
        assertThat(fields(
                        draft(null, Category.DAILY_GOODS, null, null, START, START.plusSeconds(60), null, null, "牛奶")))
                .containsExactly("quantity");
        assertThat(fields(draft(
                        null,
                        Category.DAILY_GOODS,
                        -3,
                        QuantityUnit.BOX,
                        START,
                        START.plusSeconds(60),
                        null,
                        null,
                        "牛奶")))
                .containsExactly("quantity.amount");
        assertThat(fields(draft(null, Category.DAILY_GOODS, 2, null, START, START.plusSeconds(60), null, null, "牛奶")))
                .containsExactly("quantity.unit");
        assertThat(fields(draft(
                        null,
                        Category.DAILY_GOODS,
                        null,
                        QuantityUnit.BOX,
                        START,
                        START.plusSeconds(60),
                        null,
                        null,
                        "牛奶")))
                .containsExactly("quantity.amount");
        assertThat(fields(draft(
                        null,
                        Category.DAILY_GOODS,
                        2,
                        QuantityUnit.BOX,
                        START,
                        START.plusSeconds(60),
                        null,
                        null,
                        "牛奶")))
                .isEmpty();
    }

    @Test
    void aMicroWishIsOnePersonsWish() {
        assertThat(fields(draft(
                        NeedSource.MICRO_WISH,
                        Category.STUDY_SPACE,
                        null,
                        null,
                        START,
                        START.plusSeconds(60),
                        null,
                        null,
                        "书桌")))
                .containsExactly("residentId");
        assertThat(fields(draft(
                        NeedSource.MICRO_WISH,
                        Category.STUDY_SPACE,
                        null,
                        null,
                        START,
                        START.plusSeconds(60),
                        UUID.randomUUID(),
                        3,
                        "书桌")))
                .containsExactly("beneficiaryCount");
        assertThat(fields(draft(
                        NeedSource.MICRO_WISH,
                        Category.STUDY_SPACE,
                        null,
                        null,
                        START,
                        START.plusSeconds(60),
                        UUID.randomUUID(),
                        1,
                        "书桌")))
                .isEmpty();
    }

    @Test
    void choicesMayNotBeUnknownAndTitlesMayNotCarryPersonalData() {
        assertThat(fields(draft(null, Category.UNKNOWN, null, null, START, START.plusSeconds(60), null, null, "t")))
                .containsExactly("category");
        assertThat(fields(draft(
                        null,
                        Category.HOME_REPAIR,
                        null,
                        null,
                        START,
                        START.plusSeconds(60),
                        null,
                        null,
                        "电话 13912345678")))
                .containsExactly("title");
        assertThat(fields(draft(
                        null,
                        Category.HOME_REPAIR,
                        null,
                        null,
                        START,
                        START.plusSeconds(60),
                        null,
                        null,
                        "x".repeat(101))))
                .containsExactly("title");
        assertThat(fields(draft(null, Category.HOME_REPAIR, null, null, START, START.plusSeconds(60), null, 0, "t")))
                .containsExactly("beneficiaryCount");
        NeedDraft twoSkills = new NeedDraft(
                UUID.randomUUID(),
                null,
                null,
                null,
                null,
                Category.HOME_REPAIR,
                Urgency.SOON,
                BeneficiaryGroup.DISABLED,
                1,
                "t",
                "wx4g0a",
                START,
                START.plusSeconds(60),
                null,
                null,
                List.of(Skill.HOME_REPAIR, Skill.HOME_REPAIR),
                List.of("EN"),
                0);
        assertThat(fields(twoSkills))
                .containsExactly("geohash", "requiredSkills", "requiredLanguages", "estimatedMinutes");
    }
}
