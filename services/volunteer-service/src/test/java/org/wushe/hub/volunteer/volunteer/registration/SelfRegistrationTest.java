package org.wushe.hub.volunteer.volunteer.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.volunteer.VolunteerRegistered;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.testing.TestTokens;
import org.wushe.hub.volunteer.support.Http;
import org.wushe.hub.volunteer.support.ServiceScenario;
import org.wushe.hub.volunteer.support.UpstreamEvents;
import tools.jackson.databind.JsonNode;

/** A volunteer registers themself under the volunteer id of their token: real-name details sealed, never published. */
class SelfRegistrationTest extends ServiceScenario {

    private Http volunteer(UUID id) {
        return http().as(TestTokens.token("vol-" + id, Roles.VOLUNTEER, Roles.VOLUNTEER_ID, id));
    }

    static Map<String, Object> details(String name, String idNumber) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("idNumber", idNumber);
        body.put("phone", randomPhone());
        body.put("communityId", UpstreamEvents.COMMUNITY.toString());
        body.put(
                "homeArea",
                Map.of(
                        "districtCode",
                        "110112",
                        "streetCode",
                        "110112104",
                        "communityId",
                        UpstreamEvents.COMMUNITY.toString(),
                        "geohash",
                        "wx4gtnq9"));
        body.put("skills", List.of("ELDER_CARE"));
        body.put("languages", List.of("yue"));
        return body;
    }

    @Test
    void aVolunteerRegistersThemselfReadsTheirRecordAndTheReadIsLogged() {
        UUID id = UUID.randomUUID();
        String idNumber = IdNumberTest.idNumber(today().minusYears(62));
        Map<String, Object> body = details("陈美玲", idNumber);

        Http.Response created = volunteer(id).post("/volunteers/me", body);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("id").asText()).isEqualTo(id.toString());
        assertThat(created.header("Location")).hasValue("/volunteers/" + id);
        assertThat(created.json().get("youngOld").asBoolean())
                .as("62 by the ID number")
                .isTrue();

        Http.Response me = volunteer(id).get("/volunteers/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        JsonNode record = me.json();
        assertThat(record.get("name").asText()).isEqualTo("陈美玲");
        assertThat(record.get("idNumber").asText()).isEqualTo(idNumber);
        assertThat(record.get("phone").asText()).isEqualTo(body.get("phone"));
        assertThat(record.get("age").asInt()).isEqualTo(62);
        assertThat(record.get("inHardship").asBoolean()).isFalse();
        assertThat(jdbc.queryForList("SELECT actor FROM volunteer_access WHERE volunteer_id = ?", String.class, id))
                .containsExactly("vol-" + id);
        Http.Response log = volunteer(id).get("/volunteers/" + id + "/access-log");
        assertThat(log.json()).hasSize(1);

        List<ConsumerRecord<String, byte[]>> records = recordsOf(id, has(VolunteerRegistered.class, 1));
        VolunteerRegistered event =
                (VolunteerRegistered) codec.decode(records.get(0).value());
        assertThat(event.getVolunteerId()).isEqualTo(id);
        assertThat(event.getLanguages()).containsExactly("yue");
        String onTheWire = new String(records.get(0).value(), StandardCharsets.UTF_8)
                + records.get(0).headers();
        assertThat(onTheWire).doesNotContain("陈美玲").doesNotContain(idNumber).doesNotContain((String) body.get("phone"));
    }

    @Test
    void aVolunteerWhoIsRegisteredAlreadyGets409() {
        UUID id = UUID.randomUUID();
        assertThat(volunteer(id)
                        .post("/volunteers/me", details("周立新", IdNumberTest.idNumber(LocalDate.of(1990, 1, 2))))
                        .status())
                .isEqualTo(201);

        Http.Response again =
                volunteer(id).post("/volunteers/me", details("周立新", IdNumberTest.idNumber(LocalDate.of(1990, 1, 3))));

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.problemField()).isEqualTo("id");
    }

    @Test
    void nameIdNumberAndPhoneAreRequiredAndTheIdNumberChecked() {
        UUID id = UUID.randomUUID();
        for (String field : List.of("name", "idNumber", "phone")) {
            Map<String, Object> body = details("吴晓", IdNumberTest.idNumber(LocalDate.of(1985, 4, 5)));
            body.remove(field);
            Http.Response r = volunteer(id).post("/volunteers/me", body);
            assertThat(r.status()).as(field + " " + r).isEqualTo(400);
            assertThat(r.problemField()).isEqualTo(field);
        }
        String good = IdNumberTest.idNumber(LocalDate.of(1985, 4, 5));
        String wrong = good.substring(0, 17) + (good.charAt(17) == '3' ? '4' : '3');
        Http.Response r = volunteer(id).post("/volunteers/me", details("吴晓", wrong));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.problemField()).isEqualTo("idNumber");
        assertThat(volunteer(id).get("/volunteers/me").status())
                .as("nothing registered")
                .isEqualTo(404);
    }

    @Test
    void onlyAVolunteerWithAVolunteerIdRegistersThemself() {
        Map<String, Object> body = details("郑强", IdNumberTest.idNumber(LocalDate.of(1979, 9, 9)));
        Http staff = http().as(TestTokens.token("staff-li", Roles.STATION_STAFF, Roles.STATION_ID, UUID.randomUUID()));
        Http.Response byStaff = staff.post("/volunteers/me", body);
        assertThat(byStaff.status()).as(byStaff.toString()).isEqualTo(403);

        Http noId = http().as(TestTokens.token("vol-without-id", List.of(Roles.VOLUNTEER), Map.of()));
        Http.Response withoutId = noId.post("/volunteers/me", body);
        assertThat(withoutId.status()).as(withoutId.toString()).isEqualTo(403);
        assertThat(withoutId.problemField()).isEqualTo("Authorization");

        assertThat(http().anonymous().get("/volunteers/me").status()).isEqualTo(401);
    }
}
