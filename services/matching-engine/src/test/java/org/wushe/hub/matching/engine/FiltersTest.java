package org.wushe.hub.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wushe.hub.matching.engine.Fixtures.CENTRE;
import static org.wushe.hub.matching.engine.Fixtures.CLOCK;
import static org.wushe.hub.matching.engine.Fixtures.engine;
import static org.wushe.hub.matching.engine.Fixtures.id;
import static org.wushe.hub.matching.engine.Fixtures.june;
import static org.wushe.hub.matching.engine.Fixtures.need;
import static org.wushe.hub.matching.engine.Fixtures.now;
import static org.wushe.hub.matching.engine.Fixtures.offer;
import static org.wushe.hub.matching.engine.Fixtures.offset;
import static org.wushe.hub.matching.engine.Fixtures.volunteer;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Skill;

class FiltersTest {

    @Test
    void requiredSkillsMustAllBeThere() {
        MatchEngine engine = engine();
        engine.putVolunteer(volunteer("electrician", Skill.ELECTRICAL).build());
        engine.putVolunteer(volunteer("both", Skill.ELECTRICAL, Skill.PLUMBING).build());
        engine.putVolunteer(volunteer("plumber", Skill.PLUMBING).build());

        MatchResult r = engine.match(
                need("boiler", Category.HOME_REPAIR)
                        .requires(Skill.ELECTRICAL, Skill.PLUMBING)
                        .build(),
                5,
                Set.of());

        assertThat(ids(r)).containsExactly(id("both"));
        assertThat(r.proposals().get(0).component("skill").textEn())
                .isEqualTo("Has the ELECTRICAL, PLUMBING skills the home repair needs");
    }

    @Test
    void withoutRequiredSkillsTheCategoryTableDecides() {
        MatchEngine engine = engine();
        engine.putVolunteer(volunteer("barber", Skill.HAIRDRESSING).build());
        engine.putVolunteer(volunteer("cook", Skill.COOKING).build());
        engine.putVolunteer(volunteer("gas", Skill.GAS_SAFETY).build());

        assertThat(ids(engine.match(need("haircut", Category.HAIRCUT).build(), 5, Set.of())))
                .containsExactly(id("barber"));
        assertThat(ids(engine.match(need("pipes", Category.SAFETY_CHECK).build(), 5, Set.of())))
                .containsExactly(id("gas"));
        assertThat(ids(engine.match(need("meals", Category.MEAL_ASSISTANCE).build(), 5, Set.of())))
                .containsExactly(id("cook"));
    }

    @Test
    void nobodyFartherThanTheDistanceLimit() {
        List<VolunteerSpec> volunteers = List.of(
                volunteer("at-4.5km", Skill.LEGAL).at(offset(CENTRE, 0, 4.5)).build(),
                volunteer("at-5.6km", Skill.LEGAL).at(offset(CENTRE, -5.6, 0)).build());
        MatchEngine engine = engine();
        volunteers.forEach(engine::putVolunteer);
        MatchEngine wide =
                new MatchEngine(MatchSettings.defaults().withMaxDistanceKm(10).withMinScore(0), CLOCK);
        volunteers.forEach(wide::putVolunteer);
        NeedSpec advice = need("advice", Category.LEGAL_ADVICE).build();

        MatchResult r = engine.match(advice, 5, Set.of());
        assertThat(ids(r)).containsExactly(id("at-4.5km"));
        assertThat(r.proposals().get(0).component("distance").value())
                .isCloseTo(0.1, org.assertj.core.api.Assertions.within(0.005));
        assertThat(ids(wide.match(advice, 5, Set.of()))).containsExactly(id("at-4.5km"), id("at-5.6km"));
    }

    @Test
    void anOfferLimitedToCommunitiesServesOnlyThem() {
        UUID ours = id("ours");
        UUID theirs = id("theirs");
        MatchEngine engine = engine();
        engine.putOffer(offer("clinic", OfferKind.SERVICE, Category.HEALTH)
                .communities(theirs)
                .build());
        engine.putOffer(offer("fund", OfferKind.FUND, Category.HEALTH)
                .communities(theirs)
                .at(offset(CENTRE, 30, 0))
                .remaining(100_000)
                .build());

        assertThat(ids(engine.match(need("a", Category.HEALTH).community(ours).build(), 5, Set.of())))
                .isEmpty();
        MatchResult theirsResult =
                engine.match(need("b", Category.HEALTH).community(theirs).build(), 5, Set.of());
        assertThat(ids(theirsResult)).containsExactlyInAnyOrder(id("clinic"), id("fund"));
        Proposal fund = theirsResult.proposals().stream()
                .filter(p -> p.candidate().id().equals(id("fund")))
                .findFirst()
                .orElseThrow();
        assertThat(fund.component("distance").value()).isEqualTo(1.0);
        assertThat(fund.component("distance").textZh()).isEqualTo("资金指定用于本社区，与距离无关");
    }

    @Test
    void anOfferMeantForOtherGroupsIsNotProposed() {
        MatchEngine engine = engine();
        engine.putOffer(offer("for-disabled", OfferKind.SERVICE, Category.ESCORT)
                .groups(BeneficiaryGroup.DISABLED)
                .build());
        engine.putOffer(offer("for-everyone", OfferKind.SERVICE, Category.ESCORT)
                .groups(BeneficiaryGroup.ALL_RESIDENTS)
                .build());

        assertThat(ids(engine.match(
                        need("a", Category.ESCORT)
                                .group(BeneficiaryGroup.ELDERLY_ALONE)
                                .build(),
                        5,
                        Set.of())))
                .containsExactly(id("for-everyone"));
        assertThat(ids(engine.match(
                        need("b", Category.ESCORT)
                                .group(BeneficiaryGroup.DISABLED)
                                .build(),
                        5,
                        Set.of())))
                .containsExactlyInAnyOrder(id("for-disabled"), id("for-everyone"));
    }

    @Test
    void stockIsWhatRemainsAfterHolds() {
        MatchEngine engine = engine();
        CandidateRef oil = CandidateRef.offer(id("oil"));
        engine.putOffer(offer("oil", OfferKind.GOODS, Category.DAILY_GOODS)
                .remaining(5)
                .unit(QuantityUnit.BOTTLE)
                .build());
        NeedSpec wish = need("wish", Category.DAILY_GOODS)
                .quantity(3, QuantityUnit.BOTTLE)
                .build();

        assertThat(allocated(engine.match(wish, 5, Set.of()))).isEqualTo(3);
        engine.hold(id("m1"), oil, Allocation.goods(4, QuantityUnit.BOTTLE));
        engine.hold(id("m1"), oil, Allocation.goods(4, QuantityUnit.BOTTLE));
        assertThat(allocated(engine.match(wish, 5, Set.of()))).isEqualTo(1);
        assertThat(engine.tryHold(id("m2"), oil, Allocation.goods(2, QuantityUnit.BOTTLE)))
                .isFalse();
        assertThat(engine.tryHold(id("m2"), oil, Allocation.goods(1, QuantityUnit.BOTTLE)))
                .isTrue();
        MatchResult none = engine.match(wish, 5, Set.of());
        assertThat(none.proposals()).isEmpty();
        assertThat(none.reasonZh()).isEqualTo("5公里内查看了1个候选，都不合适：1个库存或名额不足");
        assertThat(none.reasonEn()).isEqualTo("Checked 1 candidate within 5 km, none fits: 1 out of stock or places");

        engine.release(id("m1"));
        engine.release(id("m1"));
        assertThat(allocated(engine.match(wish, 5, Set.of()))).isEqualTo(3);
        engine.setRemaining(id("oil"), 3);
        assertThat(allocated(engine.match(wish, 5, Set.of()))).isEqualTo(2);
        assertThat(engine.stats().holds()).isEqualTo(1);
    }

    @Test
    void placesAreCountedPerOccurrence() {
        MatchEngine engine = engine();
        CandidateRef haircuts = CandidateRef.offer(id("haircuts"));
        engine.putOffer(offer("haircuts", OfferKind.SERVICE, Category.HAIRCUT)
                .remaining(2)
                .sessionMinutes(20)
                .weekly(new WeeklySlot(DayOfWeek.SATURDAY, 9 * 60, 11 * 60))
                .build());
        NeedSpec haircut =
                need("haircut", Category.HAIRCUT).window(now(), june(25, 0, 0)).build();

        Proposal first = ScoringTest.only(engine.match(haircut, 5, Set.of()));
        assertThat(first.window()).isEqualTo(new Window(june(14, 9, 0), june(14, 9, 20)));
        assertThat(first.allocation()).isEqualTo(Allocation.places(1, first.window()));
        assertThat(first.component("time").textZh()).isEqualTo("服务场次：6月14日（周六）09:00–09:20");

        Window later = new Window(june(14, 10, 0), june(14, 10, 20));
        assertThat(engine.tryHold(id("m1"), haircuts, Allocation.places(1, first.window())))
                .isTrue();
        assertThat(engine.tryHold(id("m2"), haircuts, Allocation.places(1, later)))
                .isTrue();
        assertThat(engine.tryHold(id("m3"), haircuts, Allocation.places(1, later)))
                .isFalse();

        Proposal nextWeek = ScoringTest.only(engine.match(haircut, 5, Set.of()));
        assertThat(nextWeek.window()).isEqualTo(new Window(june(21, 9, 0), june(21, 9, 20)));
        assertThat(nextWeek.component("skill").textEn())
                .isEqualTo("Offers the haircut service the need asks for; 2 places left in the session");
        NeedSpec thisWeekOnly = need("haircut-now", Category.HAIRCUT)
                .window(now(), june(15, 0, 0))
                .build();
        assertThat(engine.match(thisWeekOnly, 5, Set.of()).proposals()).isEmpty();
    }

    @Test
    void aVenueNeedsRoomForEveryone() {
        MatchEngine engine = engine();
        engine.putOffer(offer("hall", OfferKind.VENUE, Category.CULTURAL_EVENT)
                .remaining(30)
                .weekly(new WeeklySlot(DayOfWeek.FRIDAY, 14 * 60, 17 * 60))
                .build());

        Proposal fits = ScoringTest.only(engine.match(
                need("opera", Category.CULTURAL_EVENT).people(25).minutes(120).build(), 5, Set.of()));
        assertThat(fits.allocation().capacity()).isEqualTo(25);
        assertThat(fits.window()).isEqualTo(new Window(june(13, 14, 0), june(13, 16, 0)));
        assertThat(engine.match(
                                need("festival", Category.CULTURAL_EVENT)
                                        .people(40)
                                        .build(),
                                5,
                                Set.of())
                        .proposals())
                .isEmpty();
    }

    @Test
    void aVolunteerAtTheirLimitOfLiveMatchesIsNotProposed() {
        MatchEngine engine = engine();
        CandidateRef tutor = CandidateRef.volunteer(id("tutor"));
        engine.putVolunteer(volunteer("tutor", Skill.TUTORING).build());
        NeedSpec homework = need("homework", Category.TUTORING).build();
        for (int i = 0; i < 3; i++) {
            assertThat(engine.match(homework, 5, Set.of()).proposals()).hasSize(1);
            assertThat(engine.tryHold(id("m" + i), tutor, null)).isTrue();
        }
        assertThat(engine.match(homework, 5, Set.of()).proposals()).isEmpty();
        assertThat(engine.tryHold(id("m3"), tutor, null)).isFalse();
        engine.release(id("m1"));
        assertThat(engine.match(homework, 5, Set.of()).proposals()).hasSize(1);
    }

    @Test
    void aVolunteerIsNotProposedForATimeTheyAreBooked() {
        MatchEngine engine = engine();
        engine.putVolunteer(volunteer("driver", Skill.DRIVING)
                .weekly(new WeeklySlot(DayOfWeek.WEDNESDAY, 9 * 60, 12 * 60))
                .build());
        NeedSpec clinic = need("clinic", Category.ESCORT)
                .window(now(), june(11, 12, 0))
                .minutes(90)
                .build();

        Proposal first = ScoringTest.only(engine.match(clinic, 5, Set.of()));
        assertThat(first.window()).isEqualTo(new Window(june(11, 9, 0), june(11, 10, 30)));
        engine.hold(id("m1"), first.candidate(), Allocation.time(first.window()));

        Proposal second = ScoringTest.only(engine.match(
                need("clinic-2", Category.ESCORT)
                        .window(now(), june(11, 12, 0))
                        .minutes(90)
                        .build(),
                5,
                Set.of()));
        assertThat(second.window()).isEqualTo(new Window(june(11, 10, 30), june(11, 12, 0)));
        assertThat(engine.tryHold(id("m2"), second.candidate(), Allocation.time(first.window())))
                .isFalse();
        assertThat(engine.tryHold(id("m2"), second.candidate(), Allocation.time(second.window())))
                .isTrue();
        MatchResult third = engine.match(
                need("clinic-3", Category.ESCORT).window(now(), june(11, 12, 0)).build(), 5, Set.of());
        assertThat(third.proposals()).isEmpty();
        assertThat(third.reasonEn()).contains("1 not free in the window");
    }

    @Test
    void weeklySlotsRepeatAcrossDaysInLocalTime() {
        MatchEngine engine = engine();
        engine.putVolunteer(volunteer("saturday", Skill.ELDER_CARE)
                .weekly(new WeeklySlot(DayOfWeek.SATURDAY, 9 * 60, 12 * 60))
                .build());
        engine.putVolunteer(volunteer("late-sunday", Skill.ELDER_CARE)
                .weekly(new WeeklySlot(DayOfWeek.SUNDAY, 23 * 60, 24 * 60))
                .build());

        Proposal saturday = ScoringTest.only(engine.match(
                need("visit", Category.COMPANIONSHIP)
                        .window(now(), june(15, 0, 0))
                        .build(),
                5,
                Set.of()));
        assertThat(saturday.candidate().id()).isEqualTo(id("saturday"));
        assertThat(Instant.ofEpochMilli(saturday.window().startMillis()))
                .isEqualTo(Instant.parse("2025-06-14T01:00:00Z"));

        MatchResult weekend = engine.match(
                need("visit-2", Category.COMPANIONSHIP)
                        .window(june(12, 0, 0), june(16, 0, 0))
                        .build(),
                5,
                Set.of());
        assertThat(weekend.proposals())
                .extracting(Proposal::window)
                .containsExactlyInAnyOrder(
                        new Window(june(14, 9, 0), june(14, 10, 0)), new Window(june(15, 23, 0), june(16, 0, 0)));
        assertThat(weekend.proposals().stream()
                        .filter(p -> p.candidate().id().equals(id("late-sunday")))
                        .findFirst()
                        .orElseThrow()
                        .component("time")
                        .textZh())
                .isEqualTo("双方都有空：6月15日（周日）23:00–24:00");

        MatchResult weekdays = engine.match(
                need("visit-3", Category.COMPANIONSHIP)
                        .window(now(), june(13, 23, 59))
                        .build(),
                5,
                Set.of());
        assertThat(weekdays.proposals()).isEmpty();
        assertThat(weekdays.reasonEn())
                .isEqualTo("Checked 2 candidates within 5 km, none fits: 2 not free in the window");
    }

    @Test
    void theEnginesZoneGivesWeeklySlotsTheirMeaning() {
        VolunteerSpec saturday = volunteer("saturday", Skill.ELDER_CARE)
                .weekly(new WeeklySlot(DayOfWeek.SATURDAY, 9 * 60, 12 * 60))
                .build();
        MatchEngine utc = new MatchEngine(MatchSettings.defaults().withZone(ZoneOffset.UTC), CLOCK);
        utc.putVolunteer(saturday);

        Proposal p =
                ScoringTest.only(utc.match(need("visit", Category.COMPANIONSHIP).build(), 5, Set.of()));

        assertThat(Instant.ofEpochMilli(p.window().startMillis())).isEqualTo(Instant.parse("2025-06-14T09:00:00Z"));
    }

    @Test
    void oneOffWindowsCountBesideWeeklySlots() {
        MatchEngine engine = engine();
        engine.putVolunteer(volunteer("thursday-afternoon", Skill.TUTORING)
                .weekly()
                .oneOff(new Window(june(12, 14, 0), june(12, 16, 0)))
                .build());

        Proposal p = ScoringTest.only(
                engine.match(need("homework", Category.TUTORING).minutes(120).build(), 5, Set.of()));
        assertThat(p.window()).isEqualTo(new Window(june(12, 14, 0), june(12, 16, 0)));

        Proposal shortOverlap = ScoringTest.only(
                engine.match(need("homework-2", Category.TUTORING).minutes(180).build(), 5, Set.of()));
        assertThat(shortOverlap.window()).isEqualTo(new Window(june(12, 14, 0), june(12, 16, 0)));
        assertThat(shortOverlap.component("time").value())
                .isCloseTo(2 / 3.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(shortOverlap.component("time").textEn())
                .isEqualTo("Only 120 of the 180 minutes needed fit; both are free on Thu 12 Jun, 14:00–16:00");
    }

    @Test
    void weeklyHoursAreACap() {
        MatchEngine engine = engine();
        engine.putVolunteer(
                volunteer("two-hours", Skill.COOKING).maxHoursPerWeek(2).build());
        NeedSpec meal = need("meal", Category.MEAL_ASSISTANCE).minutes(60).build();
        assertThat(engine.match(meal, 5, Set.of()).proposals()).hasSize(1);

        engine.recordCompleted(id("two-hours"), 90, now() - 3_600_000);

        MatchResult r = engine.match(meal, 5, Set.of());
        assertThat(r.proposals()).isEmpty();
        assertThat(r.reasonZh()).isEqualTo("5公里内查看了1个候选，都不合适：1个超出每周服务时长上限");
    }

    @Test
    void languagesBesidesMandarinMustBeSpoken() {
        MatchEngine engine = engine();
        engine.putVolunteer(
                volunteer("british", Skill.DRIVING).languages("en-GB").build());
        engine.putVolunteer(
                volunteer("mandarin", Skill.DRIVING).languages("zh-CN").build());

        assertThat(ids(engine.match(
                        need("hospital", Category.ESCORT).languages("en").build(), 5, Set.of())))
                .containsExactly(id("british"));
        assertThat(ids(engine.match(
                        need("hospital-zh", Category.ESCORT).languages("zh").build(), 5, Set.of())))
                .containsExactlyInAnyOrder(id("british"), id("mandarin"));
    }

    @Test
    void goodsThatExpireBeforeTheNeedAreNotProposed() {
        MatchEngine engine = engine();
        engine.putOffer(offer("milk", OfferKind.GOODS, Category.DAILY_GOODS)
                .expiry(LocalDate.of(2025, 6, 12))
                .build());

        assertThat(engine.match(need("milk-now", Category.DAILY_GOODS).build(), 5, Set.of())
                        .proposals())
                .hasSize(1);
        MatchResult later = engine.match(
                need("milk-later", Category.DAILY_GOODS)
                        .window(june(13, 8, 0), june(14, 8, 0))
                        .build(),
                5,
                Set.of());
        assertThat(later.proposals()).isEmpty();
        assertThat(later.reasonEn()).endsWith("1 expiring before the need");
    }

    @Test
    void aNeedWithoutPlaceOrWithAPastWindowGetsAReason() {
        MatchEngine engine = engine();
        engine.putVolunteer(volunteer("fixer", Skill.HOME_REPAIR).build());

        MatchResult noPlace =
                engine.match(need("nowhere", Category.HOME_REPAIR).at(null).build(), 5, Set.of());
        MatchResult past = engine.match(
                need("past", Category.HOME_REPAIR)
                        .window(june(1, 8, 0), june(2, 8, 0))
                        .build(),
                5,
                Set.of());
        MatchResult byGeohash = engine.match(
                need("by-hash", Category.HOME_REPAIR).geohashOnly("wx4g2f").build(), 5, Set.of());

        assertThat(noPlace.proposals()).isEmpty();
        assertThat(noPlace.reasonZh()).isEqualTo("需求没有位置信息（经纬度或geohash），无法就近匹配");
        assertThat(past.reasonEn()).isEqualTo("The need's time window is over");
        assertThat(byGeohash.proposals()).hasSize(1);
    }

    @Test
    void excludedCandidatesAreSkipped() {
        MatchEngine engine = engine();
        engine.putVolunteer(volunteer("a", Skill.MEDIATION).build());
        engine.putVolunteer(volunteer("b", Skill.MEDIATION).build());

        MatchResult r =
                engine.match(need("dispute", Category.MEDIATION).build(), 5, Set.of(CandidateRef.volunteer(id("a"))));

        assertThat(ids(r)).containsExactly(id("b"));
    }

    @Test
    void replacingOrRemovingKeepsTheIndexRight() {
        MatchEngine engine = engine();
        engine.putVolunteer(volunteer("v", Skill.LEGAL).build());
        engine.putVolunteer(volunteer("v", Skill.PSYCHOLOGICAL_COUNSELLING)
                .at(offset(CENTRE, 2, 0))
                .build());

        assertThat(ids(engine.match(need("law", Category.LEGAL_ADVICE).build(), 5, Set.of())))
                .isEmpty();
        assertThat(ids(engine.match(need("talk", Category.PSYCHOLOGICAL_SUPPORT).build(), 5, Set.of())))
                .containsExactly(id("v"));
        engine.removeVolunteer(id("v"));
        assertThat(ids(engine.match(need("talk", Category.PSYCHOLOGICAL_SUPPORT).build(), 5, Set.of())))
                .isEmpty();
        assertThat(engine.stats()).isEqualTo(new EngineStats(0, 0, 0, 0, 0, 0, 1));
    }

    private static List<UUID> ids(MatchResult r) {
        return r.proposals().stream().map(p -> p.candidate().id()).toList();
    }

    private static int allocated(MatchResult r) {
        return ScoringTest.only(r).allocation().quantity();
    }
}
