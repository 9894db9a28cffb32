package org.wushe.hub.community.resident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.community.support.People;
import org.wushe.hub.community.support.ServiceScenario;
import org.wushe.hub.events.community.NeedPublished;
import org.wushe.hub.events.community.NeedUpdated;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.Problems;
import org.wushe.hub.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Issue #14 item 10 (PIPL erasure) on the real service: the resident's community staff or the manager of a
 * centre above it erase a resident with a reason; the details are gone (reading is 410 Gone, the ID number
 * and the name find nobody), the pseudonym stays on the resident's needs and their events (which never
 * carried more), and the access log stays, with the erasure in it. Anyone else is refused and nothing changes.
 */
class ResidentErasureTest extends ServiceScenario {

    private static final String READ = "?reason=" + URLEncoder.encode("入户探访", StandardCharsets.UTF_8);

    @Test
    void theCommunitysStaffEraseAResidentWithAReasonTheDetailsAreGoneThePseudonymAndTheAccessLogStay() {
        Place place = communityWithStation();
        Place other = communityWithStation();
        People.Person p = People.next();
        JsonNode resident = registerResident(
                place.community(), p, "ER-" + UUID.randomUUID().toString().substring(0, 6), "ELDERLY_ALONE");
        String id = resident.get("id").asText();
        String ref = resident.get("residentRef").asText();
        Http staff = as(communityStaff("sq-erase", place.community()));
        assertThat(staff.get("/residents/" + id + READ).status()).isEqualTo(200);
        JsonNode need = publishNeed(need(place, "residentId", id, "title", "上门修门锁 erasure"));
        String needId = need.get("id").asText();

        // Refused: another community's staff, the community's station staff, the hub admin; no reason: 400. Nothing
        // changes.
        assertForbidden(
                as(communityStaff("sq-erase-b", other.community()))
                        .post("/residents/" + id + "/erasure", Map.of("reason", "x")),
                "id",
                Roles.COMMUNITY_STAFF + " of " + place.community() + " or centre_manager of its centre");
        String required = Roles.COMMUNITY_STAFF + " of " + place.community() + " or centre_manager of its centre";
        assertForbidden(
                as(stationStaff("zhan-erase", place.station()))
                        .post("/residents/" + id + "/erasure", Map.of("reason", "x")),
                "id",
                required);
        assertForbidden(http().post("/residents/" + id + "/erasure", Map.of("reason", "x")), "id", required);
        Http.Response noReason = staff.post("/residents/" + id + "/erasure", Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.problemField()).isEqualTo("reason");
        assertThat(staff.get("/residents/" + id + READ).json().get("name").asText())
                .isEqualTo(p.name());

        Http.Response erased =
                staff.post("/residents/" + id + "/erasure", Map.of("reason", "本人申请删除 the resident asked"));
        assertThat(erased.status()).as(erased.text()).isEqualTo(204);

        Http.Response gone = staff.get("/residents/" + id + READ);
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.contentType()).startsWith("application/problem+json");
        assertThat(gone.problemField()).isEqualTo("id");
        assertThat(staff.post("/residents/" + id + "/erasure", Map.of("reason", "again"))
                        .status())
                .isEqualTo(410);
        assertThat(staff.post("/residents/lookup" + READ, Map.of("idNumber", p.idNumber()))
                        .status())
                .isEqualTo(404);
        assertThat(staff.post("/residents/search", Map.of("name", p.name(), "reason", "发布需求"))
                        .json())
                .isEmpty();

        // Nothing personal is left in the row; the pseudonym is.
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM resident WHERE id = ?::uuid", id);
        assertThat(row.get("resident_ref").toString()).isEqualTo(ref);
        for (String column : List.of(
                "name_enc",
                "phone_enc",
                "id_number_enc",
                "id_number_hmac",
                "address_enc",
                "flags_enc",
                "resident_number")) {
            assertThat(row.get(column)).as(column).isNull();
        }

        // The access log stays, with the erasure: who, why.
        List<String> log = new ArrayList<>();
        staff.get("/residents/" + id + "/access-log")
                .json()
                .forEach(e -> log.add(e.get("action").asText() + " "
                        + e.get("actor").asText() + " " + e.get("reason").asText()));
        assertThat(log)
                .startsWith("CREATE " + REGISTRAR + " 登记 registration")
                .contains("READ sq-erase 入户探访")
                .endsWith("ERASE sq-erase 本人申请删除 the resident asked");

        // The need and its events keep the pseudonym, and only it; a change after the erasure still names it.
        assertThat(http().get("/needs/" + needId).json().get("residentRef").asText())
                .isEqualTo(ref);
        assertThat(http().post("/needs/" + needId + "/status", Map.of("status", "CANCELLED"))
                        .status())
                .isEqualTo(200);
        var events = events(Aggregate.NEED, needId, 2);
        assertThat(((NeedPublished) events.get(0)).getDetails().getResidentRef().toString())
                .isEqualTo(ref);
        assertThat(events.toString()).doesNotContain(p.name(), p.phone(), p.idNumber());
        assertThat(events.get(1)).isNotInstanceOf(NeedUpdated.class); // NeedClosed
    }

    @Test
    void theManagerOfACentreAboveTheCommunityMayEraseAnotherCentresMayNot() {
        Place place = communityWithStation();
        Place elsewhere = communityWithStation();
        UUID centre = UUID.fromString(registerStation(Http.map(
                        "name",
                        unique("张家湾镇社会工作服务中心"),
                        "level",
                        "STREET_CENTRE",
                        "districtCode",
                        "110112",
                        "servedCommunityIds",
                        List.of(place.community().toString())))
                .get("id")
                .asText());
        UUID otherCentre = UUID.fromString(registerStation(Http.map(
                        "name",
                        unique("漷县镇社会工作服务中心"),
                        "level",
                        "STREET_CENTRE",
                        "districtCode",
                        "110112",
                        "servedCommunityIds",
                        List.of(elsewhere.community().toString())))
                .get("id")
                .asText());
        String id = registerResident(place.community(), People.next(), null)
                .get("id")
                .asText();

        assertForbidden(
                as(TestTokens.token("centre-erase-2", Roles.CENTRE_MANAGER, Roles.CENTRE_ID, otherCentre))
                        .post("/residents/" + id + "/erasure", Map.of("reason", "x")),
                "id",
                Roles.COMMUNITY_STAFF + " of " + place.community() + " or centre_manager of its centre");
        assertThat(jdbc.queryForObject("SELECT erased_at FROM resident WHERE id = ?::uuid", Object.class, id))
                .isNull();
        Http.Response erased = as(TestTokens.token("centre-erase", Roles.CENTRE_MANAGER, Roles.CENTRE_ID, centre))
                .post("/residents/" + id + "/erasure", Map.of("reason", "居民去世 deceased"));
        assertThat(erased.status()).as(erased.text()).isEqualTo(204);
        assertThat(jdbc.queryForObject("SELECT erased_by FROM resident WHERE id = ?::uuid", String.class, id))
                .isEqualTo("centre-erase");
        assertThat(as(communityStaff("sq-erase-c", place.community()))
                        .get("/residents/" + id + READ)
                        .status())
                .isEqualTo(410);
    }

    private static void assertForbidden(Http.Response r, String field, String required) {
        Problems.assertForbidden(r.status(), r.contentType(), r.json(), r.text(), field, required);
    }
}
