package org.wushe.hub.volunteer.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.SignUpStatus;
import org.wushe.hub.events.volunteer.ActivityCancelled;
import org.wushe.hub.events.volunteer.ActivityChanged;
import org.wushe.hub.events.volunteer.ActivityPublished;
import org.wushe.hub.events.volunteer.SignUpApproved;
import org.wushe.hub.events.volunteer.SignUpMovedUp;
import org.wushe.hub.events.volunteer.SignUpRejected;
import org.wushe.hub.events.volunteer.SignUpWithdrawn;
import org.wushe.hub.events.volunteer.VolunteerSignedUp;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.testing.TestTokens;
import org.wushe.hub.volunteer.support.Http;
import org.wushe.hub.volunteer.support.ServiceScenario;
import tools.jackson.databind.JsonNode;

/**
 * Activities (活动) and sign-ups (报名) over real HTTP with signed tokens, on the real PostgreSQL, Kafka and Debezium:
 * who may publish, change and cancel; the events carry ids and counts only; a position's places are never exceeded
 * however many sign up at once; overlaps, approval, the waiting list and the no-show limit.
 */
class ActivityTest extends ServiceScenario {

    private static final UUID STATION = UUID.fromString("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f");
    private static final UUID OTHER_STATION = UUID.fromString("4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a");
    private static final UUID COMMUNITY = UUID.fromString("5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b");
    private static final String TITLE = "重阳节邻里节 Double Ninth neighbourhood festival";
    private static final String DUTY = "为老人测量血压 blood pressure for the elderly";

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private Http station(UUID station) {
        return http().as(TestTokens.token("staff-" + station, Roles.STATION_STAFF, Roles.STATION_ID, station));
    }

    private Http volunteer(UUID id) {
        return http().as(TestTokens.token("vol-" + id, Roles.VOLUNTEER, Roles.VOLUNTEER_ID, id));
    }

    private Instant inDays(int days) {
        return clock.instant().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    }

    private Map<String, Object> activity(Instant start, int places, int waiting, boolean approval) {
        Map<String, Object> position = new LinkedHashMap<>();
        position.put("duty", DUTY);
        position.put("places", places);
        position.put("waitingListLimit", waiting);
        position.put("skills", List.of("HOME_REPAIR"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "NEIGHBOURHOOD_FESTIVAL");
        body.put("title", TITLE);
        body.put("description", "每月一次 monthly, at the property manager's hall");
        body.put("communityId", COMMUNITY.toString());
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(3, ChronoUnit.HOURS).toString());
        body.put("venueOfferId", UUID.randomUUID().toString());
        body.put(
                "coHosts",
                List.of(Map.of("kind", "DONOR", "id", UUID.randomUUID().toString())));
        body.put("residentsServed", List.of(Map.of("group", "ELDERLY_ALONE", "count", 40)));
        body.put("approvalRequired", approval);
        body.put("positions", List.of(position));
        return body;
    }

    private JsonNode publish(Map<String, Object> body) {
        Http.Response r = station(STATION).post("/activities", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private static UUID id(JsonNode n) {
        return UUID.fromString(n.get("id").asText());
    }

    private static UUID position(JsonNode activity) {
        return UUID.fromString(activity.get("positions").get(0).get("id").asText());
    }

    private Http.Response signUp(UUID activity, UUID position, UUID volunteer) {
        return volunteer(volunteer)
                .post("/activities/" + activity + "/sign-ups", Map.of("positionId", position.toString()));
    }

    private static void assertProblem(Http.Response r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.problemField()).as(r.toString()).isEqualTo(field);
    }

    private long rows(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @Test
    void aStationPublishesChangesAndCancelsItsOwnActivityAndNobodyElseMay() {
        JsonNode a = publish(activity(inDays(3), 4, 2, false));
        UUID id = id(a);
        assertThat(a.get("publisher").get("kind").asText()).isEqualTo("STATION");
        assertThat(a.get("publisher").get("id").asText()).isEqualTo(STATION.toString());
        assertThat(a.get("positions").get(0).get("placesTaken").asInt()).isZero();

        // Another station's staff, a community's staff naming the station, a volunteer: refused, nothing stored.
        long before = rows("SELECT count(*) FROM activity");
        Map<String, Object> forOther = activity(inDays(3), 4, 2, false);
        forOther.put("publisher", Map.of("kind", "STATION", "id", OTHER_STATION.toString()));
        assertProblem(station(STATION).post("/activities", forOther), 403, "publisher.id");
        assertProblem(
                http().as(TestTokens.token("c-staff", Roles.COMMUNITY_STAFF, Roles.COMMUNITY_ID, COMMUNITY))
                        .post(
                                "/activities",
                                Map.of(
                                        "publisher",
                                        Map.of("kind", "STATION", "id", STATION.toString()),
                                        "kind",
                                        "OTHER",
                                        "title",
                                        "x",
                                        "startsAt",
                                        inDays(3).toString(),
                                        "endsAt",
                                        inDays(4).toString(),
                                        "positions",
                                        List.of(Map.of("duty", "x", "places", 1)))),
                403,
                "publisher.id");
        assertProblem(
                volunteer(UUID.randomUUID()).post("/activities", activity(inDays(3), 4, 2, false)), 403, "publisher");
        assertThat(rows("SELECT count(*) FROM activity")).isEqualTo(before);

        // A community's staff publish for their community; a social worker as themself.
        JsonNode byCommunity = http().as(
                        TestTokens.token("c-staff", Roles.COMMUNITY_STAFF, Roles.COMMUNITY_ID, COMMUNITY))
                .post("/activities", activity(inDays(5), 2, 0, false))
                .json();
        assertThat(byCommunity.get("publisher").get("kind").asText()).isEqualTo("COMMUNITY");
        UUID worker = UUID.randomUUID();
        JsonNode byWorker = http().as(TestTokens.token("sw", Roles.SOCIAL_WORKER, Roles.SOCIAL_WORKER_ID, worker))
                .post("/activities", activity(inDays(6), 2, 0, false))
                .json();
        assertThat(byWorker.get("publisher").get("id").asText()).isEqualTo(worker.toString());

        Map<String, Object> change = activity(inDays(3), 6, 2, false);
        @SuppressWarnings("unchecked")
        Map<String, Object> pos = (Map<String, Object>) ((List<?>) change.get("positions")).get(0);
        pos.put("id", position(a).toString());
        change.put("title", "邻里节（改期） festival, moved");
        assertProblem(station(OTHER_STATION).put("/activities/" + id, change), 403, "id");
        assertProblem(
                station(OTHER_STATION).post("/activities/" + id + "/cancel", Map.of("reason", "WEATHER")), 403, "id");
        Http.Response changed = station(STATION).put("/activities/" + id, change);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("revision").asInt()).isEqualTo(2);
        assertThat(changed.json().get("positions").get(0).get("places").asInt()).isEqualTo(6);
        assertThat(changed.json().get("positions").get(0).get("id").asText())
                .isEqualTo(position(a).toString());

        UUID v = registerVolunteer(false, false);
        assertThat(signUp(id, position(a), v).status()).isEqualTo(201);
        Http.Response cancelled = station(STATION)
                .post("/activities/" + id + "/cancel", Map.of("reason", "WEATHER", "note", "暴雨 rainstorm"));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(rows("SELECT count(*) FROM sign_up WHERE activity_id = ? AND status = 'CANCELLED'", id))
                .isEqualTo(1);
        assertProblem(signUp(id, position(a), registerVolunteer(false, false)), 409, "id");
        assertProblem(station(STATION).put("/activities/" + id, change), 409, "id");

        List<ConsumerRecord<String, byte[]>> records =
                recordsOf(id, events -> has(ActivityCancelled.class, 1).test(events));
        List<SpecificRecord> events = records.stream()
                .<SpecificRecord>map(r -> codec.decode(r.value()))
                .toList();
        assertThat(events)
                .extracting(e -> e.getSchema().getName())
                .containsExactly("ActivityPublished", "ActivityChanged", "VolunteerSignedUp", "ActivityCancelled");
        ActivityPublished published = only(events, ActivityPublished.class).get(0);
        assertThat(published.getDetails().getPublisherId()).isEqualTo(STATION);
        assertThat(published.getDetails().getResidentsServed().get(0).getCount())
                .isEqualTo(40);
        assertThat(only(events, ActivityChanged.class)
                        .get(0)
                        .getDetails()
                        .getPositions()
                        .get(0)
                        .getPlaces())
                .isEqualTo(6);
        assertThat(only(events, ActivityCancelled.class).get(0).getSignUpsCancelled())
                .isEqualTo(1);
        // Ids and counts only: no title, description, duty, note, nor the volunteer's name or phone, anywhere in a
        // record.
        JsonNode details = volunteer(v).get("/volunteers/" + v).json();
        for (ConsumerRecord<String, byte[]> r : records) {
            StringBuilder all = new StringBuilder(r.key()).append(new String(r.value(), StandardCharsets.UTF_8));
            for (Header h : r.headers()) {
                all.append(new String(h.value() == null ? new byte[0] : h.value(), StandardCharsets.UTF_8));
            }
            assertThat(all.toString())
                    .doesNotContain(
                            "邻里节",
                            "festival",
                            "血压",
                            "monthly",
                            "暴雨",
                            details.get("name").asText(),
                            details.get("phone").asText());
        }
    }

    @Test
    void badInputIs400NamingTheField() {
        Map<String, Object> body = activity(inDays(3), 4, 2, false);
        body.put("endsAt", inDays(2).toString());
        assertProblem(station(STATION).post("/activities", body), 400, "endsAt");
        body = activity(clock.instant().minus(1, ChronoUnit.HOURS), 4, 2, false);
        assertProblem(station(STATION).post("/activities", body), 400, "startsAt");
        body = activity(inDays(3), 0, 2, false);
        assertProblem(station(STATION).post("/activities", body), 400, "positions[0].places");
        body = activity(inDays(3), 4, 2, false);
        body.put("title", "联系王阿姨 13912345678");
        assertProblem(station(STATION).post("/activities", body), 400, "title");
        body = activity(inDays(3), 4, 2, false);
        body.put("kind", "UNKNOWN");
        assertProblem(station(STATION).post("/activities", body), 400, "kind");
        body = activity(inDays(3), 4, 2, false);
        body.put("positions", List.of(Map.of("duty", "电话 010-6234 5678", "places", 2)));
        assertProblem(station(STATION).post("/activities", body), 400, "positions[0].duty");
        body = activity(inDays(3), 4, 2, false);
        body.put(
                "positions",
                List.of(Map.of("duty", "x", "places", 2, "startsAt", inDays(2).toString())));
        assertProblem(station(STATION).post("/activities", body), 400, "positions[0].startsAt");
        body = activity(inDays(3), 4, 2, false);
        body.remove("positions");
        assertProblem(station(STATION).post("/activities", body), 400, "positions");
        UUID a = id(publish(activity(inDays(3), 4, 2, false)));
        assertProblem(
                volunteer(registerVolunteer(false, false)).post("/activities/" + a + "/sign-ups", Map.of()),
                400,
                "positionId");
    }

    @Test
    void concurrentSignUpsForTheLastPlaceNeverExceedItsCount() throws Exception {
        JsonNode a = publish(activity(inDays(10), 3, 5, false));
        UUID id = id(a);
        UUID pos = position(a);
        assertThat(signUp(id, pos, registerVolunteer(false, false)).status()).isEqualTo(201);
        assertThat(signUp(id, pos, registerVolunteer(false, false)).status()).isEqualTo(201);
        int clients = 24;
        List<UUID> racers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            racers.add(registerVolunteer(false, false));
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Http.Response> answers = new ArrayList<>();
        try {
            List<Callable<Http.Response>> calls = new ArrayList<>();
            for (UUID v : racers) {
                calls.add(() -> {
                    go.await();
                    return signUp(id, pos, v);
                });
            }
            List<Future<Http.Response>> futures =
                    calls.stream().map(pool::submit).toList();
            go.countDown();
            for (Future<Http.Response> f : futures) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> statuses = answers.stream()
                .map(r -> r.status() == 201 ? r.json().get("status").asText() : String.valueOf(r.status()))
                .toList();
        assertThat(statuses)
                .filteredOn("CONFIRMED"::equals)
                .as(statuses.toString())
                .hasSize(1);
        assertThat(statuses).filteredOn("WAITLISTED"::equals).hasSize(5);
        assertThat(statuses).filteredOn("409"::equals).hasSize(clients - 6);
        answers.stream()
                .filter(r -> r.status() == 409)
                .forEach(r -> assertThat(r.problemField()).isEqualTo("positionId"));
        assertThat(rows(
                        "SELECT count(*) FROM sign_up WHERE position_id = ? AND status IN ('PENDING', 'CONFIRMED')",
                        pos))
                .isEqualTo(3);
        assertThat(rows("SELECT count(*) FROM sign_up WHERE position_id = ? AND status = 'WAITLISTED'", pos))
                .isEqualTo(5);
        List<SpecificRecord> events = eventsOf(id, has(VolunteerSignedUp.class, 8));
        List<VolunteerSignedUp> signedUp = only(events, VolunteerSignedUp.class);
        assertThat(signedUp).hasSize(8);
        assertThat(signedUp).allSatisfy(e -> assertThat(e.getPlacesTaken()).isLessThanOrEqualTo(3));
        assertThat(signedUp)
                .filteredOn(e -> e.getStatus() == SignUpStatus.CONFIRMED)
                .hasSize(3);
    }

    @Test
    void aVolunteerCannotHoldTwoOverlappingActivitiesNorSignUpSomeoneElse() {
        UUID v = registerVolunteer(false, false);
        Instant start = inDays(12);
        JsonNode first = publish(activity(start, 5, 0, false));
        JsonNode overlapping = publish(activity(start.plus(2, ChronoUnit.HOURS), 5, 0, false));
        JsonNode later = publish(activity(start.plus(3, ChronoUnit.HOURS), 5, 0, false));
        assertThat(signUp(id(first), position(first), v).status()).isEqualTo(201);
        assertProblem(signUp(id(overlapping), position(overlapping), v), 409, "positionId");
        assertThat(signUp(id(later), position(later), v).status())
                .as("back to back is fine")
                .isEqualTo(201);
        assertThat(signUp(id(first), position(first), v).status())
                .as("repeated: the same sign-up")
                .isEqualTo(200);

        UUID other = registerVolunteer(false, false);
        assertProblem(
                volunteer(v)
                        .post(
                                "/activities/" + id(overlapping) + "/sign-ups",
                                Map.of(
                                        "positionId",
                                        position(overlapping).toString(),
                                        "volunteerId",
                                        other.toString())),
                403,
                "volunteerId");
        assertProblem(
                station(OTHER_STATION)
                        .post(
                                "/activities/" + id(overlapping) + "/sign-ups",
                                Map.of(
                                        "positionId",
                                        position(overlapping).toString(),
                                        "volunteerId",
                                        other.toString())),
                403,
                "volunteerId");
        Http.Response byOrganizer = station(STATION)
                .post(
                        "/activities/" + id(overlapping) + "/sign-ups",
                        Map.of("positionId", position(overlapping).toString(), "volunteerId", other.toString()));
        assertThat(byOrganizer.status()).as(byOrganizer.toString()).isEqualTo(201);
        assertThat(rows("SELECT count(*) FROM sign_up WHERE volunteer_id = ?", other))
                .isEqualTo(1);

        // A volunteer without the skill the position needs.
        Map<String, Object> body = registration("周明", false, false);
        body.put("skills", List.of("COOKING"));
        UUID cook = UUID.fromString(
                http().post("/volunteers", body).json().get("id").asText());
        assertProblem(signUp(id(later), position(later), cook), 409, "positionId");
    }

    @Test
    void approvalByTheOrganizerAndTheWaitingListMovesUpFirstComeFirstServed() {
        JsonNode a = publish(activity(inDays(15), 1, 3, true));
        UUID id = id(a);
        UUID pos = position(a);
        UUID first = registerVolunteer(false, false);
        UUID second = registerVolunteer(false, false);
        UUID third = registerVolunteer(false, false);
        JsonNode s1 = signUp(id, pos, first).json();
        assertThat(s1.get("status").asText()).isEqualTo("PENDING");
        JsonNode s2 = signUp(id, pos, second).json();
        JsonNode s3 = signUp(id, pos, third).json();
        assertThat(s2.get("status").asText()).isEqualTo("WAITLISTED");
        assertThat(s2.get("waitingListPosition").asInt()).isEqualTo(1);
        assertThat(s3.get("waitingListPosition").asInt()).isEqualTo(2);

        String approve = "/activities/" + id + "/sign-ups/" + id(s1) + "/approve";
        assertProblem(volunteer(first).post(approve, Map.of()), 403, "id");
        assertProblem(station(OTHER_STATION).post(approve, Map.of()), 403, "id");
        assertThat(station(STATION).post(approve, Map.of()).json().get("status").asText())
                .isEqualTo("CONFIRMED");

        // The confirmed one withdraws: the first waiting moves up (pending, as the activity asks for approval).
        assertProblem(
                volunteer(second).post("/activities/" + id + "/sign-ups/" + id(s1) + "/withdraw", Map.of()),
                403,
                "signUpId");
        assertThat(volunteer(first)
                        .post("/activities/" + id + "/sign-ups/" + id(s1) + "/withdraw", Map.of())
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("WITHDRAWN");
        assertThat(volunteer(second)
                        .get("/volunteers/" + second + "/sign-ups")
                        .json()
                        .get(0)
                        .get("status")
                        .asText())
                .isEqualTo("PENDING");
        assertThat(volunteer(third)
                        .get("/volunteers/" + third + "/sign-ups")
                        .json()
                        .get(0)
                        .get("waitingListPosition")
                        .asInt())
                .isEqualTo(1);

        // Rejecting the one who moved up gives the place to the next.
        assertProblem(
                station(OTHER_STATION)
                        .post(
                                "/activities/" + id + "/sign-ups/" + id(s2) + "/reject",
                                Map.of("reason", "NOT_SUITABLE")),
                403,
                "id");
        assertThat(station(STATION)
                        .post("/activities/" + id + "/sign-ups/" + id(s2) + "/reject", Map.of("reason", "NOT_SUITABLE"))
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("REJECTED");
        assertThat(volunteer(third)
                        .get("/volunteers/" + third + "/sign-ups")
                        .json()
                        .get(0)
                        .get("status")
                        .asText())
                .isEqualTo("PENDING");
        assertThat(station(STATION).get("/activities/" + id + "/sign-ups").json())
                .extracting(n -> n.get("status").asText())
                .containsExactly("WITHDRAWN", "REJECTED", "PENDING");
        assertProblem(volunteer(third).get("/activities/" + id + "/sign-ups"), 403, "id");

        List<SpecificRecord> events = eventsOf(id, has(SignUpMovedUp.class, 2));
        assertThat(events)
                .extracting(e -> e.getSchema().getName())
                .containsSubsequence(
                        "VolunteerSignedUp",
                        "SignUpApproved",
                        "SignUpWithdrawn",
                        "SignUpMovedUp",
                        "SignUpRejected",
                        "SignUpMovedUp");
        assertThat(only(events, SignUpApproved.class).get(0).getVolunteerId()).isEqualTo(first);
        assertThat(only(events, SignUpWithdrawn.class).get(0).getHeldPlace()).isTrue();
        assertThat(only(events, SignUpMovedUp.class))
                .extracting(SignUpMovedUp::getVolunteerId)
                .containsExactly(second, third);
        assertThat(only(events, SignUpRejected.class).get(0).getVolunteerId()).isEqualTo(second);
    }

    @Test
    void repeatedNoShowsRefuseFurtherSignUpsUntilTheyAgeOut() {
        UUID v = registerVolunteer(false, false);
        List<UUID[]> attended = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonNode a = publish(activity(inDays(1 + i), 5, 0, false));
            JsonNode s = signUp(id(a), position(a), v).json();
            attended.add(new UUID[] {id(a), id(s)});
        }
        String first = "/activities/" + attended.get(0)[0] + "/sign-ups/" + attended.get(0)[1] + "/no-show";
        assertProblem(station(STATION).post(first, Map.of()), 409, "signUpId");
        clock.advance(Duration.ofDays(4));
        assertProblem(station(OTHER_STATION).post(first, Map.of()), 403, "id");
        for (UUID[] s : attended.subList(0, 2)) {
            assertThat(station(STATION)
                            .post("/activities/" + s[0] + "/sign-ups/" + s[1] + "/no-show", Map.of())
                            .json()
                            .get("noShow")
                            .asBoolean())
                    .isTrue();
        }
        JsonNode next = publish(activity(inDays(2), 5, 0, false));
        assertThat(signUp(id(next), position(next), v).status())
                .as("two no-shows: still allowed")
                .isEqualTo(201);
        station(STATION)
                .post("/activities/" + attended.get(2)[0] + "/sign-ups/" + attended.get(2)[1] + "/no-show", Map.of());
        JsonNode another = publish(activity(inDays(5), 5, 0, false));
        Http.Response refused = signUp(id(another), position(another), v);
        assertProblem(refused, 409, "volunteerId");
        assertThat(refused.body()).contains("3", "90");

        clock.advance(Duration.ofDays(88));
        JsonNode much = publish(activity(inDays(1), 5, 0, false));
        assertThat(signUp(id(much), position(much), v).status())
                .as("the first no-shows are older than 90 days")
                .isEqualTo(201);
    }
}
