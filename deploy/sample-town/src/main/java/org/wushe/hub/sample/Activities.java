package org.wushe.hub.sample;

import static org.wushe.hub.sample.SampleTown.ZONE;
import static org.wushe.hub.sample.SampleTown.body;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import java.util.function.ObjIntConsumer;

/**
 * 活动 The town's month of activities (#15 item 8), published by the stations' staff (signed in as {@code station-N})
 * through volunteer-service's API: a 邻里节 neighbourhood-festival calendar (one festival a week in every community on
 * the Saturdays of the coming four weeks, the week's theme town-wide: 敬老 elder care, 环保 green, 亲子 family, 文化
 * culture), a 志愿服务培训 volunteer training (a TRAINING granting first aid, sign-ups approved by the station), a 义诊
 * free clinic at a venue offered in resource-service with a donor and an organization of the sample as co-hosts, and
 * today's 社区清洁日 clean-up, which starts a few seconds after it is published and lasts an hour.
 *
 * <p>Why the coming four weeks here: volunteer-service publishes an activity only when it starts ahead (400 naming
 * startsAt otherwise) and takes a sign-up only before its position starts. The past four weeks are recorded after they
 * were held, with who came and when ({@link PastActivities}, {@code POST /activities/held}). The festivals, training and
 * clinic here therefore lie ahead with their sign-ups (some approved, one rejected, waiting lists on the full positions);
 * today's clean-up is the one that happens: its volunteers are checked in by the station's staff once it has begun
 * (代签到, recorded as by staff, at the real time), and checked out at its end, an hour later, while the hub runs
 * ({@link #finishToday}, in the background), which credits their hours; then two of them get a volunteer service record
 * certificate. A hub stopped before the end finishes at its next start, the check-out then recorded at the end by a
 * staff correction with the reason {@link #BACK_FILL_REASON} (the API's way to record a time after the fact, logged).
 *
 * <p>The sign-ups are taken by the station's staff for the volunteers (the API's "staff sign up someone without a
 * phone"): the sample volunteers have no sign-in accounts of their own but for three.
 */
final class Activities {

    static final int WEEKS = 4;
    /** Today's clean-up starts this long after it is published: time to take its sign-ups first. */
    static final Duration TODAY_LEAD = Duration.ofSeconds(10);

    static final String MARK_STARTED = "activities-started";
    static final String MARK_DONE = "activities.json";
    /** Today's clean-up, checked in and waiting for its end: its check-outs and certificates (finishToday). */
    static final String MARK_TODAY = "activities-today.json";
    /** How long today's clean-up lasts. */
    static final Duration TODAY_LENGTH = Duration.ofHours(1);
    /** A check-out this late after the end is recorded at the end, by a staff correction with a reason. */
    static final Duration LATE = Duration.ofMinutes(2);
    /** How many of today's volunteers get a certificate once their hours are credited. */
    static final int CERTIFICATES = 2;

    static final String BACK_FILL_REASON =
            "补录 sample back-fill：示例镇在清洁日结束时未运行，按结束时间签退 the hub was not running at the end";

    /** Today's clean-up once its volunteers are checked in: what its end still needs. */
    record Today(String activityId, int station, String endsAt, List<String> signUpIds, List<String> certify) {

        /** Its end ({@code endsAt} is kept as ISO-8601 text: the town's JSON writer has no java.time module). */
        Instant end() {
            return Instant.parse(endsAt);
        }
    }

    /** The first-aid qualification of volunteer-service's catalogue (migration V10), granted by the training. */
    static final String TRAINING_GRANTS = "FIRST_AID";

    enum Decision {
        /** As the activity's rules place it: a place while one is free, else the waiting list. */
        AUTO,
        /** Pending, then approved by the station. */
        APPROVE,
        /** Pending, then rejected by the station (reason NOT_SUITABLE). */
        REJECT
    }

    /** A sample volunteer as volunteer-service lists them: id, community (index in the town), declared skills. */
    record Volunteer(String id, int community, List<String> skills) {}

    record PositionPlan(String duty, int places, int waitingListLimit, List<String> skills) {}

    record SignUpPlan(int position, String volunteerId, Decision decision) {}

    /**
     * One activity. {@code community} is its community's index (-1 for the town), {@code station} the number of its
     * station's staff account ({@code station-N}); times are local (Asia/Shanghai). {@code today}: the clean-up whose
     * times are set when it is published (now + {@link #TODAY_LEAD}, for {@code hours}).
     */
    record ActivityPlan(
            String kind,
            int week,
            int community,
            int station,
            String title,
            String description,
            LocalDateTime starts,
            LocalDateTime ends,
            boolean approvalRequired,
            String grantsQualification,
            boolean atVenue,
            String servedGroup,
            int served,
            List<PositionPlan> positions,
            List<SignUpPlan> signUps,
            boolean today) {}

    record Theme(String name, String title, String description, String group, List<PositionPlan> positions) {}

    static final List<Theme> THEMES = List.of(
            new Theme(
                    "敬老",
                    "邻里节·敬老：为老人义剪、量血压、陪聊",
                    "邻里节敬老主题日：志愿者陪伴独居和高龄老人，义剪、聊天、做游戏。Elder care day of the neighbourhood festival.",
                    "ELDERLY_ALONE",
                    List.of(
                            new PositionPlan("陪伴老人聊天、组织游戏 keep elders company", 3, 2, List.of()),
                            new PositionPlan("为老人义剪 free haircuts", 1, 1, List.of("HAIRDRESSING")))),
            new Theme(
                    "环保",
                    "邻里节·环保：垃圾分类宣传与楼道清洁",
                    "邻里节环保主题日：宣传垃圾分类，清理楼道杂物。Green day of the neighbourhood festival.",
                    "ALL_RESIDENTS",
                    List.of(
                            new PositionPlan("垃圾分类宣传、指导居民投放 sorting guidance", 3, 2, List.of()),
                            new PositionPlan("清理楼道杂物 stairwell clean-up", 2, 1, List.of("CLEANING")))),
            new Theme(
                    "亲子",
                    "邻里节·亲子：亲子手工与游园",
                    "邻里节亲子主题日：亲子手工、游园游戏，关爱困境儿童。Family day of the neighbourhood festival.",
                    "CHILD_IN_HARDSHIP",
                    List.of(
                            new PositionPlan("组织亲子游戏、维持秩序 run the games", 3, 2, List.of()),
                            new PositionPlan("看护低龄儿童 look after small children", 1, 1, List.of("CHILD_CARE")))),
            new Theme(
                    "文化",
                    "邻里节·文化：社区文艺汇演",
                    "邻里节文化主题日：社区文艺汇演，邻里同乐。Culture day of the neighbourhood festival.",
                    "ALL_RESIDENTS",
                    List.of(
                            new PositionPlan("布置场地、引导入座 set up and usher", 3, 2, List.of()),
                            new PositionPlan("文艺节目表演 perform", 1, 1, List.of("CULTURAL_ARTS")))));

    /** What was made, for the summary line (and the marker the next start reads). */
    record Made(
            int activities,
            int festivals,
            int trainings,
            int clinics,
            int signUps,
            int confirmed,
            int approved,
            int rejected,
            int pending,
            int waitlisted,
            int checkedIn) {

        String describe() {
            return String.format(
                    "%d activities (%d 邻里节 festivals, %d training, %d free clinic, today's clean-up), %d sign-ups "
                            + "(%d confirmed, %d approved, %d rejected, %d pending, %d waiting), %d checked in today",
                    activities,
                    festivals,
                    trainings,
                    clinics,
                    signUps,
                    confirmed,
                    approved,
                    rejected,
                    pending,
                    waitlisted,
                    checkedIn);
        }
    }

    // ---------------------------------------------------------------- the plan, drawn from the seed alone

    /**
     * The month from {@code today}: today's clean-up first, then per week the festival of every community (the
     * communities' order), the training (the first Wednesday ahead) and the clinic (the second Sunday ahead). The same
     * seed, town, volunteers and day make the same month.
     */
    static List<ActivityPlan> plan(SampleTown.State state, List<Volunteer> volunteers, Random r, LocalDate today) {
        List<ActivityPlan> plans = new ArrayList<>();
        int communities = state.communities().size();
        List<List<Volunteer>> byCommunity = byCommunity(volunteers, communities);

        // Today's clean-up in the first community, by its station: four volunteers, the community's own first.
        if (communities > 0) {
            List<Volunteer> here = new ArrayList<>(byCommunity.get(0));
            Collections.shuffle(here, r);
            List<Volunteer> others = new ArrayList<>(volunteers);
            others.removeAll(here);
            Collections.shuffle(others, r);
            here.addAll(others);
            PositionPlan p = new PositionPlan("清理楼道杂物、捡拾垃圾 clear stairwells, pick up litter", 4, 2, List.of());
            List<SignUpPlan> signUps = new ArrayList<>();
            for (Volunteer v : here.subList(0, Math.min(p.places(), here.size()))) {
                signUps.add(new SignUpPlan(0, v.id(), Decision.AUTO));
            }
            plans.add(new ActivityPlan(
                    "CLEAN_UP",
                    0,
                    0,
                    stationAccount(state, 0),
                    "社区清洁日（今日）Clean-up day (today)",
                    "今日社区清洁日：清理楼道杂物、捡拾垃圾。Today's clean-up of the community.",
                    null,
                    null,
                    false,
                    null,
                    false,
                    "ALL_RESIDENTS",
                    50 + r.nextInt(100),
                    List.of(p),
                    signUps,
                    true));
        }

        LocalDate firstSaturday = today.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        LocalDate training = today.with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
        LocalDate clinic = today.with(TemporalAdjusters.next(DayOfWeek.SUNDAY)).plusWeeks(1);
        for (int w = 0; w < WEEKS; w++) {
            Theme theme = THEMES.get(w % THEMES.size());
            LocalDate day = firstSaturday.plusWeeks(w);
            for (int c = 0; c < communities; c++) {
                List<Volunteer> pool = new ArrayList<>(byCommunity.get(c));
                Collections.shuffle(pool, r);
                List<SignUpPlan> signUps = new ArrayList<>();
                fill(
                        theme.positions(),
                        pool,
                        i -> {
                            int places = theme.positions().get(i).places();
                            int half = (places + 1) / 2;
                            return places == 1 ? r.nextInt(2) : half + r.nextInt(places - half + 1);
                        },
                        (v, i) -> signUps.add(new SignUpPlan(i, v.id(), Decision.AUTO)));
                plans.add(festival(state, w, c, theme, day.atTime(9, 0), day.atTime(11, 30), r, signUps));
            }
        }
        // The training on the first Wednesday ahead, the clinic on the second Sunday ahead.
        plans.add(training(volunteers, r, training, weekOf(today, training)));
        plans.add(clinic(state, volunteers, r, clinic, weekOf(today, clinic)));
        return plans;
    }

    /**
     * The town's volunteer training: ten places, sign-ups approved by the station; twelve sign up, so two wait; the
     * station approves all but one, whose place goes to the first waiting (pending again, for the station to decide).
     */
    private static ActivityPlan training(List<Volunteer> volunteers, Random r, LocalDate on, int week) {
        PositionPlan p = new PositionPlan("参加培训：应急救护与志愿服务规范 attend the training", 10, 5, List.of());
        List<Volunteer> pool = new ArrayList<>(volunteers);
        Collections.shuffle(pool, r);
        List<SignUpPlan> signUps = new ArrayList<>();
        int n = Math.min(p.places() + 2, pool.size());
        int rejected = r.nextInt(Math.max(1, Math.min(p.places(), n)));
        for (int i = 0; i < n; i++) {
            Decision d = i >= p.places() ? Decision.AUTO : i == rejected ? Decision.REJECT : Decision.APPROVE;
            signUps.add(new SignUpPlan(0, pool.get(i).id(), d));
        }
        return new ActivityPlan(
                "TRAINING",
                week,
                -1,
                1,
                "志愿服务培训：应急救护 Volunteer training: first aid",
                "志愿服务培训：应急救护、志愿服务规范与安全。参加并签到签退者获得急救资质。Volunteer training; attendance grants first aid.",
                on.atTime(14, 0),
                on.atTime(17, 0),
                true,
                TRAINING_GRANTS,
                false,
                null,
                0,
                List.of(p),
                signUps,
                false);
    }

    /**
     * The free clinic (义诊) at a venue of the sample with a donor and an organization as co-hosts: guides (three places,
     * five sign up, two wait), blood pressure by volunteers with the MEDICAL skill, and order keeping.
     */
    private static ActivityPlan clinic(
            SampleTown.State state, List<Volunteer> volunteers, Random r, LocalDate on, int week) {
        List<PositionPlan> positions = List.of(
                new PositionPlan("导诊引导、登记排队 guide and queue", 3, 3, List.of()),
                new PositionPlan("测量血压、血糖 blood pressure and sugar", 2, 1, List.of("MEDICAL")),
                new PositionPlan("维持秩序、搀扶老人 keep order, help elders", 2, 1, List.of()));
        List<Volunteer> pool = new ArrayList<>(volunteers);
        Collections.shuffle(pool, r);
        List<SignUpPlan> signUps = new ArrayList<>();
        int[] wanted = {5, 2, 1 + r.nextInt(2)};
        fill(positions, pool, i -> wanted[i], (v, i) -> signUps.add(new SignUpPlan(i, v.id(), Decision.AUTO)));
        return new ActivityPlan(
                "FREE_CLINIC",
                week,
                0,
                stationAccount(state, 0),
                "义诊：健康咨询与慢病筛查 Free clinic",
                "社区义诊：医生健康咨询、量血压、测血糖，志愿者导诊。Free clinic with a donor and an organization.",
                on.atTime(8, 30),
                on.atTime(11, 30),
                false,
                null,
                true,
                "VERY_OLD",
                60 + r.nextInt(60),
                positions,
                signUps,
                false);
    }

    /** The volunteers of each of the {@code communities} communities (by index), in the volunteers' order. */
    static List<List<Volunteer>> byCommunity(List<Volunteer> volunteers, int communities) {
        List<List<Volunteer>> byCommunity = new ArrayList<>();
        for (int c = 0; c < communities; c++) {
            byCommunity.add(new ArrayList<>());
        }
        for (Volunteer v : volunteers) {
            if (v.community() >= 0 && v.community() < communities) {
                byCommunity.get(v.community()).add(v);
            }
        }
        return byCommunity;
    }

    /**
     * Fills the positions in order from {@code pool}: for the {@code i}th, up to {@code want.applyAsInt(i)} of the
     * pool's volunteers with its skills, in the pool's order, each handed to {@code taken} with {@code i} and taken out
     * of the pool.
     */
    static void fill(
            List<PositionPlan> positions,
            List<Volunteer> pool,
            IntUnaryOperator want,
            ObjIntConsumer<Volunteer> taken) {
        for (int i = 0; i < positions.size(); i++) {
            PositionPlan p = positions.get(i);
            List<Volunteer> eligible = pool.stream()
                    .filter(v -> v.skills().containsAll(p.skills()))
                    .toList();
            for (Volunteer v : eligible.subList(0, Math.min(want.applyAsInt(i), eligible.size()))) {
                taken.accept(v, i);
                pool.remove(v);
            }
        }
    }

    /** Community {@code c}'s 邻里节 festival of week {@code week}, on the theme, by its station, for 20 to 79 residents. */
    static ActivityPlan festival(
            SampleTown.State state,
            int week,
            int c,
            Theme theme,
            LocalDateTime starts,
            LocalDateTime ends,
            Random r,
            List<SignUpPlan> signUps) {
        return new ActivityPlan(
                "NEIGHBOURHOOD_FESTIVAL",
                week,
                c,
                stationAccount(state, c),
                theme.title(),
                theme.description(),
                starts,
                ends,
                false,
                null,
                false,
                theme.group(),
                20 + r.nextInt(60),
                theme.positions(),
                signUps,
                false);
    }

    /** The week of the month (0 to 3) {@code on} falls in, counted from the day after {@code today}. */
    static int weekOf(LocalDate today, LocalDate on) {
        return (int) ((java.time.temporal.ChronoUnit.DAYS.between(today, on) - 1) / 7);
    }

    /** The number of the staff account ({@code station-N}) of community {@code c}'s station, as SampleAccounts numbers them. */
    static int stationAccount(SampleTown.State state, int c) {
        List<String> stations = new ArrayList<>(new LinkedHashSet<>(state.communities().stream()
                .map(SampleTown.CommunityRef::stationId)
                .toList()));
        return stations.indexOf(state.communities().get(c).stationId()) + 1;
    }

    /**
     * The statuses the sign-ups of {@code a} end with, in its plan's order, by the API's rules: a place while the
     * position has one (CONFIRMED, or PENDING then APPROVED/REJECTED where it asks for approval), else the waiting list;
     * a rejection's place goes to the first waiting, who is PENDING again.
     */
    static List<String> expectedStatuses(ActivityPlan a) {
        List<String> out = new ArrayList<>();
        Map<Integer, Integer> held = new HashMap<>();
        List<Integer> waiting = new ArrayList<>();
        for (SignUpPlan s : a.signUps()) {
            PositionPlan p = a.positions().get(s.position());
            int h = held.getOrDefault(s.position(), 0);
            if (h < p.places()) {
                held.put(s.position(), h + 1);
                out.add(
                        switch (s.decision()) {
                            case AUTO -> a.approvalRequired() ? "PENDING" : "CONFIRMED";
                            case APPROVE -> "CONFIRMED";
                            case REJECT -> "REJECTED";
                        });
            } else {
                out.add("WAITLISTED");
                waiting.add(out.size() - 1);
            }
        }
        long rejected = out.stream().filter("REJECTED"::equals).count();
        for (int i = 0; i < rejected && i < waiting.size(); i++) {
            out.set(waiting.get(i), a.approvalRequired() ? "PENDING" : "CONFIRMED");
        }
        return out;
    }

    // ---------------------------------------------------------------- through the APIs

    private final SampleTown.Endpoints api;
    private final Path dir;
    private final SignIns signIns;
    private final List<String> communityIds;
    private final Wishes.Http http = new Wishes.Http();

    private Activities(List<String> communityIds, SampleTown.Endpoints api, Path dir) {
        this.api = api;
        this.communityIds = communityIds;
        this.dir = dir;
        this.signIns = new SignIns(api, dir, http);
    }

    /** Whether the month is still to be loaded: neither begun nor done in {@code dir} (the town's directory). */
    static boolean due(Path dir) {
        return !Files.exists(dir.resolve(MARK_STARTED)) && !Files.exists(dir.resolve(MARK_DONE));
    }

    /** The month as an earlier start recorded it, or null. */
    static Made recorded(Path dir) {
        Path f = dir.resolve(MARK_DONE);
        if (!Files.exists(f)) {
            return null;
        }
        try {
            return Rest.JSON.readValue(f.toFile(), Made.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * After the sample accounts are made ({@code station-N}, passwords in {@code dir}); {@code rest} (the operator's
     * token) reads the volunteers, venues, donors and organizations of the sample. Marks the start and the end in
     * {@code dir}, so a month begun is never loaded twice.
     */
    static Made load(SampleTown.State state, SampleTown.Endpoints api, Path dir, Rest rest, Random r) {
        try {
            Files.writeString(dir.resolve(MARK_STARTED), Instant.now() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Volunteer> volunteers = volunteers(state, api, rest);
        String donor = first(rest.tryGet(api.resource() + "/donors?limit=1"));
        Made made = new Activities(
                        state.communities().stream()
                                .map(SampleTown.CommunityRef::id)
                                .toList(),
                        api,
                        dir)
                .record(
                        plan(state, volunteers, r, LocalDate.now(ZONE)),
                        clinicVenue(state, api, rest, donor),
                        donor,
                        first(rest.tryGet(api.organization() + "/organizations")));
        write(dir.resolve(MARK_DONE), made);
        return made;
    }

    /**
     * The clinic's venue: the square outside the first community's health station, offered by the sample's first donor on
     * Sunday mornings for up to 200 people, so the clinic (a Sunday morning, its volunteers and the elders it serves)
     * fits one slot and the resource service reserves it through the saga (ResourceReserved for the activity). The
     * sample's other venues are random weekday rooms of 20 to 50.
     */
    static String clinicVenue(SampleTown.State state, SampleTown.Endpoints api, Rest rest, String donorId) {
        SampleTown.CommunityRef home = state.communities().get(0);
        Map<String, Object> place = DonorsAndOffers.place(home, new Geo.Point(home.lat(), home.lon()));
        place.put("name", home.name() + "卫生服务站前广场");
        Instant now = Instant.now();
        Map<String, Object> body = SampleTown.body(
                "donorId",
                donorId,
                "kind",
                "VENUE",
                "category",
                "HEALTH",
                "title",
                "社区卫生服务站前广场（周日义诊） square outside the health station, Sunday clinics",
                "beneficiaryGroups",
                List.of(),
                "place",
                place,
                "availableWindow",
                SampleTown.body(
                        "start",
                        now.minus(Duration.ofDays(1)).toString(),
                        "end",
                        now.plus(Duration.ofDays(60)).toString()),
                "venue",
                SampleTown.body("capacity", 200, "openingHours", List.of(SampleTown.day("SUNDAY", "08:00", "12:00"))));
        return rest.post(api.resource() + "/offers", body).join().path("id").asText();
    }

    static void write(Path file, Object value) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Rest.JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), value);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How today's clean-up is checked out at {@code now}: null before its end (wait), CHECK_OUT by the station's staff
     * at the real time within {@link #LATE} of the end, else CORRECTION: the check-out recorded at the end by a staff
     * correction with {@link #BACK_FILL_REASON} (the hub was not running then; a check-out now would credit hours nobody
     * served).
     */
    static String checkOutAt(Today t, Instant now) {
        if (now.isBefore(t.end())) {
            return null;
        }
        return now.isAfter(t.end().plus(LATE)) ? "CORRECTION" : "CHECK_OUT";
    }

    /**
     * Waits in the background for today's clean-up to end (returns false when interrupted: the hub stopping; the next
     * start goes on), then the station's staff check its volunteers out, crediting their hours, and issue a volunteer
     * service record certificate to {@link #CERTIFICATES} of them. Done once: its marker is removed after.
     */
    static boolean finishToday(SampleTown.Endpoints api, Path dir, java.util.function.Consumer<String> out) {
        Path f = dir.resolve(MARK_TODAY);
        if (!Files.exists(f)) {
            return true;
        }
        Today t;
        try {
            t = Rest.JSON.readValue(f.toFile(), Today.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long wait = Duration.between(Instant.now(), t.end()).toMillis() + 500;
        if (wait > 0 && !SampleTown.sleep(wait)) {
            return false;
        }
        Activities a = new Activities(List.of(), api, dir);
        String staff = a.signIns.token("station-" + t.station());
        String how = checkOutAt(t, Instant.now());
        int checkedOut = 0;
        for (String signUp : t.signUpIds()) {
            String base = api.volunteer() + "/activities/" + t.activityId() + "/sign-ups/" + signUp;
            // A second start after a partial finish: a check-out refused as done already (409) is no failure.
            JsonNode r = "CHECK_OUT".equals(how)
                    ? a.http.tryCall("POST", base + "/check-out", staff, null)
                    : a.http.tryCall(
                            "POST",
                            base + "/attendance/corrections",
                            staff,
                            body("checkedOutAt", t.endsAt(), "reason", BACK_FILL_REASON));
            checkedOut += r == null ? 0 : 1;
        }
        int certificates = 0;
        for (String volunteer : t.certify()) {
            if (a.http.tryCall("POST", api.volunteer() + "/volunteers/" + volunteer + "/certificates", staff, null)
                    != null) {
                certificates++;
            }
        }
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.accept(String.format(
                "  today's clean-up 清洁日 ended: %d volunteers checked out%s, their hours credited; %d certificates 志愿服务记录证明 issued",
                checkedOut, "CORRECTION".equals(how) ? " at its end (补录 back-fill)" : "", certificates));
        return true;
    }

    static String first(JsonNode list) {
        return list != null && list.size() > 0 ? list.get(0).path("id").asText() : null;
    }

    /** The sample's volunteers as volunteer-service lists them (its order), with their community's index. */
    static List<Volunteer> volunteers(SampleTown.State state, SampleTown.Endpoints api, Rest rest) {
        Map<String, Integer> community = new HashMap<>();
        for (int c = 0; c < state.communities().size(); c++) {
            community.put(state.communities().get(c).id(), c);
        }
        List<Volunteer> all = new ArrayList<>();
        for (int offset = 0; ; offset += 200) {
            JsonNode page = Rest.join(rest.get(api.volunteer() + "/volunteers?limit=200&offset=" + offset));
            for (JsonNode v : page) {
                List<String> skills = new ArrayList<>();
                v.path("skills").forEach(s -> skills.add(s.asText()));
                all.add(new Volunteer(
                        v.path("id").asText(),
                        community.getOrDefault(v.path("communityId").asText(), -1),
                        List.copyOf(skills)));
            }
            if (page.size() < 200) {
                return all;
            }
        }
    }

    private Made record(List<ActivityPlan> plans, String venueOfferId, String donorId, String organizationId) {
        AtomicInteger festivals = new AtomicInteger();
        AtomicInteger trainings = new AtomicInteger();
        AtomicInteger clinics = new AtomicInteger();
        AtomicInteger signUps = new AtomicInteger();
        AtomicInteger confirmed = new AtomicInteger();
        AtomicInteger approved = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        AtomicInteger pending = new AtomicInteger();
        AtomicInteger waitlisted = new AtomicInteger();
        AtomicInteger checkedIn = new AtomicInteger();

        // The month ahead, each station's activities in turn (a station's staff one request at a time).
        Map<Integer, List<ActivityPlan>> byStation = new java.util.TreeMap<>();
        for (ActivityPlan p : plans) {
            if (!p.today()) {
                byStation.computeIfAbsent(p.station(), k -> new ArrayList<>()).add(p);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(4, t -> {
            Thread thread = new Thread(t, "sample-town-activities");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<Void>> work = new ArrayList<>();
            byStation.forEach((station, list) -> work.add(CompletableFuture.runAsync(
                    () -> {
                        String staff = signIns.token("station-" + station);
                        for (ActivityPlan p : list) {
                            JsonNode a = publish(
                                    staff,
                                    p,
                                    p.starts().atZone(ZONE).toInstant(),
                                    p.ends().atZone(ZONE).toInstant(),
                                    p.atVenue() ? venueOfferId : null,
                                    p.atVenue() ? donorId : null,
                                    p.atVenue() ? organizationId : null);
                            switch (p.kind()) {
                                case "NEIGHBOURHOOD_FESTIVAL" -> festivals.incrementAndGet();
                                case "TRAINING" -> trainings.incrementAndGet();
                                default -> clinics.incrementAndGet();
                            }
                            String id = a.path("id").asText();
                            List<String> made = new ArrayList<>();
                            for (SignUpPlan s : p.signUps()) {
                                made.add(signUp(staff, id, a, s).path("id").asText());
                                signUps.incrementAndGet();
                            }
                            for (int i = 0; i < p.signUps().size(); i++) {
                                Decision d = p.signUps().get(i).decision();
                                if (d == Decision.APPROVE) {
                                    http.call(
                                            "POST",
                                            api.volunteer() + "/activities/" + id + "/sign-ups/" + made.get(i)
                                                    + "/approve",
                                            staff,
                                            null);
                                    approved.incrementAndGet();
                                } else if (d == Decision.REJECT) {
                                    http.call(
                                            "POST",
                                            api.volunteer() + "/activities/" + id + "/sign-ups/" + made.get(i)
                                                    + "/reject",
                                            staff,
                                            body("reason", "NOT_SUITABLE"));
                                    rejected.incrementAndGet();
                                }
                            }
                            // The statuses as they end, read once: approvals and moves up from the waiting list
                            // included.
                            JsonNode all =
                                    http.call("GET", api.volunteer() + "/activities/" + id + "/sign-ups", staff, null);
                            for (JsonNode s : all) {
                                String status = s.path("status").asText();
                                if (!"APPROVED".equals(status) && !"REJECTED".equals(status)) {
                                    count(status, p.approvalRequired() ? null : confirmed, pending, waitlisted);
                                }
                            }
                        }
                    },
                    pool)));
            Rest.all(work);
        } finally {
            pool.shutdownNow();
        }

        // Today's clean-up after the month: published to start TODAY_LEAD from now, its sign-ups taken before it starts
        // (the month's ~300 requests took 8 s on a loaded 2-core machine; waiting for a start set before them took 23 s
        // more).
        ActivityPlan today =
                plans.stream().filter(ActivityPlan::today).findFirst().orElse(null);
        Instant todayStarts = Instant.now().plus(TODAY_LEAD);
        List<String[]> todaySignUps = new ArrayList<>();
        String todayId = null;
        String todayStaff = null;
        if (today != null) {
            todayStaff = signIns.token("station-" + today.station());
            JsonNode a = publish(todayStaff, today, todayStarts, todayStarts.plus(TODAY_LENGTH), null, null, null);
            todayId = a.path("id").asText();
            for (SignUpPlan s : today.signUps()) {
                JsonNode made = signUp(todayStaff, todayId, a, s);
                signUps.incrementAndGet();
                count(made.path("status").asText(), confirmed, pending, waitlisted);
                if ("CONFIRMED".equals(made.path("status").asText())) {
                    todaySignUps.add(new String[] {
                        made.path("id").asText(), made.path("volunteerId").asText()
                    });
                }
            }
        }

        // Today's clean-up has begun: its station's staff check in the volunteers who came (at the real time).
        if (todayId != null) {
            long wait = Duration.between(Instant.now(), todayStarts).toMillis() + 200;
            if (wait > 0) {
                SampleTown.sleep(wait);
            }
            for (String[] s : todaySignUps) {
                http.call(
                        "POST",
                        api.volunteer() + "/activities/" + todayId + "/sign-ups/" + s[0] + "/check-in",
                        todayStaff,
                        null);
                checkedIn.incrementAndGet();
            }
            if (!todaySignUps.isEmpty()) {
                write(
                        dir.resolve(MARK_TODAY),
                        new Today(
                                todayId,
                                today.station(),
                                todayStarts.plus(TODAY_LENGTH).toString(),
                                todaySignUps.stream().map(s -> s[0]).toList(),
                                todaySignUps.stream()
                                        .limit(CERTIFICATES)
                                        .map(s -> s[1])
                                        .toList()));
            }
        }
        return new Made(
                festivals.get() + trainings.get() + clinics.get() + (todayId == null ? 0 : 1),
                festivals.get(),
                trainings.get(),
                clinics.get(),
                signUps.get(),
                confirmed.get(),
                approved.get(),
                rejected.get(),
                pending.get(),
                waitlisted.get(),
                checkedIn.get());
    }

    private static void count(String status, AtomicInteger confirmed, AtomicInteger pending, AtomicInteger waitlisted) {
        switch (status) {
            case "CONFIRMED" -> {
                if (confirmed != null) {
                    confirmed.incrementAndGet();
                }
            }
            case "PENDING" -> pending.incrementAndGet();
            case "WAITLISTED" -> waitlisted.incrementAndGet();
            default -> {}
        }
    }

    private JsonNode publish(
            String staff,
            ActivityPlan p,
            Instant starts,
            Instant ends,
            String venueOfferId,
            String donorId,
            String organizationId) {
        Map<String, Object> body = activityBody(p, communityIds, starts, ends, venueOfferId, donorId, organizationId);
        body.put("approvalRequired", p.approvalRequired());
        body.put(
                "positions",
                p.positions().stream()
                        .map(x -> body(
                                "duty",
                                x.duty(),
                                "places",
                                x.places(),
                                "waitingListLimit",
                                x.waitingListLimit(),
                                "skills",
                                x.skills()))
                        .toList());
        return http.call("POST", api.volunteer() + "/activities", staff, body);
    }

    /**
     * What an activity is, when, where and with whom: the part of the body {@code POST /activities} and {@code POST
     * /activities/held} share (null values left out). A venue, donor or organization given as null is not there.
     */
    static Map<String, Object> activityBody(
            ActivityPlan p,
            List<String> communityIds,
            Instant starts,
            Instant ends,
            String venueOfferId,
            String donorId,
            String organizationId) {
        List<Object> coHosts = new ArrayList<>();
        if (donorId != null) {
            coHosts.add(body("kind", "DONOR", "id", donorId));
        }
        if (organizationId != null) {
            coHosts.add(body("kind", "ORGANIZATION", "id", organizationId));
        }
        return body(
                "kind",
                p.kind(),
                "title",
                p.title(),
                "description",
                p.description(),
                "communityId",
                p.community() < 0 ? null : communityIds.get(p.community()),
                "startsAt",
                starts.toString(),
                "endsAt",
                ends.toString(),
                "venueOfferId",
                venueOfferId,
                "coHosts",
                coHosts.isEmpty() ? null : coHosts,
                "residentsServed",
                p.servedGroup() == null ? null : List.of(body("group", p.servedGroup(), "count", p.served())),
                "grantsQualification",
                p.grantsQualification());
    }

    private JsonNode signUp(String staff, String activityId, JsonNode activity, SignUpPlan s) {
        return http.call(
                "POST",
                api.volunteer() + "/activities/" + activityId + "/sign-ups",
                staff,
                body(
                        "positionId",
                        activity.path("positions").get(s.position()).path("id").asText(),
                        "volunteerId",
                        s.volunteerId()));
    }
}
