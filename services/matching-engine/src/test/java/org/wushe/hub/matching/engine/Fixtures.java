package org.wushe.hub.matching.engine;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;

/**
 * Builders for tests. "Now" is Wednesday 2025-06-11 09:00 in Asia/Shanghai; the need sits in Dongcheng, Beijing.
 * Ids are made from names, so a test reads like its story and runs the same every time.
 */
final class Fixtures {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZonedDateTime NOW = ZonedDateTime.of(2025, 6, 11, 9, 0, 0, 0, SHANGHAI);
    static final Clock CLOCK = Clock.fixed(NOW.toInstant(), SHANGHAI);
    static final GeoPoint CENTRE = new GeoPoint(39.93, 116.42);
    static final UUID COMMUNITY = id("community");
    static final UUID STATION = id("station");

    private Fixtures() {}

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static MatchEngine engine() {
        return new MatchEngine(MatchSettings.defaults(), CLOCK);
    }

    /**
     * Two volunteers with one live match each: the barber lives next door and can also keep someone company; the
     * walker lives farther and cannot cut hair. Whoever gives a visit the barber leaves a haircut without anyone.
     */
    static MatchEngine contested() {
        MatchEngine engine = new MatchEngine(MatchSettings.defaults().withMaxActiveMatchesPerVolunteer(1), CLOCK);
        engine.putVolunteer(
                volunteer("barber", Skill.HAIRDRESSING, Skill.ELDER_CARE).build());
        engine.putVolunteer(
                volunteer("walker", Skill.ELDER_CARE).at(offset(CENTRE, 3, 0)).build());
        return engine;
    }

    /** Epoch millis of a local time in June 2025, Asia/Shanghai. */
    static long june(int day, int hour, int minute) {
        return ZonedDateTime.of(2025, 6, day, hour, minute, 0, 0, SHANGHAI)
                .toInstant()
                .toEpochMilli();
    }

    static long now() {
        return NOW.toInstant().toEpochMilli();
    }

    /** A point {@code km} north and {@code eastKm} east of {@code p}. */
    static GeoPoint offset(GeoPoint p, double northKm, double eastKm) {
        return new GeoPoint(
                p.latitude() + northKm / Geo.KM_PER_DEGREE,
                p.longitude() + eastKm / (Geo.KM_PER_DEGREE * Math.cos(Math.toRadians(p.latitude()))));
    }

    static List<WeeklySlot> everyDay(int fromHour, int toHour) {
        List<WeeklySlot> slots = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            slots.add(new WeeklySlot(d, fromHour * 60, toHour * 60));
        }
        return slots;
    }

    static NeedBuilder need(String name, Category category) {
        return new NeedBuilder(name, category);
    }

    static VolunteerBuilder volunteer(String name, Skill... skills) {
        return new VolunteerBuilder(name, skills);
    }

    static OfferBuilder offer(String name, OfferKind kind, Category category) {
        return new OfferBuilder(name, kind, category);
    }

    static final class NeedBuilder {
        private final UUID id;
        private final Category category;
        private UUID community = COMMUNITY;
        private Urgency urgency = Urgency.SOON;
        private BeneficiaryGroup group = BeneficiaryGroup.ELDERLY_ALONE;
        private int people = 1;
        private GeoPoint place = CENTRE;
        private String geohash;
        private Window window = new Window(now(), now() + Duration.ofDays(7).toMillis());
        private Integer quantity;
        private QuantityUnit unit;
        private Set<Skill> skills = Set.of();
        private Set<String> languages = Set.of();
        private Integer minutes;
        private long published = now();

        private NeedBuilder(String name, Category category) {
            this.id = id(name);
            this.category = category;
        }

        NeedBuilder community(UUID c) {
            community = c;
            return this;
        }

        NeedBuilder urgency(Urgency u) {
            urgency = u;
            return this;
        }

        NeedBuilder group(BeneficiaryGroup g) {
            group = g;
            return this;
        }

        NeedBuilder people(int n) {
            people = n;
            return this;
        }

        NeedBuilder at(GeoPoint p) {
            place = p;
            return this;
        }

        NeedBuilder geohashOnly(String hash) {
            place = null;
            geohash = hash;
            return this;
        }

        NeedBuilder window(long start, long end) {
            window = new Window(start, end);
            return this;
        }

        NeedBuilder quantity(int n, QuantityUnit u) {
            quantity = n;
            unit = u;
            return this;
        }

        NeedBuilder requires(Skill... s) {
            skills = Set.of(s);
            return this;
        }

        NeedBuilder languages(String... tags) {
            languages = Set.of(tags);
            return this;
        }

        NeedBuilder minutes(int m) {
            minutes = m;
            return this;
        }

        NeedBuilder published(long millis) {
            published = millis;
            return this;
        }

        NeedSpec build() {
            return new NeedSpec(
                    id, community, STATION, category, urgency, group, people, place, geohash, window, quantity, unit,
                    skills, languages, minutes, published);
        }
    }

    static final class VolunteerBuilder {
        private final UUID id;
        private final Set<Skill> skills;
        private UUID community;
        private GeoPoint home = CENTRE;
        private Set<String> languages = Set.of();
        private List<WeeklySlot> slots = everyDay(8, 20);
        private List<Window> oneOff = List.of();
        private Integer maxHours;

        private VolunteerBuilder(String name, Skill... skills) {
            this.id = id(name);
            this.skills = Set.of(skills);
        }

        VolunteerBuilder at(GeoPoint p) {
            home = p;
            return this;
        }

        VolunteerBuilder community(UUID c) {
            community = c;
            return this;
        }

        VolunteerBuilder languages(String... tags) {
            languages = Set.of(tags);
            return this;
        }

        VolunteerBuilder weekly(WeeklySlot... s) {
            slots = List.of(s);
            return this;
        }

        VolunteerBuilder oneOff(Window... w) {
            oneOff = List.of(w);
            return this;
        }

        VolunteerBuilder maxHoursPerWeek(int h) {
            maxHours = h;
            return this;
        }

        VolunteerSpec build() {
            return new VolunteerSpec(
                    id, community, home, null, skills, languages, false, false, slots, oneOff, maxHours);
        }
    }

    static final class OfferBuilder {
        private final UUID id;
        private final OfferKind kind;
        private final Category category;
        private Set<BeneficiaryGroup> groups = Set.of();
        private Set<UUID> communities = Set.of();
        private GeoPoint place = CENTRE;
        private Window available = new Window(
                now() - Duration.ofDays(1).toMillis(),
                now() + Duration.ofDays(30).toMillis());
        private long remaining = 10;
        private QuantityUnit unit;
        private LocalDate expiry;
        private Long maxPerNeedFen;
        private Set<Skill> skills = Set.of();
        private Set<String> languages = Set.of();
        private List<WeeklySlot> slots = List.of();
        private Integer sessionMinutes;

        private OfferBuilder(String name, OfferKind kind, Category category) {
            this.id = id(name);
            this.kind = kind;
            this.category = category;
        }

        OfferBuilder groups(BeneficiaryGroup... g) {
            groups = Set.of(g);
            return this;
        }

        OfferBuilder communities(UUID... c) {
            communities = Set.of(c);
            return this;
        }

        OfferBuilder at(GeoPoint p) {
            place = p;
            return this;
        }

        OfferBuilder remaining(long n) {
            remaining = n;
            return this;
        }

        OfferBuilder unit(QuantityUnit u) {
            unit = u;
            return this;
        }

        OfferBuilder expiry(LocalDate d) {
            expiry = d;
            return this;
        }

        OfferBuilder maxPerNeedFen(long fen) {
            maxPerNeedFen = fen;
            return this;
        }

        OfferBuilder skills(Skill... s) {
            skills = Set.of(s);
            return this;
        }

        OfferBuilder weekly(WeeklySlot... s) {
            slots = List.of(s);
            return this;
        }

        OfferBuilder sessionMinutes(int m) {
            sessionMinutes = m;
            return this;
        }

        OfferSpec build() {
            return new OfferSpec(
                    id,
                    id("provider"),
                    kind,
                    category,
                    groups,
                    communities,
                    place,
                    null,
                    available,
                    remaining,
                    unit,
                    expiry,
                    maxPerNeedFen,
                    skills,
                    languages,
                    slots,
                    sessionMinutes);
        }
    }
}
