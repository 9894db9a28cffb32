package org.wushe.hub.volunteer.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.DayOfWeek;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.volunteer.VolunteerRegistered;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.testing.Problems;
import org.wushe.hub.testing.TestTokens;
import org.wushe.hub.volunteer.support.Http;
import org.wushe.hub.volunteer.support.ServiceScenario;
import tools.jackson.databind.JsonNode;

/**
 * A volunteer changes their own skills (and languages) over real HTTP; the change travels the outbox,
 * Debezium and Kafka as the volunteer's {@code VolunteerRegistered} once more, the state matching upserts
 * by volunteer id. Nobody else may change them, and a call that changes nothing publishes nothing: each
 * such claim is checked by a later real change (a sentinel) being the very next event of the volunteer.
 */
class SkillsChangeTest extends ServiceScenario {

    private static final UUID STATION = UUID.fromString("5b6a9d0e-8f2c-4c1d-b3a4-2e7f9c8d1a22");

    private Http volunteer(UUID id) {
        return http().as(TestTokens.token("vol-" + id, Roles.VOLUNTEER, Roles.VOLUNTEER_ID, id));
    }

    private Http stationStaff() {
        return http().as(TestTokens.token("staff-li", Roles.STATION_STAFF, Roles.STATION_ID, STATION));
    }

    private static Map<String, Object> skills(String... skills) {
        return Map.of("skills", List.of(skills));
    }

    private List<VolunteerRegistered> registrations(UUID id, int count) {
        return only(eventsOf(id, has(VolunteerRegistered.class, count)), VolunteerRegistered.class);
    }

    private static List<String> skillsOf(JsonNode view) {
        List<String> out = new ArrayList<>();
        view.get("skills").forEach(s -> out.add(s.asText()));
        return out;
    }

    @Test
    void aVolunteerChangesTheirSkillsAndTheHubLearnsThemAsTheirRegistrationAgain() {
        Map<String, Object> body = registration("周桂芳", false, true);
        Http.Response created = stationStaff().post("/volunteers", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID id = UUID.fromString(created.json().get("id").asText());
        Http me = volunteer(id);

        Http.Response changed = me.put(
                "/volunteers/" + id + "/skills",
                Map.of("skills", List.of("ELDER_CARE", "NURSING", "ELDER_CARE"), "languages", List.of("YUE", "en")));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(skillsOf(changed.json())).containsExactly("ELDER_CARE", "NURSING");
        JsonNode fetched = me.get("/volunteers/" + id).json();
        assertThat(skillsOf(fetched)).containsExactly("ELDER_CARE", "NURSING");
        assertThat(fetched.get("languages")).extracting(JsonNode::asText).containsExactly("yue", "en");
        assertThat(stationStaff().get("/volunteers?skill=ELDER_CARE&limit=200").json())
                .extracting(v -> v.get("id").asText())
                .as("the search finds the new skill")
                .contains(id.toString());

        List<ConsumerRecord<String, byte[]>> records = recordsOf(id, has(VolunteerRegistered.class, 2));
        List<VolunteerRegistered> events =
                only(records.stream().map(r -> codec.decode(r.value())).toList(), VolunteerRegistered.class);
        assertThat(events).hasSize(2);
        VolunteerRegistered first = events.get(0);
        VolunteerRegistered again = events.get(1);
        assertThat(first.getSkills()).containsExactly(Skill.HOME_REPAIR, Skill.ELECTRICAL);
        assertThat(again.getVolunteerId()).isEqualTo(id);
        assertThat(again.getEventId())
                .as("a new event, deduplicated by its own id")
                .isNotEqualTo(first.getEventId());
        assertThat(again.getSkills()).containsExactly(Skill.ELDER_CARE, Skill.NURSING);
        assertThat(again.getLanguages()).containsExactly("yue", "en");
        assertThat(again.getOccurredAt()).isAfterOrEqualTo(first.getOccurredAt());
        // The rest of the volunteer's state is carried as it is, so the upsert loses nothing.
        assertThat(again.getCommunityId()).isEqualTo(first.getCommunityId());
        assertThat(again.getHomeArea()).isEqualTo(first.getHomeArea());
        assertThat(again.getInHardship()).isTrue();
        assertThat(again.getYoungOld()).isFalse();
        assertThat(again.getAvailability().getWeeklySlots())
                .singleElement()
                .satisfies(s -> assertThat(s.getDay()).isEqualTo(DayOfWeek.SATURDAY));
        assertThat(again.getAvailability().getMaxHoursPerWeek()).isEqualTo(6);
        ConsumerRecord<String, byte[]> last = records.get(records.size() - 1);
        assertThat(last.key()).isEqualTo(id.toString());
        assertThat(header(last, "eventType")).isEqualTo("VolunteerRegistered");
        String onTheWire = new String(last.value(), StandardCharsets.UTF_8) + last.headers();
        assertThat(onTheWire).doesNotContain("周桂芳").doesNotContain((String) body.get("phone"));

        // The same skills in another order, the same languages: nothing changes, nothing is published.
        Http.Response same = me.put(
                "/volunteers/" + id + "/skills",
                Map.of("skills", List.of("NURSING", "ELDER_CARE"), "languages", List.of("en", "yue")));
        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertThat(skillsOf(same.json())).containsExactly("ELDER_CARE", "NURSING");
        Http.Response sameWithoutLanguages = me.put("/volunteers/" + id + "/skills", skills("ELDER_CARE", "NURSING"));
        assertThat(sameWithoutLanguages.status())
                .as(sameWithoutLanguages.toString())
                .isEqualTo(200);
        assertThat(sameWithoutLanguages.json().get("languages"))
                .as("absent languages are kept")
                .extracting(JsonNode::asText)
                .containsExactly("yue", "en");

        // Sentinel: the next real change (every skill taken away) is the very next event.
        Http.Response none = me.put("/volunteers/" + id + "/skills", skills());
        assertThat(none.status()).as(none.toString()).isEqualTo(200);
        assertThat(none.json().get("skills")).isEmpty();
        List<VolunteerRegistered> three = registrations(id, 3);
        assertThat(three).hasSize(3);
        assertThat(three.get(2).getSkills())
                .as("the unchanged calls published nothing")
                .isEmpty();
        assertThat(three.get(2).getLanguages()).containsExactly("yue", "en");
    }

    @Test
    void anotherVolunteerAndStationStaffAreRefusedAndNothingIsWrittenOrPublished() {
        UUID a = registerVolunteer(false, false);
        UUID b = registerVolunteer(false, false);
        Map<String, Object> change = skills("LEGAL", "MEDIATION");

        for (Http caller : List.of(volunteer(a), stationStaff())) {
            Http.Response r = caller.put("/volunteers/" + b + "/skills", change);
            Problems.assertForbidden(
                    r.status(), r.header("Content-Type").orElse(""), r.json(), r.toString(), "id", "volunteer of " + b);
        }
        Http staffAndVolunteerA = http().as(TestTokens.token(
                "staff-a",
                List.of(Roles.STATION_STAFF, Roles.VOLUNTEER),
                Map.of(Roles.STATION_ID, STATION.toString(), Roles.VOLUNTEER_ID, a.toString())));
        Http.Response r = staffAndVolunteerA.put("/volunteers/" + b + "/skills", change);
        assertThat(r.status())
                .as("being staff as well does not make another volunteer's skills one's own: " + r)
                .isEqualTo(403);
        assertThat(http().anonymous()
                        .put("/volunteers/" + b + "/skills", change)
                        .status())
                .isEqualTo(401);

        assertThat(skillsOf(http().get("/volunteers/" + b + "?reason=test").json()))
                .as("B's skills unchanged")
                .containsExactly("HOME_REPAIR", "ELECTRICAL");
        assertThat(jdbc.queryForObject(
                        "SELECT registered_at = updated_at FROM volunteer WHERE id = ?", Boolean.class, b))
                .as("B's row untouched")
                .isTrue();

        // Sentinel: B's own change is B's next event after the registration.
        Http.Response own = volunteer(b).put("/volunteers/" + b + "/skills", skills("COOKING"));
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        List<VolunteerRegistered> events = registrations(b, 2);
        assertThat(events).hasSize(2);
        assertThat(events.get(1).getSkills())
                .as("the refused calls published nothing")
                .containsExactly(Skill.COOKING);
    }

    @Test
    void badSkillsAreProblemsNamingTheFieldAndChangeNothing() {
        UUID id = registerVolunteer(false, false);
        Http me = volunteer(id);

        assertProblem(me.put("/volunteers/" + id + "/skills", Map.of("skills", List.of("FLYING"))), 400, "skills[0]");
        assertProblem(
                me.put("/volunteers/" + id + "/skills", Map.of("skills", List.of("COOKING", "UNKNOWN"))),
                400,
                "skills[1]");
        assertProblem(me.put("/volunteers/" + id + "/skills", Map.of("skills", "COOKING, DRIVING")), 400, "skills");
        assertProblem(me.put("/volunteers/" + id + "/skills", Map.of()), 400, "skills");
        Map<String, Object> nullSkill = new LinkedHashMap<>();
        nullSkill.put("skills", Collections.singletonList(null));
        assertProblem(me.put("/volunteers/" + id + "/skills", nullSkill), 400, "skills[0]");
        assertProblem(
                me.put(
                        "/volunteers/" + id + "/skills",
                        Map.of("skills", Collections.nCopies(RegisterVolunteer.MAX_SKILLS + 1, "COOKING"))),
                400,
                "skills");
        assertProblem(
                me.put(
                        "/volunteers/" + id + "/skills",
                        Map.of("skills", List.of("COOKING"), "languages", List.of("english!"))),
                400,
                "languages[0]");
        assertProblem(me.put("/volunteers/" + id + "/skills", "{\"skills\": "), 400, "body");
        assertProblem(http().put("/volunteers/" + UUID.randomUUID() + "/skills", skills("COOKING")), 404, "id");

        assertThat(skillsOf(me.get("/volunteers/" + id).json())).containsExactly("HOME_REPAIR", "ELECTRICAL");
        Http.Response twenty = me.put(
                "/volunteers/" + id + "/skills",
                Map.of(
                        "skills",
                        List.of(Skill.values()).subList(1, 1 + RegisterVolunteer.MAX_SKILLS).stream()
                                .map(Enum::name)
                                .toList()));
        assertThat(twenty.status())
                .as("as many as registration allows: " + twenty)
                .isEqualTo(200);
        assertThat(twenty.json().get("skills")).hasSize(RegisterVolunteer.MAX_SKILLS);
        List<VolunteerRegistered> events = registrations(id, 2);
        assertThat(events).hasSize(2);
        assertThat(events.get(1).getSkills())
                .as("the bad calls published nothing")
                .hasSize(RegisterVolunteer.MAX_SKILLS);
    }

    private static void assertProblem(Http.Response r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(r.problemField()).as(r.toString()).isEqualTo(field);
    }
}
