package org.wushe.hub.community.resident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.community.support.People;
import org.wushe.hub.community.support.ServiceScenario;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.Problems;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /residents/search}: community staff find a resident of their own register by name (whole or
 * beginning) when they publish a need. Only within the one community searched, only for those who may read
 * that community's residents' details (not the hub admin), with a reason, and every resident answered is in
 * the access log with the reader and the reason. The answer shows the name, a masked phone and the flags,
 * never the address or the ID number.
 */
class ResidentNameSearchTest extends ServiceScenario {

    static final String REASON = "发布需求 publishing a need";

    @Test
    void findsByWholeNameAndByItsBeginningOnlyWithinTheCommunityAndLogsEveryAnswer() {
        Place a = communityWithStation();
        Place b = communityWithStation();
        People.Person yueA = named("欧阳明月");
        String mingyueA = register(a.community(), yueA, "A-1", "ELDERLY_ALONE", "LOW_INCOME");
        String mingA = register(a.community(), named("欧阳明"), "A-2");
        String jianhuaA = register(a.community(), named("欧阳建华"), null);
        String liA = register(a.community(), named("李欧阳"), null);
        String zhangA = register(a.community(), named("Zhang Wei"), null);
        String mingyueB = register(b.community(), named("欧阳明月"), "B-1");

        Http staffA = as(communityStaff("sq-a", a.community()));

        // The whole name, the community from the token: A's resident, not B's of the same name.
        Http.Response whole = staffA.post("/residents/search", Map.of("name", "欧阳明月", "reason", REASON));
        assertThat(whole.status()).as(whole.text()).isEqualTo(200);
        assertThat(ids(whole.json())).containsExactly(mingyueA);
        JsonNode m = whole.json().get(0);
        assertThat(m.get("name").asText()).isEqualTo("欧阳明月");
        assertThat(m.get("residentRef").asText()).isNotBlank().isNotEqualTo(mingyueA);
        assertThat(m.get("communityId").asText()).isEqualTo(a.community().toString());
        assertThat(m.get("residentNumber").asText()).isEqualTo("A-1");
        assertThat(m.get("maskedPhone").asText())
                .isEqualTo(yueA.phone().substring(0, 3) + "****" + yueA.phone().substring(7));
        assertThat(m.get("flags"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("ELDERLY_ALONE", "LOW_INCOME");
        assertThat(m.has("address")).isFalse();
        assertThat(m.has("idNumber")).isFalse();
        assertThat(m.has("phone")).isFalse();
        assertThat(whole.text()).doesNotContain(yueA.phone(), yueA.idNumber(), yueA.address());

        // The beginning: the three 欧阳 of A (not 李欧阳, not B's), the shortest first; the whole name first.
        Http.Response prefix = staffA.post(
                "/residents/search", Map.of("communityId", a.community().toString(), "name", "欧阳", "reason", REASON));
        assertThat(prefix.status()).as(prefix.text()).isEqualTo(200);
        assertThat(ids(prefix.json()))
                .containsExactlyInAnyOrder(mingA, mingyueA, jianhuaA)
                .first()
                .isEqualTo(mingA);
        assertThat(ids(staffA.post("/residents/search", Map.of("name", "欧阳明", "reason", REASON))
                        .json()))
                .containsExactly(mingA, mingyueA);
        assertThat(ids(staffA.post("/residents/search", Map.of("name", "欧", "reason", REASON))
                        .json()))
                .containsExactlyInAnyOrder(mingA, mingyueA, jianhuaA);
        // Latin names: two letters at least, any case, full-width alike.
        assertThat(ids(staffA.post("/residents/search", Map.of("name", "zh", "reason", REASON))
                        .json()))
                .containsExactly(zhangA);
        assertThat(ids(staffA.post("/residents/search", Map.of("name", "ＺＨＡＮＧ  wei ", "reason", REASON))
                        .json()))
                .containsExactly(zhangA);
        assertThat(staffA.post("/residents/search", Map.of("name", "王", "reason", REASON))
                        .json())
                .isEmpty();

        // Station staff of a station serving A search A, naming it.
        Http zhanA = as(stationStaff("zhan-a", a.station()));
        assertThat(ids(zhanA.post(
                                "/residents/search",
                                Map.of("communityId", a.community().toString(), "name", "欧阳明月", "reason", "入户探访"))
                        .json()))
                .containsExactly(mingyueA);

        // Every resident answered is logged with the reader and the reason; the others are not.
        assertThat(log(staffA, mingyueA))
                .containsExactly(
                        "CREATE " + REGISTRAR + " 登记 registration",
                        "SEARCH sq-a " + REASON,
                        "SEARCH sq-a " + REASON,
                        "SEARCH sq-a " + REASON,
                        "SEARCH sq-a " + REASON,
                        "SEARCH zhan-a 入户探访");
        assertThat(log(staffA, jianhuaA))
                .containsExactly(
                        "CREATE " + REGISTRAR + " 登记 registration", "SEARCH sq-a " + REASON, "SEARCH sq-a " + REASON);
        assertThat(log(staffA, liA)).containsExactly("CREATE " + REGISTRAR + " 登记 registration");
        assertThat(log(staffA, zhangA))
                .containsExactly(
                        "CREATE " + REGISTRAR + " 登记 registration", "SEARCH sq-a " + REASON, "SEARCH sq-a " + REASON);
        assertThat(log(as(communityStaff("sq-b", b.community())), mingyueB))
                .containsExactly("CREATE " + REGISTRAR + " 登记 registration");
    }

    @Test
    void atMostTwentyAnswers() {
        Place a = communityWithStation();
        for (int i = 0; i < 22; i++) {
            register(a.community(), named("司马" + "甲乙丙丁戊己庚辛壬癸".charAt(i % 10) + i), null);
        }
        Http.Response r = as(communityStaff("sq-a", a.community()))
                .post("/residents/search", Map.of("name", "司马", "reason", REASON));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json()).hasSize(20);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM resident_access x JOIN resident r ON r.id = x.resident_id "
                                + "WHERE r.community_id = ? AND x.action = 'SEARCH'",
                        Integer.class,
                        a.community()))
                .isEqualTo(20);
    }

    @Test
    void othersAreRefusedAndNothingIsLogged() {
        Place a = communityWithStation();
        Place b = communityWithStation();
        String resident = register(a.community(), named("上官婉儿"), null);
        Map<String, Object> searchA = Map.of("communityId", a.community().toString(), "name", "上官", "reason", REASON);
        String needed = "community_staff of " + a.community() + " or station_staff of " + a.station();

        assertForbidden(
                as(communityStaff("sq-b", b.community())).post("/residents/search", searchA), "communityId", needed);
        assertForbidden(
                as(stationStaff("zhan-b", b.station())).post("/residents/search", searchA), "communityId", needed);
        assertForbidden(http().post("/residents/search", searchA), "communityId", needed);
        assertForbidden(
                http().post("/residents/search", Map.of("name", "上官", "reason", REASON)),
                "communityId",
                "community_staff or station_staff");
        Http.Response anonymous = http().anonymous().post("/residents/search", searchA);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.problemField()).isEqualTo("Authorization");

        Http staffA = as(communityStaff("sq-a", a.community()));
        assertProblem(staffA.post("/residents/search", Map.of("name", "上官")), 400, "reason");
        assertProblem(staffA.post("/residents/search", Map.of("name", "上官", "reason", "  ")), 400, "reason");
        assertProblem(staffA.post("/residents/search", Map.of("reason", REASON)), 400, "name");
        assertProblem(staffA.post("/residents/search", Map.of("name", "S", "reason", REASON)), 400, "name");
        assertProblem(staffA.post("/residents/search", Map.of("name", " 1 ", "reason", REASON)), 400, "name");
        assertProblem(staffA.post("/residents/search", Map.of("name", "上".repeat(51), "reason", REASON)), 400, "name");
        assertProblem(
                as(stationStaff("zhan-a", a.station()))
                        .post("/residents/search", Map.of("name", "上官", "reason", REASON)),
                400,
                "communityId");

        assertThat(log(staffA, resident)).containsExactly("CREATE " + REGISTRAR + " 登记 registration");
        assertThat(staffA.post("/residents/search", Map.of("name", "上官", "reason", REASON))
                        .status())
                .isEqualTo(200);
        assertThat(log(staffA, resident))
                .containsExactly("CREATE " + REGISTRAR + " 登记 registration", "SEARCH sq-a " + REASON);
    }

    private People.Person named(String name) {
        People.Person p = People.next();
        return new People.Person(name, p.phone(), p.idNumber(), p.address());
    }

    private String register(UUID community, People.Person p, String number, String... flags) {
        return registerResident(community, p, number, flags).get("id").asText();
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }

    private static List<String> log(Http reader, String resident) {
        List<String> lines = new ArrayList<>();
        reader.get("/residents/" + resident + "/access-log")
                .json()
                .forEach(e -> lines.add(e.get("action").asText() + " "
                        + e.get("actor").asText() + " " + e.get("reason").asText()));
        return lines;
    }

    private static void assertForbidden(Http.Response r, String field, String required) {
        Problems.assertForbidden(r.status(), r.contentType(), r.json(), r.text(), field, required);
    }

    private static void assertProblem(Http.Response r, int status, String field) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.problemField()).as(r.text()).isEqualTo(field);
    }
}
