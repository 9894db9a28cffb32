package org.wushe.hub.sample;

import static org.wushe.hub.sample.SampleTown.ZONE;
import static org.wushe.hub.sample.SampleTown.body;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * 活动补录 The town's PAST four weeks of activities (#15 item 8), recorded after they were held through volunteer-service's
 * {@code POST /activities/held} by the stations' staff (signed in as {@code station-N}), the way the field enters
 * service records afterwards: the 邻里节 neighbourhood festival of every community on the Saturdays of the last four
 * weeks, a 志愿服务培训 training (granting first aid) and a 义诊 free clinic held last month, each with the community's
 * (or the town's) volunteers who attended, within the positions' places, checked in and out at realistic times (about
 * 2½ to 3½ hours). Their hours and points are credited as a check-out at those times credits them; then a few
 * volunteers get a volunteer service record certificate (志愿服务记录证明) from a station whose festival they served.
 *
 * <p>Why after the fact: volunteer-service takes a published activity only ahead of its start; an activity that was held
 * is recorded with who came and when, by staff, with {@link #REASON}, started at most 30 days ago
 * ({@code backfill-days}) and ended before now. So the plan holds nothing older than 28 days and nothing from today
 * on; the coming four weeks ({@link Activities}) are untouched.
 *
 * <p>Resumable: the day the plan was drawn on is kept in {@link #MARK_STARTED}; a start that finds it without
 * {@link #MARK_DONE} draws the same plan again and sends each activity with the same Idempotency-Key, so those recorded
 * already are answered as recorded (200) and only the rest are recorded.
 */
final class PastActivities {

    static final int WEEKS = 4;
    /** The plan's day, written when recording begins. */
    static final String MARK_STARTED = "past-activities-started";

    static final String MARK_DONE = "past-activities.json";
    /** How many volunteers get a certificate (one per station, the stations in order). */
    static final int CERTIFICATES = 5;

    static final String REASON =
            "补录 示例镇：活动在系统启用前举办，按纸质签到表录入 sample town: held before the hub, from the paper sign-in sheet";

    /** One volunteer's attendance: position index, volunteer, local check-in and check-out times. */
    record AttendancePlan(int position, String volunteerId, LocalDateTime in, LocalDateTime out) {}

    /** A held activity: as {@link Activities.ActivityPlan} (no sign-ups), with its attendances. */
    record HeldPlan(Activities.ActivityPlan activity, List<AttendancePlan> attendances) {}

    /** A certificate the station {@code station-N} issues to a volunteer who served its festival. */
    record CertificatePlan(int station, String volunteerId) {}

    record Plan(List<HeldPlan> held, List<CertificatePlan> certificates) {}

    /** What was recorded, for the summary line (and the marker the next start reads). */
    record Made(
            int activities,
            int festivals,
            int trainings,
            int clinics,
            int attendances,
            int minutes,
            int refused,
            int certificates,
            int certificatesRefused) {

        String describe() {
            return String.format(
                    "%d held activities recorded afterwards 补录 (%d 邻里节 festivals, %d training, %d free clinic), "
                            + "%d attendances, %.1f hours credited%s; %d certificates 志愿服务记录证明%s",
                    activities,
                    festivals,
                    trainings,
                    clinics,
                    attendances,
                    minutes / 60.0,
                    refused == 0 ? "" : ", " + refused + " refused",
                    certificates,
                    certificatesRefused == 0 ? "" : " (" + certificatesRefused + " refused: 503 without the CJK font)");
        }
    }

    // ---------------------------------------------------------------- the plan, drawn from the seed alone

    /**
     * The past four weeks before {@code today}: per week (oldest first) the festival of every community (the
     * communities' order, the themes of {@link Activities#THEMES}), then the training (the Wednesday of the week before
     * last) and the clinic (the Sunday three weeks back); the certificates last. The same seed, town, volunteers and
     * day make the same plan.
     */
    static Plan plan(SampleTown.State state, List<Activities.Volunteer> volunteers, Random r, LocalDate today) {
        List<HeldPlan> held = new ArrayList<>();
        int communities = state.communities().size();
        List<List<Activities.Volunteer>> byCommunity = Activities.byCommunity(volunteers, communities);
        LocalDate lastSaturday = today.with(TemporalAdjusters.previous(DayOfWeek.SATURDAY));
        for (int w = 0; w < WEEKS; w++) {
            Activities.Theme theme = Activities.THEMES.get(w % Activities.THEMES.size());
            LocalDate day = lastSaturday.minusWeeks(WEEKS - 1 - w);
            for (int c = 0; c < communities; c++) {
                List<Activities.Volunteer> pool = new ArrayList<>(byCommunity.get(c));
                Collections.shuffle(pool, r);
                List<AttendancePlan> came = new ArrayList<>();
                Activities.fill(
                        theme.positions(),
                        pool,
                        // Most places filled; one short now and then.
                        i -> Math.max(1, theme.positions().get(i).places() - r.nextInt(2)),
                        (v, i) -> came.add(attendance(i, v, day.atTime(9, 0), day.atTime(12, 0), r)));
                held.add(new HeldPlan(
                        Activities.festival(state, w, c, theme, day.atTime(9, 0), day.atTime(12, 0), r, List.of()),
                        came));
            }
        }
        LocalDate training =
                today.with(TemporalAdjusters.previous(DayOfWeek.WEDNESDAY)).minusWeeks(1);
        LocalDate clinic =
                today.with(TemporalAdjusters.previous(DayOfWeek.SUNDAY)).minusWeeks(2);
        held.add(training(volunteers, r, training, today));
        held.add(clinic(state, volunteers, r, clinic, today));
        return new Plan(held, certificates(held));
    }

    /** Came up to 20 minutes before the start, left from half an hour before the end to 15 minutes after it. */
    private static AttendancePlan attendance(
            int position, Activities.Volunteer v, LocalDateTime starts, LocalDateTime ends, Random r) {
        return new AttendancePlan(
                position,
                v.id(),
                starts.minusMinutes(r.nextInt(21)),
                ends.minusMinutes(30).plusMinutes(r.nextInt(46)));
    }

    /** The training held last month: ten of the town's volunteers attended, each granted first aid. */
    private static HeldPlan training(List<Activities.Volunteer> volunteers, Random r, LocalDate on, LocalDate today) {
        Activities.PositionPlan p =
                new Activities.PositionPlan("参加培训：应急救护与志愿服务规范 attend the training", 10, 0, List.of());
        List<Activities.Volunteer> pool = new ArrayList<>(volunteers);
        Collections.shuffle(pool, r);
        List<AttendancePlan> came = new ArrayList<>();
        for (Activities.Volunteer v : pool.subList(0, Math.min(p.places(), pool.size()))) {
            came.add(attendance(0, v, on.atTime(14, 0), on.atTime(17, 0), r));
        }
        return new HeldPlan(
                new Activities.ActivityPlan(
                        "TRAINING",
                        weekBack(today, on),
                        -1,
                        1,
                        "志愿服务培训（已举办）：应急救护 Volunteer training held: first aid",
                        "上月举办的志愿服务培训：应急救护、志愿服务规范与安全，参加者获得急救资质。A training held last month; attendance granted first aid.",
                        on.atTime(14, 0),
                        on.atTime(17, 0),
                        false,
                        Activities.TRAINING_GRANTS,
                        false,
                        null,
                        0,
                        List.of(p),
                        List.of(),
                        false),
                came);
    }

    /** The free clinic held last month in the first community, at a venue of the sample with its co-hosts. */
    private static HeldPlan clinic(
            SampleTown.State state, List<Activities.Volunteer> volunteers, Random r, LocalDate on, LocalDate today) {
        List<Activities.PositionPlan> positions = List.of(
                new Activities.PositionPlan("导诊引导、登记排队 guide and queue", 3, 0, List.of()),
                new Activities.PositionPlan("测量血压、血糖 blood pressure and sugar", 2, 0, List.of("MEDICAL")),
                new Activities.PositionPlan("维持秩序、搀扶老人 keep order, help elders", 2, 0, List.of()));
        List<Activities.Volunteer> pool = new ArrayList<>(volunteers);
        Collections.shuffle(pool, r);
        List<AttendancePlan> came = new ArrayList<>();
        Activities.fill(
                positions,
                pool,
                i -> positions.get(i).places(),
                (v, i) -> came.add(attendance(i, v, on.atTime(8, 30), on.atTime(11, 30), r)));
        return new HeldPlan(
                new Activities.ActivityPlan(
                        "FREE_CLINIC",
                        weekBack(today, on),
                        0,
                        Activities.stationAccount(state, 0),
                        "义诊（已举办）：健康咨询与慢病筛查 Free clinic held",
                        "上月举办的社区义诊：医生健康咨询、量血压、测血糖，志愿者导诊。A free clinic held last month.",
                        on.atTime(8, 30),
                        on.atTime(11, 30),
                        false,
                        null,
                        true,
                        "VERY_OLD",
                        60 + r.nextInt(60),
                        positions,
                        List.of(),
                        false),
                came);
    }

    /** The week of the past month (0 the oldest, 3 the last) {@code on} falls in, counted back from {@code today}. */
    static int weekBack(LocalDate today, LocalDate on) {
        return WEEKS - 1 - (int) ((java.time.temporal.ChronoUnit.DAYS.between(on, today) - 1) / 7);
    }

    /**
     * One certificate per station (in the stations' order, up to {@link #CERTIFICATES}): the first volunteer who came
     * to the station's latest festival, issued by that station (whose hours they were credited).
     */
    private static List<CertificatePlan> certificates(List<HeldPlan> held) {
        Map<Integer, String> byStation = new LinkedHashMap<>();
        for (int i = held.size() - 1; i >= 0; i--) {
            HeldPlan h = held.get(i);
            if (h.activity().kind().equals("NEIGHBOURHOOD_FESTIVAL")
                    && !h.attendances().isEmpty()) {
                byStation.putIfAbsent(
                        h.activity().station(), h.attendances().get(0).volunteerId());
            }
        }
        List<CertificatePlan> out = new ArrayList<>();
        byStation.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .limit(CERTIFICATES)
                .forEach(e -> out.add(new CertificatePlan(e.getKey(), e.getValue())));
        return out;
    }

    /** The Idempotency-Key of the {@code i}th held activity of the plan drawn on {@code day}. */
    static String key(LocalDate day, int i) {
        return "sample-town-held-" + day + "-" + i;
    }

    // ---------------------------------------------------------------- through the APIs

    /** Whether the past month is still to be recorded (begun and not done: resumed). */
    static boolean due(Path dir) {
        return !Files.exists(dir.resolve(MARK_DONE));
    }

    /**
     * After the sample accounts are made ({@code station-N}, passwords in {@code dir}); {@code rest} (the operator's
     * token) reads the volunteers, venues, donors and organizations of the sample.
     */
    static Made load(SampleTown.State state, SampleTown.Endpoints api, Path dir, Rest rest, Random r) {
        LocalDate day;
        try {
            Path started = dir.resolve(MARK_STARTED);
            if (Files.exists(started)) {
                day = LocalDate.parse(Files.readString(started).strip());
            } else {
                day = LocalDate.now(ZONE);
                Files.writeString(started, day + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Activities.Volunteer> volunteers = Activities.volunteers(state, api, rest);
        Plan plan = plan(state, volunteers, r, day);
        Made made = new PastActivities(api, dir)
                .record(
                        plan,
                        day,
                        state.communities().stream()
                                .map(SampleTown.CommunityRef::id)
                                .toList(),
                        Activities.first(rest.tryGet(api.resource() + "/offers?kind=VENUE&limit=1")),
                        Activities.first(rest.tryGet(api.resource() + "/donors?limit=1")),
                        Activities.first(rest.tryGet(api.organization() + "/organizations")));
        Activities.write(dir.resolve(MARK_DONE), made);
        return made;
    }

    /** The past month as an earlier start recorded it, or null. */
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

    private final SampleTown.Endpoints api;
    private final SignIns signIns;
    private final Wishes.Http http = new Wishes.Http();

    private PastActivities(SampleTown.Endpoints api, Path dir) {
        this.api = api;
        this.signIns = new SignIns(api, dir, http);
    }

    private Made record(
            Plan plan,
            LocalDate day,
            List<String> communityIds,
            String venueOfferId,
            String donorId,
            String organizationId) {
        AtomicInteger festivals = new AtomicInteger();
        AtomicInteger trainings = new AtomicInteger();
        AtomicInteger clinics = new AtomicInteger();
        AtomicInteger attendances = new AtomicInteger();
        AtomicInteger minutes = new AtomicInteger();
        List<String> refusals = new ArrayList<>();
        // One request per activity, one station's staff after the other (70 requests for 17 communities).
        for (int i = 0; i < plan.held().size(); i++) {
            HeldPlan h = plan.held().get(i);
            Activities.ActivityPlan p = h.activity();
            String staff = signIns.token("station-" + p.station());
            boolean atVenue = p.atVenue() && venueOfferId != null;
            Map<String, Object> body = Activities.activityBody(
                    p,
                    communityIds,
                    p.starts().atZone(ZONE).toInstant(),
                    p.ends().atZone(ZONE).toInstant(),
                    atVenue ? venueOfferId : null,
                    atVenue ? donorId : null,
                    atVenue ? organizationId : null);
            body.put(
                    "positions",
                    p.positions().stream()
                            .map(x -> body("duty", x.duty(), "places", x.places(), "skills", x.skills()))
                            .toList());
            body.put("reason", REASON);
            body.put(
                    "attendances",
                    h.attendances().stream()
                            .map(a -> body(
                                    "position",
                                    a.position(),
                                    "volunteerId",
                                    a.volunteerId(),
                                    "checkedInAt",
                                    a.in().atZone(ZONE).toInstant().toString(),
                                    "checkedOutAt",
                                    a.out().atZone(ZONE).toInstant().toString()))
                            .toList());
            JsonNode done = http.tryCall(
                    "POST",
                    api.volunteer() + "/activities/held",
                    staff,
                    body,
                    (status, text) -> refusals.add(status + " " + text),
                    "Idempotency-Key",
                    key(day, i));
            if (done == null) {
                continue;
            }
            switch (p.kind()) {
                case "NEIGHBOURHOOD_FESTIVAL" -> festivals.incrementAndGet();
                case "TRAINING" -> trainings.incrementAndGet();
                default -> clinics.incrementAndGet();
            }
            for (JsonNode a : done.path("attendances")) {
                attendances.incrementAndGet();
                minutes.addAndGet(a.path("creditedMinutes").asInt());
            }
        }
        // Certificates for a few who served, by the station whose festival it was: 503 without the CJK font (counted).
        int certificates = 0;
        int certificatesRefused = 0;
        for (CertificatePlan c : plan.certificates()) {
            JsonNode issued = http.tryCall(
                    "POST",
                    api.volunteer() + "/volunteers/" + c.volunteerId() + "/certificates",
                    signIns.token("station-" + c.station()),
                    null);
            if (issued != null) {
                certificates++;
            } else {
                certificatesRefused++;
            }
        }
        if (!refusals.isEmpty()) {
            System.err.println("  past activities refused 补录被拒: " + refusals.get(0)
                    + (refusals.size() > 1 ? " (and " + (refusals.size() - 1) + " more)" : ""));
        }
        return new Made(
                festivals.get() + trainings.get() + clinics.get(),
                festivals.get(),
                trainings.get(),
                clinics.get(),
                attendances.get(),
                minutes.get(),
                refusals.size(),
                certificates,
                certificatesRefused);
    }
}
