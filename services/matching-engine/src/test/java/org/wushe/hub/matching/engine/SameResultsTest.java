package org.wushe.hub.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;

/**
 * Pins what the engine answers on a varied seeded city, so that work on the search's speed cannot change a result:
 * every field of 3,000 {@link MatchResult}s (proposals with their scores to the last bit, explanations, windows and
 * allocations, examined counts, reasons) and of a batch plan, after 1,500 streaming holds, completed service and
 * excluded candidates, goes into one SHA-256. The expected digest was computed by the engine before the speed-up
 * (main at a9c67de: a HashSet of seen volunteers, HashMap look-ups of loads, a slot-by-slot walk of free time,
 * cells sorted for every need); the same city, needs and steps must give the same digest.
 */
class SameResultsTest {

    /** The digest main at a9c67de gives for {@link #answers()}. */
    private static final String EXPECTED = "c07da73c16a39b3ee7cd52d7834638f480768d34b29892f308a1add2a131f286";

    private static final Skill[] SKILLS = Skill.values();
    private static final Category[] CATEGORIES = Category.values();
    private static final String[][] LANGUAGES = {{}, {}, {}, {}, {}, {}, {}, {"en"}, {"ja"}, {"en", "fr"}};

    private final Random random = new Random(20251207);
    private final long now = Fixtures.now();
    private int proposals;
    private int empty;
    private int held;

    @Test
    void theEngineGivesTheResultsItGaveBeforeItsSpeedUp() throws Exception {
        assertThat(answers()).isEqualTo(EXPECTED);
        // the city is varied enough to mean something: most needs get proposals, some get none, holds were taken
        assertThat(proposals).as("proposals").isGreaterThan(10_000);
        assertThat(empty).as("results without a proposal").isBetween(100, 2_000);
        assertThat(held).as("streaming holds").isGreaterThan(1_000);
    }

    private String answers() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        MatchEngine engine = Fixtures.engine();
        List<VolunteerSpec> volunteers = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            volunteers.add(volunteer());
        }
        volunteers.forEach(engine::putVolunteer);
        for (int i = 0; i < 6_000; i++) {
            engine.putOffer(offer());
        }
        for (int i = 0; i < 2_000; i++) {
            VolunteerSpec v = volunteers.get(random.nextInt(volunteers.size()));
            engine.recordCompleted(
                    v.volunteerId(),
                    30 + random.nextInt(180),
                    now - random.nextInt(10) * Duration.ofDays(1).toMillis());
        }
        List<NeedSpec> needs = new ArrayList<>();
        for (int i = 0; i < 4_500; i++) {
            needs.add(need());
        }
        // streaming: match k=1 and hold the best, so loads, booked windows, held stock and places exist
        for (NeedSpec need : needs.subList(0, 1_500)) {
            MatchResult r = engine.match(need, 1, Set.of());
            add(digest, r);
            if (!r.proposals().isEmpty()) {
                Proposal p = r.proposals().get(0);
                boolean held = engine.tryHold(
                        new UUID(need.needId().getMostSignificantBits(), 1),
                        p.candidate(),
                        p.allocation() != null ? p.allocation() : Allocation.time(p.window()));
                digest.update((byte) (held ? 1 : 0));
                this.held += held ? 1 : 0;
            }
        }
        List<NeedSpec> rest = needs.subList(1_500, needs.size());
        for (int i = 0; i < rest.size(); i++) {
            NeedSpec need = rest.get(i);
            MatchResult first = engine.match(need, 5, null);
            add(digest, first);
            if (i % 7 == 0 && !first.proposals().isEmpty()) {
                // declined: the same need again without its best two candidates
                Set<CandidateRef> exclude = Set.of(
                        first.proposals().get(0).candidate(),
                        first.proposals().get(first.proposals().size() - 1).candidate());
                add(digest, engine.match(need, 5, exclude));
            }
        }
        BatchPlan plan = engine.plan(needs.subList(3_000, 3_200), null, BatchOptions.topK(5, Duration.ofSeconds(10)));
        text(digest, plan.assignments().toString());
        // sorted: the plan's map is immutable, so its iteration order changes from run to run
        text(digest, new TreeMap<>(plan.unassignedReasons()).toString());
        text(digest, Double.toString(plan.totalScore()));
        return HexFormat.of().formatHex(digest.digest());
    }

    private void add(MessageDigest digest, MatchResult r) {
        proposals += r.proposals().size();
        empty += r.proposals().isEmpty() ? 1 : 0;
        text(digest, r.examined() + "|" + r.reasonZh() + "|" + r.reasonEn());
        for (Proposal p : r.proposals()) {
            // records print doubles with Double.toString: every bit of the score and the values
            text(digest, p.toString());
        }
    }

    private static void text(MessageDigest digest, String s) {
        digest.update(s.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
    }

    private GeoPoint place() {
        double lat = 39.90 + random.nextGaussian() * 0.03;
        double lon = 116.40 + random.nextGaussian() * 0.04;
        return new GeoPoint(Math.round(lat * 100) / 100.0, Math.round(lon * 100) / 100.0);
    }

    private Set<String> languages() {
        return Set.of(LANGUAGES[random.nextInt(LANGUAGES.length)]);
    }

    private List<WeeklySlot> slots() {
        List<WeeklySlot> slots = new ArrayList<>();
        for (int n = random.nextInt(4); n > 0; n--) {
            int start = 6 * 60 + 30 * random.nextInt(28);
            slots.add(new WeeklySlot(DayOfWeek.of(1 + random.nextInt(7)), start, start + 30 * (1 + random.nextInt(8))));
        }
        return slots;
    }

    private Window within(int days) {
        long start = now
                + Duration.ofMinutes(30L * random.nextInt(48 * days)).toMillis()
                - Duration.ofHours(6).toMillis();
        return new Window(
                start,
                start + Duration.ofMinutes(15L * (1 + random.nextInt(40))).toMillis());
    }

    private VolunteerSpec volunteer() {
        Set<Skill> skills = EnumSet.noneOf(Skill.class);
        for (int s = random.nextInt(4); s > 0; s--) {
            skills.add(SKILLS[random.nextInt(SKILLS.length)]);
        }
        List<Window> oneOff = new ArrayList<>();
        for (int n = random.nextInt(10) < 2 ? 1 + random.nextInt(2) : 0; n > 0; n--) {
            oneOff.add(within(14));
        }
        GeoPoint home = random.nextInt(50) == 0 ? null : place();
        return new VolunteerSpec(
                new UUID(random.nextLong(), random.nextLong()),
                random.nextBoolean() ? Fixtures.COMMUNITY : new UUID(7, random.nextInt(20)),
                home,
                home == null && random.nextBoolean() ? "wx4g0b" : null,
                skills,
                languages(),
                false,
                false,
                slots(),
                oneOff,
                random.nextInt(4) == 0 ? 1 + random.nextInt(6) : null);
    }

    private OfferSpec offer() {
        OfferKind kind = OfferKind.values()[random.nextInt(OfferKind.values().length)];
        Category category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        Window available = new Window(
                now - Duration.ofDays(random.nextInt(3)).toMillis(),
                now + Duration.ofHours(2 + random.nextInt(24 * 20)).toMillis());
        Set<BeneficiaryGroup> groups = random.nextInt(4) == 0
                ? Set.of(BeneficiaryGroup.values()[random.nextInt(BeneficiaryGroup.values().length)])
                : Set.of();
        Set<UUID> communities = random.nextInt(5) == 0 ? Set.of(Fixtures.COMMUNITY) : Set.of();
        boolean byPlaces = kind == OfferKind.SERVICE || kind == OfferKind.VENUE || kind == OfferKind.CAPACITY;
        UUID id = new UUID(random.nextLong(), random.nextLong());
        return new OfferSpec(
                id,
                new UUID(random.nextLong(), random.nextLong()),
                kind,
                category,
                groups,
                communities,
                random.nextInt(30) == 0 ? null : place(),
                null,
                available,
                kind == OfferKind.FUND ? 10_000 + random.nextInt(500_000) : random.nextInt(12),
                kind == OfferKind.GOODS ? QuantityUnit.values()[random.nextInt(QuantityUnit.values().length)] : null,
                kind == OfferKind.GOODS && random.nextBoolean()
                        ? LocalDate.of(2025, 6, 10).plusDays(random.nextInt(25))
                        : null,
                kind == OfferKind.FUND && random.nextBoolean() ? 5_000L + random.nextInt(50_000) : null,
                byPlaces && random.nextBoolean() ? Set.of(SKILLS[random.nextInt(SKILLS.length)]) : Set.of(),
                byPlaces ? languages() : Set.of(),
                byPlaces && random.nextInt(3) > 0 ? slots() : List.of(),
                byPlaces && random.nextBoolean() ? 30 + 30 * random.nextInt(4) : null);
    }

    private NeedSpec need() {
        Category category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        long start = now + Duration.ofHours(random.nextInt(72) - 12).toMillis();
        Set<Skill> required = EnumSet.noneOf(Skill.class);
        for (int s = random.nextInt(6) == 0 ? 1 + random.nextInt(2) : 0; s > 0; s--) {
            required.add(SKILLS[random.nextInt(SKILLS.length)]);
        }
        GeoPoint place = random.nextInt(40) == 0 ? null : place();
        return new NeedSpec(
                new UUID(random.nextLong(), random.nextLong()),
                random.nextInt(3) == 0 ? Fixtures.COMMUNITY : new UUID(7, random.nextInt(20)),
                Fixtures.STATION,
                category,
                Urgency.values()[random.nextInt(Urgency.values().length)],
                BeneficiaryGroup.values()[random.nextInt(BeneficiaryGroup.values().length)],
                1 + random.nextInt(3),
                place,
                place == null && random.nextBoolean() ? "wx4g0b" : null,
                new Window(
                        start,
                        start + Duration.ofHours(1 + random.nextInt(24 * 14)).toMillis()),
                random.nextBoolean() ? 1 + random.nextInt(5) : null,
                random.nextBoolean() ? QuantityUnit.values()[random.nextInt(QuantityUnit.values().length)] : null,
                required,
                random.nextInt(8) == 0 ? languages() : Set.of(),
                random.nextInt(5) == 0 ? null : 30 + 15 * random.nextInt(8),
                now - random.nextInt(7 * 24) * 3_600_000L);
    }
}
