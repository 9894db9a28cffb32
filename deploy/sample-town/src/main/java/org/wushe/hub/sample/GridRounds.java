package org.wushe.hub.sample;

import static org.wushe.hub.sample.SampleTown.body;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * 网格员 The grid workers' month (#19 item 5): each grid's worker ({@code grid-N}, signed in as themself) keeps the grid's
 * register (a compound, two buildings, households with the grid's flagged residents living in them and some without a
 * record), walks a patrol round (巡检) about once a week over the last four weeks (gas and fire checked at every door,
 * wiring and living conditions at some), records what was found wanting as findings, sets care plans (关爱计划) for the
 * elderly of the grid living alone or very old (HIGH weekly, MEDIUM fortnightly, LOW monthly) and records the month's
 * care visits (mostly on time, some late, some not made, which the community service then announces overdue), and helps
 * a few residents with a subsidy application (补助申请). The patrol API takes rounds up to 31 days back and care visits
 * from the plan's start, so the month is recorded with its real days. Findings are ROUTINE or SOON and wait for the
 * community's staff (signed in as {@code community-N}), who publish two in three as needs (source GRID_REPORT, at the
 * community's own station) and set the others aside; one finding of the town is URGENT and becomes a need at once.
 * Everything goes through the services' public APIs with the people's own tokens.
 */
final class GridRounds {

    /** Rounds over the last four weeks (the patrol API takes up to 31 days back). */
    static final int MONTH = 28;

    static final int MAX_DAYS_BACK = 31;
    /** Households registered per grid: its flagged residents' (up to this many), then some without a record. */
    static final int MAX_HOUSEHOLDS = 10;

    static final int MIN_HOUSEHOLDS = 6;
    /** Care plans per grid, at most. */
    static final int MAX_CARE_PLANS = 4;
    /** Care plans start this many days ago, so the month has visits due. */
    static final int CARE_SINCE = 35;

    static final List<String> ITEMS = List.of("GAS", "FIRE", "WIRING", "LIVING_CONDITIONS");

    /** What was made, for the summary line. */
    record Made(
            int grids,
            int households,
            int patrols,
            int householdVisits,
            int findings,
            int urgent,
            int published,
            int dismissed,
            int carePlans,
            int careVisits,
            int subsidies) {

        String describe() {
            return String.format(
                    "%d grids' registers (%d households), %d patrol rounds (%d household visits, %d findings: %d urgent "
                            + "published at once, %d published by community staff, %d set aside), %d care plans with %d visits, %d subsidy applications",
                    grids,
                    households,
                    patrols,
                    householdVisits,
                    findings,
                    urgent,
                    published,
                    dismissed,
                    carePlans,
                    careVisits,
                    subsidies);
        }
    }

    // ---------------------------------------------------------------- the plan, drawn from the seed alone

    /** A household of the register: building 0 or 1, its number there, the resident record living in it (or none). */
    record Home(int building, int stairwell, int number, String residentId, String group) {}

    record Check(String item, boolean ok) {}

    record Finding(String item, String category, String urgency, String title, String group, String residentId) {}

    /** One household on a round: what was checked and what was found wanting. */
    record Visit(int home, List<Check> checks, List<Finding> findings) {}

    record Round(LocalDate on, List<Visit> visits) {}

    record CareVisit(LocalDate on, String outcome) {}

    record Care(String residentId, String risk, LocalDate since, List<CareVisit> visits) {}

    /** A subsidy application: submitted on a day, then APPROVED, REJECTED or still waiting (decision null). */
    record Subsidy(String residentId, String kind, LocalDate submittedOn, String decision, LocalDate decidedOn) {}

    /** One grid's month; {@code account} is the number of its grid worker's account ({@code grid-N}). */
    record GridPlan(
            int community,
            String gridId,
            int account,
            List<Home> homes,
            List<Round> rounds,
            List<Care> care,
            Subsidy subsidy) {}

    private record Trouble(String item, String category, String title) {}

    /** What rounds find wanting, and the need each raises (public titles: no name, phone or ID number). */
    private static final List<Trouble> TROUBLES = List.of(
            new Trouble("GAS", "SAFETY_CHECK", "燃气软管老化，需更换"),
            new Trouble("GAS", "SAFETY_CHECK", "燃气报警器失灵，需检修"),
            new Trouble("FIRE", "SAFETY_CHECK", "楼道堆放杂物，堵塞消防通道"),
            new Trouble("FIRE", "SAFETY_CHECK", "家中灭火器过期，需更换"),
            new Trouble("WIRING", "HOME_REPAIR", "电线老化，插座发热，需检修"),
            new Trouble("WIRING", "HOME_REPAIR", "电动车在室内充电，需改接充电线路"),
            new Trouble("LIVING_CONDITIONS", "HOME_REPAIR", "屋顶渗水，墙面潮湿发霉，需修缮"),
            new Trouble("LIVING_CONDITIONS", "MEAL_ASSISTANCE", "老人做饭困难，冰箱里几乎没有食物，需助餐"));

    /** The town's one urgent finding: a gas hose leaking, on the first grid's latest round. */
    private static final Trouble URGENT = new Trouble("GAS", "SAFETY_CHECK", "燃气软管破损漏气，需立即更换");

    /**
     * Every grid's month, drawn in the communities' and grids' order from {@code r} (the same seed makes the same month,
     * relative to {@code today}). Grid workers' accounts are numbered in the same order (SampleAccounts).
     */
    static List<GridPlan> plan(SampleTown.State state, Random r, LocalDate today) {
        List<GridPlan> plans = new ArrayList<>();
        int account = 0;
        for (int c = 0; c < state.communities().size(); c++) {
            for (String gridId : state.communities().get(c).grids()) {
                account++;
                plans.add(grid(
                        r,
                        c,
                        gridId,
                        account,
                        state.residents().stream()
                                .filter(p -> gridId.equals(p.grid()))
                                .toList(),
                        today));
            }
        }
        // One urgent finding in the town: on the first grid's latest round, at its first household.
        if (!plans.isEmpty() && !plans.get(0).rounds().isEmpty()) {
            GridPlan first = plans.get(0);
            List<Round> rounds = new ArrayList<>(first.rounds());
            Round last = rounds.get(rounds.size() - 1);
            List<Visit> visits = new ArrayList<>(last.visits());
            Visit v = visits.get(0);
            Home home = first.homes().get(v.home());
            List<Check> checks = new ArrayList<>(v.checks().stream()
                    .filter(k -> !k.item().equals(URGENT.item()))
                    .toList());
            checks.add(0, new Check(URGENT.item(), false));
            List<Finding> findings = new ArrayList<>(v.findings().stream()
                    .filter(f -> !f.item().equals(URGENT.item()))
                    .toList());
            findings.add(
                    0,
                    new Finding(
                            URGENT.item(),
                            URGENT.category(),
                            "URGENT",
                            URGENT.title(),
                            groupOf(home),
                            home.residentId()));
            visits.set(0, new Visit(v.home(), checks, findings));
            rounds.set(rounds.size() - 1, new Round(last.on(), visits));
            plans.set(
                    0,
                    new GridPlan(
                            first.community(),
                            first.gridId(),
                            first.account(),
                            first.homes(),
                            rounds,
                            first.care(),
                            first.subsidy()));
        }
        return plans;
    }

    private static GridPlan grid(
            Random r,
            int community,
            String gridId,
            int account,
            List<SampleTown.ResidentRef> residents,
            LocalDate today) {
        // The register: the grid's flagged residents' households, then some without a record, over two buildings.
        List<Home> homes = new ArrayList<>();
        int[] perBuilding = new int[2];
        int size = Math.max(MIN_HOUSEHOLDS, Math.min(MAX_HOUSEHOLDS, residents.size()));
        for (int i = 0; i < size; i++) {
            SampleTown.ResidentRef p = i < residents.size() ? residents.get(i) : null;
            int b = i % 2;
            int k = perBuilding[b]++;
            homes.add(new Home(
                    b,
                    1 + k % 2,
                    101 + 100 * (k / 2) + k % 2,
                    p == null ? null : p.id(),
                    p == null ? null : p.group()));
        }

        // A round about once a week over the last four weeks.
        List<Round> rounds = new ArrayList<>();
        for (LocalDate on = today.minusDays(MONTH - r.nextInt(4));
                !on.isAfter(today);
                on = on.plusDays(6 + r.nextInt(3))) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < homes.size(); i++) {
                order.add(i);
            }
            java.util.Collections.shuffle(order, r);
            List<Visit> visits = new ArrayList<>();
            for (int home : order.subList(0, Math.min(homes.size(), 3 + r.nextInt(3)))) {
                Home h = homes.get(home);
                List<Check> checks = new ArrayList<>();
                List<Finding> findings = new ArrayList<>();
                for (String item : ITEMS) {
                    boolean checked = switch (item) {
                        case "GAS", "FIRE" -> true;
                        case "WIRING" -> r.nextDouble() < 0.6;
                        default -> h.group() != null || r.nextDouble() < 0.4;
                    };
                    if (!checked) {
                        continue;
                    }
                    boolean ok = r.nextDouble() >= 0.06;
                    checks.add(new Check(item, ok));
                    if (!ok) {
                        List<Trouble> of = TROUBLES.stream()
                                .filter(t -> t.item().equals(item))
                                .toList();
                        Trouble t = of.get(r.nextInt(of.size()));
                        findings.add(new Finding(
                                item,
                                t.category(),
                                r.nextDouble() < 0.6 ? "ROUTINE" : "SOON",
                                t.title(),
                                groupOf(h),
                                h.residentId()));
                    }
                }
                visits.add(new Visit(home, checks, findings));
            }
            rounds.add(new Round(on, visits));
        }

        // Care plans for the elderly of the grid living alone, very old or without children.
        List<Care> care = new ArrayList<>();
        for (Home h : homes) {
            if (care.size() >= MAX_CARE_PLANS
                    || h.residentId() == null
                    || !List.of("ELDERLY_ALONE", "VERY_OLD", "CHILDLESS_ELDERLY")
                            .contains(h.group())) {
                continue;
            }
            String risk = h.group().equals("VERY_OLD")
                    ? "HIGH"
                    : r.nextDouble() < 0.4 ? "HIGH" : r.nextDouble() < 0.6 ? "MEDIUM" : "LOW";
            LocalDate since = today.minusDays(CARE_SINCE + r.nextInt(5));
            care.add(new Care(h.residentId(), risk, since, careVisits(r, risk, since, today)));
        }

        // Now and then a subsidy application for a resident of the grid.
        Subsidy subsidy = null;
        List<Home> withRecord =
                homes.stream().filter(h -> h.residentId() != null).toList();
        if (!withRecord.isEmpty() && r.nextInt(3) == 0) {
            Home h = withRecord.get(r.nextInt(withRecord.size()));
            String kind = switch (h.group() == null ? "" : h.group()) {
                case "LOW_INCOME_FAMILY" -> "MINIMUM_LIVING";
                case "DISABLED" -> "DISABILITY_ALLOWANCE";
                case "VERY_OLD" -> "ELDERLY_ALLOWANCE";
                case "ELDERLY_ALONE", "CHILDLESS_ELDERLY" -> "HEATING_SUBSIDY";
                default -> "TEMPORARY_ASSISTANCE";
            };
            LocalDate submitted = today.minusDays(12 + r.nextInt(14));
            double x = r.nextDouble();
            String decision = x < 0.5 ? "APPROVED" : x < 0.65 ? "REJECTED" : null;
            LocalDate decided = decision == null ? null : submitted.plusDays(3 + r.nextInt(8));
            subsidy = new Subsidy(h.residentId(), kind, submitted, decision, decided);
        }
        return new GridPlan(community, gridId, account, homes, rounds, care, subsidy);
    }

    /**
     * A plan's visits from {@code since} to today: each near its due day (mostly a few days before, sometimes late), now
     * and then nobody home (无人应答, which does not count) and the visit the day after; one in ten is never made, which
     * leaves the plan overdue.
     */
    static List<CareVisit> careVisits(Random r, String risk, LocalDate since, LocalDate today) {
        List<CareVisit> visits = new ArrayList<>();
        LocalDate last = null;
        while (true) {
            LocalDate due = nextDue(risk, since, last);
            double x = r.nextDouble();
            if (x < 0.1) {
                break;
            }
            LocalDate on = x < 0.8 ? due.minusDays(r.nextInt(4)) : due.plusDays(1 + r.nextInt(4));
            LocalDate floor = last == null ? since : last.plusDays(1);
            if (on.isBefore(floor)) {
                on = floor;
            }
            if (on.isAfter(today)) {
                break;
            }
            if (r.nextDouble() < 0.08 && on.plusDays(1).compareTo(today) <= 0) {
                visits.add(new CareVisit(on, "NOT_HOME"));
                on = on.plusDays(1);
            }
            visits.add(new CareVisit(on, r.nextDouble() < 0.9 ? "WELL" : "NEED_FOUND"));
            last = on;
        }
        return visits;
    }

    /** The community service's schedule (CareSchedule): weekly, fortnightly, monthly from the latest visit or the start. */
    static LocalDate nextDue(String risk, LocalDate since, LocalDate lastVisitedOn) {
        LocalDate from = lastVisitedOn != null && lastVisitedOn.isAfter(since) ? lastVisitedOn : since;
        return switch (risk) {
            case "HIGH" -> from.plusDays(7);
            case "MEDIUM" -> from.plusDays(14);
            default -> from.plusMonths(1);
        };
    }

    private static String groupOf(Home h) {
        return h.group() == null ? "ALL_RESIDENTS" : h.group();
    }

    // ---------------------------------------------------------------- through the APIs

    private final SampleTown.Endpoints api;
    private final SignIns signIns;
    private final Wishes.Http http = new Wishes.Http();

    private GridRounds(SampleTown.Endpoints api, Path dir) {
        this.api = api;
        this.signIns = new SignIns(api, dir, http);
    }

    /** After the sample accounts are made ({@code grid-N} and {@code community-N} among them, passwords in {@code dir}). */
    static Made load(SampleTown.State state, SampleTown.Endpoints api, Path dir, Random r) {
        return new GridRounds(api, dir).record(state, plan(state, r, LocalDate.now(SampleTown.ZONE)));
    }

    private Made record(SampleTown.State state, List<GridPlan> plans) {
        AtomicInteger households = new AtomicInteger();
        AtomicInteger patrols = new AtomicInteger();
        AtomicInteger householdVisits = new AtomicInteger();
        AtomicInteger findings = new AtomicInteger();
        AtomicInteger urgent = new AtomicInteger();
        AtomicInteger published = new AtomicInteger();
        AtomicInteger dismissed = new AtomicInteger();
        AtomicInteger carePlans = new AtomicInteger();
        AtomicInteger careVisits = new AtomicInteger();
        AtomicInteger subsidies = new AtomicInteger();
        // The findings waiting for review, per community, in the plan's order.
        Map<Integer, List<String>> reported = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4, t -> {
            Thread thread = new Thread(t, "sample-town-grid");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<Void>> work = new ArrayList<>();
            for (GridPlan g : plans) {
                work.add(CompletableFuture.runAsync(
                        () -> {
                            SampleTown.CommunityRef community =
                                    state.communities().get(g.community());
                            String worker = signIns.token("grid-" + g.account());
                            List<String> homeIds = register(worker, g, community.rural());
                            households.addAndGet(homeIds.size());
                            List<String> waiting = new ArrayList<>();
                            for (Round round : g.rounds()) {
                                List<Object> visits = new ArrayList<>();
                                for (Visit v : round.visits()) {
                                    visits.add(body(
                                            "householdId",
                                            homeIds.get(v.home()),
                                            "checks",
                                            v.checks().stream()
                                                    .map(k -> body("item", k.item(), "ok", k.ok()))
                                                    .toList(),
                                            "findings",
                                            v.findings().stream()
                                                    .map(f -> body(
                                                            "item",
                                                            f.item(),
                                                            "category",
                                                            f.category(),
                                                            "urgency",
                                                            f.urgency(),
                                                            "beneficiaryGroup",
                                                            f.group(),
                                                            "title",
                                                            f.title(),
                                                            "residentId",
                                                            f.residentId(),
                                                            "stationId",
                                                            community.stationId()))
                                                    .toList()));
                                }
                                JsonNode view = http.call(
                                        "POST",
                                        api.community() + "/grids/" + g.gridId() + "/patrols",
                                        worker,
                                        body("patrolledOn", round.on().toString(), "households", visits));
                                patrols.incrementAndGet();
                                householdVisits.addAndGet(round.visits().size());
                                for (JsonNode h : view.path("hazards")) {
                                    findings.incrementAndGet();
                                    if ("PUBLISHED".equals(h.path("status").asText())) {
                                        urgent.incrementAndGet();
                                    } else {
                                        waiting.add(h.path("id").asText());
                                    }
                                }
                            }
                            reported.computeIfAbsent(
                                    g.community(), c -> java.util.Collections.synchronizedList(new ArrayList<>()));
                            reported.get(g.community()).addAll(waiting);
                            for (Care c : g.care()) {
                                JsonNode plan = http.call(
                                        "PUT",
                                        api.community() + "/grids/" + g.gridId() + "/care-plans",
                                        worker,
                                        body(
                                                "residentId",
                                                c.residentId(),
                                                "risk",
                                                c.risk(),
                                                "since",
                                                c.since().toString()));
                                carePlans.incrementAndGet();
                                for (CareVisit v : c.visits()) {
                                    http.call(
                                            "POST",
                                            api.community() + "/care-plans/"
                                                    + plan.path("id").asText() + "/visits",
                                            worker,
                                            body("visitedOn", v.on().toString(), "outcome", v.outcome()));
                                    careVisits.incrementAndGet();
                                }
                            }
                            if (g.subsidy() != null) {
                                Subsidy s = g.subsidy();
                                JsonNode a = http.call(
                                        "POST",
                                        api.community() + "/grids/" + g.gridId() + "/subsidy-applications",
                                        worker,
                                        body("residentId", s.residentId(), "kind", s.kind()));
                                String id = a.path("id").asText();
                                http.call(
                                        "POST",
                                        api.community() + "/subsidy-applications/" + id + "/status",
                                        worker,
                                        body(
                                                "status",
                                                "SUBMITTED",
                                                "on",
                                                s.submittedOn().toString()));
                                if (s.decision() != null) {
                                    http.call(
                                            "POST",
                                            api.community() + "/subsidy-applications/" + id + "/status",
                                            worker,
                                            body(
                                                    "status",
                                                    s.decision(),
                                                    "on",
                                                    s.decidedOn().toString()));
                                }
                                subsidies.incrementAndGet();
                            }
                        },
                        pool));
            }
            Rest.all(work);

            // The communities' staff review what the rounds reported: two in three published as needs, the others set
            // aside.
            List<CompletableFuture<Void>> reviews = new ArrayList<>();
            reported.forEach((c, ids) -> reviews.add(CompletableFuture.runAsync(
                    () -> {
                        SampleTown.CommunityRef community = state.communities().get(c);
                        String staff = signIns.token("community-" + (c + 1));
                        for (int i = 0; i < ids.size(); i++) {
                            if (i % 3 == 2) {
                                http.call(
                                        "POST",
                                        api.community() + "/hazards/" + ids.get(i) + "/dismiss",
                                        staff,
                                        body("reason", "已当场处理，无需发布 handled on the spot"));
                                dismissed.incrementAndGet();
                            } else {
                                http.call(
                                        "POST",
                                        api.community() + "/hazards/" + ids.get(i) + "/publish",
                                        staff,
                                        body("stationId", community.stationId()));
                                published.incrementAndGet();
                            }
                        }
                    },
                    pool)));
            Rest.all(reviews);
        } finally {
            pool.shutdownNow();
        }
        return new Made(
                plans.size(),
                households.get(),
                patrols.get(),
                householdVisits.get(),
                findings.get(),
                urgent.get(),
                published.get(),
                dismissed.get(),
                carePlans.get(),
                careVisits.get(),
                subsidies.get());
    }

    /** The grid's register: a compound, two buildings, the households; answers the households' ids in the plan's order. */
    private List<String> register(String worker, GridPlan g, boolean rural) {
        String compound = http.call(
                        "POST",
                        api.community() + "/grids/" + g.gridId() + "/compounds",
                        worker,
                        body("name", rural ? "村民居住区" : "网格小区"))
                .path("id")
                .asText();
        String[] buildings = new String[2];
        for (int b = 0; b < 2; b++) {
            buildings[b] = http.call(
                            "POST",
                            api.community() + "/compounds/" + compound + "/buildings",
                            worker,
                            body("label", rural ? (b + 1) + "组" : (b + 1) + "号楼", "stairwells", 2))
                    .path("id")
                    .asText();
        }
        List<String> ids = new ArrayList<>();
        for (Home h : g.homes()) {
            ids.add(http.call(
                            "POST",
                            api.community() + "/buildings/" + buildings[h.building()] + "/households",
                            worker,
                            body(
                                    "stairwell",
                                    h.stairwell(),
                                    "number",
                                    h.number(),
                                    "residentIds",
                                    h.residentId() == null ? List.of() : List.of(h.residentId())))
                    .path("id")
                    .asText());
        }
        return ids;
    }
}
