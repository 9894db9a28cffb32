package org.wushe.hub.bench.matching;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.matching.engine.GeoPoint;
import org.wushe.hub.matching.engine.MatchSettings;
import org.wushe.hub.matching.engine.NeedSpec;
import org.wushe.hub.matching.engine.OfferKind;
import org.wushe.hub.matching.engine.OfferSpec;
import org.wushe.hub.matching.engine.VolunteerSpec;
import org.wushe.hub.matching.engine.WeeklySlot;
import org.wushe.hub.matching.engine.Window;
import org.wushe.hub.platform.core.Geohash;

/**
 * A Beijing-like city: ten districts with their real centres and rough population weights, 3,000 communities
 * scattered around them (denser and tighter in the core), and volunteers, offers and needs drawn around their
 * community. Places are coarse as in the events: latitude and longitude rounded to 2 decimals, plus the geohash-6
 * of that point. Mixes of skills, availability (young-old mornings, weekend workers, students), offer kinds and need
 * categories follow the domain brief. Everything comes from one seed.
 */
final class SyntheticCity {

    /** Districts: name, latitude, longitude, weight (millions of residents), spread of communities in km. */
    private static final Object[][] DISTRICTS = {
        {"Dongcheng", 39.93, 116.42, 0.7, 2.0}, {"Xicheng", 39.91, 116.37, 1.1, 2.0},
        {"Chaoyang", 39.95, 116.48, 3.4, 4.5}, {"Haidian", 39.96, 116.30, 3.1, 4.5},
        {"Fengtai", 39.86, 116.29, 2.0, 4.0}, {"Shijingshan", 39.91, 116.22, 0.6, 2.5},
        {"Tongzhou", 39.90, 116.66, 1.8, 4.0}, {"Changping", 40.08, 116.33, 2.2, 4.5},
        {"Daxing", 39.74, 116.34, 2.0, 4.5}, {"Shunyi", 40.06, 116.62, 1.3, 4.5},
    };

    private static final int COMMUNITIES = 3_000;
    private static final Skill[] SKILLS = {
        Skill.ELDER_CARE,
        Skill.CLEANING,
        Skill.COOKING,
        Skill.DIGITAL_LITERACY,
        Skill.TUTORING,
        Skill.CULTURAL_ARTS,
        Skill.EVENT_ORGANIZING,
        Skill.DRIVING,
        Skill.SPORTS_FITNESS,
        Skill.HOME_REPAIR,
        Skill.ELECTRICAL,
        Skill.CHILD_CARE,
        Skill.NURSING,
        Skill.PLUMBING,
        Skill.CARPENTRY_ASSEMBLY,
        Skill.HAIRDRESSING,
        Skill.ANTI_FRAUD_EDUCATION,
        Skill.MEDIATION,
        Skill.SOCIAL_WORK,
        Skill.MEDICAL,
        Skill.PSYCHOLOGICAL_COUNSELLING,
        Skill.LEGAL,
        Skill.GAS_SAFETY,
        Skill.INTERPRETING,
        Skill.SIGN_LANGUAGE,
    };
    private static final double[] SKILL_WEIGHTS = {
        18, 10, 10, 8, 8, 7, 6, 6, 4, 4, 3, 3, 2, 2, 2, 2, 2, 2, 2, 1.5, 1, 1, 1, 1, 0.3,
    };
    private static final Category[] NEED_CATEGORIES = {
        Category.COMPANIONSHIP, Category.DAILY_GOODS, Category.HOME_REPAIR, Category.HEALTH, Category.MEAL_ASSISTANCE,
        Category.ESCORT, Category.HAIRCUT, Category.SAFETY_CHECK, Category.TUTORING, Category.CULTURAL_EVENT,
        Category.LEGAL_ADVICE, Category.ANTI_FRAUD, Category.PSYCHOLOGICAL_SUPPORT, Category.MEDIATION,
                Category.STUDY_SPACE,
    };
    private static final double[] NEED_WEIGHTS = {20, 15, 12, 8, 8, 6, 6, 5, 5, 4, 3, 2, 2, 2, 2};
    private static final Category[] SERVICE_CATEGORIES = {
        Category.HAIRCUT,
        Category.HEALTH,
        Category.LEGAL_ADVICE,
        Category.HOME_REPAIR,
        Category.SAFETY_CHECK,
        Category.ANTI_FRAUD,
        Category.PSYCHOLOGICAL_SUPPORT,
        Category.TUTORING,
        Category.MEAL_ASSISTANCE,
        Category.DAILY_GOODS,
        Category.ESCORT,
        Category.COMPANIONSHIP,
        Category.MEDIATION,
    };
    private static final Category[] CAPACITY_CATEGORIES = {
        Category.COMPANIONSHIP, Category.CULTURAL_EVENT, Category.TUTORING, Category.MEDIATION,
        Category.PSYCHOLOGICAL_SUPPORT, Category.ESCORT, Category.ANTI_FRAUD, Category.HEALTH,
    };
    private static final BeneficiaryGroup[] GROUPS = {
        BeneficiaryGroup.ELDERLY_ALONE, BeneficiaryGroup.VERY_OLD, BeneficiaryGroup.CHILDLESS_ELDERLY,
        BeneficiaryGroup.DISABLED, BeneficiaryGroup.CHILD_IN_HARDSHIP, BeneficiaryGroup.LOW_INCOME_FAMILY,
        BeneficiaryGroup.NEWCOMER, BeneficiaryGroup.FOREIGN_RESIDENT, BeneficiaryGroup.ALL_RESIDENTS,
    };
    private static final double[] GROUP_WEIGHTS = {25, 15, 5, 12, 10, 15, 6, 3, 9};

    private final SplittableRandom random;
    private final long now;
    private final MatchSettings settings = MatchSettings.defaults();
    private final UUID[] communityIds = new UUID[COMMUNITIES];
    private final double[][] communityCentres = new double[COMMUNITIES][];
    private final double[] communityCumulative = new double[COMMUNITIES];
    private final double[] skillCumulative = cumulative(SKILL_WEIGHTS);
    private final double[] needCumulative = cumulative(NEED_WEIGHTS);
    private final double[] groupCumulative = cumulative(GROUP_WEIGHTS);

    SyntheticCity(long seed, long nowMillis) {
        this.random = new SplittableRandom(seed);
        this.now = nowMillis;
        double[] districtWeights = new double[DISTRICTS.length];
        for (int i = 0; i < DISTRICTS.length; i++) {
            districtWeights[i] = (double) DISTRICTS[i][3];
        }
        double[] districtCumulative = cumulative(districtWeights);
        double[] sizes = new double[COMMUNITIES];
        for (int c = 0; c < COMMUNITIES; c++) {
            Object[] d = DISTRICTS[pick(districtCumulative)];
            double spreadKm = (double) d[4];
            communityIds[c] = uuid();
            communityCentres[c] = new double[] {
                (double) d[1] + gaussian() * spreadKm / 111.2, (double) d[2] + gaussian() * spreadKm / 85.3,
            };
            sizes[c] = Math.exp(gaussian() * 0.6);
        }
        System.arraycopy(cumulative(sizes), 0, communityCumulative, 0, COMMUNITIES);
    }

    /** A volunteer of a random community: 0–3 skills, a persona's weekly slots, sometimes a one-off window. */
    VolunteerSpec volunteer() {
        int community = pick(communityCumulative);
        GeoPoint home = around(community, 0.6);
        Set<Skill> skills = EnumSet.noneOf(Skill.class);
        double r = random.nextDouble();
        int count = r < 0.3 ? 0 : r < 0.7 ? 1 : r < 0.9 ? 2 : 3;
        for (int i = 0; i < count; i++) {
            skills.add(SKILLS[pick(skillCumulative)]);
        }
        Set<String> languages =
                random.nextDouble() < 0.03 ? Set.of("en") : random.nextDouble() < 0.01 ? Set.of("ja") : Set.of();
        double persona = random.nextDouble();
        boolean youngOld = persona < 0.35;
        List<WeeklySlot> slots = youngOld ? youngOldSlots() : persona < 0.8 ? workerSlots() : studentSlots();
        List<Window> oneOff = random.nextDouble() < 0.1 ? List.of(oneOffWindow()) : List.of();
        Integer maxHours = random.nextDouble() < 0.25 ? 4 + random.nextInt(7) : null;
        return new VolunteerSpec(
                uuid(),
                communityIds[community],
                home,
                geohash6(home),
                skills,
                languages,
                youngOld,
                random.nextDouble() < 0.05,
                slots,
                oneOff,
                maxHours);
    }

    /** An offer: goods 40 %, services 30 %, organizations' capacity 15 %, venues 8 %, funds 7 %. */
    OfferSpec offer() {
        double r = random.nextDouble();
        int community = pick(communityCumulative);
        GeoPoint place = around(community, 0.8);
        Window available = new Window(
                now - Duration.ofDays(2).toMillis(),
                now + Duration.ofDays(20 + random.nextInt(40)).toMillis());
        Set<BeneficiaryGroup> groups = random.nextDouble() < 0.3 ? Set.of(GROUPS[pick(groupCumulative)]) : Set.of();
        if (r < 0.40) {
            double c = random.nextDouble();
            Category category =
                    c < 0.7 ? Category.DAILY_GOODS : c < 0.95 ? Category.MEAL_ASSISTANCE : Category.STUDY_SPACE;
            QuantityUnit unit = goodsUnit(category);
            LocalDate expiry = category != Category.STUDY_SPACE && random.nextDouble() < 0.6
                    ? LocalDate.of(2025, 6, 11).plusDays(1 + random.nextInt(30))
                    : null;
            Set<UUID> communities = random.nextDouble() < 0.2 ? Set.of(communityIds[community]) : Set.of();
            return new OfferSpec(
                    uuid(),
                    uuid(),
                    OfferKind.GOODS,
                    category,
                    groups,
                    communities,
                    place,
                    geohash6(place),
                    available,
                    1 + random.nextInt(50),
                    unit,
                    expiry,
                    null,
                    Set.of(),
                    Set.of(),
                    List.of(),
                    null);
        }
        if (r < 0.70) {
            Category category = SERVICE_CATEGORIES[random.nextInt(SERVICE_CATEGORIES.length)];
            boolean byAppointment = random.nextDouble() < 0.1;
            return new OfferSpec(
                    uuid(),
                    uuid(),
                    OfferKind.SERVICE,
                    category,
                    groups,
                    Set.of(),
                    place,
                    geohash6(place),
                    available,
                    byAppointment ? 5 + random.nextInt(26) : 2 + random.nextInt(19),
                    null,
                    null,
                    null,
                    skillsOf(category),
                    random.nextDouble() < 0.05 ? Set.of("en") : Set.of(),
                    byAppointment ? List.of() : serviceSlots(),
                    20 + 10 * random.nextInt(5));
        }
        if (r < 0.85) {
            Category category = CAPACITY_CATEGORIES[random.nextInt(CAPACITY_CATEGORIES.length)];
            Set<UUID> served = random.nextDouble() < 0.5 ? nearbyCommunities(community) : Set.of();
            return new OfferSpec(
                    uuid(),
                    uuid(),
                    OfferKind.CAPACITY,
                    category,
                    groups,
                    served,
                    place,
                    geohash6(place),
                    available,
                    3 + random.nextInt(28),
                    null,
                    null,
                    null,
                    skillsOf(category),
                    Set.of(),
                    serviceSlots(),
                    30 + 30 * random.nextInt(3));
        }
        if (r < 0.93) {
            Category category = random.nextBoolean() ? Category.CULTURAL_EVENT : Category.STUDY_SPACE;
            List<WeeklySlot> hours = new ArrayList<>();
            for (DayOfWeek d : DayOfWeek.values()) {
                if (random.nextDouble() < 0.6) {
                    hours.add(new WeeklySlot(d, 9 * 60, 17 * 60));
                }
            }
            return new OfferSpec(
                    uuid(),
                    uuid(),
                    OfferKind.VENUE,
                    category,
                    groups,
                    Set.of(),
                    place,
                    geohash6(place),
                    available,
                    10 + random.nextInt(71),
                    null,
                    null,
                    null,
                    Set.of(),
                    Set.of(),
                    hours,
                    null);
        }
        Category category = NEED_CATEGORIES[pick(needCumulative)];
        boolean earmarked = random.nextDouble() < 0.7;
        return new OfferSpec(
                uuid(),
                uuid(),
                OfferKind.FUND,
                category,
                groups,
                earmarked ? Set.of(communityIds[community]) : Set.of(),
                place,
                geohash6(place),
                available,
                50_000 + random.nextInt(4_950_000),
                null,
                null,
                20_000L + 10_000L * random.nextInt(19),
                Set.of(),
                Set.of(),
                List.of(),
                null);
    }

    /** A need: the category, urgency, group and window mixes of the domain brief. */
    NeedSpec need() {
        int community = pick(communityCumulative);
        Category category = NEED_CATEGORIES[pick(needCumulative)];
        double u = random.nextDouble();
        Urgency urgency =
                u < 0.05 ? Urgency.IMMEDIATE : u < 0.25 ? Urgency.URGENT : u < 0.65 ? Urgency.SOON : Urgency.ROUTINE;
        long start = urgency == Urgency.ROUTINE ? now + Duration.ofDays(1).toMillis() : now;
        long end = switch (urgency) {
            case IMMEDIATE -> now + Duration.ofHours(2).toMillis();
            case URGENT -> now + Duration.ofDays(1).toMillis();
            case SOON -> now + Duration.ofDays(3).toMillis();
            default -> now + Duration.ofDays(14).toMillis();
        };
        BeneficiaryGroup group = GROUPS[pick(groupCumulative)];
        boolean talk = category == Category.CULTURAL_EVENT || category == Category.ANTI_FRAUD;
        boolean goods = category == Category.DAILY_GOODS
                || category == Category.MEAL_ASSISTANCE
                || category == Category.STUDY_SPACE;
        Set<Skill> required = !goods && random.nextDouble() < 0.25 ? skillsOf(category) : Set.of();
        Set<String> languages =
                group == BeneficiaryGroup.FOREIGN_RESIDENT && random.nextBoolean() ? Set.of("en") : Set.of();
        GeoPoint place = around(community, 0.6);
        return new NeedSpec(
                uuid(),
                communityIds[community],
                uuid(),
                category,
                urgency,
                group,
                talk ? 10 + random.nextInt(31) : 1,
                place,
                geohash6(place),
                new Window(start, end),
                goods ? (category == Category.STUDY_SPACE ? 1 : 1 + random.nextInt(4)) : null,
                goods ? goodsUnit(category) : null,
                required,
                languages,
                talk ? 90 : 30 + 30 * random.nextInt(3),
                now - random.nextLong(Duration.ofHours(48).toMillis()));
    }

    private List<WeeklySlot> youngOldSlots() {
        List<WeeklySlot> slots = new ArrayList<>();
        for (DayOfWeek d : Arrays.copyOf(DayOfWeek.values(), 5)) {
            if (random.nextDouble() < 0.55) {
                slots.add(new WeeklySlot(d, 8 * 60 + 30, 11 * 60 + 30));
                if (random.nextDouble() < 0.3) {
                    slots.add(new WeeklySlot(d, 14 * 60 + 30, 16 * 60 + 30));
                }
            }
        }
        return slots;
    }

    private List<WeeklySlot> workerSlots() {
        List<WeeklySlot> slots = new ArrayList<>();
        for (DayOfWeek d : new DayOfWeek[] {DayOfWeek.SATURDAY, DayOfWeek.SUNDAY}) {
            if (random.nextDouble() < 0.6) {
                slots.add(new WeeklySlot(d, 9 * 60, 12 * 60));
            }
            if (random.nextDouble() < 0.4) {
                slots.add(new WeeklySlot(d, 14 * 60, 17 * 60));
            }
        }
        if (random.nextDouble() < 0.3) {
            slots.add(new WeeklySlot(DayOfWeek.of(1 + random.nextInt(5)), 19 * 60, 21 * 60));
        }
        return slots;
    }

    private List<WeeklySlot> studentSlots() {
        List<WeeklySlot> slots = new ArrayList<>();
        slots.add(new WeeklySlot(
                random.nextBoolean() ? DayOfWeek.SATURDAY : DayOfWeek.SUNDAY, 13 * 60 + 30, 17 * 60 + 30));
        if (random.nextDouble() < 0.3) {
            slots.add(new WeeklySlot(DayOfWeek.of(1 + random.nextInt(5)), 16 * 60 + 30, 18 * 60));
        }
        return slots;
    }

    private List<WeeklySlot> serviceSlots() {
        List<WeeklySlot> slots = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            int startHour = 8 + random.nextInt(9);
            slots.add(new WeeklySlot(
                    DayOfWeek.of(1 + random.nextInt(7)), startHour * 60, (startHour + 2 + random.nextInt(2)) * 60));
        }
        return slots;
    }

    private Window oneOffWindow() {
        long day = Duration.ofDays(random.nextInt(14)).toMillis();
        long hour = Duration.ofHours(random.nextInt(10)).toMillis();
        return new Window(
                now + day + hour, now + day + hour + Duration.ofHours(3).toMillis());
    }

    private Set<Skill> skillsOf(Category category) {
        Set<Skill> table = settings.skillsFor(category);
        if (table.isEmpty()) {
            return Set.of();
        }
        List<Skill> list = List.copyOf(table);
        return Set.of(list.get(random.nextInt(list.size())));
    }

    private Set<UUID> nearbyCommunities(int community) {
        Set<UUID> out = new HashSet<>();
        out.add(communityIds[community]);
        for (int i = 0, n = random.nextInt(3); i < n; i++) {
            out.add(communityIds[pick(communityCumulative)]);
        }
        return out;
    }

    private static QuantityUnit goodsUnit(Category category) {
        return switch (category) {
            case MEAL_ASSISTANCE -> QuantityUnit.PORTION;
            case STUDY_SPACE -> QuantityUnit.SET;
            default -> QuantityUnit.BOX;
        };
    }

    /** A coarse place near the community's centre: 2 decimals, as the events carry it. */
    private GeoPoint around(int community, double spreadKm) {
        double lat = communityCentres[community][0] + gaussian() * spreadKm / 111.2;
        double lon = communityCentres[community][1] + gaussian() * spreadKm / 85.3;
        return new GeoPoint(Math.round(lat * 100) / 100.0, Math.round(lon * 100) / 100.0);
    }

    static String geohash6(GeoPoint p) {
        return Geohash.encode(p.latitude(), p.longitude(), 6);
    }

    private int pick(double[] cumulative) {
        int i = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
        return Math.min(cumulative.length - 1, i < 0 ? -i - 1 : i);
    }

    private double gaussian() {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private UUID uuid() {
        return new UUID(
                random.nextLong() & ~0xF000L | 0x4000L, random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L);
    }

    private static double[] cumulative(double[] weights) {
        double[] out = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            out[i] = sum;
        }
        return out;
    }
}
