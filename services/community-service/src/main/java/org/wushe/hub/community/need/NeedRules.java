package org.wushe.hub.community.need;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.NeedSource;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.platform.place.Geohashes;

/**
 * The rules every need obeys, whether it comes over REST, from a need-list row or as an occurrence
 * of a recurring need. Pure: references (community, station, grid, resident) are checked by the need
 * service against the database.
 */
public final class NeedRules {

    public static final int MAX_TITLE = 100;
    public static final int MAX_COUNT = 100_000;
    public static final int MAX_SKILLS = 10;
    public static final int MAX_LANGUAGES = 5;
    public static final int MAX_MINUTES = 7 * 24 * 60;
    public static final Duration MAX_WINDOW = Duration.ofDays(366);
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private NeedRules() {}

    public static List<Violation> check(NeedDraft d, Instant now) {
        List<Violation> v = new ArrayList<>();
        if (d.communityId() == null) {
            v.add(new Violation("communityId", "must not be null"));
        }
        if (d.source() == NeedSource.UNKNOWN) {
            v.add(new Violation("source", "must be one of " + choices(NeedSource.values())));
        }
        if (d.category() == null || d.category() == Category.UNKNOWN) {
            v.add(new Violation(
                    "category",
                    d.category() == null ? "must not be null" : "must be one of " + choices(Category.values())));
        }
        if (d.urgency() == null || d.urgency().name().equals("UNKNOWN")) {
            v.add(new Violation("urgency", "must not be null"));
        }
        if (d.beneficiaryGroup() == null || d.beneficiaryGroup().name().equals("UNKNOWN")) {
            v.add(new Violation("beneficiaryGroup", "must not be null"));
        }
        if (d.beneficiaryCount() < 1 || d.beneficiaryCount() > MAX_COUNT) {
            v.add(new Violation("beneficiaryCount", "must be between 1 and " + MAX_COUNT));
        }
        if (d.title() == null || d.title().isBlank()) {
            v.add(new Violation("title", "must not be blank"));
        } else if (d.title().length() > MAX_TITLE) {
            v.add(new Violation("title", "size must be between 1 and " + MAX_TITLE));
        } else {
            TitleScreen.problem(d.title()).ifPresent(p -> v.add(new Violation("title", p)));
        }
        if (!Geohashes.isValid(d.geohash())) {
            v.add(new Violation("geohash", "not a geohash (0-9 and b-z without a, i, l, o)"));
        }
        checkWindow(d, now, v);
        checkQuantity(d, v);
        if (d.requiredSkills().size() > MAX_SKILLS) {
            v.add(new Violation("requiredSkills", "at most " + MAX_SKILLS + " skills"));
        } else if (d.requiredSkills().stream().anyMatch(s -> s == null || s == Skill.UNKNOWN)) {
            v.add(new Violation("requiredSkills", "must be among " + choices(Skill.values())));
        } else if (new HashSet<>(d.requiredSkills()).size()
                != d.requiredSkills().size()) {
            v.add(new Violation("requiredSkills", "names a skill twice"));
        }
        if (d.requiredLanguages().size() > MAX_LANGUAGES) {
            v.add(new Violation("requiredLanguages", "at most " + MAX_LANGUAGES + " languages"));
        } else if (d.requiredLanguages().stream()
                .anyMatch(l -> l == null || !LANGUAGE_TAG.matcher(l).matches())) {
            v.add(new Violation("requiredLanguages", "must be BCP 47 language tags such as en or ja"));
        }
        if (d.estimatedMinutes() != null && (d.estimatedMinutes() < 1 || d.estimatedMinutes() > MAX_MINUTES)) {
            v.add(new Violation("estimatedMinutes", "must be between 1 and " + MAX_MINUTES));
        }
        if (d.source() == NeedSource.MICRO_WISH) {
            if (d.residentId() == null) {
                v.add(new Violation("residentId", "a micro-wish (微心愿) is one resident's wish: name the resident"));
            }
            if (d.beneficiaryCount() != 1) {
                v.add(new Violation("beneficiaryCount", "a micro-wish (微心愿) serves one person"));
            }
        }
        return v;
    }

    private static void checkWindow(NeedDraft d, Instant now, List<Violation> v) {
        if (d.start() == null) {
            v.add(new Violation("start", "must not be null"));
        }
        if (d.end() == null) {
            v.add(new Violation("end", "must not be null"));
        }
        if (d.start() == null || d.end() == null) {
            return;
        }
        if (!d.end().isAfter(d.start())) {
            v.add(new Violation("end", "must be after start 结束时间须晚于开始时间"));
        } else if (!d.end().isAfter(now)) {
            v.add(new Violation("end", "must be in the future 结束时间已过"));
        } else if (Duration.between(d.start(), d.end()).compareTo(MAX_WINDOW) > 0) {
            v.add(new Violation("end", "the time window may span at most 366 days"));
        }
    }

    private static void checkQuantity(NeedDraft d, List<Violation> v) {
        if (d.quantityAmount() != null) {
            if (d.quantityAmount() < 1 || d.quantityAmount() > MAX_COUNT) {
                v.add(new Violation("quantity.amount", "must be between 1 and " + MAX_COUNT));
            }
            if (d.quantityUnit() == null || d.quantityUnit().name().equals("UNKNOWN")) {
                v.add(new Violation("quantity.unit", "must not be null when an amount is given"));
            }
        } else if (d.quantityUnit() != null) {
            v.add(new Violation("quantity.amount", "must not be null when a unit is given"));
        } else if (d.category() == Category.DAILY_GOODS) {
            v.add(new Violation("quantity", "goods (DAILY_GOODS 生活物资) need a quantity"));
        }
    }

    private static String choices(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> e : values) {
            if (!e.name().equals("UNKNOWN")) {
                names.add(e.name());
            }
        }
        return String.join(", ", names);
    }
}
