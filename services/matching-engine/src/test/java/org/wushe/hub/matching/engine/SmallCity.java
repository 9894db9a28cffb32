package org.wushe.hub.matching.engine;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;

/**
 * A random city for the index tests: people clustered around neighbourhood centres in a 40 km × 40 km box around
 * Beijing, places rounded to 2 decimals like the events carry them.
 */
final class SmallCity {

    private static final Skill[] SKILLS = {
        Skill.ELDER_CARE,
        Skill.COOKING,
        Skill.CLEANING,
        Skill.TUTORING,
        Skill.HOME_REPAIR,
        Skill.ELECTRICAL,
        Skill.PLUMBING,
        Skill.HAIRDRESSING,
        Skill.DRIVING,
        Skill.LEGAL,
        Skill.NURSING,
        Skill.CULTURAL_ARTS
    };
    private static final Category[] CATEGORIES = {
        Category.COMPANIONSHIP,
        Category.HOME_REPAIR,
        Category.DAILY_GOODS,
        Category.MEAL_ASSISTANCE,
        Category.HAIRCUT,
        Category.ESCORT,
        Category.TUTORING,
        Category.LEGAL_ADVICE,
        Category.HEALTH,
        Category.CULTURAL_EVENT
    };

    private final Random random;
    private final double[][] centres;

    SmallCity(long seed, int neighbourhoods) {
        this.random = new Random(seed);
        this.centres = new double[neighbourhoods][];
        for (int i = 0; i < neighbourhoods; i++) {
            centres[i] = new double[] {39.75 + random.nextDouble() * 0.36, 116.2 + random.nextDouble() * 0.47};
        }
    }

    GeoPoint place() {
        double[] c = centres[random.nextInt(centres.length)];
        double lat = c[0] + random.nextGaussian() * 0.012;
        double lon = c[1] + random.nextGaussian() * 0.016;
        return new GeoPoint(Math.round(lat * 100) / 100.0, Math.round(lon * 100) / 100.0);
    }

    List<VolunteerSpec> volunteers(int n) {
        List<VolunteerSpec> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Set<Skill> skills = EnumSet.noneOf(Skill.class);
            for (int s = random.nextInt(3); s > 0; s--) {
                skills.add(SKILLS[random.nextInt(SKILLS.length)]);
            }
            List<WeeklySlot> slots = random.nextBoolean()
                    ? List.of(
                            new WeeklySlot(DayOfWeek.SATURDAY, 9 * 60, 12 * 60),
                            new WeeklySlot(DayOfWeek.SUNDAY, 14 * 60, 17 * 60))
                    : List.of(
                            new WeeklySlot(DayOfWeek.of(1 + random.nextInt(5)), 8 * 60 + 30, 11 * 60 + 30),
                            new WeeklySlot(DayOfWeek.of(1 + random.nextInt(5)), 8 * 60 + 30, 11 * 60 + 30));
            out.add(new VolunteerSpec(
                    uuid(),
                    null,
                    place(),
                    null,
                    skills,
                    Set.of(),
                    false,
                    false,
                    slots,
                    List.of(),
                    random.nextInt(4) == 0 ? 4 : null));
        }
        return out;
    }

    List<OfferSpec> offers(int n) {
        List<OfferSpec> out = new ArrayList<>(n);
        long now = Fixtures.now();
        Window available = new Window(
                now - Duration.ofDays(1).toMillis(), now + Duration.ofDays(30).toMillis());
        for (int i = 0; i < n; i++) {
            boolean goods = random.nextBoolean();
            Category category = goods ? Category.DAILY_GOODS : CATEGORIES[random.nextInt(CATEGORIES.length)];
            OfferKind kind = goods ? OfferKind.GOODS : OfferKind.SERVICE;
            List<WeeklySlot> slots =
                    goods ? List.of() : List.of(new WeeklySlot(DayOfWeek.of(1 + random.nextInt(7)), 9 * 60, 12 * 60));
            out.add(new OfferSpec(
                    uuid(),
                    uuid(),
                    kind,
                    category,
                    Set.of(),
                    Set.of(),
                    place(),
                    null,
                    available,
                    1 + random.nextInt(goods ? 20 : 4),
                    goods ? QuantityUnit.BOX : null,
                    goods ? LocalDate.of(2025, 6, 12).plusDays(random.nextInt(20)) : null,
                    null,
                    Set.of(),
                    Set.of(),
                    slots,
                    null));
        }
        return out;
    }

    List<NeedSpec> needs(int n) {
        List<NeedSpec> out = new ArrayList<>(n);
        long now = Fixtures.now();
        for (int i = 0; i < n; i++) {
            Category category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            boolean goods = category == Category.DAILY_GOODS;
            out.add(new NeedSpec(
                    uuid(),
                    Fixtures.COMMUNITY,
                    Fixtures.STATION,
                    category,
                    Urgency.values()[1 + random.nextInt(4)],
                    BeneficiaryGroup.values()[1 + random.nextInt(10)],
                    1,
                    place(),
                    null,
                    new Window(
                            now, now + Duration.ofDays(1 + random.nextInt(10)).toMillis()),
                    goods ? 1 + random.nextInt(5) : null,
                    goods ? QuantityUnit.BOX : null,
                    Set.of(),
                    Set.of(),
                    60,
                    now - random.nextInt(3_600_000)));
        }
        return out;
    }

    private UUID uuid() {
        return new UUID(random.nextLong(), random.nextLong());
    }
}
