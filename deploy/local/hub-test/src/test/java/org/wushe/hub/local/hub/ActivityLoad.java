package org.wushe.hub.local.hub;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Activities flowing through the faults: a station's staff publish an activity (活动) at a time, sign three of their
 * volunteers up for its position, check each in and out for them (代签到/代签退), and correct the times with a reason,
 * so that two hours are credited. Every step is retried until the service has done it, whatever was killed meanwhile;
 * a retry never does it twice (a repeated sign-up answers the same one, a repeated check-in is refused as done).
 * Afterwards {@link #count} checks that each activity has exactly its three sign-ups, each attendance its 120 minutes
 * credited once in the volunteer's hours, and that the station's report, built by social-worker-service from the
 * events, counts the same activities, attendances and hours: nothing lost or doubled on the way.
 */
final class ActivityLoad {

    static final int PLACES = 3;
    /** At most this many activities, each with volunteers of its own: no one's hours reach the daily maximum. */
    static final int MAX_ACTIVITIES = 20;
    /** A new activity at most this often, so the activities spread over the faults. */
    static final Duration PACE = Duration.ofSeconds(15);

    static final int MINUTES = 120;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final HubProcess hub;
    private final String staff;
    private final String station;
    private final Instant firstStart;
    private final List<String> volunteers = new ArrayList<>();
    private final List<Run> runs = new CopyOnWriteArrayList<>();
    private final AtomicInteger retries = new AtomicInteger();
    private final ScheduledExecutorService worker =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "activity-staff"));

    /** One activity and the volunteers it is for; the steps done so far. */
    private static final class Run {
        final int number;
        String activityId;
        String positionId;
        final Map<String, Attendee> attendees = new LinkedHashMap<>();

        Run(int number) {
            this.number = number;
        }

        boolean done() {
            return activityId != null && attendees.values().stream().allMatch(a -> a.step == Step.CREDITED);
        }
    }

    private enum Step {
        NEW,
        SIGNED_UP,
        CHECKED_IN,
        CHECKED_OUT,
        CREDITED
    }

    private static final class Attendee {
        Step step = Step.NEW;
        String signUpId;
        /** The corrected times, fixed once so that a repeated correction asks for the same. */
        Instant in;

        Instant out;
    }

    /** As {@code staff} (a station_staff sample account) of {@code station}. */
    ActivityLoad(HubProcess hub, String staff, String station) {
        this.hub = hub;
        this.staff = staff;
        this.station = station;
        // Today, so that the station's report (which takes no future period) counts them: a few minutes ahead, a minute
        // apart; each volunteer serves one of them only.
        this.firstStart = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MINUTES);
    }

    /** Starts the staff's work: a step of each volunteer of the current activity every second. */
    void start() {
        JsonNode served = hub.getAs(staff, "volunteer-service", "/volunteers?limit=" + PLACES * MAX_ACTIVITIES);
        served.forEach(v -> volunteers.add(v.path("id").asText()));
        if (volunteers.size() < PLACES) {
            throw new AssertionError("station " + station + " serves " + volunteers.size() + " volunteers, " + PLACES
                    + " needed: " + served);
        }
        before = figures();
        worker.scheduleWithFixedDelay(
                () -> {
                    try {
                        step();
                    } catch (RuntimeException | AssertionError e) {
                        retries.incrementAndGet(); // a service (or the issuer, or the broker) down for a moment
                    }
                },
                0,
                1,
                TimeUnit.SECONDS);
    }

    /** Stops starting activities and finishes the one under way, every step of it. */
    void stop(Duration within) throws InterruptedException {
        stopping = true;
        await().atMost(within)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> runs.stream().allMatch(Run::done));
        worker.shutdown();
        worker.awaitTermination(30, TimeUnit.SECONDS);
    }

    private volatile boolean stopping;
    /** The station's report for today before the first activity: the sample town's own are counted there too. */
    private JsonNode before;

    private Instant lastStarted = Instant.EPOCH;
    /** The next of the station's volunteers not given an activity yet. */
    private int next;

    private final List<String> refusedByRule = new CopyOnWriteArrayList<>();

    int activities() {
        return runs.size();
    }

    int retries() {
        return retries.get();
    }

    /** Volunteers the service would not sign up by its rules (not faults), with its answer. */
    List<String> refusedByRule() {
        return refusedByRule;
    }

    // ---------------------------------------------------------------- the staff's steps

    private void step() {
        Run current = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        if (current == null || current.done()) {
            if (stopping
                    || next + PLACES > volunteers.size()
                    || runs.size() >= MAX_ACTIVITIES
                    || Instant.now().isBefore(lastStarted.plus(PACE))) {
                return;
            }
            current = new Run(runs.size() + 1);
            for (int i = 0; i < PLACES; i++) {
                current.attendees.put(volunteers.get(next++), new Attendee());
            }
            runs.add(current);
            lastStarted = Instant.now();
        }
        if (current.activityId == null) {
            publish(current);
        }
        for (String volunteer : List.copyOf(current.attendees.keySet())) {
            advance(current, volunteer, current.attendees.get(volunteer));
        }
    }

    /**
     * The service refused a volunteer by its rules (409: a minor without a guardian's consent, another activity of
     * theirs at that time, say): not a fault. Another volunteer of the station takes the place, if one is left.
     */
    private void replace(Run run, String refused, HttpResponse<String> why) {
        run.attendees.remove(refused);
        refusedByRule.add(refused + ": " + why.statusCode() + " " + why.body());
        if (next < volunteers.size()) {
            run.attendees.put(volunteers.get(next++), new Attendee());
        }
    }

    private String title(Run run) {
        return "故障测试 邻里节 fault suite festival #" + run.number;
    }

    /**
     * Publishes the run's activity, unless an earlier try did (its answer lost to a kill): the station's activity of
     * that title is taken then, so that a retry never makes a second.
     */
    private void publish(Run run) {
        for (JsonNode a : hub.getAs(staff, "volunteer-service", "/activities?limit=200&from=" + firstStart)) {
            if (title(run).equals(a.path("title").asText())) {
                adopt(run, a);
                return;
            }
        }
        Instant start = firstStart.plus(Duration.ofMinutes(run.number));
        JsonNode created = ok(
                post(
                        "/activities",
                        "{\"kind\":\"NEIGHBOURHOOD_FESTIVAL\",\"title\":\"" + title(run)
                                + "\",\"description\":\"故障测试 fault suite\",\"startsAt\":\"" + start
                                + "\",\"endsAt\":\"" + start.plus(Duration.ofHours(3))
                                + "\",\"positions\":[{\"duty\":\"引导 Usher\",\"places\":" + PLACES + "}]}"),
                201);
        adopt(run, created);
    }

    private static void adopt(Run run, JsonNode activity) {
        run.positionId = activity.path("positions").get(0).path("id").asText();
        run.activityId = activity.path("id").asText();
    }

    /** One step of one volunteer, retried next second if it failed; a step found done already counts as done. */
    private void advance(Run run, String volunteer, Attendee a) {
        String base = "/activities/" + run.activityId + "/sign-ups/";
        switch (a.step) {
            case NEW -> {
                // A repeated sign-up answers the same sign-up (200), so a lost answer is simply asked again.
                HttpResponse<String> r = post(
                        "/activities/" + run.activityId + "/sign-ups",
                        "{\"positionId\":\"" + run.positionId + "\",\"volunteerId\":\"" + volunteer + "\"}");
                if (r.statusCode() == 409) {
                    replace(run, volunteer, r);
                    return;
                }
                a.signUpId = ok(r, 200, 201).path("id").asText();
                a.step = Step.SIGNED_UP;
            }
            case SIGNED_UP -> {
                if (doneOrAlready(post(base + a.signUpId + "/check-in", "{}"), run, a, "checkedInAt")) {
                    a.step = Step.CHECKED_IN;
                }
            }
            case CHECKED_IN -> {
                if (doneOrAlready(post(base + a.signUpId + "/check-out", "{}"), run, a, "checkedOutAt")) {
                    Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
                    a.out = now.minus(Duration.ofMinutes(10));
                    a.in = a.out.minus(Duration.ofMinutes(MINUTES));
                    a.step = Step.CHECKED_OUT;
                }
            }
            case CHECKED_OUT -> {
                HttpResponse<String> r = post(
                        base + a.signUpId + "/attendance/corrections",
                        "{\"checkedInAt\":\"" + a.in + "\",\"checkedOutAt\":\"" + a.out
                                + "\",\"reason\":\"故障测试补录 fault suite: the times the volunteer served\"}");
                if (r.statusCode() / 100 == 2 || r.statusCode() == 409) {
                    if (attendance(run, a).path("creditedMinutes").asInt() == MINUTES) {
                        a.step = Step.CREDITED;
                    }
                } else {
                    throw new IllegalStateException("correction: " + r.statusCode() + " " + r.body());
                }
            }
            case CREDITED -> {}
        }
    }

    /** 2xx, or 409 with the attendance showing the step done (an earlier try's answer was lost). */
    private boolean doneOrAlready(HttpResponse<String> r, Run run, Attendee a, String field) {
        if (r.statusCode() / 100 == 2) {
            return true;
        }
        if (r.statusCode() == 409 && attendance(run, a).path(field).isTextual()) {
            return true;
        }
        throw new IllegalStateException(field + ": " + r.statusCode() + " " + r.body());
    }

    private JsonNode attendance(Run run, Attendee a) {
        return hub.getAs(
                staff,
                "volunteer-service",
                "/activities/" + run.activityId + "/sign-ups/" + a.signUpId + "/attendance");
    }

    private HttpResponse<String> post(String path, String json) {
        HttpResponse<String> r = hub.send(
                "volunteer-service",
                HttpRequest.newBuilder(URI.create(hub.url("volunteer-service", path)))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("Authorization", hub.bearer(staff))
                        .POST(HttpRequest.BodyPublishers.ofString(json)));
        if (r.statusCode() == 401) {
            hub.forgetSignIn(staff); // the token ran out during the run: the next try signs in again
        }
        return r;
    }

    private static JsonNode ok(HttpResponse<String> r, int... statuses) {
        for (int s : statuses) {
            if (r.statusCode() == s) {
                return HubProcess.readTree(r.body());
            }
        }
        throw new IllegalStateException(r.statusCode() + " " + r.body());
    }

    // ---------------------------------------------------------------- counts

    /** The counts after the faults, into {@code counts}; what does not add up into {@code problems}. */
    void count(Map<String, Integer> counts, List<String> problems) {
        int attendances = 0;
        for (Run run : runs) {
            JsonNode signUps = hub.getAs(staff, "volunteer-service", "/activities/" + run.activityId + "/sign-ups");
            Set<String> seen = new HashSet<>();
            for (JsonNode s : signUps) {
                if (!seen.add(s.path("volunteerId").asText())) {
                    problems.add("activity " + run.number + ": volunteer "
                            + s.path("volunteerId").asText() + " signed up twice");
                }
            }
            if (seen.equals(run.attendees.keySet()) && signUps.size() == run.attendees.size()) {
                counts.merge("activities with exactly their sign-ups, none twice", 1, Integer::sum);
            } else {
                problems.add("activity " + run.number + " has sign-ups " + signUps);
            }
            for (Map.Entry<String, Attendee> e : run.attendees.entrySet()) {
                attendances++;
                JsonNode hours = hub.getAs(staff, "volunteer-service", "/volunteers/" + e.getKey() + "/hours");
                int credits = 0;
                int minutes = 0;
                for (JsonNode credit : hours.path("credits")) {
                    if (e.getValue().signUpId.equals(credit.path("signUpId").asText())) {
                        credits++;
                        minutes += credit.path("minutes").asInt();
                    }
                }
                if (credits >= 1 && minutes == MINUTES) {
                    counts.merge("attendances credited their " + MINUTES + " minutes, not more", 1, Integer::sum);
                } else {
                    problems.add("activity " + run.number + ", sign-up " + e.getValue().signUpId + ": " + credits
                            + " credits of " + minutes + " minutes in all");
                }
            }
        }
        int expected = attendances;
        // social-worker-service's figures, from the activity events: the same activities, attendances and hours.
        try {
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(2))
                    .ignoreExceptions()
                    .until(() -> figures().path("activityAttendances").asInt()
                            >= before.path("activityAttendances").asInt() + expected);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // counted below
        }
        JsonNode after = figures();
        check(counts, problems, "report: activities held", delta(after, "activitiesHeld"), runs.size());
        check(counts, problems, "report: activity attendances", delta(after, "activityAttendances"), expected);
        double hours = after.path("activityHours").asDouble()
                - before.path("activityHours").asDouble();
        if (Math.abs(hours - expected * MINUTES / 60.0) < 0.05) {
            counts.merge("report: activity hours as credited", 1, Integer::sum);
        } else {
            problems.add("report: activity hours " + hours + ", credited " + expected * MINUTES / 60.0);
        }
    }

    private int delta(JsonNode after, String figure) {
        return after.path(figure).asInt() - before.path(figure).asInt();
    }

    /** The station's report for the day the activities start (Shanghai's day). */
    /**
     * The station's report over the days the runs start on: the first run's day in Shanghai and the next, since a suite
     * begun late in the evening there (CI at 15:30 UTC is 23:30 in Shanghai) has runs that start after midnight. The
     * checks compare this against the figures before the runs, so the sample town's own activities of those days cancel
     * out.
     */
    private JsonNode figures() {
        LocalDate from = LocalDate.ofInstant(firstStart, SHANGHAI);
        return hub.getAs(
                staff,
                "social-worker-service",
                "/stations/" + station + "/report?from=" + from + "&to=" + from.plusDays(1));
    }

    private static void check(Map<String, Integer> counts, List<String> problems, String what, int seen, int expected) {
        counts.put(what, seen);
        if (seen != expected) {
            problems.add(what + " " + seen + ", expected " + expected);
        }
    }
}
