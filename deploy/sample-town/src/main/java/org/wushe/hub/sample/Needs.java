package org.wushe.hub.sample;

import static org.wushe.hub.sample.SampleTown.body;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The sample town's needs: need {@code i} is drawn from the seed and {@code i} alone, so a stream of
 * needs interrupted at {@code i} goes on with the same needs; only the time window follows the clock
 * (it starts in the coming hours and lasts from hours to days, by urgency).
 */
final class Needs {

    private Needs() {}

    static Map<String, Object> need(SampleTown.State state, int index, Instant now) {
        Random r = new Random(state.seed() * 1_000_003L + index * 7_919L);
        Town.NeedKind kind = kind(r);
        List<SampleTown.ResidentRef> residents = state.residents();
        SampleTown.ResidentRef resident = null;
        if (!kind.groups().isEmpty() && r.nextDouble() < 0.75) {
            List<SampleTown.ResidentRef> fit = residents.stream()
                    .filter(p -> kind.groups().contains(p.group()))
                    .toList();
            if (!fit.isEmpty()) {
                resident = fit.get(r.nextInt(fit.size()));
            }
        }
        SampleTown.CommunityRef community = resident != null
                ? state.communities().get(resident.community())
                : state.communities().get(weighted(r));
        String group = resident != null
                ? resident.group()
                : kind.groups().isEmpty()
                        ? "ALL_RESIDENTS"
                        : kind.groups().get(r.nextInt(kind.groups().size()));
        int titleIndex = r.nextInt(kind.titles().size());
        String title = kind.titles().get(titleIndex);
        Map<String, Object> quantity = null;
        switch (kind.category()) {
            case "DAILY_GOODS" -> {
                Town.Goods g = Town.DAILY_GOODS.get(r.nextInt(Town.DAILY_GOODS.size()));
                title = String.format(title, g.title());
                quantity = body("amount", 1 + r.nextInt(3), "unit", g.unit());
            }
            case "MEAL_ASSISTANCE" ->
                quantity = r.nextDouble() < 0.7 ? body("amount", 5 + r.nextInt(6), "unit", "PORTION") : null;
            case "STUDY_SPACE" -> {
                Town.Goods g = Town.STUDY.get(r.nextInt(Town.STUDY.size()));
                quantity = body("amount", 1, "unit", g.unit());
                title = title.contains("一套") ? "困境儿童需要" + g.title() : title;
            }
            default -> {}
        }
        if (r.nextDouble() < 0.3) {
            title = community.name() + "：" + title;
        }
        List<String> skills = new ArrayList<>();
        List<String> languages = new ArrayList<>();
        if (!kind.skills().isEmpty() && r.nextDouble() < 0.7) {
            skills.add(kind.skills().get(Math.min(titleIndex, kind.skills().size() - 1)));
        }
        if ("FOREIGN_RESIDENT".equals(group)
                && (kind.category().equals("ESCORT") || kind.category().equals("LEGAL_ADVICE"))) {
            languages.add("en");
            if (kind.category().equals("ESCORT")) {
                skills.add("INTERPRETING");
                title = "陪同外籍居民就医并翻译";
            }
        }
        String urgency = urgency(r, kind.category());
        int count = switch (kind.category()) {
            case "ANTI_FRAUD" -> 20 + r.nextInt(25);
            case "CULTURAL_EVENT" -> 15 + r.nextInt(20);
            default -> resident != null || r.nextDouble() < 0.8 ? 1 : 2 + r.nextInt(3);
        };
        String source = resident == null
                ? (r.nextDouble() < 0.3 ? "GRID_REPORT" : "NEED_LIST")
                : "LOW_INCOME_FAMILY".equals(group) && r.nextBoolean()
                        ? "HARDSHIP_LIST"
                        : count == 1
                                        && r.nextDouble() < 0.15
                                        && List.of("DAILY_GOODS", "STUDY_SPACE", "HAIRCUT", "COMPANIONSHIP")
                                                .contains(kind.category())
                                ? "MICRO_WISH"
                                : r.nextDouble() < 0.2 ? "GRID_REPORT" : "NEED_LIST";
        Instant[] window = window(r, urgency, now);
        Geo.Point at = new Geo.Point(community.lat(), community.lon()).jitter(r, 500);
        Map<String, Object> b = body(
                "communityId",
                community.id(),
                "stationId",
                community.stationId(),
                "gridId",
                resident != null
                        ? resident.grid()
                        : community.grids().get(r.nextInt(community.grids().size())),
                "residentId",
                resident == null ? null : resident.id(),
                "source",
                source,
                "category",
                kind.category(),
                "urgency",
                urgency,
                "beneficiaryGroup",
                group,
                "beneficiaryCount",
                count,
                "title",
                title,
                "geohash",
                at.cell(),
                "start",
                window[0].toString(),
                "end",
                window[1].toString(),
                "quantity",
                quantity,
                "requiredSkills",
                skills,
                "requiredLanguages",
                languages,
                "estimatedMinutes",
                kind.minutes() + 15 * r.nextInt(3));
        return b;
    }

    /** The need a social worker's visit found (VisitRecorded with NEED_FOUND). */
    static Map<String, Object> raisedOnVisit(
            Random r, SampleTown.ResidentRef resident, SampleTown.CommunityRef community, Instant now) {
        List<Town.NeedKind> fitting = Town.NEED_KINDS.stream()
                .filter(k -> k.groups().contains(resident.group()))
                .toList();
        Town.NeedKind kind = fitting.isEmpty() ? Town.NEED_KINDS.get(6) : fitting.get(r.nextInt(fitting.size()));
        String title = kind.titles().get(r.nextInt(kind.titles().size()));
        Map<String, Object> quantity = null;
        if (kind.category().equals("DAILY_GOODS")) {
            Town.Goods g = Town.DAILY_GOODS.get(r.nextInt(Town.DAILY_GOODS.size()));
            title = String.format(title, g.title());
            quantity = body("amount", 1 + r.nextInt(2), "unit", g.unit());
        } else if (kind.category().equals("STUDY_SPACE")) {
            quantity = body("amount", 1, "unit", "SET");
        }
        Instant[] window = window(r, "SOON", now);
        return body(
                "category",
                kind.category(),
                "urgency",
                "SOON",
                "beneficiaryGroup",
                resident.group(),
                "beneficiaryCount",
                1,
                "title",
                "探访发现：" + title,
                "gridId",
                resident.grid(),
                "geohash",
                community.geohash(),
                "start",
                window[0].toString(),
                "end",
                window[1].toString(),
                "quantity",
                quantity,
                "requiredSkills",
                List.of(),
                "requiredLanguages",
                List.of(),
                "estimatedMinutes",
                kind.minutes());
    }

    private static Town.NeedKind kind(Random r) {
        int total = Town.NEED_KINDS.stream().mapToInt(Town.NeedKind::weight).sum();
        int x = r.nextInt(total);
        for (Town.NeedKind k : Town.NEED_KINDS) {
            x -= k.weight();
            if (x < 0) {
                return k;
            }
        }
        return Town.NEED_KINDS.get(0);
    }

    private static int weighted(Random r) {
        int total =
                Town.COMMUNITIES.stream().mapToInt(Town.Community::population).sum();
        int x = r.nextInt(total);
        for (int i = 0; i < Town.COMMUNITIES.size(); i++) {
            x -= Town.COMMUNITIES.get(i).population();
            if (x < 0) {
                return i;
            }
        }
        return 0;
    }

    private static String urgency(Random r, String category) {
        double x = r.nextDouble();
        if (category.equals("HOME_REPAIR") || category.equals("SAFETY_CHECK")) {
            return x < 0.15 ? "IMMEDIATE" : x < 0.5 ? "URGENT" : x < 0.85 ? "SOON" : "ROUTINE";
        }
        if (category.equals("CULTURAL_EVENT") || category.equals("ANTI_FRAUD") || category.equals("TUTORING")) {
            return x < 0.5 ? "ROUTINE" : "SOON";
        }
        return x < 0.05 ? "IMMEDIATE" : x < 0.25 ? "URGENT" : x < 0.65 ? "SOON" : "ROUTINE";
    }

    /**
     * From the next full hour (daytime, Beijing time) for a span by urgency: hours for IMMEDIATE, a day
     * for URGENT, three days for SOON, a week for ROUTINE.
     */
    private static Instant[] window(Random r, String urgency, Instant now) {
        ZonedDateTime start =
                now.atZone(SampleTown.ZONE).truncatedTo(ChronoUnit.HOURS).plusHours(1);
        if (!urgency.equals("IMMEDIATE")) {
            start = start.plusHours(r.nextInt(36));
        }
        if (start.getHour() < 8) {
            start = start.withHour(8);
        } else if (start.getHour() >= 20) {
            start = start.plusDays(1).withHour(8);
        }
        Duration span = switch (urgency) {
            case "IMMEDIATE" -> Duration.ofHours(6);
            case "URGENT" -> Duration.ofHours(24);
            case "SOON" -> Duration.ofDays(3);
            default -> Duration.ofDays(7);
        };
        return new Instant[] {start.toInstant(), start.toInstant().plus(span)};
    }
}
