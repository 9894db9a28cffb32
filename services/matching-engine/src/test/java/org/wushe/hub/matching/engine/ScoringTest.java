package org.wushe.hub.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.wushe.hub.matching.engine.Fixtures.CENTRE;
import static org.wushe.hub.matching.engine.Fixtures.CLOCK;
import static org.wushe.hub.matching.engine.Fixtures.engine;
import static org.wushe.hub.matching.engine.Fixtures.id;
import static org.wushe.hub.matching.engine.Fixtures.need;
import static org.wushe.hub.matching.engine.Fixtures.now;
import static org.wushe.hub.matching.engine.Fixtures.offer;
import static org.wushe.hub.matching.engine.Fixtures.offset;
import static org.wushe.hub.matching.engine.Fixtures.volunteer;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;

class ScoringTest {

    private static final List<String> COMPONENTS =
            List.of("skill", "distance", "time", "urgency", "priority", "expiry", "fairness");

    @Test
    void aScoreIsTheWeightedSumOfItsExplainedComponents() {
        MatchEngine engine = engine();
        engine.putVolunteer(volunteer("electrician", Skill.ELECTRICAL)
                .at(offset(CENTRE, 1.2, 0))
                .build());
        engine.putOffer(offer("rice", OfferKind.GOODS, Category.DAILY_GOODS)
                .unit(QuantityUnit.BAG)
                .expiry(LocalDate.of(2025, 6, 14))
                .at(offset(CENTRE, 0, 2.5))
                .build());

        Proposal repair = only(engine.match(need("door", Category.HOME_REPAIR).build(), 5, Set.of()));
        Proposal goods = only(engine.match(
                need("rice-wish", Category.DAILY_GOODS)
                        .quantity(2, QuantityUnit.BAG)
                        .build(),
                5,
                Set.of()));

        for (Proposal p : List.of(repair, goods)) {
            assertThat(p.explanation()).extracting(ScoreComponent::component).containsExactlyElementsOf(COMPONENTS);
            assertThat(p.explanation().stream()
                            .mapToDouble(ScoreComponent::weight)
                            .sum())
                    .isCloseTo(1.0, within(1e-12));
            assertThat(p.explanation()).allSatisfy(c -> {
                assertThat(c.value()).isBetween(0.0, 1.0);
                assertThat(c.textZh()).isNotBlank().containsPattern("\\p{IsHan}");
                assertThat(c.textEn()).isNotBlank().doesNotContainPattern("\\p{IsHan}");
            });
            assertThat(p.score())
                    .isCloseTo(
                            p.explanation().stream()
                                    .mapToDouble(ScoreComponent::contribution)
                                    .sum(),
                            within(1e-12));
        }

        assertThat(repair.component("distance").value()).isCloseTo(1 - 1.2 / 5, within(0.01));
        assertThat(repair.component("distance").textZh()).isEqualTo("志愿者住在约1.2公里外，步行约15分钟");
        assertThat(repair.component("distance").textEn())
                .isEqualTo("The volunteer lives about 1.2 km away, about 15 minutes on foot");
        assertThat(repair.component("skill").textZh()).isEqualTo("有电工技能，符合上门维修需求");
        assertThat(repair.component("skill").textEn()).isEqualTo("Has the ELECTRICAL skill the home repair needs");
        assertThat(repair.component("time").textZh()).isEqualTo("双方都有空：6月11日（周三）09:00–10:00");
        assertThat(repair.component("time").textEn()).isEqualTo("Both are free on Wed 11 Jun, 09:00–10:00");
        assertThat(repair.component("expiry").value()).isEqualTo(0.5);

        assertThat(goods.component("expiry").textZh()).isEqualTo("这批物资3天后过期，优先使用");
        assertThat(goods.component("expiry").textEn()).isEqualTo("These goods expire in 3 days, so they go first");
        assertThat(goods.component("skill").textZh()).isEqualTo("可提供全部所需的2袋");
        assertThat(goods.component("skill").textEn()).isEqualTo("Can give all 2 bags wanted");
        assertThat(goods.component("distance").textEn())
                .isEqualTo("The goods are stored about 2.5 km away, about 10 minutes by bike");
        assertThat(goods.allocation()).isEqualTo(Allocation.goods(2, QuantityUnit.BAG));
    }

    @Test
    void goodsExpiringSoonerGoFirst() {
        MatchEngine engine = engine();
        engine.putOffer(offer("eggs-late", OfferKind.GOODS, Category.DAILY_GOODS)
                .expiry(LocalDate.of(2025, 7, 1))
                .build());
        engine.putOffer(offer("eggs-soon", OfferKind.GOODS, Category.DAILY_GOODS)
                .expiry(LocalDate.of(2025, 6, 13))
                .build());
        engine.putOffer(
                offer("rice-keeps", OfferKind.GOODS, Category.DAILY_GOODS).build());

        MatchResult r = engine.match(
                need("eggs", Category.DAILY_GOODS).quantity(1, QuantityUnit.BOX).build(), 5, Set.of());

        assertThat(r.proposals())
                .extracting(p -> p.candidate().id())
                .containsExactly(id("eggs-soon"), id("eggs-late"), id("rice-keeps"));
        assertThat(r.proposals().get(0).component("expiry").value())
                .isGreaterThan(r.proposals().get(1).component("expiry").value());
        assertThat(r.proposals().get(2).component("expiry").textEn()).isEqualTo("These goods do not expire");
    }

    @Test
    void aFullFitOfGoodsScoresHigherThanAPartOfThem() {
        MatchEngine engine = engine();
        engine.putOffer(offer("five-boxes", OfferKind.GOODS, Category.DAILY_GOODS)
                .remaining(5)
                .unit(QuantityUnit.BOX)
                .build());
        engine.putOffer(offer("two-boxes", OfferKind.GOODS, Category.DAILY_GOODS)
                .remaining(2)
                .unit(QuantityUnit.BOX)
                .build());

        MatchResult r = engine.match(
                need("milk", Category.DAILY_GOODS).quantity(5, QuantityUnit.BOX).build(), 5, Set.of());

        assertThat(r.proposals())
                .extracting(p -> p.candidate().id())
                .containsExactly(id("five-boxes"), id("two-boxes"));
        Proposal partial = r.proposals().get(1);
        assertThat(partial.allocation().quantity()).isEqualTo(2);
        assertThat(partial.component("skill").value()).isCloseTo(0.4, within(1e-12));
        assertThat(partial.component("skill").textZh()).isEqualTo("库存只够所需5箱中的2箱");
        assertThat(partial.component("skill").textEn()).isEqualTo("Can give 2 of the 5 boxes wanted");
    }

    @Test
    void workIsSpreadOverVolunteersByTheirLoad() {
        MatchEngine engine = engine();
        engine.putVolunteer(volunteer("busy", Skill.ELDER_CARE).build());
        engine.putVolunteer(volunteer("idle", Skill.ELDER_CARE).build());
        engine.putVolunteer(volunteer("served-a-lot", Skill.ELDER_CARE).build());
        engine.hold(id("m1"), CandidateRef.volunteer(id("busy")), null);
        engine.hold(id("m2"), CandidateRef.volunteer(id("busy")), null);
        engine.recordCompleted(
                id("served-a-lot"), 300, now() - Duration.ofDays(2).toMillis());
        engine.recordCompleted(
                id("served-a-lot"), 600, now() - Duration.ofDays(9).toMillis());

        MatchResult r = engine.match(need("visit", Category.COMPANIONSHIP).build(), 5, Set.of());

        assertThat(r.proposals())
                .extracting(p -> p.candidate().id())
                .containsExactly(id("idle"), id("served-a-lot"), id("busy"));
        assertThat(r.proposals())
                .extracting(p -> p.component("fairness").value())
                .containsExactly(1.0, 0.75, 1 - 0.5 * 2 / 3.0);
        assertThat(r.proposals().get(1).component("fairness").textZh()).isEqualTo("目前有0个进行中的匹配，近7天服务5小时");
        assertThat(r.proposals().get(2).component("fairness").textEn())
                .isEqualTo("Has 2 active matches and served 0 hours in the last 7 days");
    }

    @Test
    void anyVolunteerCanKeepSomeoneCompanyAtALowerSkillValue() {
        MatchEngine engine = engine();
        engine.putVolunteer(volunteer("carer", Skill.ELDER_CARE).build());
        engine.putVolunteer(volunteer("anyone").build());
        engine.putVolunteer(volunteer("cook", Skill.COOKING).build());

        MatchResult visit = engine.match(need("visit", Category.COMPANIONSHIP).build(), 5, Set.of());
        MatchResult haircut = engine.match(need("haircut", Category.HAIRCUT).build(), 5, Set.of());

        assertThat(visit.proposals())
                .extracting(p -> p.candidate().id())
                .containsExactly(id("carer"), id("anyone"), id("cook"));
        assertThat(visit.proposals())
                .extracting(p -> p.component("skill").value())
                .containsExactly(1.0, 0.5, 0.5);
        assertThat(visit.proposals().get(1).component("skill").textEn())
                .isEqualTo("No specific skill; anyone can help with companionship");
        assertThat(haircut.proposals()).isEmpty();
    }

    @Test
    void priorityFollowsTheGroupAndOffersMeantForIt() {
        MatchEngine engine = engine();
        engine.putOffer(offer("for-children", OfferKind.FUND, Category.STUDY_SPACE)
                .groups(BeneficiaryGroup.CHILD_IN_HARDSHIP)
                .remaining(1_000_000)
                .build());
        engine.putOffer(offer("for-anyone", OfferKind.FUND, Category.STUDY_SPACE)
                .remaining(1_000_000)
                .build());

        MatchResult child = engine.match(
                need("desk", Category.STUDY_SPACE)
                        .group(BeneficiaryGroup.CHILD_IN_HARDSHIP)
                        .build(),
                5,
                Set.of());
        MatchResult newcomer = engine.match(
                need("desk-2", Category.STUDY_SPACE)
                        .group(BeneficiaryGroup.NEWCOMER)
                        .build(),
                5,
                Set.of());

        assertThat(child.proposals())
                .extracting(p -> p.candidate().id())
                .containsExactly(id("for-children"), id("for-anyone"));
        assertThat(child.proposals().get(0).component("priority").value()).isCloseTo(0.8 * 0.9 + 0.2, within(1e-12));
        assertThat(child.proposals().get(0).component("priority").textZh()).isEqualTo("服务对象是困境儿童，优先安排；这项资源专门面向困境儿童");
        assertThat(child.proposals().get(1).component("priority").value()).isCloseTo(0.8 * 0.9 + 0.1, within(1e-12));
        assertThat(newcomer.proposals()).extracting(p -> p.candidate().id()).containsExactly(id("for-anyone"));
        assertThat(newcomer.proposals().get(0).component("priority").value()).isCloseTo(0.8 * 0.5 + 0.1, within(1e-12));
        assertThat(child.proposals().get(0).allocation()).isEqualTo(Allocation.fund(50_000));
        assertThat(child.proposals().get(0).component("skill").textZh()).isEqualTo("可资助500.00元（每个需求的上限）");
    }

    @Test
    void urgencyRisesWithWaiting() {
        MatchEngine engine = engine();
        engine.putVolunteer(volunteer("fixer", Skill.HOME_REPAIR).build());

        double fresh = only(engine.match(
                        need("a", Category.HOME_REPAIR).urgency(Urgency.URGENT).build(), 1, Set.of()))
                .component("urgency")
                .value();
        Proposal waited = only(engine.match(
                need("b", Category.HOME_REPAIR)
                        .urgency(Urgency.URGENT)
                        .published(now() - Duration.ofHours(84).toMillis())
                        .build(),
                1,
                Set.of()));
        double routine = only(engine.match(
                        need("c", Category.HOME_REPAIR).urgency(Urgency.ROUTINE).build(), 1, Set.of()))
                .component("urgency")
                .value();

        assertThat(fresh).isEqualTo(0.8);
        assertThat(waited.component("urgency").value()).isCloseTo(0.8 + 0.2 * 0.5, within(1e-12));
        assertThat(waited.component("urgency").textZh()).isEqualTo("加急（一天内），已等待3天");
        assertThat(waited.component("urgency").textEn()).isEqualTo("Urgent (within a day), waiting for 3 days");
        assertThat(routine).isEqualTo(0.3);
    }

    @Test
    void weightsAreConfigurationAndDecideTheRanking() {
        List<VolunteerSpec> volunteers = List.of(
                volunteer("near-but-busy", Skill.ELDER_CARE)
                        .at(offset(CENTRE, 0.2, 0))
                        .build(),
                volunteer("far-but-idle", Skill.ELDER_CARE)
                        .at(offset(CENTRE, 4, 0))
                        .build());
        NeedSpec visit = need("visit", Category.COMPANIONSHIP).build();

        MatchWeights onlyDistance = new MatchWeights(0, 1, 0, 0, 0, 0, 0);
        MatchWeights onlyFairness = new MatchWeights(0, 0, 0, 0, 0, 0, 1);
        List<UUID> byDistance = ranking(MatchSettings.defaults().withWeights(onlyDistance), volunteers, visit);
        List<UUID> byFairness = ranking(MatchSettings.defaults().withWeights(onlyFairness), volunteers, visit);

        assertThat(byDistance).containsExactly(id("near-but-busy"), id("far-but-idle"));
        assertThat(byFairness).containsExactly(id("far-but-idle"), id("near-but-busy"));
    }

    @Test
    void weightsAreNormalisedToSumOne() {
        MatchWeights w = MatchSettings.defaults()
                .withWeights(new MatchWeights(2, 1, 1, 1, 1, 1, 1))
                .weights();
        assertThat(w.skill()).isEqualTo(0.25);
        assertThat(w.fairness()).isEqualTo(0.125);
        MatchWeights d = MatchWeights.defaults();
        assertThat(d.skill() + d.distance() + d.time() + d.urgency() + d.priority() + d.expiry() + d.fairness())
                .isCloseTo(1, within(1e-12));
        MatchWeights more = d.withDistance(0.45).withSkill(0.5).normalised();
        assertThat(more).isEqualTo(d.withSkill(0.5).withDistance(0.45).normalised());
        assertThat(more.distance()).isCloseTo(0.45 / 1.5, within(1e-12));
        assertThat(more.skill()).isCloseTo(0.5 / 1.5, within(1e-12));
        assertThat(more.time()).isCloseTo(0.15 / 1.5, within(1e-12));
        assertThatThrownBy(() -> new MatchWeights(0, 0, 0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MatchWeights(-1, 1, 1, 1, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<UUID> ranking(MatchSettings settings, List<VolunteerSpec> volunteers, NeedSpec need) {
        MatchEngine engine = new MatchEngine(settings.withMinScore(0), CLOCK);
        volunteers.forEach(engine::putVolunteer);
        engine.hold(id("m1"), CandidateRef.volunteer(id("near-but-busy")), null);
        engine.hold(id("m2"), CandidateRef.volunteer(id("near-but-busy")), null);
        return engine.match(need, 5, Set.of()).proposals().stream()
                .map(p -> p.candidate().id())
                .toList();
    }

    static Proposal only(MatchResult r) {
        assertThat(r.proposals()).as("proposals, reason: %s", r.reasonEn()).hasSize(1);
        return r.proposals().get(0);
    }
}
