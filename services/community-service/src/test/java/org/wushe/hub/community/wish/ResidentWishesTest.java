package org.wushe.hub.community.wish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.wushe.hub.community.support.GridScenario;
import org.wushe.hub.community.support.People;
import org.wushe.hub.events.community.FollowUpRecorded;
import org.wushe.hub.events.community.FollowUpRecorder;
import org.wushe.hub.events.community.ServiceRated;
import org.wushe.hub.events.community.WishSubmitted;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * A resident's own pages on the real stack, with real signed tokens: a resident sends wishes and sees only their own wishes,
 * needs and ratings; the community's staff accept a wish as a MICRO_WISH need only with the resident's consent (another
 * community's staff, the station's staff and the hub admin refused); a fulfilled need is rated once, its comment screened;
 * a low rating opens a follow-up that the station's own staff record; the events carry no text and no resident.
 */
class ResidentWishesTest extends GridScenario {

    /** A resident's own account: role resident, their record and its community. */
    static String resident(String subject, String residentId, UUID community) {
        return TestTokens.token(
                subject,
                List.of(Roles.RESIDENT),
                Map.of(Roles.RESIDENT_ID, residentId, Roles.COMMUNITY_ID, community.toString()));
    }

    record Two(
            Place a,
            Place b,
            People.Person zhangPerson,
            String zhangId,
            String liId,
            String otherId,
            Http zhang,
            Http li,
            Http staffA,
            Http stationA,
            Http staffB,
            Http stationB) {}

    Two two() {
        Place a = communityWithStation();
        Place b = communityWithStation();
        People.Person zhang = People.next();
        String zhangId =
                registerResident(a.community(), zhang, unique("W")).get("id").asText();
        String liId = registerResident(a.community(), People.next(), unique("W"))
                .get("id")
                .asText();
        String otherId = registerResident(b.community(), People.next(), unique("W"))
                .get("id")
                .asText();
        return new Two(
                a,
                b,
                zhang,
                zhangId,
                liId,
                otherId,
                as(resident("jumin-zhang", zhangId, a.community())),
                as(resident("jumin-li", liId, a.community())),
                as(communityStaff("sq-he", a.community())),
                as(stationStaff("zhan-li", a.station())),
                as(communityStaff("sq-other", b.community())),
                as(stationStaff("zhan-other", b.station())));
    }

    static Map<String, Object> wish(String title, boolean consent) {
        return Http.map(
                "category",
                "DAILY_GOODS",
                "title",
                title,
                "description",
                "腿脚不便，想要一个助行器 a walking frame",
                "consentToShare",
                consent);
    }

    static String id(Http.Response r, int status) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        return r.json().get("id").asText();
    }

    static List<String> ids(Http.Response r, String field) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().forEach(n -> ids.add(n.get(field).asText()));
        return ids;
    }

    /** Accepted by the community's staff: the need's id. */
    String accepted(Two t, String wishId) {
        Http.Response r = t.staffA()
                .post(
                        "/wishes/" + wishId + "/accept",
                        Http.map(
                                "urgency",
                                "SOON",
                                "beneficiaryGroup",
                                "VERY_OLD",
                                "quantity",
                                Http.map("amount", 1, "unit", "PIECE")));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json().get("needId").asText();
    }

    void fulfil(Two t, String needId) {
        for (String status : List.of("MATCHED", "ACCEPTED", "IN_SERVICE", "FULFILLED")) {
            Http.Response r = t.staffA().post("/needs/" + needId + "/status", Http.map("status", status));
            assertThat(r.status()).as(r.text()).isEqualTo(200);
        }
    }

    @Test
    void aResidentSeesOnlyTheirOwnWishesAndNeedsAndOnlyTheirCommunitysStaffAcceptAWish() {
        Two t = two();
        String mine = id(t.zhang().post("/residents/me/wishes", wish("想要一个助行器", true)), 201);
        String theirs = id(t.li().post("/residents/me/wishes", wish("想请人帮忙买菜", false)), 201);
        assertThat(t.zhang()
                        .get("/residents/me/wishes")
                        .json()
                        .get(0)
                        .get("status")
                        .asText())
                .isEqualTo("PENDING");
        assertThat(ids(t.zhang().get("/residents/me/wishes"), "id")).containsExactly(mine);
        assertThat(ids(t.li().get("/residents/me/wishes"), "id")).containsExactly(theirs);

        // Personal data in a wish's texts: refused naming the field, nothing kept.
        int wishes = count("resident_wish");
        assertProblem(
                t.zhang()
                        .post(
                                "/residents/me/wishes",
                                wish("请打" + t.zhangPerson().phone() + "联系我", true)),
                400,
                "title");
        assertProblem(
                t.zhang()
                        .post(
                                "/residents/me/wishes",
                                Http.map(
                                        "category",
                                        "DAILY_GOODS",
                                        "title",
                                        "助行器",
                                        "description",
                                        "身份证 " + t.zhangPerson().idNumber(),
                                        "consentToShare",
                                        true)),
                400,
                "description");
        assertProblem(
                t.zhang().post("/residents/me/wishes", Http.map("category", "DAILY_GOODS", "title", "助行器")),
                400,
                "consentToShare");

        // A token naming a record of another community, or another community than the record's: nothing opens.
        String required = "resident with the resident_id and community_id of a record of that community";
        assertForbidden(
                as(resident("jumin-x", t.otherId(), t.a().community())).get("/residents/me/wishes"),
                "resident_id",
                required);
        assertForbidden(
                as(resident("jumin-y", t.zhangId(), t.b().community())).get("/residents/me/needs"),
                "resident_id",
                required);
        assertForbidden(
                as(resident("jumin-z", t.zhangId(), t.b().community())).post("/residents/me/wishes", wish("助行器", true)),
                "resident_id",
                required);
        assertForbidden(t.staffA().get("/residents/me/wishes"), "Authorization", "resident");
        assertThat(count("resident_wish")).isEqualTo(wishes);

        // A resident reads no one else's: not the town's needs, not the desk's wishes.
        assertThat(t.zhang().get("/needs?communityId=" + t.a().community()).status())
                .isEqualTo(403);
        assertThat(t.zhang().get("/wishes/" + theirs).status()).isEqualTo(403);
        assertThat(t.zhang()
                        .get("/communities/" + t.a().community() + "/wishes")
                        .status())
                .isEqualTo(403);
        assertThat(t.zhang()
                        .post("/wishes/" + theirs + "/decline", Http.map("reason", "不需要"))
                        .status())
                .isEqualTo(403);

        // The desk: the community's staff and the serving station's read; another community's do not.
        String desk = "community_staff of " + t.a().community() + " or station_staff of " + t.a().station();
        assertForbidden(t.staffB().get("/communities/" + t.a().community() + "/wishes"), "communityId", desk);
        assertForbidden(t.stationB().get("/wishes/" + mine), "id", desk);
        assertThat(ids(t.stationA().get("/communities/" + t.a().community() + "/wishes?status=PENDING"), "id"))
                .containsExactly(mine, theirs);

        // Accepting: the community's own staff only (not another community's, not the station's, not the hub admin).
        String staffOnly = "community_staff of " + t.a().community();
        Map<String, Object> accept = Http.map(
                "urgency", "SOON", "beneficiaryGroup", "VERY_OLD", "quantity", Http.map("amount", 1, "unit", "PIECE"));
        int needs = count("need");
        assertForbidden(t.staffB().post("/wishes/" + mine + "/accept", accept), "id", staffOnly);
        assertForbidden(t.stationA().post("/wishes/" + mine + "/accept", accept), "id", staffOnly);
        assertForbidden(http().post("/wishes/" + mine + "/accept", accept), "id", staffOnly);
        assertThat(count("need")).isEqualTo(needs);

        String needId = accepted(t, mine);
        JsonNode need = http().get("/needs/" + needId).json();
        assertThat(need.get("source").asText()).isEqualTo("MICRO_WISH");
        assertThat(need.get("beneficiaryCount").asInt()).isEqualTo(1);
        assertThat(need.get("category").asText()).isEqualTo("DAILY_GOODS");
        assertThat(need.get("title").asText()).isEqualTo("想要一个助行器");
        assertThat(jdbc.queryForObject(
                        "SELECT consent_to_share AND status = 'ACCEPTED' AND need_id = ?::uuid FROM resident_wish WHERE id = ?::uuid",
                        Boolean.class,
                        needId,
                        mine))
                .isTrue();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM need n JOIN resident r ON r.id = n.resident_id WHERE n.id = ?::uuid AND r.id = ?::uuid",
                        Integer.class,
                        needId,
                        t.zhangId()))
                .isEqualTo(1);
        assertProblem(t.staffA().post("/wishes/" + mine + "/accept", accept), 409, "id");

        // Without the resident's consent a wish becomes no published need; it is declined with a reason the resident
        // reads.
        assertProblem(t.staffA().post("/wishes/" + theirs + "/accept", accept), 409, "consentToShare");
        assertProblem(t.staffA().post("/wishes/" + theirs + "/decline", Http.map()), 400, "reason");
        Http.Response declined = t.staffA().post("/wishes/" + theirs + "/decline", Http.map("reason", "已转社区超市志愿者每周送菜"));
        assertThat(declined.status()).as(declined.text()).isEqualTo(200);
        JsonNode liWish = t.li().get("/residents/me/wishes").json().get(0);
        assertThat(liWish.get("status").asText()).isEqualTo("DECLINED");
        assertThat(liWish.get("declineReason").asText()).isEqualTo("已转社区超市志愿者每周送菜");

        // Each follows their own needs only.
        assertThat(ids(t.zhang().get("/residents/me/needs"), "id")).containsExactly(needId);
        assertThat(t.zhang()
                        .get("/residents/me/wishes")
                        .json()
                        .get(0)
                        .get("needId")
                        .asText())
                .isEqualTo(needId);
        assertThat(ids(t.li().get("/residents/me/needs"), "id")).isEmpty();
        assertThat(t.zhang().get("/needs/" + needId).status())
                .as("a resident reads their needs on their own page")
                .isEqualTo(403);
    }

    @Test
    void aFulfilledNeedIsRatedOnceByItsResidentAndALowRatingIsFollowedUpByTheStation() {
        Two t = two();
        String wishId = id(t.zhang().post("/residents/me/wishes", wish("想要一个助行器", true)), 201);
        String needId = accepted(t, wishId);
        Map<String, Object> low = Http.map("stars", 2, "comment", "师傅来晚了两个小时");

        assertProblem(t.zhang().post("/residents/me/needs/" + needId + "/rating", low), 409, "needId");
        fulfil(t, needId);

        // Not another resident's, not with personal data, not out of range; nothing kept.
        assertProblem(t.li().post("/residents/me/needs/" + needId + "/rating", low), 404, "needId");
        assertProblem(t.zhang().post("/residents/me/needs/" + UUID.randomUUID() + "/rating", low), 404, "needId");
        assertProblem(
                t.zhang()
                        .post(
                                "/residents/me/needs/" + needId + "/rating",
                                Http.map(
                                        "stars",
                                        1,
                                        "comment",
                                        "有事打我电话 " + t.zhangPerson().phone())),
                400,
                "comment");
        assertProblem(
                t.zhang()
                        .post(
                                "/residents/me/needs/" + needId + "/rating",
                                Http.map(
                                        "stars",
                                        1,
                                        "comment",
                                        "我的身份证号" + t.zhangPerson().idNumber())),
                400,
                "comment");
        assertProblem(t.zhang().post("/residents/me/needs/" + needId + "/rating", Http.map("stars", 6)), 400, "stars");
        assertProblem(
                t.zhang().post("/residents/me/needs/" + needId + "/rating", Http.map("comment", "好")), 400, "stars");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM service_rating WHERE need_id = ?::uuid", Integer.class, needId))
                .isZero();
        assertForbidden(t.staffA().post("/residents/me/needs/" + needId + "/rating", low), "Authorization", "resident");

        Http.Response rated = t.zhang().post("/residents/me/needs/" + needId + "/rating", low);
        assertThat(rated.status()).as(rated.text()).isEqualTo(201);
        assertThat(rated.json().get("followUp").asText()).isEqualTo("OPEN");
        assertProblem(t.zhang().post("/residents/me/needs/" + needId + "/rating", Http.map("stars", 5)), 409, "needId");
        assertThat(ids(t.zhang().get("/residents/me/ratings"), "needId")).containsExactly(needId);
        assertThat(ids(t.li().get("/residents/me/ratings"), "needId")).isEmpty();

        // The follow-up: the need's station's own staff (not another station's, the community's staff or the hub
        // admin).
        String stationOnly = "station_staff of " + t.a().station() + " or social_worker assigned to " + t.a().station();
        assertForbidden(t.stationB().get("/stations/" + t.a().station() + "/follow-ups"), "stationId", stationOnly);
        assertForbidden(t.staffA().get("/stations/" + t.a().station() + "/follow-ups"), "stationId", stationOnly);
        assertForbidden(http().get("/stations/" + t.a().station() + "/follow-ups"), "stationId", stationOnly);
        assertForbidden(t.zhang().get("/stations/" + t.a().station() + "/follow-ups"), "stationId", stationOnly);
        JsonNode open = t.stationA()
                .get("/stations/" + t.a().station() + "/follow-ups?status=OPEN")
                .json();
        assertThat(open).hasSize(1);
        assertThat(open.get(0).get("needId").asText()).isEqualTo(needId);
        assertThat(open.get(0).get("stars").asInt()).isEqualTo(2);
        assertThat(open.get(0).get("comment").asText()).isEqualTo("师傅来晚了两个小时");
        String followUp = open.get(0).get("id").asText();

        assertForbidden(t.stationB().post("/follow-ups/" + followUp, Http.map("outcome", "已回访")), "id", stationOnly);
        assertForbidden(t.staffA().post("/follow-ups/" + followUp, Http.map("outcome", "已回访")), "id", stationOnly);
        assertProblem(
                t.stationA()
                        .post(
                                "/follow-ups/" + followUp,
                                Http.map("outcome", "居民电话 " + t.zhangPerson().phone())),
                400,
                "outcome");
        assertProblem(t.stationA().post("/follow-ups/" + followUp, Http.map()), 400, "outcome");
        Http.Response recorded =
                t.stationA().post("/follow-ups/" + followUp, Http.map("outcome", "已上门回访，向居民致歉，下次提前联系"));
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(200);
        assertThat(recorded.json().get("status").asText()).isEqualTo("RECORDED");
        assertThat(recorded.json().get("recordedBy").asText()).isEqualTo("zhan-li");
        assertThat(recorded.json().get("recordedRole").asText()).isEqualTo("station_staff");
        assertProblem(t.stationA().post("/follow-ups/" + followUp, Http.map("outcome", "再次回访")), 409, "id");
        assertThat(t.zhang()
                        .get("/residents/me/ratings")
                        .json()
                        .get(0)
                        .get("followUp")
                        .asText())
                .isEqualTo("RECORDED");

        // A good rating asks for no follow-up.
        String second = accepted(t, id(t.zhang().post("/residents/me/wishes", wish("想请人上门理发", true)), 201));
        fulfil(t, second);
        Http.Response good =
                t.zhang().post("/residents/me/needs/" + second + "/rating", Http.map("stars", 5, "comment", "很满意"));
        assertThat(good.status()).as(good.text()).isEqualTo(201);
        assertThat(good.json().path("followUp").isMissingNode()
                        || good.json().path("followUp").isNull())
                .as(good.text())
                .isTrue();
        assertThat(t.stationA()
                        .get("/stations/" + t.a().station() + "/follow-ups")
                        .json())
                .hasSize(1);

        // The events: ids, kinds and stars only; no title, description, comment, outcome or resident.
        List<ConsumerRecord<String, byte[]>> records = records(
                Aggregate.NEED,
                Set.of(wishId, needId, second),
                rs -> rs.stream()
                                .filter(r -> !(codec.decode(r.value())
                                                instanceof org.wushe.hub.events.community.NeedPublished
                                        || codec.decode(r.value()) instanceof org.wushe.hub.events.community.NeedUpdated
                                        || codec.decode(r.value())
                                                instanceof org.wushe.hub.events.community.NeedClosed))
                                .count()
                        >= 4);
        List<ConsumerRecord<String, byte[]>> ours = records.stream()
                .filter(r -> {
                    SpecificRecord e = codec.decode(r.value());
                    return e instanceof WishSubmitted || e instanceof ServiceRated || e instanceof FollowUpRecorded;
                })
                .toList();
        List<SpecificRecord> events =
                ours.stream().map(r -> codec.decode(r.value())).toList();
        WishSubmitted submitted = (WishSubmitted) events.stream()
                .filter(WishSubmitted.class::isInstance)
                .findFirst()
                .orElseThrow();
        assertThat(submitted.getWishId().toString()).isEqualTo(wishId);
        assertThat(submitted.getCommunityId()).isEqualTo(t.a().community());
        assertThat(submitted.getStationId()).isEqualTo(t.a().station());
        assertThat(ours.stream()
                        .filter(r -> codec.decode(r.value()) instanceof WishSubmitted)
                        .map(ConsumerRecord::key))
                .containsExactly(wishId);
        ServiceRated rating = (ServiceRated) events.stream()
                .filter(e ->
                        e instanceof ServiceRated s && s.getNeedId().toString().equals(needId))
                .findFirst()
                .orElseThrow();
        assertThat(rating.getStars()).isEqualTo(2);
        assertThat(rating.getFollowUpOpened()).isTrue();
        assertThat(rating.getStationId()).isEqualTo(t.a().station());
        assertThat(events.stream()
                        .filter(e -> e instanceof ServiceRated s
                                && s.getNeedId().toString().equals(second))
                        .map(e -> ((ServiceRated) e).getFollowUpOpened()))
                .containsExactly(false);
        FollowUpRecorded done = (FollowUpRecorded) events.stream()
                .filter(FollowUpRecorded.class::isInstance)
                .findFirst()
                .orElseThrow();
        assertThat(done.getNeedId().toString()).isEqualTo(needId);
        assertThat(done.getRecordedBy()).isEqualTo(FollowUpRecorder.STATION_STAFF);
        assertThat(ours.stream()
                        .filter(r -> !(codec.decode(r.value()) instanceof WishSubmitted))
                        .map(ConsumerRecord::key))
                .allMatch(k -> k.equals(needId) || k.equals(second));

        String residentRef = jdbc.queryForObject(
                "SELECT resident_ref::text FROM resident WHERE id = ?::uuid", String.class, t.zhangId());
        List<String> secret = List.of(
                "助行器",
                "walking frame",
                "师傅来晚了",
                "很满意",
                "已上门回访",
                "理发",
                t.zhangId(),
                residentRef,
                t.zhangPerson().name(),
                t.zhangPerson().phone(),
                t.zhangPerson().idNumber(),
                "jumin-zhang");
        List<String> found = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : ours) {
            StringBuilder all = new StringBuilder(r.key()).append(new String(r.value(), StandardCharsets.UTF_8));
            r.headers()
                    .forEach(h -> all.append(h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8)));
            secret.stream().filter(s -> all.indexOf(s) >= 0).forEach(found::add);
        }
        assertThat(found)
                .as("texts or the resident in WishSubmitted, ServiceRated, FollowUpRecorded")
                .isEmpty();
    }

    @Test
    void erasingTheResidentErasesTheirWordsAndTheirAccountOpensNothing() {
        Two t = two();
        String wishId = id(t.zhang().post("/residents/me/wishes", wish("想要一个助行器", true)), 201);
        String needId = accepted(t, wishId);
        fulfil(t, needId);
        assertThat(t.zhang()
                        .post("/residents/me/needs/" + needId + "/rating", Http.map("stars", 1, "comment", "没人来"))
                        .status())
                .isEqualTo(201);
        String pending = id(t.zhang().post("/residents/me/wishes", wish("想请人陪我去医院", true)), 201);
        String liWish = id(t.li().post("/residents/me/wishes", wish("想请人帮忙买菜", true)), 201);

        Http.Response erased =
                t.staffA().post("/residents/" + t.zhangId() + "/erasure", Http.map("reason", "本人申请删除 PIPL art. 47"));
        assertThat(erased.status()).as(erased.text()).isEqualTo(204);

        assertThat(jdbc.queryForList(
                        "SELECT title FROM resident_wish WHERE resident_id = ?::uuid", String.class, t.zhangId()))
                .hasSize(2)
                .allMatch(WishRepository.ERASED::equals);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM resident_wish WHERE resident_id = ?::uuid AND description IS NOT NULL",
                        Integer.class,
                        t.zhangId()))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT comment FROM service_rating WHERE need_id = ?::uuid", String.class, needId))
                .isNull();
        assertThat(jdbc.queryForObject(
                        "SELECT stars FROM service_rating WHERE need_id = ?::uuid", Integer.class, needId))
                .isEqualTo(1);
        assertThat(t.stationA().get("/wishes/" + pending).json().get("title").asText())
                .isEqualTo(WishRepository.ERASED);
        assertThat(t.stationA().get("/wishes/" + liWish).json().get("title").asText())
                .as("another resident's words stay")
                .isEqualTo("想请人帮忙买菜");
        assertForbidden(
                t.zhang().get("/residents/me/wishes"),
                "resident_id",
                "resident with the resident_id and community_id of a record of that community");
    }
}
