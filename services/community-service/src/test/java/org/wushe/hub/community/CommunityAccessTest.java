package org.wushe.hub.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.wushe.hub.community.support.NeedLists;
import org.wushe.hub.community.support.People;
import org.wushe.hub.community.support.ServiceScenario;
import org.wushe.hub.events.community.NeedPublished;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.Problems;
import org.wushe.hub.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Who may do what in the community service, over HTTP with real tokens: the hub admin sets up the town;
 * community staff publish and change needs, recurring needs and need lists for their own community only;
 * residents are seen by the staff of their community and of the stations serving it, and by nobody else,
 * the hub admin included. Every refusal is a 403 problem naming the field and who would be allowed, and
 * writes nothing; without a token everything but health and the API docs is a 401.
 */
class CommunityAccessTest extends ServiceScenario {

    static final String READ = "?reason=" + URLEncoder.encode("入户探访 home visit", StandardCharsets.UTF_8);

    @Test
    void withoutAValidTokenEverythingButHealthAndTheApiDocsIs401() {
        Http anonymous = http().anonymous();
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(200);
        List<Http.Response> refused = List.of(
                anonymous.get("/needs"),
                anonymous.get("/stations"),
                anonymous.get("/communities"),
                anonymous.get("/residents"),
                anonymous.get("/residents/" + UUID.randomUUID() + READ),
                anonymous.get("/imports"),
                anonymous.post("/needs", Map.of()),
                anonymous.post("/communities", Map.of()),
                anonymous.upload("/imports", "needs.csv", "社区\r\n大稿村\r\n".getBytes(StandardCharsets.UTF_8)),
                http().as(TestTokens.expired("sq-he")).get("/needs"),
                http().as(TestTokens.foreign("sq-he")).get("/needs"));
        for (Http.Response r : refused) {
            assertThat(r.status()).as(r.text()).isEqualTo(401);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.problemField()).isEqualTo("Authorization");
        }
    }

    @Test
    void settingUpTheTownIsTheHubAdminsAndReadingItAnyCallers() {
        Place place = communityWithStation();
        Http staff = as(communityStaff("sq-he", place.community()));
        int communities = count("community");
        int stations = count("station");
        int grids = count("grid");

        assertForbidden(
                staff.post("/communities", Http.map("name", unique("小稿村"), "kind", "RURAL", "districtCode", "110112")),
                "POST /communities",
                "hub_admin");
        assertForbidden(
                as(stationStaff("zhan-li", place.station()))
                        .post(
                                "/stations",
                                Http.map(
                                        "name",
                                        unique("站"),
                                        "level",
                                        "COMMUNITY_STATION",
                                        "communityId",
                                        place.community().toString())),
                "POST /stations",
                "hub_admin");
        assertForbidden(
                staff.post(
                        "/communities/" + place.community() + "/grids", Http.map("name", "第九网格", "geohash", "wx4g0c")),
                "POST /communities/" + place.community() + "/grids",
                "hub_admin");
        assertThat(count("community")).isEqualTo(communities);
        assertThat(count("station")).isEqualTo(stations);
        assertThat(count("grid")).isEqualTo(grids);

        // Town facts and templates are for every signed-in caller, whatever the role.
        Http volunteer = as(TestTokens.token("vol-1", Roles.VOLUNTEER, Roles.VOLUNTEER_ID, UUID.randomUUID()));
        assertThat(volunteer.get("/communities/" + place.community()).status()).isEqualTo(200);
        assertThat(volunteer.get("/stations?communityId=" + place.community()).json())
                .hasSize(1);
        assertThat(volunteer.get("/stations/" + place.station() + "/tree").status())
                .isEqualTo(200);
        assertThat(volunteer.get("/communities/" + place.community() + "/grids").status())
                .isEqualTo(200);
        assertThat(volunteer.get("/imports/templates/zh").status()).isEqualTo(200);
        assertThat(registerGrid(place.community(), "第一网格")).as("the hub admin").isNotNull();
    }

    @Test
    void communityStaffPublishNeedsForTheirOwnCommunityOnly() {
        Place a = communityWithStation();
        Place b = communityWithStation();
        Http staffOfA = as(communityStaff("sq-a", a.community()));

        Http.Response forB = staffOfA.post("/needs", need(b));
        assertForbidden(forB, "communityId", "community_staff of " + b.community());
        assertThat(forB.json().get("detail").asText()).contains("sq-a");
        assertForbidden(
                as(TestTokens.token("vol-2", Roles.VOLUNTEER, Roles.VOLUNTEER_ID, UUID.randomUUID()))
                        .post("/needs", need(a)),
                "communityId",
                "community_staff of " + a.community());
        assertForbidden(
                as(TestTokens.token("sq-none", List.of(Roles.COMMUNITY_STAFF), Map.of()))
                        .post("/needs", need(a)),
                "communityId",
                "community_staff of " + a.community());
        assertThat(needsOf(b.community())).isZero();

        Http.Response forA = staffOfA.post("/needs", need(a));
        assertThat(forA.status()).as(forA.text()).isEqualTo(201);
        String id = forA.json().get("id").asText();
        List<ConsumerRecord<String, byte[]>> published = records(Aggregate.NEED, Set.of(id), kept -> !kept.isEmpty());
        assertThat(header(published.get(0), "actor"))
                .as("the actor is the token's subject")
                .isEqualTo("sq-a");

        // Everything that reached the topic by now: nothing for B, whose staff and admin published nothing.
        List<ConsumerRecord<String, byte[]>> forBOnTopic = recordsSoFar(
                Aggregate.NEED.topic(),
                r -> codec.decode(r.value()) instanceof NeedPublished p
                        && p.getCommunityId().equals(b.community()));
        assertThat(forBOnTopic).isEmpty();
    }

    @Test
    void onlyTheStaffOfANeedsCommunityChangeIt() {
        Place a = communityWithStation();
        Place b = communityWithStation();
        String needOfB = publishNeed(need(b)).get("id").asText();
        Http staffOfA = as(communityStaff("sq-a", a.community()));
        Http staffOfB = as(communityStaff("sq-b", b.community()));

        assertForbidden(
                staffOfA.put("/needs/" + needOfB, need(b, "title", "改了 changed")),
                "communityId",
                "community_staff of " + b.community());
        assertForbidden(
                staffOfA.post("/needs/" + needOfB + "/status", Http.map("status", "CANCELLED")),
                "communityId",
                "community_staff of " + b.community());
        assertForbidden(
                staffOfA.put("/needs/" + needOfB, need(a)), "communityId", "community_staff of " + b.community());
        JsonNode unchanged = staffOfA.get("/needs/" + needOfB).json();
        assertThat(unchanged.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(unchanged.get("revision").asInt()).isEqualTo(1);
        assertThat(unchanged.get("title").asText()).isEqualTo("门锁损坏需维修 door lock broken");

        assertThat(staffOfB.put("/needs/" + needOfB, need(b, "title", "门锁和窗户 lock and window"))
                        .status())
                .isEqualTo(200);
        assertThat(staffOfB.post("/needs/" + needOfB + "/status", Http.map("status", "CANCELLED"))
                        .status())
                .isEqualTo(200);
        assertThat(http().get("/needs/" + needOfB).json().get("revision").asInt())
                .isEqualTo(3);
    }

    @Test
    void recurringNeedsAreStartedAndStoppedByTheStaffOfTheirCommunity() {
        Place a = communityWithStation();
        Place b = communityWithStation();
        Http staffOfA = as(communityStaff("sq-a", a.community()));
        Instant first = daysAhead(2);
        Map<String, Object> weekly = Http.map("frequency", "WEEKLY", "count", 3);
        int series = count("need_series");

        weekly.put(
                "need",
                need(
                        b,
                        "start",
                        first.toString(),
                        "end",
                        first.plus(1, ChronoUnit.HOURS).toString()));
        assertForbidden(
                staffOfA.post("/need-series", weekly), "need.communityId", "community_staff of " + b.community());
        assertThat(count("need_series")).isEqualTo(series);
        assertThat(needsOf(b.community())).isZero();

        weekly.put(
                "need",
                need(
                        a,
                        "start",
                        first.toString(),
                        "end",
                        first.plus(1, ChronoUnit.HOURS).toString()));
        Http.Response created = staffOfA.post("/need-series", weekly);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertForbidden(
                as(communityStaff("sq-b", b.community())).post("/need-series/" + id + "/stop", Map.of()),
                "communityId",
                "community_staff of " + a.community());
        assertThat(http().get("/need-series/" + id).json().get("active").asBoolean())
                .isTrue();
        assertThat(staffOfA.post("/need-series/" + id + "/stop", Map.of())
                        .json()
                        .get("active")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void needsCarryNoPersonalDataSoAnySignedInCallerReadsThem() {
        Place a = communityWithStation();
        People.Person p = People.next();
        JsonNode resident = registerResident(a.community(), p, null, "ELDERLY_ALONE");
        String id = publishNeed(need(a, "residentId", resident.get("id").asText()))
                .get("id")
                .asText();
        Http volunteer = as(TestTokens.token("vol-3", Roles.VOLUNTEER, Roles.VOLUNTEER_ID, UUID.randomUUID()));

        Http.Response one = volunteer.get("/needs/" + id);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("residentRef").asText())
                .isEqualTo(resident.get("residentRef").asText());
        assertThat(one.json().has("residentId")).isFalse();
        Http.Response list = volunteer.get("/needs?communityId=" + a.community());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text())
                .doesNotContain(resident.get("id").asText(), p.name(), p.phone(), p.idNumber(), p.address());
    }

    @Test
    void communityStaffRegisterResidentsOfTheirOwnCommunity() {
        Place a = communityWithStation();
        Place b = communityWithStation();
        Http staffOfA = as(communityStaff("sq-a", a.community()));
        People.Person p = People.next();

        assertForbidden(
                staffOfA.post(
                        "/residents",
                        Http.map("communityId", b.community().toString(), "name", p.name(), "idNumber", p.idNumber())),
                "communityId",
                "community_staff of " + b.community());
        assertForbidden(
                as(stationStaff("zhan-b", b.station()))
                        .post(
                                "/residents",
                                Http.map("communityId", b.community().toString(), "name", p.name())),
                "communityId",
                "community_staff of " + b.community());
        assertThat(residentsOf(b.community())).isZero();

        Http.Response ok = staffOfA.post(
                "/residents",
                Http.map("communityId", a.community().toString(), "name", p.name(), "idNumber", p.idNumber()));
        assertThat(ok.status()).as(ok.text()).isEqualTo(201);
        assertThat(jdbc.queryForObject(
                        "SELECT created_by FROM resident WHERE id = ?::uuid",
                        String.class,
                        ok.json().get("id").asText()))
                .isEqualTo("sq-a");
    }

    @Test
    void stationStaffSeeTheResidentsOfTheCommunitiesTheirStationServesAndNoOthers() {
        Place a = communityWithStation();
        Place b = communityWithStation();
        People.Person pa = People.next();
        People.Person pb = People.next();
        String ra = registerResident(a.community(), pa, "A-1").get("id").asText();
        String rb = registerResident(b.community(), pb, "B-1").get("id").asText();
        Http zhanA = as(stationStaff("zhan-a", a.station()));

        JsonNode details = zhanA.get("/residents/" + ra + READ).json();
        assertThat(details.get("name").asText()).isEqualTo(pa.name());
        assertThat(ids(zhanA.get("/residents").json())).contains(ra).doesNotContain(rb);
        assertThat(ids(zhanA.get("/residents?communityId=" + a.community()).json()))
                .containsExactly(ra);
        Http.Response found = zhanA.post("/residents/lookup" + READ, Map.of("idNumber", pa.idNumber()));
        assertThat(found.json().get("id").asText()).isEqualTo(ra);

        Http.Response other = zhanA.get("/residents/" + rb + READ);
        assertForbidden(other, "id", "community_staff of " + b.community() + " or station_staff of " + b.station());
        assertThat(other.text()).doesNotContain(pb.name(), pb.phone(), pb.idNumber());
        assertForbidden(
                zhanA.get("/residents/" + rb + "/access-log"),
                "id",
                "community_staff of " + b.community() + " or station_staff of " + b.station());
        assertForbidden(
                zhanA.get("/residents?communityId=" + b.community()),
                "communityId",
                "community_staff of " + b.community() + " or station_staff of " + b.station());
        // Looking up another community's resident finds nothing, without telling where that resident lives.
        Http.Response elsewhere = zhanA.post("/residents/lookup" + READ, Map.of("idNumber", pb.idNumber()));
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.text()).doesNotContain(b.community().toString(), rb, pb.idNumber());

        // Community staff of A alike: their residents, not B's.
        Http staffOfA = as(communityStaff("sq-a", a.community()));
        assertThat(staffOfA.get("/residents/" + ra + READ).status()).isEqualTo(200);
        assertForbidden(
                staffOfA.get("/residents/" + rb + READ),
                "id",
                "community_staff of " + b.community() + " or station_staff of " + b.station());
        assertThat(ids(staffOfA.get("/residents").json())).containsExactly(ra);

        // A street centre serving both communities: its staff see both.
        UUID centre = UUID.fromString(registerStation(Http.map(
                        "name",
                        unique("梨园镇社会工作服务中心"),
                        "level",
                        "STREET_CENTRE",
                        "districtCode",
                        "110112",
                        "geohash",
                        "wx4g0c",
                        "servedCommunityIds",
                        List.of(a.community().toString(), b.community().toString())))
                .get("id")
                .asText());
        Http zhanCentre = as(stationStaff("zhan-centre", centre));
        assertThat(zhanCentre.get("/residents/" + rb + READ).json().get("name").asText())
                .isEqualTo(pb.name());
        assertThat(ids(zhanCentre.get("/residents").json())).containsExactlyInAnyOrder(ra, rb);

        // Every view is logged with the token's subject; the refused ones wrote nothing.
        assertThat(log(staffOfA, ra))
                .containsExactly("CREATE " + REGISTRAR, "READ zhan-a", "LOOKUP zhan-a", "READ sq-a");
        assertThat(log(as(communityStaff("sq-b", b.community())), rb))
                .containsExactly("CREATE " + REGISTRAR, "READ zhan-centre");
    }

    @Test
    void theHubAdminRegistersResidentsButOpensNoResidentsRecord() {
        Place a = communityWithStation();
        People.Person p = People.next();
        Http.Response registered = http().post(
                        "/residents",
                        Http.map("communityId", a.community().toString(), "name", p.name(), "idNumber", p.idNumber()));
        assertThat(registered.status())
                .as("the sample loader registers residents as the hub admin")
                .isEqualTo(201);
        String id = registered.json().get("id").asText();
        String needed = "community_staff of " + a.community() + " or station_staff of " + a.station();

        Http.Response details = http().get("/residents/" + id + READ);
        assertForbidden(details, "id", needed);
        assertThat(details.text()).doesNotContain(p.name(), p.idNumber());
        assertForbidden(http().get("/residents/" + id + "/access-log"), "id", needed);
        assertForbidden(http().get("/residents?communityId=" + a.community()), "communityId", needed);
        assertForbidden(http().get("/residents"), "GET /residents", "community_staff or station_staff");
        assertForbidden(
                http().post("/residents/lookup" + READ, Map.of("idNumber", p.idNumber())),
                "POST /residents/lookup",
                "community_staff or station_staff");

        assertThat(log(as(communityStaff("sq-a", a.community())), id))
                .containsExactly("CREATE " + TestTokens.ADMIN_SUBJECT);
    }

    @Test
    void communityStaffImportNeedListRowsOfTheirOwnCommunityOnly() {
        Place a = communityWithStation();
        Place b = communityWithStation();
        registerResident(b.community(), People.next(), "B-7");
        Instant start = daysAhead(4);
        List<String> headers = List.of("社区", "居民编号", "类别", "紧急程度", "服务对象", "标题", "开始时间", "结束时间");
        byte[] file = NeedLists.xlsx(
                headers,
                List.of(
                        List.of(
                                a.communityName(),
                                "",
                                "上门维修",
                                "立即",
                                "高龄老人",
                                "门锁",
                                start.toString(),
                                start.plus(1, ChronoUnit.HOURS).toString()),
                        List.of(
                                b.communityName(),
                                "B-7",
                                "助餐",
                                "常规",
                                "独居老人",
                                "送餐",
                                start.toString(),
                                start.plus(1, ChronoUnit.HOURS).toString()),
                        List.of(
                                b.community().toString(),
                                "",
                                "助餐",
                                "常规",
                                "独居老人",
                                "送餐",
                                start.toString(),
                                start.plus(1, ChronoUnit.HOURS).toString())));
        int jobs = count("import_job");

        assertForbidden(
                as(TestTokens.token("vol-4", Roles.VOLUNTEER, Roles.VOLUNTEER_ID, UUID.randomUUID()))
                        .upload("/imports", "x.xlsx", file),
                "POST /imports",
                "community_staff");
        assertForbidden(
                as(stationStaff("zhan-a", a.station())).upload("/imports", "x.xlsx", file),
                "POST /imports",
                "community_staff");
        assertForbidden(
                as(TestTokens.token("sq-none", List.of(Roles.COMMUNITY_STAFF), Map.of()))
                        .upload("/imports", "x.xlsx", file),
                "community_id",
                "community_staff of a community");
        assertThat(count("import_job")).isEqualTo(jobs);

        Http.Response upload = as(communityStaff("sq-a", a.community())).upload("/imports", "两个社区.xlsx", file);
        assertThat(upload.status()).as(upload.text()).isEqualTo(202);
        assertThat(upload.json().get("communityId").asText())
                .isEqualTo(a.community().toString());
        String job = upload.json().get("id").asText();
        await().atMost(WAIT)
                .until(() -> http().get("/imports/" + job)
                        .json()
                        .get("state")
                        .asText()
                        .equals("COMPLETED"));
        JsonNode done = http().get("/imports/" + job).json();
        assertThat(done.get("published").asInt()).isEqualTo(1);
        assertThat(done.get("rejected").asInt()).isEqualTo(2);
        JsonNode rejections = http().get("/imports/" + job + "/rejections").json();
        assertThat(rejections)
                .extracting(r -> r.get("row").asInt() + " " + r.get("column").asText())
                .containsExactly("3 社区", "4 社区");
        assertThat(rejections)
                .allSatisfy(r -> assertThat(r.get("reason").asText()).contains("本社区"));
        assertThat(needsOf(b.community())).isZero();
        assertThat(needsOf(a.community())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT actor FROM import_job WHERE id = ?::uuid", String.class, job))
                .isEqualTo("sq-a");
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static void assertForbidden(Http.Response r, String field, String required) {
        Problems.assertForbidden(r.status(), r.contentType(), r.json(), r.text(), field, required);
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
    }

    private int needsOf(UUID community) {
        return jdbc.queryForObject("SELECT count(*) FROM need WHERE community_id = ?", Integer.class, community);
    }

    private int residentsOf(UUID community) {
        return jdbc.queryForObject("SELECT count(*) FROM resident WHERE community_id = ?", Integer.class, community);
    }

    private static List<String> ids(JsonNode residents) {
        List<String> ids = new ArrayList<>();
        residents.forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }

    private static List<String> log(Http reader, String resident) {
        List<String> lines = new ArrayList<>();
        reader.get("/residents/" + resident + "/access-log")
                .json()
                .forEach(e -> lines.add(
                        e.get("action").asText() + " " + e.get("actor").asText()));
        return lines;
    }
}
