package org.wushe.hub.volunteer.volunteer.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.volunteer.VolunteerRegistered;
import org.wushe.hub.volunteer.support.Http;
import org.wushe.hub.volunteer.support.ServiceScenario;
import tools.jackson.databind.JsonNode;

/**
 * A volunteer's resident ID number over real HTTP: checked, sealed, never published; the age and the young-old
 * flag (低龄老人) read from it on the day, so staff do not type the flag for a volunteer who has one.
 */
class IdNumberTest extends ServiceScenario {

    /** A valid ID number (a random area and sequence) of someone born on {@code birth}. */
    public static String idNumber(LocalDate birth) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first17 = String.format("%06d", 110000 + random.nextInt(500_000))
                + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", random.nextInt(1000));
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    private static String wrongCheck(String id) {
        char right = id.charAt(17);
        return id.substring(0, 17) + (right == '0' ? '1' : '0');
    }

    private Http.Response register(String idNumber, Boolean youngOld) {
        Map<String, Object> body = registration("刘桂芳", false, false);
        body.put("idNumber", idNumber);
        body.put("youngOld", youngOld);
        return http().post("/volunteers", body);
    }

    @Test
    void aVolunteerOfSixtyFiveIsYoungOldByTheirIdNumberWhichIsNeitherListedNorPublished() {
        String id = idNumber(today().minusYears(65).minusDays(10));

        Http.Response created = register(id, null);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID volunteer = UUID.fromString(created.json().get("id").asText());
        assertThat(created.json().get("youngOld").asBoolean()).isTrue();
        JsonNode read = http().get("/volunteers/" + volunteer + "?reason=test").json();
        assertThat(read.get("idNumber").asText()).isEqualTo(id);
        assertThat(read.get("age").asInt()).isEqualTo(65);
        assertThat(read.get("youngOld").asBoolean()).isTrue();
        JsonNode listed = http().get("/volunteers?limit=200").json();
        assertThat(listed.toString()).doesNotContain(id);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM volunteer WHERE id = ? AND encode(id_number_sealed, 'escape') LIKE ?",
                        Long.class,
                        volunteer,
                        "%" + id + "%"))
                .as("sealed at rest")
                .isZero();

        List<ConsumerRecord<String, byte[]>> records = recordsOf(volunteer, has(VolunteerRegistered.class, 1));
        VolunteerRegistered event =
                (VolunteerRegistered) codec.decode(records.get(0).value());
        assertThat(event.getYoungOld()).isTrue();
        String onTheWire = new String(records.get(0).value(), StandardCharsets.UTF_8)
                + records.get(0).headers();
        assertThat(onTheWire).doesNotContain(id).doesNotContain(id.substring(6, 14));
    }

    @Test
    void aWrongCheckCharacterOrBirthDateIsA400NamingIdNumber() {
        Http.Response wrong = register(wrongCheck(idNumber(LocalDate.of(1970, 5, 1))), null);
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(400);
        assertThat(wrong.problemField()).isEqualTo("idNumber");

        Http.Response future = register(idNumber(today().plusDays(3)), null);
        assertThat(future.status()).as(future.toString()).isEqualTo(400);
        assertThat(future.problemField()).isEqualTo("idNumber");
    }

    @Test
    void theSameIdNumberRegistersOnce() {
        String id = idNumber(LocalDate.of(1988, 8, 8));
        assertThat(register(id, null).status()).isEqualTo(201);

        Http.Response again = register(id, null);

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.problemField()).isEqualTo("idNumber");
    }

    @Test
    void staffCannotTypeAYoungOldFlagThatTheIdNumberContradicts() {
        Http.Response typed = register(idNumber(today().minusYears(40)), true);
        assertThat(typed.status()).as(typed.toString()).isEqualTo(400);
        assertThat(typed.problemField()).isEqualTo("youngOld");

        Http.Response created = register(idNumber(today().minusYears(40)), false);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID volunteer = UUID.fromString(created.json().get("id").asText());

        Http.Response flags =
                http().put("/volunteers/" + volunteer + "/flags", Map.of("youngOld", true, "inHardship", true));
        assertThat(flags.status()).as(flags.toString()).isEqualTo(400);
        assertThat(flags.problemField()).isEqualTo("youngOld");

        Http.Response hardship =
                http().put("/volunteers/" + volunteer + "/flags", Map.of("youngOld", false, "inHardship", true));
        assertThat(hardship.status()).as(hardship.toString()).isEqualTo(200);
        assertThat(hardship.json().get("inHardship").asBoolean()).isTrue();
        assertThat(hardship.json().get("youngOld").asBoolean()).isFalse();
    }

    @Test
    void aVolunteerWithoutAnIdNumberKeepsTheFlagStaffSet() {
        UUID volunteer = registerVolunteer(false, false);
        Http.Response flags =
                http().put("/volunteers/" + volunteer + "/flags", Map.of("youngOld", true, "inHardship", false));
        assertThat(flags.status()).as(flags.toString()).isEqualTo(200);
        JsonNode read = http().get("/volunteers/" + volunteer + "?reason=test").json();
        assertThat(read.get("youngOld").asBoolean()).isTrue();
        assertThat(read.path("age").isNumber()).as("no ID number, no age").isFalse();
    }

    @Test
    void aVolunteerTurningSixtyBecomesYoungOldOnTheirBirthdayWithoutStaffTypingIt() {
        LocalDate birth = today().minusYears(60).plusDays(2);
        Http.Response created = register(idNumber(birth), null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID volunteer = UUID.fromString(created.json().get("id").asText());
        JsonNode before =
                http().get("/volunteers/" + volunteer + "?reason=test").json();
        assertThat(before.get("youngOld").asBoolean()).isFalse();
        assertThat(before.get("age").asInt()).isEqualTo(59);

        clock.advance(Duration.ofDays(3));

        JsonNode after = http().get("/volunteers/" + volunteer + "?reason=test").json();
        assertThat(after.get("youngOld").asBoolean()).isTrue();
        assertThat(after.get("age").asInt()).isEqualTo(60);
    }
}
