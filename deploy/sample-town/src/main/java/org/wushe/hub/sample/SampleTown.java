package org.wushe.hub.sample;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

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
    public record Endpoints(
            String community,
            String organization,
            String socialWorker,
            String volunteer,
            String resource,
            String matching,
            String auth) {}

    /** What was loaded: the counts printed as the summary. */
    public record Summary(
            int communities,
            int stations,
            int grids,
            int residents,
            Map<String, Integer> residentFlags,
            int volunteers,
            int youngOldVolunteers,
            int teams,
            int teamMembers,
            int donors,
            int offers,
            Map<String, Integer> offersByKind,
            int organizations,
            int capacities,
            int projects,
            int grants,
            int socialWorkers,
            int cases,
            int visits,
            int visitsRaisingNeeds,
            int groups,
            int groupSessions,
            int needs,
            int needsAtOnce) {}

    record CommunityRef(
            String id,
            String name,
            boolean rural,
            String stationId,
            String geohash,
            double lat,
            double lon,
            List<String> grids) {}

    /** A resident the sample refers to later (needs, cases, visits): flagged residents only. */
    record ResidentRef(String id, String ref, int community, String grid, String group) {}

    record State(
            long seed,
            double scale,
            String centreId,
            List<CommunityRef> communities,
            List<ResidentRef> residents,
            Summary summary) {}

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
    private final List<String> missing = new CopyOnWriteArrayList<>();

    /** @param token the bearer token of every request: a {@code hub_admin} token of the hub's operator client */
    public SampleTown(
            Settings settings,
            Endpoints api,
            Path dataDir,
            java.util.function.Supplier<String> token,
            Consumer<String> out) {
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
            boolean loaded = Files.exists(dir.resolve("loaded"));
            if (Files.exists(dir.resolve("state.json"))) {
                // What the earlier load holds and how many of its needs went out: the hub's status reports them
                // whether the stream goes on (RESUMED) or had ended before this start (ALREADY_LOADED).
                state = Rest.JSON.readValue(dir.resolve("state.json").toFile(), State.class);
                needsPosted = readPosted();
                // A town loaded before it had a month of activities gets it now (once: its markers say so).
                if (Activities.due(dir) && Files.exists(dir.resolve(SampleAccounts.PASSWORDS_FILE))) {
                    loadActivities();
                }
                // And the past month recorded afterwards, or the rest of it (PastActivities resumes by its keys).
                if (PastActivities.due(dir) && Files.exists(dir.resolve(SampleAccounts.PASSWORDS_FILE))) {
                    loadPastActivities();
                }
                finishTodayInBackground();
                return loaded ? Outcome.ALREADY_LOADED : Outcome.RESUMED;
            }
            if (loaded) {
                return Outcome.ALREADY_LOADED;
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
        out.accept(String.format(
                "  base data in %.1f s (%,d requests; %s)",
                (System.nanoTime() - began) / 1e9,
                rest.requestsSent(),
                String.join(
                        ", ",
                        timings.entrySet().stream()
                                .map(e -> String.format("%s %.1f s", e.getKey(), e.getValue() / 1e3))
                                .toList())));
        long accounts = System.nanoTime();
        int made = SampleAccounts.create(rest, api, state, dir).size();
        out.accept(String.format(
                "  %d sign-in accounts in %.1f s (%s; their passwords in %s, mode 0600)",
                made,
                (System.nanoTime() - accounts) / 1e9,
                dir.resolve("accounts.txt"),
                dir.resolve(SampleAccounts.PASSWORDS_FILE)));
        writeState();
        long waited = System.nanoTime();
        awaitMatchingIndexed(Duration.ofSeconds(60));
        long burst = System.nanoTime();
        postBurst();
        out.accept(String.format(
                "  matching indexed it %.1f s later; %d needs published in %.1f s",
                (burst - waited) / 1e9, state.summary().needsAtOnce(), (System.nanoTime() - burst) / 1e9));
        long wishes = System.nanoTime();
        try {
            out.accept(String.format(
                    "  residents 居民: %s in %.1f s",
                    Wishes.load(state, api, dir, new Random(settings.seed() ^ 0x5749534845L))
                            .describe(),
                    (System.nanoTime() - wishes) / 1e9));
        } catch (RuntimeException e) {
            partMissing("the residents' accounts and wishes could not all be made 居民心愿未能全部载入", e);
        }
        long grids = System.nanoTime();
        try {
            out.accept(String.format(
                    "  grid work 网格: %s in %.1f s",
                    GridRounds.load(state, api, dir, new Random(settings.seed() ^ 0x47524944L))
                            .describe(),
                    (System.nanoTime() - grids) / 1e9));
        } catch (RuntimeException e) {
            partMissing("the grid workers' rounds could not all be recorded 网格巡检未能全部载入", e);
        }
        loadActivities();
        loadPastActivities();
        finishTodayInBackground();
        return Outcome.LOADED;
    }

    /** Today's clean-up ends while the hub runs: its check-outs and certificates then (or at the next start). */
    private void finishTodayInBackground() {
        branches.submit(() -> {
            try {
                Activities.finishToday(api, dir, out);
            } catch (RuntimeException e) {
                out.accept("  (today's clean-up could not be checked out 清洁日签退未完成: " + e.getMessage() + ")");
            }
        });
    }

    /** The month of activities (Activities), after the volunteers, stations and their staff's accounts exist. */
    private void loadActivities() {
        long began = System.nanoTime();
        try {
            out.accept(String.format(
                    "  activities 活动: %s in %.1f s",
                    Activities.load(state, api, dir, rest, new Random(settings.seed() ^ 0x4143544956L))
                            .describe(),
                    (System.nanoTime() - began) / 1e9));
        } catch (RuntimeException e) {
            partMissing("the month of activities could not all be loaded 活动未能全部载入", e);
        }
    }

    /**
     * The past four weeks (PastActivities), recorded after they were held, with their hours and a few certificates;
     * after the coming month, whose today's clean-up must start on time.
     */
    private void loadPastActivities() {
        long began = System.nanoTime();
        try {
            out.accept(String.format(
                    "  past activities 已举办活动: %s in %.1f s",
                    PastActivities.load(state, api, dir, rest, new Random(settings.seed() ^ 0x48454c44L))
                            .describe(),
                    (System.nanoTime() - began) / 1e9));
        } catch (RuntimeException e) {
            partMissing("the past month could not all be recorded 已举办活动未能全部补录", e);
        }
    }

    /**
     * A part of the town that could not be loaded: said in the output, and kept for {@link #missing()}. The hub runs on
     * without it (the town is sample data), but its status names it, so a test that starts the hub sees it.
     */
    private void partMissing(String what, RuntimeException e) {
        out.accept("  (" + what + ": " + e.getMessage() + ")");
        missing.add(what + ": " + e.getMessage());
    }

    /** The parts of this start's load that could not be loaded, with why; empty when everything was. */
    public List<String> missing() {
        return List.copyOf(missing);
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
        List<CommunityRef> communities = new CommunitiesAndStations(rest, api).register();
        List<Town.Community> plan = Town.COMMUNITIES;

        // Each branch's seed is drawn here, in this order: drawn inside the branches, the threads' race would
        // hand the seeds out in a different order on every load.
        long communitySeed = r.nextLong();
        long resourceSeed = r.nextLong();
        long volunteerSeed = r.nextLong();
        long organizationSeed = r.nextLong();
        long socialWorkSeed = r.nextLong();
        CompletableFuture<CommunityPart> community =
                branch("community", () -> communityPart(new Random(communitySeed), communities));
        CompletableFuture<int[]> resources = branch(
                "resource",
                () -> new DonorsAndOffers(rest, api, settings).load(new Random(resourceSeed), communities, today));
        CompletableFuture<int[]> volunteers = branch(
                "volunteer",
                () -> new VolunteersAndTeams(rest, api, settings).load(new Random(volunteerSeed), communities));
        CompletableFuture<int[]> organizations = branch(
                "organization",
                () -> new Organizations(rest, api).load(new Random(organizationSeed), communities, today));
        CommunityPart c = Rest.join(community);
        long socialBegan = System.nanoTime();
        int[] social = new SocialWorkers(rest, api, settings).load(new Random(socialWorkSeed), c, today);
        timings.put("social-worker", (System.nanoTime() - socialBegan) / 1_000_000);
        int[] res = Rest.join(resources);
        int[] vol = Rest.join(volunteers);
        int[] org = Rest.join(organizations);

        Map<String, Integer> offersByKind = new TreeMap<>();
        offersByKind.put("GOODS", res[2]);
        offersByKind.put("SERVICE", res[3]);
        offersByKind.put("FUND", res[4]);
        offersByKind.put("VENUE", res[5]);
        Summary summary = new Summary(
                plan.size(),
                1 + Town.STATIONS.size(),
                c.grids(),
                c.residents().size() + c.unflagged(),
                c.flags(),
                vol[0],
                vol[1],
                vol[2],
                vol[3],
                res[0],
                res[1],
                offersByKind,
                org[0],
                org[1],
                org[2],
                org[3],
                social[0],
                social[1],
                social[2],
                social[3],
                social[4],
                social[5],
                settings.needs(),
                settings.burst());
        return new State(settings.seed(), settings.scale(), c.centreId(), c.communities(), c.residents(), summary);
    }

    /** community-service's part: stations and grids, then the residents, drawn from one generator in that order. */
    private CommunityPart communityPart(Random r, List<CommunityRef> communities) {
        CommunitiesAndStations.Stations stations =
                new CommunitiesAndStations(rest, api).stationsAndGrids(r, communities);
        Residents.Registered residents =
                new Residents(rest, api).register(r, stations.communities(), settings.residents());
        return new CommunityPart(
                stations.centreId(),
                stations.communities(),
                stations.grids(),
                residents.flagged(),
                residents.unflagged(),
                residents.flags());
    }

    /** What the community branch made, which the social workers' part and the summary read. */
    record CommunityPart(
            String centreId,
            List<CommunityRef> communities,
            int grids,
            List<ResidentRef> residents,
            int unflagged,
            Map<String, Integer> flags) {}

    private <T> CompletableFuture<T> branch(String name, java.util.function.Supplier<T> work) {
        return CompletableFuture.supplyAsync(
                () -> {
                    long began = System.nanoTime();
                    T result = work.get();
                    timings.put(name, (System.nanoTime() - began) / 1_000_000);
                    return result;
                },
                branches);
    }

    /** How long each service's part of the base data took, in ms. */
    private final Map<String, Long> timings = new java.util.concurrent.ConcurrentSkipListMap<>();

    // ---------------------------------------------------------------- needs

    /** Waits until the matching service has indexed the volunteers and offers, so the first needs find them. */
    private void awaitMatchingIndexed(Duration timeout) {
        Summary s = state.summary();
        int offers = s.offers() + s.capacities();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!stopped) {
            JsonNode engine = rest.tryGet(api.matching() + "/engine");
            JsonNode stations = rest.tryGet(api.matching() + "/stations");
            if (engine != null
                    && stations != null
                    && engine.path("engine").path("volunteers").asInt() >= s.volunteers()
                    && engine.path("engine").path("offers").asInt() >= offers
                    && stations.size() >= s.stations()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                out.accept("  (matching has not indexed everything yet: "
                        + (engine == null ? "no answer" : engine.path("engine")) + "; going on)");
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
                // Refused with no status: no answer at all (connection refused, reset, timed out) after Rest's own
                // retries.
                if (!(e instanceof Rest.Refused refused) || refused.status != -1 || System.nanoTime() > giveUp) {
                    throw e;
                }
                if (!told) {
                    out.accept("  community-service is not answering; need " + (index + 1) + " waits 需求暂停发布 ("
                            + e.getMessage() + ")");
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
        String matching = e == null
                ? "matching not answering"
                : String.format(
                        "matching: %d proposed, %d escalated, %d waiting for candidates, %d accepted, %d completed",
                        e.path("proposed").asLong(),
                        e.path("escalated").asLong(),
                        e.path("needsWaiting").asInt(),
                        e.path("accepted").asLong() + e.path("reserved").asLong(),
                        e.path("completed").asLong());
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
            Files.move(
                    tmp,
                    dir.resolve("needs-posted"),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeState() {
        try {
            Path tmp = dir.resolve("state.json.tmp");
            Rest.JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), state);
            Files.move(
                    tmp,
                    dir.resolve("state.json"),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(dir.resolve("needs-posted"), "0\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean sleep(long millis) {
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

    /** One day's hours, e.g. {@code {"day": "MONDAY", "start": "09:00", "end": "11:30"}}. */
    static Map<String, Object> day(String day, String start, String end) {
        return body("day", day, "start", start, "end", end);
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
