package org.wushe.hub.local.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The sample town 永顺镇, loaded through the services' public REST APIs only, so every event travels
 * the real outbox → Debezium → Kafka path: a town centre with five community and two rural stations
 * serving 17 communities and their grids, about 2,000 residents, 500 volunteers in a team with six
 * sub-teams, 60 donors with 300 offers, social organizations with service capacity and projects,
 * social workers with cases, visits and groups — and 1,000 needs that arrive over time (150 at once,
 * the rest at a steady pace), for the matching service to propose.
 *
 * <p>Everything is drawn from one seed, so two loads with the same seed and scale make the same town
 * (ids aside). A marker in {@code <data-dir>/sample-town/} keeps it from being loaded twice; the state
 * written after the base data lets an interrupted stream of needs resume where it stopped.
 */
public final class SampleTown implements AutoCloseable {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String[] DAYS = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"};

    /**
     * How much and how fast. {@code scale} multiplies residents, volunteers, donors, offers, needs,
     * cases and visits (the town's shape stays); {@code trickle} is how long the needs after the first
     * burst take to arrive.
     */
    public record Settings(long seed, double scale, Duration trickle, int concurrency) {

        public static Settings defaults() {
            return new Settings(20261123L, 1.0, Duration.ofMinutes(5), 8);
        }

        public Settings withSeed(long s) {
            return new Settings(s, scale, trickle, concurrency);
        }

        public Settings withScale(double s) {
            if (!(s > 0 && s <= 10)) {
                throw new IllegalArgumentException("sample scale must be in (0, 10], was " + s);
            }
            return new Settings(seed, s, trickle, concurrency);
        }

        public Settings withTrickle(Duration d) {
            return new Settings(seed, scale, d, concurrency);
        }

        int residents() {
            return scaled(2000, 20);
        }

        int volunteers() {
            return scaled(500, 10);
        }

        int donors() {
            return scaled(60, 10);
        }

        int offers() {
            return Math.max(donors() * 2, scaled(300, 20));
        }

        int needs() {
            return scaled(1000, 10);
        }

        int burst() {
            return Math.min(needs(), scaled(150, 5));
        }

        int visits() {
            return scaled(120, 8);
        }

        int cases() {
            return scaled(20, 4);
        }

        private int scaled(int n, int min) {
            return Math.max(min, (int) Math.round(n * scale));
        }
    }

    /** The base URLs of the services, e.g. {@code http://127.0.0.1:8081}. */
    public record Endpoints(String community, String organization, String socialWorker, String volunteer, String resource,
                            String matching, String auth) {
    }

    /** What was loaded: the counts printed as the summary. */
    public record Summary(int communities, int stations, int grids, int residents, Map<String, Integer> residentFlags,
                          int volunteers, int youngOldVolunteers, int teams, int teamMembers, int donors, int offers,
                          Map<String, Integer> offersByKind, int organizations, int capacities, int projects, int grants,
                          int socialWorkers, int cases, int visits, int visitsRaisingNeeds, int groups, int groupSessions,
                          int needs, int needsAtOnce) {
    }

    record CommunityRef(String id, String name, boolean rural, String stationId, String geohash, double lat, double lon,
                        List<String> grids) {
    }

    /** A resident the sample refers to later (needs, cases, visits): flagged residents only. */
    record ResidentRef(String id, String ref, int community, String grid, String group) {
    }

    record State(long seed, double scale, String centreId, List<CommunityRef> communities, List<ResidentRef> residents,
                 Summary summary) {
    }

    public enum Outcome {
        /** Loaded now: the base data and the first burst of needs are in; the rest follow. */
        LOADED,
        /** The base data was loaded before; the needs go on from where they stopped. */
        RESUMED,
        /** Everything was loaded before: nothing to do. */
        ALREADY_LOADED,
        /** An earlier load stopped before its base data was complete: nothing done (start with --wipe). */
        INCOMPLETE
    }

    private final Settings settings;
    private final Endpoints api;
    private final Path dir;
    private final Consumer<String> out;
    private final Rest rest;
    private final ExecutorService branches;
    private State state;
    private volatile int needsPosted;
    private volatile boolean stopped;
    private volatile Thread trickleThread;

    /** @param token the bearer token of every request: a {@code hub_admin} token of the hub's operator client */
    public SampleTown(Settings settings, Endpoints api, Path dataDir, java.util.function.Supplier<String> token, Consumer<String> out) {
        this.settings = settings;
        this.api = api;
        this.dir = dataDir.resolve("sample-town");
        this.out = out;
        this.rest = new Rest(settings.concurrency(), token);
        this.branches = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "sample-town");
            t.setDaemon(true);
            return t;
        });
    }

    /** The marker of a town loaded completely, needs and all. */
    public static boolean loaded(Path dataDir) {
        return Files.exists(dataDir.resolve("sample-town").resolve("loaded"));
    }

    /**
     * Loads the base data and the first burst of needs, or resumes an earlier load's needs. Returns when
     * the hub is ready to look at; {@link #postRemainingNeeds()} sends the rest.
     */
    public Outcome load() {
        try {
            Files.createDirectories(dir);
            if (Files.exists(dir.resolve("loaded"))) {
                return Outcome.ALREADY_LOADED;
            }
            if (Files.exists(dir.resolve("state.json"))) {
                state = Rest.JSON.readValue(dir.resolve("state.json").toFile(), State.class);
                needsPosted = readPosted();
                return Outcome.RESUMED;
            }
            if (Files.exists(dir.resolve("started"))) {
                return Outcome.INCOMPLETE;
            }
            Files.writeString(dir.resolve("started"), Instant.now() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use " + dir, e);
        }
        long began = System.nanoTime();
        state = loadBase();
        out.accept(String.format("  base data in %.1f s (%,d requests; %s)", (System.nanoTime() - began) / 1e9, rest.requestsSent(),
                String.join(", ", timings.entrySet().stream().map(e -> String.format("%s %.1f s", e.getKey(), e.getValue() / 1e3)).toList())));
        long accounts = System.nanoTime();
        int made = SampleAccounts.create(rest, api, state, dir).size();
        out.accept(String.format("  %d sign-in accounts in %.1f s (%s; password %s)", made, (System.nanoTime() - accounts) / 1e9,
                dir.resolve("accounts.txt"), SampleAccounts.PASSWORD));
        writeState();
        long waited = System.nanoTime();
        awaitMatchingIndexed(Duration.ofSeconds(60));
        long burst = System.nanoTime();
        postBurst();
        out.accept(String.format("  matching indexed it %.1f s later; %d needs published in %.1f s", (burst - waited) / 1e9,
                state.summary().needsAtOnce(), (System.nanoTime() - burst) / 1e9));
        return Outcome.LOADED;
    }

    public Summary summary() {
        return state == null ? null : state.summary();
    }

    public int needsPlanned() {
        return state == null ? 0 : state.summary().needs();
    }

    public int needsPosted() {
        return needsPosted;
    }

    // ---------------------------------------------------------------- base data

    private State loadBase() {
        Random r = new Random(settings.seed());
        LocalDate today = LocalDate.now(ZONE);

        // 1. Communities, then everything that names them, service by service side by side.
        List<CommunityRef> communities = registerCommunities();
        List<Town.Community> plan = Town.COMMUNITIES;

        // Each branch's seed is drawn here, in this order: drawn inside the branches, the threads' race would
        // hand the seeds out in a different order on every load.
        long communitySeed = r.nextLong();
        long resourceSeed = r.nextLong();
        long volunteerSeed = r.nextLong();
        long organizationSeed = r.nextLong();
        long socialWorkSeed = r.nextLong();
        CompletableFuture<CommunityPart> community = branch("community", () -> stationsGridsResidents(new Random(communitySeed), communities));
        CompletableFuture<int[]> resources = branch("resource", () -> donorsAndOffers(new Random(resourceSeed), communities, today));
        CompletableFuture<int[]> volunteers = branch("volunteer", () -> volunteersAndTeams(new Random(volunteerSeed), communities));
        CompletableFuture<int[]> organizations = branch("organization", () -> organizations(new Random(organizationSeed), communities, today));
        CommunityPart c = Rest.join(community);
        long socialBegan = System.nanoTime();
        int[] social = socialWork(new Random(socialWorkSeed), c, today);
        timings.put("social-worker", (System.nanoTime() - socialBegan) / 1_000_000);
        int[] res = Rest.join(resources);
        int[] vol = Rest.join(volunteers);
        int[] org = Rest.join(organizations);

        Map<String, Integer> offersByKind = new TreeMap<>();
        offersByKind.put("GOODS", res[2]);
        offersByKind.put("SERVICE", res[3]);
        offersByKind.put("FUND", res[4]);
        offersByKind.put("VENUE", res[5]);
        Summary summary = new Summary(plan.size(), 1 + Town.STATIONS.size(), c.grids, c.residents.size() + c.unflagged, c.flags,
                vol[0], vol[1], vol[2], vol[3], res[0], res[1], offersByKind, org[0], org[1], org[2], org[3],
                social[0], social[1], social[2], social[3], social[4], social[5], settings.needs(), settings.burst());
        return new State(settings.seed(), settings.scale(), c.centreId, c.communities, c.residents, summary);
    }

    private <T> CompletableFuture<T> branch(String name, java.util.function.Supplier<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            long began = System.nanoTime();
            T result = work.get();
            timings.put(name, (System.nanoTime() - began) / 1_000_000);
            return result;
        }, branches);
    }

    /** How long each service's part of the base data took, in ms. */
    private final Map<String, Long> timings = new java.util.concurrent.ConcurrentSkipListMap<>();

    private List<CommunityRef> registerCommunities() {
        List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
        for (Town.Community c : Town.COMMUNITIES) {
            calls.add(rest.post(api.community() + "/communities", body("name", c.name(), "kind", c.rural() ? "RURAL" : "URBAN",
                    "districtCode", Town.DISTRICT, "streetCode", Town.STREET, "geohash", c.point().cell(), "gridCount", c.grids(),
                    "householdCount", c.households(), "residentCount", c.population())));
        }
        List<JsonNode> answers = Rest.all(calls);
        List<CommunityRef> refs = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            Town.Community c = Town.COMMUNITIES.get(i);
            refs.add(new CommunityRef(answers.get(i).get("id").asText(), c.name(), c.rural(), null, c.point().cell(), c.point().lat(),
                    c.point().lon(), List.of()));
        }
        return refs;
    }

    private static final class CommunityPart {
        String centreId;
        List<CommunityRef> communities;
        List<ResidentRef> residents = new ArrayList<>();
        int unflagged;
        int grids;
        Map<String, Integer> flags = new TreeMap<>();
    }

    private CommunityPart stationsGridsResidents(Random r, List<CommunityRef> communities) {
        CommunityPart part = new CommunityPart();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < communities.size(); i++) {
            index.put(communities.get(i).name(), i);
        }
        JsonNode centre = Rest.join(rest.post(api.community() + "/stations", body("name", Town.CENTRE_STATION, "level", "STREET_CENTRE",
                "districtCode", Town.DISTRICT, "streetCode", Town.STREET, "geohash", Town.CENTRE.cell(),
                "servedCommunityIds", communities.stream().map(CommunityRef::id).toList())));
        part.centreId = centre.get("id").asText();
        List<CompletableFuture<JsonNode>> stationCalls = new ArrayList<>();
        for (Town.Station s : Town.STATIONS) {
            stationCalls.add(rest.post(api.community() + "/stations", body("name", s.name(), "level", "COMMUNITY_STATION",
                    "parentStationId", part.centreId, "communityId", communities.get(index.get(s.communities().get(0))).id(),
                    "servedCommunityIds", s.communities().stream().map(n -> communities.get(index.get(n)).id()).toList())));
        }
        List<JsonNode> stations = Rest.all(stationCalls);
        String[] stationOf = new String[communities.size()];
        for (int i = 0; i < Town.STATIONS.size(); i++) {
            for (String n : Town.STATIONS.get(i).communities()) {
                stationOf[index.get(n)] = stations.get(i).get("id").asText();
            }
        }

        // Grids: a grid worker's block each, cells around the community's centre.
        List<List<CompletableFuture<JsonNode>>> gridCalls = new ArrayList<>();
        for (int i = 0; i < communities.size(); i++) {
            Town.Community c = Town.COMMUNITIES.get(i);
            List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
            for (int g = 0; g < c.grids(); g++) {
                int households = c.households() / c.grids();
                int buildings = c.rural() ? 0 : Math.max(4, households / 65);
                calls.add(rest.post(api.community() + "/communities/" + communities.get(i).id() + "/grids", body("name", Town.GRID_NAMES[g],
                        "buildings", buildings, "stairwells", buildings * 4 + r.nextInt(8), "households", households,
                        "residents", c.population() / c.grids(), "geohash", c.point().jitter(r, 500).cell())));
            }
            gridCalls.add(calls);
        }
        List<CommunityRef> refs = new ArrayList<>();
        for (int i = 0; i < communities.size(); i++) {
            List<String> grids = Rest.all(gridCalls.get(i)).stream().map(g -> g.get("id").asText()).toList();
            part.grids += grids.size();
            CommunityRef c = communities.get(i);
            refs.add(new CommunityRef(c.id(), c.name(), c.rural(), stationOf[i], c.geohash(), c.lat(), c.lon(), grids));
        }
        part.communities = refs;

        // Residents: weighted to the communities' populations; personal data synthetic, flags as registers keep them.
        int total = settings.residents();
        int population = Town.COMMUNITIES.stream().mapToInt(Town.Community::population).sum();
        Set<String> ids = new HashSet<>();
        List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
        List<Object[]> meta = new ArrayList<>();
        LocalDate today = LocalDate.now(ZONE);
        int n = 0;
        for (int i = 0; i < refs.size(); i++) {
            Town.Community c = Town.COMMUNITIES.get(i);
            int here = i == refs.size() - 1 ? total - n : (int) Math.round((double) total * c.population() / population);
            n += here;
            for (int k = 0; k < here; k++) {
                Resident p = resident(r, c, today, ids);
                String grid = refs.get(i).grids().get(r.nextInt(refs.get(i).grids().size()));
                Map<String, Object> b = body("communityId", refs.get(i).id(), "gridId", grid,
                        "residentNumber", String.format("YS%02d-%04d", i + 1, k + 1), "name", p.name, "phone", p.phone,
                        "idNumber", p.idNumber, "address", p.address, "flags", p.flags);
                calls.add(rest.post(api.community() + "/residents", b));
                meta.add(new Object[] {i, grid, p.group});
                for (String f : p.flags) {
                    part.flags.merge(f, 1, Integer::sum);
                }
            }
        }
        List<JsonNode> answers = Rest.all(calls);
        for (int k = 0; k < answers.size(); k++) {
            Object[] m = meta.get(k);
            if (m[2] == null) {
                part.unflagged++;
            } else {
                part.residents.add(new ResidentRef(answers.get(k).get("id").asText(), answers.get(k).get("residentRef").asText(),
                        (Integer) m[0], (String) m[1], (String) m[2]));
            }
        }
        return part;
    }

    private static final class Resident {
        String name;
        String phone;
        String idNumber;
        String address;
        List<String> flags = new ArrayList<>();
        String group;
    }

    private static Resident resident(Random r, Town.Community c, LocalDate today, Set<String> ids) {
        Resident p = new Resident();
        // Residents the community keeps records of lean old: that is whom the work is for.
        double x = r.nextDouble();
        int age = x < 0.42 ? 60 + r.nextInt(36) : x < 0.55 ? 5 + r.nextInt(13) : 18 + r.nextInt(42);
        boolean male = r.nextBoolean();
        boolean foreign = age >= 18 && r.nextDouble() < 0.012;
        boolean newcomer = !foreign && age >= 18 && age < 60 && r.nextDouble() < 0.12;
        LocalDate birth = today.minusYears(age).minusDays(r.nextInt(365));
        p.name = foreign ? People.foreignName(r) : People.name(r, birth.getYear(), male);
        p.phone = age >= 70 && r.nextDouble() < 0.35 ? People.landline(r) : People.mobile(r);
        p.idNumber = foreign ? null : People.idNumber(r, birth, male, newcomer, ids);
        p.address = c.rural()
                ? c.name() + (1 + r.nextInt(12)) + "巷" + (1 + r.nextInt(60)) + "号"
                : c.name().replace("社区", "") + (1 + r.nextInt(18)) + "号楼" + (1 + r.nextInt(4)) + "单元" + (1 + r.nextInt(6)) + "0" + (1 + r.nextInt(4));
        if (age >= 60) {
            if (r.nextDouble() < 0.22) {
                p.flags.add("ELDERLY_ALONE");
            }
            if (age >= 80) {
                p.flags.add("VERY_OLD");
            }
            if (r.nextDouble() < 0.03) {
                p.flags.add("CHILDLESS_ELDERLY");
            }
        }
        if (age >= 5 && age <= 14 && r.nextDouble() < 0.18) {
            p.flags.add("CHILD_IN_HARDSHIP");
        }
        if (r.nextDouble() < 0.05) {
            p.flags.add("DISABLED");
        }
        if (r.nextDouble() < 0.07) {
            p.flags.add("LOW_INCOME");
        }
        if (newcomer) {
            p.flags.add("NEWCOMER");
        }
        if (foreign) {
            p.flags.add("FOREIGN_RESIDENT");
        }
        p.group = p.flags.isEmpty() ? null : group(p.flags.get(0));
        return p;
    }

    /** The beneficiary group of a resident's first flag. */
    private static String group(String flag) {
        return flag.equals("LOW_INCOME") ? "LOW_INCOME_FAMILY" : flag;
    }

    // ---------------------------------------------------------------- resources

    /** Donors and their offers; returns {donors, offers, goods, services, funds, venues}. */
    private int[] donorsAndOffers(Random r, List<CommunityRef> communities, LocalDate today) {
        List<String[]> donors = donorPlan(r, communities);
        Set<String> codes = new HashSet<>();
        List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
        List<Integer> homes = new ArrayList<>();
        for (String[] d : donors) {
            int home = Integer.parseInt(d[2]);
            homes.add(home);
            CommunityRef c = communities.get(home);
            Geo.Point at = new Geo.Point(c.lat(), c.lon()).jitter(r, 400);
            Map<String, Object> b = body("name", d[0], "kind", d[1], "communityId", c.id(),
                    "description", d[3], "place", body("districtCode", Town.DISTRICT, "streetCode", Town.STREET, "communityId", c.id(),
                            "geohash", at.cell(), "latitude", at.lat(), "longitude", at.lon()));
            if (!d[1].equals("COMMUNITY_FUND") && !d[1].equals("GOVERNMENT_PURCHASE")) {
                b.put("unifiedSocialCreditCode", People.creditCode(r, '9', '1', codes));
            }
            calls.add(rest.post(api.resource() + "/donors", b));
        }
        List<JsonNode> registered = Rest.all(calls);
        int[] counts = new int[6];
        counts[0] = registered.size();
        List<CompletableFuture<JsonNode>> offers = new ArrayList<>();
        Instant now = Instant.now();
        for (int j = 0; j < settings.offers(); j++) {
            int d = j % donors.size();
            String kind = donors.get(d)[1];
            String donorName = donors.get(d)[0];
            CommunityRef home = communities.get(homes.get(d));
            Map<String, Object> offer = offer(r, kind, donorName, home, communities, today, now);
            offer.put("donorId", registered.get(d).get("id").asText());
            String offerKind = (String) offer.get("kind");
            counts[switch (offerKind) {
                case "GOODS" -> 2;
                case "SERVICE" -> 3;
                case "FUND" -> 4;
                default -> 5;
            }]++;
            offers.add(rest.post(api.resource() + "/offers", offer));
        }
        counts[1] = Rest.all(offers).size();
        return counts;
    }

    /** {name, kind, home community index, description} for each donor. */
    private List<String[]> donorPlan(Random r, List<CommunityRef> communities) {
        Map<String, Integer> mix = new LinkedHashMap<>();
        mix.put("CARING_SHOP", 18);
        mix.put("ENTERPRISE", 8);
        mix.put("PROPERTY_MANAGER", 7);
        mix.put("COMMUNITY_FUND", 5);
        mix.put("HOSPITAL", 4);
        mix.put("BANK", 4);
        mix.put("LAW_FIRM", 4);
        mix.put("REPAIR_PLATFORM", 4);
        mix.put("FOUNDATION", 3);
        mix.put("GOVERNMENT_PURCHASE", 3);
        int wanted = settings.donors();
        List<String> kinds = new ArrayList<>();
        // Round-robin through the mix so a small town still gets every kind of donor.
        Map<String, Integer> left = new LinkedHashMap<>(mix);
        while (kinds.size() < wanted) {
            boolean any = false;
            for (Map.Entry<String, Integer> e : left.entrySet()) {
                if (e.getValue() > 0 && kinds.size() < wanted) {
                    kinds.add(e.getKey());
                    e.setValue(e.getValue() - 1);
                    any = true;
                }
            }
            if (!any) {
                left.replaceAll((k, v) -> mix.get(k));
            }
        }
        String[] shops = {"爱心超市", "便民菜站", "老街坊理发店", "仁和大药房", "好邻居餐馆", "鲜丰果蔬店", "百姓粮油店", "温馨面包房", "安康药店"};
        String[] banks = {"中国农业银行", "中国工商银行", "北京农商银行", "中国邮政储蓄银行", "中国建设银行"};
        String[] firms = {"京通", "运河", "潞城", "通惠", "永泰", "恒安"};
        String[] enterprises = {"北京通州运河食品有限公司", "北京永顺粮油有限公司", "北京潞河乳业有限公司", "北京京东方家具有限公司",
                "北京通惠物流有限公司", "北京运河文化传媒有限公司", "北京永顺建材有限公司", "北京潞通电器有限公司", "北京新华联商贸有限公司",
                "北京城市副中心食品有限公司"};
        String[] foundations = {"北京市运河公益基金会", "北京市通州区慈善协会", "北京暖阳公益基金会", "北京春苗儿童救助基金会"};
        Map<String, AtomicInteger> used = new LinkedHashMap<>();
        List<String[]> donors = new ArrayList<>();
        int fund = 0;
        for (String kind : kinds) {
            int n = used.computeIfAbsent(kind, k -> new AtomicInteger()).getAndIncrement();
            int home = r.nextInt(communities.size());
            String name;
            String about;
            switch (kind) {
                case "CARING_SHOP" -> {
                    name = communities.get(home).name().replace("社区", "").replace("村", "") + shops[n % shops.length] + (n >= shops.length ? "（" + (n / shops.length + 1) + "店）" : "");
                    about = "爱心商家，为困难居民提供物资和便民服务";
                }
                case "ENTERPRISE" -> {
                    name = enterprises[n % enterprises.length] + (n >= enterprises.length ? (n / enterprises.length + 1) : "");
                    about = "辖区企业，定期捐赠物资";
                }
                case "PROPERTY_MANAGER" -> {
                    name = communities.get(home).name().replace("社区", "").replace("村", "") + "物业服务中心" + (n > 0 && n % 17 == 0 ? n : "");
                    about = "物业服务企业，提供安全检查、维修和活动场地";
                }
                case "COMMUNITY_FUND" -> {
                    // One fund per station, in the station's host community.
                    Town.Station s = Town.STATIONS.get(fund++ % Town.STATIONS.size());
                    for (int i = 0; i < communities.size(); i++) {
                        if (communities.get(i).name().equals(s.communities().get(0))) {
                            home = i;
                        }
                    }
                    name = s.communities().get(0).replace("社区", "").replace("村", "") + "社区基金" + (n >= Town.STATIONS.size() ? (n / Town.STATIONS.size() + 1) : "");
                    about = "社区基金，由议事委员会管理，资助本站服务社区的困难居民";
                }
                case "HOSPITAL" -> {
                    name = new String[] {"永顺社区卫生服务中心", "通州区中医医院", "潞河医院永顺分院", "通州区妇幼保健院"}[n % 4] + (n >= 4 ? (n / 4 + 1) : "");
                    about = "医疗机构，开展义诊和健康讲座";
                }
                case "BANK" -> {
                    name = banks[n % banks.length] + "永顺支行" + (n >= banks.length ? (n / banks.length + 1) : "");
                    about = "银行网点，开展防范电信诈骗宣传";
                }
                case "LAW_FIRM" -> {
                    name = "北京" + firms[n % firms.length] + "律师事务所" + (n >= firms.length ? (n / firms.length + 1) : "");
                    about = "律师事务所，提供免费法律咨询";
                }
                case "REPAIR_PLATFORM" -> {
                    name = new String[] {"邻里帮家居维修平台", "快修侠便民服务平台", "安心家电维修中心", "好师傅维修服务部"}[n % 4] + (n >= 4 ? (n / 4 + 1) : "");
                    about = "维修服务平台，为老年人和困难家庭上门维修";
                }
                case "FOUNDATION" -> {
                    name = foundations[n % foundations.length] + (n >= foundations.length ? (n / foundations.length + 1) : "");
                    about = "公益基金会，资助困境儿童和困难家庭";
                }
                default -> {
                    name = new String[] {"通州区民政局居家养老购买服务", "永顺镇政府购买助餐服务", "通州区残联购买康复服务"}[n % 3] + (n >= 3 ? (n / 3 + 1) : "");
                    about = "政府购买服务项目";
                }
            }
            donors.add(new String[] {name, kind, Integer.toString(home), about});
        }
        return donors;
    }

    private Map<String, Object> offer(Random r, String donorKind, String donorName, CommunityRef home, List<CommunityRef> communities,
                                      LocalDate today, Instant now) {
        Geo.Point at = new Geo.Point(home.lat(), home.lon()).jitter(r, 400);
        Map<String, Object> place = body("districtCode", Town.DISTRICT, "streetCode", Town.STREET, "communityId", home.id(),
                "geohash", at.cell(), "latitude", at.lat(), "longitude", at.lon());
        Map<String, Object> window = body("start", now.minus(Duration.ofDays(1)).toString(),
                "end", now.plus(Duration.ofDays(60 + r.nextInt(60))).toString());
        int choice = r.nextInt(10);
        return switch (donorKind) {
            case "CARING_SHOP" -> donorName.contains("理发") ? service(r, place, window, "HAIRCUT", "爱心义剪：老人免费理发", List.of("HAIRDRESSING"), 4, 30,
                    slots(r, 2, "09:00", "11:30"))
                    : donorName.contains("药") ? service(r, place, window, "HEALTH", "免费测量血压血糖", List.of("NURSING"), 10, 20,
                    slots(r, 3, "09:00", "11:00"))
                    : donorName.contains("餐") || donorName.contains("面包") ? goods(r, place, window, pickGoods(r, Town.MEALS), today, List.of())
                    : goods(r, place, window, pickGoods(r, Town.DAILY_GOODS), today,
                    choice < 3 ? List.of("ELDERLY_ALONE", "VERY_OLD", "LOW_INCOME_FAMILY", "DISABLED", "CHILDLESS_ELDERLY") : List.of());
            case "ENTERPRISE" -> choice < 5 ? goods(r, place, window, pickGoods(r, Town.DAILY_GOODS), today, List.of())
                    : choice < 7 ? goods(r, place, window, pickGoods(r, Town.STUDY), today, List.of("CHILD_IN_HARDSHIP"))
                    : choice < 9 ? fund(r, place, window, "DAILY_GOODS", "节日慰问金", 1_000_000, 30_000, List.of())
                    : venue(r, place, window, "CULTURAL_EVENT", "企业会议室（周末开放）", 40, List.of(day("SATURDAY", "09:00", "17:00")));
            case "PROPERTY_MANAGER" -> choice < 4 ? service(r, place, window, "SAFETY_CHECK", "入户燃气安全检查", List.of("GAS_SAFETY"), 6, 30,
                    slots(r, 3, "09:00", "12:00"))
                    : choice < 7 ? service(r, place, window, "HOME_REPAIR", "物业免费小修", List.of("PLUMBING", "ELECTRICAL"), 3, 60,
                    slots(r, 4, "14:00", "17:00"))
                    : choice < 9 ? venue(r, place, window, "CULTURAL_EVENT", home.name() + "活动室", 40,
                    List.of(day("SATURDAY", "09:00", "17:00"), day("SUNDAY", "09:00", "17:00"), day("WEDNESDAY", "14:00", "17:00")))
                    : venue(r, place, window, "STUDY_SPACE", home.name() + "四点半课堂教室", 20,
                    List.of(day("MONDAY", "16:30", "18:30"), day("WEDNESDAY", "16:30", "18:30"), day("FRIDAY", "16:30", "18:30")));
            case "COMMUNITY_FUND" -> {
                List<String> served = stationCommunities(home, communities);
                String category = new String[] {"DAILY_GOODS", "HOME_REPAIR", "STUDY_SPACE", "MEAL_ASSISTANCE", "HEALTH"}[r.nextInt(5)];
                yield fund(r, place, window, category, "社区基金：" + label(category) + "资助", 2_000_000, 20_000 + 10_000 * r.nextInt(4), served);
            }
            case "HOSPITAL" -> choice < 5 ? service(r, place, window, "HEALTH", "社区义诊", List.of("MEDICAL"), 20, 60,
                    List.of(day("SATURDAY", "09:00", "11:30")))
                    : choice < 8 ? service(r, place, window, "HEALTH", "家庭医生上门随访", List.of("NURSING"), 3, 60, slots(r, 3, "14:00", "17:00"))
                    : service(r, place, window, "PSYCHOLOGICAL_SUPPORT", "心理健康咨询", List.of("PSYCHOLOGICAL_COUNSELLING"), 4, 50,
                    List.of(day("THURSDAY", "14:00", "17:00")));
            case "BANK" -> choice < 7 ? service(r, place, window, "ANTI_FRAUD", "防范电信诈骗讲座", List.of("ANTI_FRAUD_EDUCATION"), 50, 90,
                    List.of(day(DAYS[r.nextInt(5)], "14:00", "16:00")))
                    : venue(r, place, window, "CULTURAL_EVENT", "银行网点多功能厅", 30, List.of(day("SATURDAY", "09:00", "12:00")));
            case "LAW_FIRM" -> choice < 7 ? service(r, place, window, "LEGAL_ADVICE", "免费法律咨询", List.of("LEGAL"), 6, 60,
                    List.of(day(DAYS[r.nextInt(5)], "14:00", "17:00")))
                    : service(r, place, window, "MEDIATION", "律师参与邻里纠纷调解", List.of("MEDIATION"), 3, 90,
                    List.of(day(DAYS[r.nextInt(5)], "09:00", "12:00")));
            case "REPAIR_PLATFORM" -> choice < 7 ? service(r, place, window, "HOME_REPAIR", "老人家庭上门维修",
                    List.of("HOME_REPAIR", "ELECTRICAL", "PLUMBING", "CARPENTRY_ASSEMBLY"), 3, 90, slots(r, 6, "09:00", "12:00"))
                    : service(r, place, window, "SAFETY_CHECK", "家庭用电安全检查", List.of("ELECTRICAL", "GAS_SAFETY"), 4, 45, slots(r, 3, "14:00", "17:00"));
            case "FOUNDATION" -> choice < 5 ? fund(r, place, window, "STUDY_SPACE", "困境儿童学习空间改造资助", 5_000_000, 300_000, List.of())
                    : choice < 7 ? fund(r, place, window, "HEALTH", "困难家庭医疗救助金", 3_000_000, 100_000, List.of())
                    : goods(r, place, window, pickGoods(r, Town.STUDY), today, List.of("CHILD_IN_HARDSHIP"));
            default -> choice < 5 ? service(r, place, window, "MEAL_ASSISTANCE", "老年助餐服务", List.of("COOKING"), 30, 60,
                    List.of(day("MONDAY", "11:00", "12:30"), day("TUESDAY", "11:00", "12:30"), day("WEDNESDAY", "11:00", "12:30"),
                            day("THURSDAY", "11:00", "12:30"), day("FRIDAY", "11:00", "12:30")))
                    : choice < 8 ? service(r, place, window, "COMPANIONSHIP", "居家养老上门探访", List.of("ELDER_CARE"), 5, 60, slots(r, 5, "09:00", "11:00"))
                    : service(r, place, window, "ESCORT", "就医陪诊服务", List.of("DRIVING"), 2, 180, slots(r, 5, "08:00", "11:00"));
        };
    }

    private static Town.Goods pickGoods(Random r, List<Town.Goods> goods) {
        return goods.get(r.nextInt(goods.size()));
    }

    private static Map<String, Object> goods(Random r, Map<String, Object> place, Map<String, Object> window, Town.Goods g, LocalDate today,
                                             List<String> groups) {
        int quantity = g.minQuantity() + r.nextInt(g.maxQuantity() - g.minQuantity() + 1);
        Map<String, Object> details = body("quantity", quantity, "unit", g.unit());
        if (g.maxShelfDays() > 0) {
            details.put("expiryDate", today.plusDays(g.minShelfDays() + r.nextInt(g.maxShelfDays() - g.minShelfDays() + 1)).toString());
        }
        return body("kind", "GOODS", "category", g.category(), "title", "爱心" + g.title(), "beneficiaryGroups", groups,
                "place", place, "availableWindow", window, "goods", details);
    }

    private static Map<String, Object> service(Random r, Map<String, Object> place, Map<String, Object> window, String category, String title,
                                               List<String> skills, int capacity, int minutes, List<Map<String, Object>> schedule) {
        return body("kind", "SERVICE", "category", category, "title", title, "beneficiaryGroups", List.of(), "place", place,
                "availableWindow", window, "service", body("skills", skills, "languages", r.nextInt(8) == 0 ? List.of("en") : List.of(),
                        "capacity", capacity, "sessionMinutes", minutes, "schedule", schedule));
    }

    private static Map<String, Object> fund(Random r, Map<String, Object> place, Map<String, Object> window, String category, String title,
                                            long amountFen, long perNeedFen, List<String> communityIds) {
        return body("kind", "FUND", "category", category, "title", title, "beneficiaryGroups", List.of(), "communityIds", communityIds,
                "place", place, "availableWindow", window, "fund", body("amountFen", amountFen + 100_000L * r.nextInt(10),
                        "maxPerNeedFen", perNeedFen, "purpose", title));
    }

    private static Map<String, Object> venue(Random r, Map<String, Object> place, Map<String, Object> window, String category, String title,
                                             int capacity, List<Map<String, Object>> hours) {
        Map<String, Object> named = new LinkedHashMap<>(place);
        named.put("name", title);
        return body("kind", "VENUE", "category", category, "title", title, "beneficiaryGroups", List.of(), "place", named,
                "availableWindow", window, "venue", body("capacity", capacity + r.nextInt(10), "openingHours", hours));
    }

    /** {@code n} distinct weekdays (Monday to Saturday) from {@code start} to {@code end}. */
    private static List<Map<String, Object>> slots(Random r, int n, String start, String end) {
        List<String> days = new ArrayList<>(List.of(DAYS).subList(0, 6));
        Collections.shuffle(days, r);
        List<String> chosen = new ArrayList<>(days.subList(0, Math.min(n, days.size())));
        chosen.sort((a, b) -> List.of(DAYS).indexOf(a) - List.of(DAYS).indexOf(b));
        return chosen.stream().map(d -> day(d, start, end)).toList();
    }

    private static Map<String, Object> day(String day, String start, String end) {
        return body("day", day, "start", start, "end", end);
    }

    private static List<String> stationCommunities(CommunityRef home, List<CommunityRef> communities) {
        for (Town.Station s : Town.STATIONS) {
            if (s.communities().contains(home.name())) {
                return communities.stream().filter(c -> s.communities().contains(c.name())).map(CommunityRef::id).toList();
            }
        }
        return List.of(home.id());
    }

    private static String label(String category) {
        return switch (category) {
            case "DAILY_GOODS" -> "生活物资";
            case "HOME_REPAIR" -> "居家维修";
            case "STUDY_SPACE" -> "学习空间改造";
            case "MEAL_ASSISTANCE" -> "老年助餐";
            case "HEALTH" -> "医疗健康";
            default -> category;
        };
    }

    // ---------------------------------------------------------------- volunteers

    /** Volunteers, the town team and its sub-teams; returns {volunteers, young-old, teams, memberships}. */
    private int[] volunteersAndTeams(Random r, List<CommunityRef> communities) {
        int population = Town.COMMUNITIES.stream().mapToInt(Town.Community::population).sum();
        List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
        List<List<String>> skillsOf = new ArrayList<>();
        int youngOld = 0;
        Set<String> phones = new HashSet<>();
        LocalDate today = LocalDate.now(ZONE);
        for (int k = 0; k < settings.volunteers(); k++) {
            int home = weightedCommunity(r, population);
            CommunityRef c = communities.get(home);
            boolean yo = r.nextDouble() < 0.22;
            youngOld += yo ? 1 : 0;
            boolean hardship = r.nextDouble() < 0.03;
            int age = yo ? 60 + r.nextInt(10) : 18 + r.nextInt(42);
            boolean male = r.nextBoolean();
            String phone;
            do {
                phone = People.mobile(r);
            } while (!phones.add(phone));
            List<String> skills = skills(r, yo);
            skillsOf.add(skills);
            Geo.Point at = new Geo.Point(c.lat(), c.lon()).jitter(r, 700);
            List<String> languages = r.nextDouble() < 0.06 ? List.of("en") : r.nextDouble() < 0.02 ? List.of("ko") : List.of();
            Map<String, Object> b = body("name", People.name(r, today.getYear() - age, male), "phone", phone, "communityId", c.id(),
                    "homeArea", body("districtCode", Town.DISTRICT, "streetCode", Town.STREET, "communityId", c.id(),
                            "geohash", at.cell()),
                    "skills", skills, "languages", languages, "youngOld", yo, "inHardship", hardship,
                    "availability", availability(r, yo));
            calls.add(rest.post(api.volunteer() + "/volunteers", b));
        }
        List<JsonNode> volunteers = Rest.all(calls);

        JsonNode team = Rest.join(rest.post(api.volunteer() + "/teams", body("name", Town.TEAM,
                "purpose", "全镇志愿者的总队，下设六个分队")));
        String teamId = team.get("id").asText();
        List<CompletableFuture<JsonNode>> subCalls = new ArrayList<>();
        for (Map.Entry<String, List<String>> s : Town.SUB_TEAMS.entrySet()) {
            subCalls.add(rest.post(api.volunteer() + "/teams", body("name", s.getKey(), "parentTeamId", teamId,
                    "purpose", "由具备" + String.join("、", s.getValue().stream().map(SampleTown::skillLabel).toList()) + "等技能的志愿者组成")));
        }
        List<JsonNode> subTeams = Rest.all(subCalls);
        List<String> subIds = subTeams.stream().map(t -> t.get("id").asText()).toList();
        List<String> subSkills = new ArrayList<>(Town.SUB_TEAMS.keySet());
        boolean[] led = new boolean[subIds.size()];
        List<CompletableFuture<JsonNode>> joins = new ArrayList<>();
        for (int k = 0; k < volunteers.size(); k++) {
            for (int t = 0; t < subIds.size(); t++) {
                List<String> wanted = Town.SUB_TEAMS.get(subSkills.get(t));
                if (skillsOf.get(k).stream().anyMatch(wanted::contains) && r.nextDouble() < 0.6) {
                    String role = led[t] ? "MEMBER" : "LEADER";
                    led[t] = true;
                    joins.add(rest.put(api.volunteer() + "/teams/" + subIds.get(t) + "/members/" + volunteers.get(k).get("id").asText(),
                            body("role", role)));
                    break;
                }
            }
        }
        Rest.all(joins);
        return new int[] {volunteers.size(), youngOld, 1 + subIds.size(), joins.size()};
    }

    private static int weightedCommunity(Random r, int population) {
        int x = r.nextInt(population);
        for (int i = 0; i < Town.COMMUNITIES.size(); i++) {
            x -= Town.COMMUNITIES.get(i).population();
            if (x < 0) {
                return i;
            }
        }
        return 0;
    }

    private static List<String> skills(Random r, boolean youngOld) {
        int n = 1 + r.nextInt(3);
        Set<String> chosen = new java.util.LinkedHashSet<>();
        int total = Town.SKILL_WEIGHTS.values().stream().mapToInt(Integer::intValue).sum();
        List<String> names = new ArrayList<>(new TreeMap<>(Town.SKILL_WEIGHTS).keySet());
        while (chosen.size() < n) {
            if (youngOld && r.nextDouble() < 0.6) {
                chosen.add(Town.YOUNG_OLD_SKILLS.get(r.nextInt(Town.YOUNG_OLD_SKILLS.size())));
                continue;
            }
            int x = r.nextInt(total);
            for (String s : names) {
                x -= Town.SKILL_WEIGHTS.get(s);
                if (x < 0) {
                    chosen.add(s);
                    break;
                }
            }
        }
        return List.copyOf(chosen);
    }

    /** Weekly availability in a few patterns: evenings, weekends, retired daytime, flexible, mixed. */
    private static Map<String, Object> availability(Random r, boolean youngOld) {
        List<Map<String, Object>> slots = new ArrayList<>();
        double x = r.nextDouble();
        int maxHours;
        if (youngOld ? x < 0.6 : x < 0.1) {
            for (int d = 0; d < 5; d++) {
                slots.add(day(DAYS[d], "08:30", "11:30"));
                slots.add(day(DAYS[d], "14:30", "17:00"));
            }
            maxHours = 10 + r.nextInt(8);
        } else if (youngOld || x < 0.3) {
            for (String d : DAYS) {
                slots.add(day(d, "09:00", "17:00"));
            }
            maxHours = 8 + r.nextInt(6);
        } else if (x < 0.55) {
            for (int d = 0; d < 5; d++) {
                slots.add(day(DAYS[d], "18:30", "21:00"));
            }
            maxHours = 4 + r.nextInt(4);
        } else if (x < 0.85) {
            for (String d : List.of("SATURDAY", "SUNDAY")) {
                slots.add(day(d, "09:00", "12:00"));
                slots.add(day(d, "14:00", "17:00"));
            }
            maxHours = 6 + r.nextInt(6);
        } else {
            slots.add(day("TUESDAY", "19:00", "21:00"));
            slots.add(day("THURSDAY", "19:00", "21:00"));
            slots.add(day("SATURDAY", "09:00", "17:00"));
            maxHours = 6 + r.nextInt(6);
        }
        return body("weeklySlots", slots, "maxHoursPerWeek", maxHours);
    }

    private static String skillLabel(String skill) {
        return switch (skill) {
            case "MEDIATION" -> "调解";
            case "SOCIAL_WORK" -> "社会工作";
            case "LEGAL" -> "法律";
            case "ANTI_FRAUD_EDUCATION" -> "反诈宣传";
            case "GAS_SAFETY" -> "燃气安全";
            case "ELECTRICAL" -> "电工";
            case "DRIVING" -> "驾驶";
            case "ELDER_CARE" -> "助老";
            case "NURSING" -> "护理";
            case "COOKING" -> "烹饪";
            case "HAIRDRESSING" -> "理发";
            case "TUTORING" -> "课业辅导";
            case "CHILD_CARE" -> "儿童照护";
            case "DIGITAL_LITERACY" -> "智能设备教学";
            case "CULTURAL_ARTS" -> "文艺";
            case "SPORTS_FITNESS" -> "体育健身";
            case "EVENT_ORGANIZING" -> "活动组织";
            default -> skill;
        };
    }

    // ---------------------------------------------------------------- organizations

    /** Social organizations, their capacity and projects; returns {organizations, capacities, projects, grants}. */
    private int[] organizations(Random r, List<CommunityRef> communities, LocalDate today) {
        Set<String> codes = new HashSet<>();
        CommunityRef centre = communities.get(3);
        JsonNode hub = Rest.join(rest.post(api.organization() + "/organizations", body("name", "永顺镇社区社会组织联合会",
                "kind", "OTHER", "legalStatus", "REGISTERED", "unifiedSocialCreditCode", People.creditCode(r, '5', '1', codes),
                "stage", "MATURE", "hub", true, "communityId", centre.id(), "districtCode", Town.DISTRICT, "streetCode", Town.STREET,
                "geohash", centre.geohash(), "serviceCategories", List.of("COMPANIONSHIP", "CULTURAL_EVENT", "MEDIATION"),
                "monthlyServiceCapacity", 400)));
        String hubId = hub.get("id").asText();
        // {name, kind, legal status, stage, incubated by the hub, home community}
        Object[][] plan = {
                {"心连心志愿服务队", "VOLUNTEER_SERVICE", "FILED", "START_UP", true, 0},
                {"夕阳红文化艺术团", "CULTURE", "FILED", "SPROUTING", true, 4},
                {"和事佬邻里调解工作室", "DELIBERATION", "FILED", "START_UP", true, 6},
                {"乐活健身队", "SPORTS", "FILED", "SPROUTING", true, 9},
                {"北京惠民社会工作事务所", "SOCIAL_WORK_AGENCY", "REGISTERED", "GROWING", false, 3},
                {"彩虹助学公益服务中心", "CHARITY", "REGISTERED", "START_UP", false, 10},
                {"阳光心理健康服务中心", "SOCIAL_WORK_AGENCY", "REGISTERED", "MATURE", false, 5},
        };
        List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
        for (Object[] p : plan) {
            CommunityRef home = communities.get((Integer) p[5]);
            Map<String, Object> b = body("name", p[0], "kind", p[1], "legalStatus", p[2], "stage", p[3],
                    "communityId", home.id(), "districtCode", Town.DISTRICT, "streetCode", Town.STREET, "geohash", home.geohash(),
                    "monthlyServiceCapacity", 40 + r.nextInt(120));
            if ((Boolean) p[4]) {
                b.put("hubOrganizationId", hubId);
            }
            if ("REGISTERED".equals(p[2])) {
                b.put("unifiedSocialCreditCode", People.creditCode(r, '5', '2', codes));
            }
            calls.add(rest.post(api.organization() + "/organizations", b));
        }
        List<JsonNode> orgs = Rest.all(calls);
        List<String> all = communities.stream().map(CommunityRef::id).toList();
        // {organization index, title, category, skills, groups, per session, minutes, slots}
        List<CompletableFuture<JsonNode>> capacities = new ArrayList<>();
        capacities.add(capacity(orgs.get(0), "独居老人陪伴探访", "COMPANIONSHIP", List.of("ELDER_CARE"), List.of("ELDERLY_ALONE", "CHILDLESS_ELDERLY", "VERY_OLD"),
                4, 60, List.of(day("TUESDAY", "09:00", "11:00"), day("THURSDAY", "09:00", "11:00"), day("SATURDAY", "14:00", "16:00")), today, all));
        capacities.add(capacity(orgs.get(0), "陪同就医", "ESCORT", List.of("DRIVING"), List.of(), 2, 180,
                List.of(day("MONDAY", "08:00", "11:00"), day("WEDNESDAY", "08:00", "11:00")), today, all));
        capacities.add(capacity(orgs.get(1), "文艺演出进社区", "CULTURAL_EVENT", List.of("CULTURAL_ARTS"), List.of(), 50, 120,
                List.of(day("SATURDAY", "14:00", "17:00")), today, all));
        capacities.add(capacity(orgs.get(2), "邻里纠纷调解", "MEDIATION", List.of("MEDIATION"), List.of(), 3, 90,
                List.of(day("WEDNESDAY", "14:00", "17:00"), day("FRIDAY", "14:00", "17:00")), today, all));
        capacities.add(capacity(orgs.get(3), "广场健身操教学", "CULTURAL_EVENT", List.of("SPORTS_FITNESS"), List.of(), 30, 60,
                List.of(day("TUESDAY", "19:00", "20:30"), day("THURSDAY", "19:00", "20:30")), today, all));
        capacities.add(capacity(orgs.get(4), "困境儿童四点半课堂", "TUTORING", List.of("TUTORING"), List.of("CHILD_IN_HARDSHIP", "LOW_INCOME_FAMILY"),
                15, 90, List.of(day("MONDAY", "16:30", "18:00"), day("WEDNESDAY", "16:30", "18:00"), day("FRIDAY", "16:30", "18:00")), today, all));
        capacities.add(capacity(orgs.get(4), "个案心理辅导", "PSYCHOLOGICAL_SUPPORT", List.of("PSYCHOLOGICAL_COUNSELLING"), List.of(), 2, 60,
                List.of(day("TUESDAY", "14:00", "17:00")), today, all));
        capacities.add(capacity(orgs.get(5), "困境儿童学业帮扶", "TUTORING", List.of("TUTORING"), List.of("CHILD_IN_HARDSHIP"), 10, 90,
                List.of(day("SATURDAY", "09:00", "11:00"), day("SUNDAY", "09:00", "11:00")), today, all));
        capacities.add(capacity(orgs.get(6), "老年人心理关爱", "PSYCHOLOGICAL_SUPPORT", List.of("PSYCHOLOGICAL_COUNSELLING"),
                List.of("CHILDLESS_ELDERLY", "ELDERLY_ALONE", "DISABLED"), 3, 60,
                List.of(day("MONDAY", "09:00", "12:00"), day("THURSDAY", "09:00", "12:00")), today, all));
        capacities.add(capacity(hub, "重阳节敬老活动组织", "CULTURAL_EVENT", List.of("EVENT_ORGANIZING"), List.of(), 40, 120,
                List.of(day("SUNDAY", "09:00", "12:00")), today, all));
        int capacityCount = Rest.all(capacities).size();

        JsonNode p1 = Rest.join(rest.post(api.organization() + "/organizations/" + orgs.get(4).get("id").asText() + "/projects",
                body("title", "困境儿童成长陪伴计划", "goal", "为辖区困境儿童提供课业辅导、心理陪伴和学习空间改造", "category", "TUTORING",
                        "beneficiaryGroup", "CHILD_IN_HARDSHIP", "targetPeople", 60, "startsOn", today.minusDays(30).toString(),
                        "endsOn", today.plusDays(300).toString(), "budgetFen", 12_000_000L, "servedCommunityIds", all)));
        JsonNode p2 = Rest.join(rest.post(api.organization() + "/organizations/" + orgs.get(0).get("id").asText() + "/projects",
                body("title", "独居老人关爱行动", "goal", "组织志愿者定期探访独居老人，建立一户一档关爱台账", "category", "COMPANIONSHIP",
                        "beneficiaryGroup", "ELDERLY_ALONE", "targetPeople", 200, "startsOn", today.minusDays(60).toString(),
                        "endsOn", today.plusDays(200).toString(), "budgetFen", 5_000_000L, "servedCommunityIds", all)));
        Rest.join(rest.post(api.organization() + "/organizations/" + orgs.get(1).get("id").asText() + "/projects",
                body("title", "运河邻里文化节", "goal", "以文艺演出凝聚邻里，丰富居民文化生活", "category", "CULTURAL_EVENT",
                        "beneficiaryGroup", "ALL_RESIDENTS", "targetPeople", 2000, "startsOn", today.toString(),
                        "endsOn", today.plusDays(90).toString(), "budgetFen", 3_000_000L, "servedCommunityIds", all)));
        Rest.all(List.of(
                rest.post(api.organization() + "/projects/" + p1.get("id").asText() + "/grants", body("programme", "通州区公益创投大赛",
                        "funder", "通州区民政局", "amountFen", 8_000_000L, "awardedOn", today.minusDays(20).toString())),
                rest.post(api.organization() + "/projects/" + p2.get("id").asText() + "/grants", body("programme", "永顺镇社区基金资助",
                        "funder", "永顺镇社区基金议事委员会", "amountFen", 3_000_000L, "awardedOn", today.minusDays(45).toString()))));
        return new int[] {1 + orgs.size(), capacityCount, 3, 2};
    }

    private CompletableFuture<JsonNode> capacity(JsonNode org, String title, String category, List<String> skills, List<String> groups,
                                                 int perSlot, int minutes, List<Map<String, Object>> slots, LocalDate today,
                                                 List<String> communities) {
        return rest.post(api.organization() + "/organizations/" + org.get("id").asText() + "/capacities", body("title", title,
                "category", category, "skills", skills, "languages", List.of(), "beneficiaryGroups", groups, "capacityPerSlot", perSlot,
                "sessionMinutes", minutes, "weeklySlots", slots, "validFrom", today.toString(), "validUntil", today.plusDays(180).toString(),
                "servedCommunityIds", communities));
    }

    // ---------------------------------------------------------------- social work

    /** Workers, cases, visits and groups; returns {workers, cases, visits, visits raising needs, groups, sessions}. */
    private int[] socialWork(Random r, CommunityPart part, LocalDate today) {
        List<String> stations = new ArrayList<>();
        stations.add(part.centreId);
        part.communities.stream().map(CommunityRef::stationId).distinct().forEach(stations::add);
        awaitStationsKnown(stations, Duration.ofSeconds(60));

        // The centre's supervisors (督导) first: everyone else names one.
        List<CompletableFuture<JsonNode>> sup = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            sup.add(rest.post(api.socialWorker() + "/social-workers", worker(r, part.centreId, k == 0 ? "SENIOR" : "INTERMEDIATE", null, true, today)));
        }
        List<String> supervisors = Rest.all(sup).stream().map(w -> w.get("id").asText()).toList();
        List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
        List<String> stationOfWorker = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            calls.add(rest.post(api.socialWorker() + "/social-workers", worker(r, part.centreId, "ASSISTANT", supervisors.get(k), true, today)));
            stationOfWorker.add(part.centreId);
        }
        for (int s = 1; s < stations.size(); s++) {
            boolean rural = Town.STATIONS.get(s - 1).rural();
            for (int k = 0; k < (rural ? 2 : 3); k++) {
                double x = r.nextDouble();
                String level = x < 0.40 ? "ASSISTANT" : x < 0.52 ? "INTERMEDIATE" : "NONE";
                calls.add(rest.post(api.socialWorker() + "/social-workers",
                        worker(r, stations.get(s), level, supervisors.get(r.nextInt(2)), r.nextDouble() < 0.7, today)));
                stationOfWorker.add(stations.get(s));
            }
        }
        List<JsonNode> workers = Rest.all(calls);
        Map<String, List<String>> workersAt = new LinkedHashMap<>();
        for (int k = 0; k < workers.size(); k++) {
            workersAt.computeIfAbsent(stationOfWorker.get(k), x -> new ArrayList<>()).add(workers.get(k).get("id").asText());
        }

        // Cases (个案) for residents in hardship, one per resident, by a worker of their station.
        List<ResidentRef> pool = new ArrayList<>(part.residents);
        Collections.shuffle(pool, r);
        List<CompletableFuture<JsonNode>> caseCalls = new ArrayList<>();
        int cases = 0;
        for (ResidentRef p : pool) {
            if (cases >= settings.cases()) {
                break;
            }
            String category = switch (p.group()) {
                case "CHILD_IN_HARDSHIP" -> r.nextBoolean() ? "PSYCHOLOGICAL_SUPPORT" : "TUTORING";
                case "ELDERLY_ALONE", "CHILDLESS_ELDERLY", "VERY_OLD" -> "COMPANIONSHIP";
                case "DISABLED" -> "HEALTH";
                case "LOW_INCOME_FAMILY" -> "DAILY_GOODS";
                default -> null;
            };
            if (category == null) {
                continue;
            }
            CommunityRef c = part.communities.get(p.community());
            List<String> here = workersAt.get(c.stationId());
            String assessment = switch (p.group()) {
                case "CHILD_IN_HARDSHIP" -> "案主为困境儿童，父母一方长期患病，学习和情绪需要持续陪伴与支持。";
                case "DISABLED" -> "案主肢体残疾，日常出行不便，需要康复指导和就医协助。";
                case "LOW_INCOME_FAMILY" -> "案主家庭享受低保，收入有限，需要生活物资和就业信息支持。";
                default -> "案主独自居住，子女在外地工作，生活基本自理，情绪较为孤独，需要定期探访。";
            };
            caseCalls.add(rest.post(api.socialWorker() + "/cases", body("socialWorkerId", here.get(r.nextInt(here.size())),
                    "residentRef", p.ref(), "communityId", c.id(), "category", category, "beneficiaryGroup", p.group(),
                    "openedOn", today.minusDays(5 + r.nextInt(55)).toString(), "assessment", assessment)));
            cases++;
        }
        List<JsonNode> opened = Rest.all(caseCalls);
        List<CompletableFuture<JsonNode>> notes = new ArrayList<>();
        String[] noteTexts = {"本次会谈了解案主近况，情绪较上次平稳。", "与案主共同制定下阶段服务计划。", "链接社区志愿者提供陪伴服务，案主表示满意。",
                "协助案主申请相关救助政策，材料已提交。"};
        for (JsonNode c : opened) {
            int n = 1 + r.nextInt(3);
            for (int k = 0; k < n; k++) {
                notes.add(rest.post(api.socialWorker() + "/cases/" + c.get("id").asText() + "/notes", body("text", noteTexts[(k + r.nextInt(2)) % noteTexts.length])));
            }
        }
        Rest.all(notes);
        List<CompletableFuture<JsonNode>> closings = new ArrayList<>();
        for (int k = 0; k < opened.size() / 4; k++) {
            closings.add(rest.post(api.socialWorker() + "/cases/" + opened.get(k).get("id").asText() + "/close",
                    body("outcome", "GOALS_MET", "closedOn", today.toString(), "summary", "服务目标达成，案主生活恢复稳定，转为常规探访。")));
        }
        Rest.all(closings);

        // Visits (探访): mostly phone, some home; a few find a need, which the community service publishes.
        List<CompletableFuture<JsonNode>> visits = new ArrayList<>();
        int raising = 0;
        Instant now = Instant.now();
        for (int k = 0; k < settings.visits(); k++) {
            ResidentRef p = part.residents.get(r.nextInt(part.residents.size()));
            CommunityRef c = part.communities.get(p.community());
            List<String> here = workersAt.get(c.stationId());
            boolean home = r.nextDouble() < 0.3;
            double x = r.nextDouble();
            String outcome = x < 0.55 ? "WELL" : x < 0.75 ? "FOLLOW_UP" : x < 0.87 && !home ? "NOT_REACHED" : x < 0.87 ? "WELL" : "NEED_FOUND";
            Map<String, Object> b = body("socialWorkerId", here.get(r.nextInt(here.size())), "residentRef", p.ref(), "communityId", c.id(),
                    "kind", home ? "HOME" : "PHONE", "outcome", outcome,
                    "visitedAt", now.minus(Duration.ofMinutes(60 + r.nextInt(14 * 24 * 60))).toString(),
                    "minutes", home ? 30 + r.nextInt(60) : 5 + r.nextInt(20),
                    "notes", switch (outcome) {
                        case "WELL" -> "老人身体状况良好，生活正常。";
                        case "FOLLOW_UP" -> "居民近期身体不适，下周再次回访。";
                        case "NOT_REACHED" -> "电话未接通，择日再联系。";
                        default -> "探访中发现居民有服务需求，已登记转介。";
                    });
            if (outcome.equals("NEED_FOUND")) {
                raising++;
                b.put("raisedNeed", Needs.raisedOnVisit(r, p, c, now));
            }
            visits.add(rest.post(api.socialWorker() + "/visits", b));
        }
        Rest.all(visits);

        // Groups (小组) with their first sessions held.
        String[][] groups = {{"长者智能手机课堂", "CULTURAL_EVENT", "VERY_OLD"}, {"困境儿童成长小组", "PSYCHOLOGICAL_SUPPORT", "CHILD_IN_HARDSHIP"},
                {"独居老人互助小组", "COMPANIONSHIP", "ELDERLY_ALONE"}, {"新市民融入小组", "CULTURAL_EVENT", "NEWCOMER"}};
        int sessions = 0;
        for (int g = 0; g < groups.length; g++) {
            CommunityRef c = part.communities.get((g * 5) % part.communities.size());
            List<String> here = workersAt.get(c.stationId());
            JsonNode group = Rest.join(rest.post(api.socialWorker() + "/groups", body("socialWorkerId", here.get(0), "communityId", c.id(),
                    "title", groups[g][0], "category", groups[g][1], "beneficiaryGroup", groups[g][2], "plannedSessions", 6)));
            int held = 2 + r.nextInt(2);
            for (int s = 0; s < held; s++) {
                Rest.join(rest.post(api.socialWorker() + "/groups/" + group.get("id").asText() + "/sessions", body(
                        "heldAt", now.minus(Duration.ofDays(7L * (held - s))).toString(), "minutes", 90,
                        "participantCount", 6 + r.nextInt(10), "notes", "组员积极参与，分享了各自的经验。")));
                sessions++;
            }
        }
        return new int[] {supervisors.size() + workers.size(), opened.size(), visits.size(), raising, groups.length, sessions};
    }

    private static Map<String, Object> worker(Random r, String station, String level, String supervisor, boolean fullTime, LocalDate today) {
        int age = 24 + r.nextInt(30);
        Map<String, Object> b = body("name", People.name(r, today.getYear() - age, r.nextDouble() < 0.35), "employment", fullTime ? "FULL_TIME" : "PART_TIME",
                "certificationLevel", level, "stationId", station, "trainedLocally", r.nextDouble() < 0.5,
                "skills", List.of("SOCIAL_WORK", new String[] {"PSYCHOLOGICAL_COUNSELLING", "MEDIATION", "ELDER_CARE", "CHILD_CARE"}[r.nextInt(4)]),
                "languages", List.of());
        if (!level.equals("NONE")) {
            b.put("certifiedOn", LocalDate.of(2012 + r.nextInt(13), 1 + r.nextInt(12), 1 + r.nextInt(28)).toString());
        }
        if (supervisor != null) {
            b.put("supervisorId", supervisor);
        }
        return b;
    }

    private void awaitStationsKnown(List<String> stations, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String s : stations) {
            while (rest.tryGet(api.socialWorker() + "/stations/" + s) == null) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("social-worker-service did not learn of station " + s + " from wushe.community.station within "
                            + timeout.toSeconds() + " s");
                }
                sleep(250);
            }
        }
    }

    // ---------------------------------------------------------------- needs

    /** Waits until the matching service has indexed the volunteers and offers, so the first needs find them. */
    private void awaitMatchingIndexed(Duration timeout) {
        Summary s = state.summary();
        int offers = s.offers() + s.capacities();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!stopped) {
            JsonNode engine = rest.tryGet(api.matching() + "/engine");
            JsonNode stations = rest.tryGet(api.matching() + "/stations");
            if (engine != null && stations != null && engine.path("engine").path("volunteers").asInt() >= s.volunteers()
                    && engine.path("engine").path("offers").asInt() >= offers && stations.size() >= s.stations()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                out.accept("  (matching has not indexed everything yet: " + (engine == null ? "no answer" : engine.path("engine")) + "; going on)");
                return;
            }
            sleep(250);
        }
    }

    private void postBurst() {
        int burst = state.summary().needsAtOnce();
        Instant now = Instant.now();
        List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
        for (int i = 0; i < burst; i++) {
            calls.add(rest.post(api.community() + "/needs", Needs.need(state, i, now)));
        }
        Rest.all(calls);
        needsPosted = burst;
        writePosted();
    }

    /**
     * Posts the needs after the first burst at a steady pace over {@code trickle}, printing progress;
     * returns when all are posted (then writes the marker) or when stopped.
     */
    public void postRemainingNeeds() {
        if (state == null) {
            return;
        }
        trickleThread = Thread.currentThread();
        int total = state.summary().needs();
        int left = total - needsPosted;
        if (left <= 0) {
            markLoaded();
            return;
        }
        long interval = Math.max(1, settings.trickle().toMillis() / left);
        long next = System.currentTimeMillis();
        long lastReport = System.currentTimeMillis();
        while (!stopped && needsPosted < total) {
            long wait = next - System.currentTimeMillis();
            if (wait > 0 && !sleep(wait)) {
                break;
            }
            next += interval;
            if (!postNeed(needsPosted)) {
                break;
            }
            needsPosted++;
            writePosted();
            if (needsPosted == total || System.currentTimeMillis() - lastReport >= 30_000) {
                lastReport = System.currentTimeMillis();
                out.accept(progress());
            }
        }
        if (needsPosted >= total) {
            markLoaded();
        }
    }

    /**
     * Posts need {@code index}; while community-service does not answer (restarting after a crash, say)
     * the need waits and is tried again every 2 s for up to 5 minutes, as a station's client would. False
     * when stopped meanwhile.
     */
    private boolean postNeed(int index) {
        long giveUp = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        boolean told = false;
        while (true) {
            try {
                Rest.join(rest.post(api.community() + "/needs", Needs.need(state, index, Instant.now())));
                if (told) {
                    out.accept("  community-service answers again; the needs go on 需求继续发布");
                }
                return true;
            } catch (RuntimeException e) {
                if (stopped) {
                    return false;
                }
                // Refused with no status: no answer at all (connection refused, reset, timed out) after Rest's own retries.
                if (!(e instanceof Rest.Refused refused) || refused.status != -1 || System.nanoTime() > giveUp) {
                    throw e;
                }
                if (!told) {
                    out.accept("  community-service is not answering; need " + (index + 1) + " waits 需求暂停发布 (" + e.getMessage() + ")");
                    told = true;
                }
                if (!sleep(2_000)) {
                    return false;
                }
            }
        }
    }

    /** e.g. {@code needs 需求 420/1000 published · matching: 380 proposed, 12 waiting, 0 accepted}. */
    public String progress() {
        JsonNode e = rest.tryGet(api.matching() + "/engine");
        String matching = e == null ? "matching not answering"
                : String.format("matching: %d proposed, %d escalated, %d waiting for candidates, %d accepted, %d completed",
                e.path("proposed").asLong(), e.path("escalated").asLong(), e.path("needsWaiting").asInt(),
                e.path("accepted").asLong() + e.path("reserved").asLong(), e.path("completed").asLong());
        return String.format("  needs 需求 %d/%d published · %s", needsPosted, needsPlanned(), matching);
    }

    private void markLoaded() {
        try {
            Files.writeString(dir.resolve("loaded"), Instant.now() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int readPosted() throws IOException {
        Path f = dir.resolve("needs-posted");
        return Files.exists(f) ? Integer.parseInt(Files.readString(f).trim()) : 0;
    }

    private synchronized void writePosted() {
        try {
            Path tmp = dir.resolve("needs-posted.tmp");
            Files.writeString(tmp, needsPosted + "\n");
            Files.move(tmp, dir.resolve("needs-posted"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeState() {
        try {
            Path tmp = dir.resolve("state.json.tmp");
            Rest.JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), state);
            Files.move(tmp, dir.resolve("state.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(dir.resolve("needs-posted"), "0\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops posting; a stream of needs in progress resumes on the next start. */
    @Override
    public void close() {
        stopped = true;
        Thread t = trickleThread;
        if (t != null) {
            t.interrupt();
        }
        rest.close();
        branches.shutdownNow();
    }

    /** A JSON object from key/value pairs; null values are left out. */
    static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                m.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return m;
    }
}
