package org.wushe.hub.volunteer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.testing.Problems;
import org.wushe.hub.testing.TestTokens;
import org.wushe.hub.volunteer.support.Http;
import org.wushe.hub.volunteer.support.ServiceScenario;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14, item 6, over real HTTP with signed tokens on the real stack: a volunteer's name, phone and
 * hardship flag are ciphertext at rest; every read of them by someone other than the volunteer is logged with
 * who and why; station staff see only the volunteers who serve their station; hours are credited only by the
 * staff of the station where the service happened, as logged by the token's subject, within 7 days, and no
 * spelling of one's own id in the path gets past "you cannot credit yourself".
 */
class VolunteerPrivacyTest extends ServiceScenario {

    private static final UUID NORTH = UUID.fromString("6a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d");
    private static final UUID SOUTH = UUID.fromString("7b2c3d4e-5f6a-4b7c-9d8e-1f2a3b4c5d6e");

    private Http staffOf(UUID station, String subject) {
        return http().as(TestTokens.token(subject, Roles.STATION_STAFF, Roles.STATION_ID, station));
    }

    private Http volunteer(UUID id) {
        return http().as(TestTokens.token("vol-" + id, Roles.VOLUNTEER, Roles.VOLUNTEER_ID, id));
    }

    private UUID registerAt(UUID station, String name, String phone, boolean inHardship) {
        return registerAt(station, name, phone, inHardship, UUID.randomUUID());
    }

    private UUID registerAt(UUID station, String name, String phone, boolean inHardship, UUID community) {
        Map<String, Object> body = registration(name, false, inHardship);
        body.put("phone", phone);
        body.put("communityId", community.toString());
        Http.Response r = staffOf(station, "staff-" + station).post("/volunteers", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return UUID.fromString(r.json().get("id").asText());
    }

    private long accessRows(UUID volunteer) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM volunteer_access WHERE volunteer_id = ?", Long.class, volunteer);
    }

    private static void assertProblem(Http.Response r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.problemField()).as(r.toString()).isEqualTo(field);
    }

    private static List<JsonNode> items(JsonNode array) {
        List<JsonNode> items = new java.util.ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1)
                .contains(new String(needle.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    }

    @Test
    void nameAndPhoneAndHardshipAreCiphertextAtRestAndReadBackThroughTheApi() {
        String phone = randomPhone();
        UUID id = registerAt(NORTH, "欧阳秀英", phone, true);

        List<String> columns = jdbc.queryForList(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                        + "AND table_name = 'volunteer'",
                String.class);
        assertThat(columns)
                .as("no plain column for them")
                .doesNotContain("display_name", "phone", "in_hardship")
                .contains("name_sealed", "phone_sealed", "phone_hash", "hardship_sealed");
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT name_sealed, phone_sealed, phone_hash, hardship_sealed FROM volunteer WHERE id = ?", id);
        for (String column : List.of("name_sealed", "phone_sealed", "phone_hash", "hardship_sealed")) {
            byte[] stored = (byte[]) row.get(column);
            assertThat(stored).as(column).isNotEmpty();
            assertThat(contains(stored, "欧阳")).as(column + " holds no name").isFalse();
            assertThat(contains(stored, phone)).as(column + " holds no phone").isFalse();
            assertThat(contains(stored, "true"))
                    .as(column + " holds no plain flag")
                    .isFalse();
        }
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM volunteer v WHERE v::text LIKE ? OR v::text LIKE ?",
                        Long.class,
                        "%欧阳%",
                        "%" + phone + "%"))
                .as("nowhere in the row's text")
                .isZero();

        JsonNode me = volunteer(id).get("/volunteers/" + id).json();
        assertThat(me.get("name").asText()).isEqualTo("欧阳秀英");
        assertThat(me.get("phone").asText()).isEqualTo(phone);
        assertThat(me.get("inHardship").asBoolean()).isTrue();
        Map<String, Object> again = registration("另一人", false, false);
        again.put("phone", phone);
        assertProblem(staffOf(NORTH, "staff-n").post("/volunteers", again), 409, "phone");

        Http.Response flags = staffOf(NORTH, "staff-n")
                .put("/volunteers/" + id + "/flags", Map.of("youngOld", true, "inHardship", false));
        assertThat(flags.status()).as(flags.toString()).isEqualTo(200);
        assertThat(flags.json().has("name"))
                .as("the flags' answer shows no name")
                .isFalse();
        assertThat(flags.json().has("phone")).isFalse();
        assertThat(volunteer(id)
                        .get("/volunteers/" + id)
                        .json()
                        .get("inHardship")
                        .asBoolean())
                .isFalse();
        assertThat(contains(
                        jdbc.queryForObject("SELECT hardship_sealed FROM volunteer WHERE id = ?", byte[].class, id),
                        "false"))
                .isFalse();
    }

    @Test
    void everyReadOfAVolunteersDetailsByAnotherIsLoggedWithWhoAndWhyAndNeedsAReason() {
        UUID id = registerAt(NORTH, "钱淑珍", randomPhone(), false);

        assertThat(volunteer(id).get("/volunteers/" + id).status()).isEqualTo(200);
        assertThat(accessRows(id))
                .as("the volunteer reading themself is not logged")
                .isZero();

        Http staff = staffOf(NORTH, "staff-zhao");
        assertProblem(staff.get("/volunteers/" + id), 400, "reason");
        assertThat(accessRows(id)).as("a refused read is not logged").isZero();

        Http.Response read = staff.get("/volunteers/" + id + "?reason=%E5%AE%89%E6%8E%92%E6%9C%8D%E5%8A%A1"); // 安排服务
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().get("name").asText()).isEqualTo("钱淑珍");
        assertThat(http().get("/volunteers/" + id + "?reason=audit").status()).isEqualTo(200);

        List<Map<String, Object>> log = jdbc.queryForList(
                "SELECT actor, reason, action FROM volunteer_access WHERE volunteer_id = ? ORDER BY id", id);
        assertThat(log).hasSize(2);
        assertThat(log.get(0))
                .containsEntry("actor", "staff-zhao")
                .containsEntry("reason", "安排服务")
                .containsEntry("action", "READ");
        assertThat(log.get(1)).containsEntry("actor", TestTokens.ADMIN_SUBJECT).containsEntry("reason", "audit");

        JsonNode shown = volunteer(id).get("/volunteers/" + id + "/access-log").json();
        assertThat(shown)
                .extracting(a -> a.get("actor").asText())
                .containsExactly("staff-zhao", TestTokens.ADMIN_SUBJECT);
        Problems.assertForbidden(
                staff.get("/volunteers/" + id + "/access-log").status(),
                "application/problem+json",
                staff.get("/volunteers/" + id + "/access-log").json(),
                "staff read the access log",
                "id",
                "volunteer of " + id);
    }

    @Test
    void stationStaffSeeOnlyTheVolunteersWhoServeTheirStation() {
        UUID community = UUID.randomUUID();
        UUID north = registerAt(NORTH, "孙北", randomPhone(), false, community);
        UUID south = registerAt(SOUTH, "李南", randomPhone(), true, community);
        UUID helper = registerAt(SOUTH, "周帮", randomPhone(), false, community);
        Http northStaff = staffOf(NORTH, "staff-north");
        Http.Response credited = northStaff.post(
                "/volunteers/" + helper + "/hours",
                Map.of("minutes", 30, "servedOn", today().toString(), "stationId", NORTH.toString()));
        assertThat(credited.status()).as(credited.toString()).isEqualTo(201);

        List<JsonNode> listed =
                items(northStaff.get("/volunteers?communityId=" + community).json());
        List<String> ids = listed.stream().map(v -> v.get("id").asText()).toList();
        assertThat(ids).contains(north.toString(), helper.toString()).doesNotContain(south.toString());
        assertThat(listed).allSatisfy(v -> {
            assertThat(v.has("name")).as("a list shows no name").isFalse();
            assertThat(v.has("phone")).isFalse();
            assertThat(v.has("inHardship")).isFalse();
        });
        assertThat(items(http().get("/volunteers?communityId=" + community).json()).stream()
                        .map(v -> v.get("id").asText())
                        .toList())
                .as("the hub admin sees every station's")
                .contains(north.toString(), south.toString());

        Http.Response other = northStaff.get("/volunteers/" + south + "?reason=curious");
        Problems.assertForbidden(
                other.status(),
                other.header("Content-Type").orElse(""),
                other.json(),
                other.toString(),
                "id",
                "volunteer of " + south + " or station_staff of a station they serve");
        Problems.assertForbidden(
                northStaff.get("/volunteers/" + south + "/hours").status(),
                "application/problem+json",
                northStaff.get("/volunteers/" + south + "/hours").json(),
                "hours",
                "id",
                "volunteer of " + south + " or station_staff of a station they serve");
        Http.Response flags =
                northStaff.put("/volunteers/" + south + "/flags", Map.of("youngOld", true, "inHardship", true));
        assertThat(flags.status()).as(flags.toString()).isEqualTo(403);
        assertThat(accessRows(south)).isZero();
        assertThat(northStaff.get("/volunteers/" + helper + "?reason=arranging").status())
                .as("served the north once")
                .isEqualTo(200);
    }

    @Test
    void hoursAreCreditedOnlyByStaffOfTheStationWhereTheyWereServedAndLoggedByTheCaller() {
        UUID v = registerAt(NORTH, "吴建华", randomPhone(), false);
        Http southStaff = staffOf(SOUTH, "staff-south");

        Http.Response elsewhere = southStaff.post(
                "/volunteers/" + v + "/hours",
                Map.of("minutes", 60, "servedOn", today().toString(), "stationId", NORTH.toString()));
        Problems.assertForbidden(
                elsewhere.status(),
                elsewhere.header("Content-Type").orElse(""),
                elsewhere.json(),
                elsewhere.toString(),
                "stationId",
                "station_staff of " + NORTH);
        assertProblem(
                southStaff.post("/volunteers/" + v + "/hours", Map.of("minutes", 60, "servedOn", today().toString())),
                400,
                "stationId");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM service_hours WHERE volunteer_id = ?", Long.class, v))
                .isZero();

        Http.Response credited = staffOf(NORTH, "staff-wang")
                .post(
                        "/volunteers/" + v + "/hours",
                        Map.of(
                                "minutes",
                                60,
                                "servedOn",
                                today().toString(),
                                "stationId",
                                NORTH.toString(),
                                "loggedBy",
                                "station-chief-not-me"));
        assertThat(credited.status()).as(credited.toString()).isEqualTo(201);
        assertThat(credited.json().get("hours").get("loggedBy").asText()).isEqualTo("staff-wang");
        assertThat(jdbc.queryForObject("SELECT logged_by FROM service_hours WHERE volunteer_id = ?", String.class, v))
                .as("who logged is the token's subject; the body's loggedBy is ignored")
                .isEqualTo("staff-wang");
    }

    @Test
    void hoursServedMoreThanSevenDaysAgoOrInTheFutureAre400NamingServedOn() {
        UUID v = registerAt(NORTH, "郑敏", randomPhone(), false);
        Http staff = staffOf(NORTH, "staff-n");
        for (String day : List.of(
                today().minusDays(8).toString(),
                today().minusDays(30).toString(),
                today().plusDays(1).toString())) {
            assertProblem(
                    staff.post(
                            "/volunteers/" + v + "/hours",
                            Map.of("minutes", 60, "servedOn", day, "stationId", NORTH.toString())),
                    400,
                    "servedOn");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM service_hours WHERE volunteer_id = ?", Long.class, v))
                .isZero();
        Http.Response weekAgo = staff.post(
                "/volunteers/" + v + "/hours",
                Map.of("minutes", 60, "servedOn", today().minusDays(7).toString(), "stationId", NORTH.toString()));
        assertThat(weekAgo.status()).as(weekAgo.toString()).isEqualTo(201);
    }

    @Test
    void noSpellingOfOnesOwnIdInThePathGetsPastYouCannotCreditYourself() {
        UUID a = registerAt(NORTH, "冯志强", randomPhone(), false);
        Http staffAndA = http().as(TestTokens.token(
                "staff-feng",
                List.of(Roles.STATION_STAFF, Roles.VOLUNTEER),
                Map.of(Roles.STATION_ID, NORTH.toString(), Roles.VOLUNTEER_ID, a.toString())));
        Map<String, Object> hours =
                Map.of("minutes", 600, "servedOn", today().toString(), "stationId", NORTH.toString());
        String id = a.toString();
        String firstEncoded = "%" + Integer.toHexString(id.charAt(0)).toUpperCase(Locale.ROOT) + id.substring(1);

        for (String variant : List.of(
                "%20" + id,
                id + "%20",
                "%09" + id,
                "+" + id,
                id.toUpperCase(Locale.ROOT),
                firstEncoded,
                "%7B" + id + "%7D",
                id + ";x=1",
                "0" + id)) {
            assertProblem(staffAndA.post("/volunteers/" + variant + "/hours", hours), 400, "id");
            assertProblem(
                    staffAndA.put("/volunteers/" + variant + "/flags", Map.of("youngOld", true, "inHardship", true)),
                    400,
                    "id");
        }
        // An encoded NUL never reaches the service: Tomcat refuses the URI itself (400, its own page).
        assertThat(staffAndA.post("/volunteers/" + id + "%00/hours", hours).status())
                .isEqualTo(400);
        assertThat(staffAndA.post("/volunteers/%00" + id + "/hours", hours).status())
                .isEqualTo(400);
        Http.Response plain = staffAndA.post("/volunteers/" + id + "/hours", hours);
        Problems.assertForbidden(
                plain.status(),
                plain.header("Content-Type").orElse(""),
                plain.json(),
                plain.toString(),
                "id",
                "station_staff, not volunteer " + a);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM service_hours WHERE volunteer_id = ?", Long.class, a))
                .isZero();
        assertThat(balance(a)).isZero();
    }
}
