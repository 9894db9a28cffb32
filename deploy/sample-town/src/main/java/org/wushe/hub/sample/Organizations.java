package org.wushe.hub.sample;

import static org.wushe.hub.sample.SampleTown.body;
import static org.wushe.hub.sample.SampleTown.day;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.wushe.hub.sample.SampleTown.CommunityRef;

/**
 * 社会组织 The town's hub of social organizations and those it incubates, their service capacity, projects and
 * grants (公益创投), at organization-service.
 */
final class Organizations {

    private final Rest rest;
    private final SampleTown.Endpoints api;

    Organizations(Rest rest, SampleTown.Endpoints api) {
        this.rest = rest;
        this.api = api;
    }

    /** Social organizations, their capacity and projects; returns {organizations, capacities, projects, grants}. */
    int[] load(Random r, List<CommunityRef> communities, LocalDate today) {
        Set<String> codes = new HashSet<>();
        CommunityRef centre = communities.get(3);
        JsonNode hub = Rest.join(rest.post(
                api.organization() + "/organizations",
                body(
                        "name",
                        "永顺镇社区社会组织联合会",
                        "kind",
                        "OTHER",
                        "legalStatus",
                        "REGISTERED",
                        "unifiedSocialCreditCode",
                        People.creditCode(r, '5', '1', codes),
                        "stage",
                        "MATURE",
                        "hub",
                        true,
                        "communityId",
                        centre.id(),
                        "districtCode",
                        Town.DISTRICT,
                        "streetCode",
                        Town.STREET,
                        "geohash",
                        centre.geohash(),
                        "serviceCategories",
                        List.of("COMPANIONSHIP", "CULTURAL_EVENT", "MEDIATION"),
                        "monthlyServiceCapacity",
                        400)));
        String hubId = hub.get("id").asText();
        // {name, kind, legal status, stage, incubated by the hub, home community}
        Object[][] plan = {
            {"心连心志愿服务队", "VOLUNTEER_SERVICE", "FILED", "START_UP", true, 0},
            {"夕阳红文化艺术团", "CULTURE", "FILED", "SPROUTING", true, 4},
            {"和事佬邻里调解工作室", "DELIBERATION", "FILED", "START_UP", true, 6},
            {"乐活健身队", "SPORTS", "FILED", "SPROUTING", true, 9},
            {"北京惠民社会工作事务所", "SOCIAL_WORK_AGENCY", "REGISTERED", "GROWING", false, 3},
            {"彩虹助学公益服务中心", "CHARITY", "REGISTERED", "START_UP", false, 10},
            {"阳光心理健康服务中心", "SOCIAL_WORK_AGENCY", "REGISTERED", "MATURE", false, 5},
        };
        List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
        for (Object[] p : plan) {
            CommunityRef home = communities.get((Integer) p[5]);
            Map<String, Object> b = body(
                    "name",
                    p[0],
                    "kind",
                    p[1],
                    "legalStatus",
                    p[2],
                    "stage",
                    p[3],
                    "communityId",
                    home.id(),
                    "districtCode",
                    Town.DISTRICT,
                    "streetCode",
                    Town.STREET,
                    "geohash",
                    home.geohash(),
                    "monthlyServiceCapacity",
                    40 + r.nextInt(120));
            if ((Boolean) p[4]) {
                b.put("hubOrganizationId", hubId);
            }
            if ("REGISTERED".equals(p[2])) {
                b.put("unifiedSocialCreditCode", People.creditCode(r, '5', '2', codes));
            }
            calls.add(rest.post(api.organization() + "/organizations", b));
        }
        List<JsonNode> orgs = Rest.all(calls);
        List<String> all = communities.stream().map(CommunityRef::id).toList();
        // {organization index, title, category, skills, groups, per session, minutes, slots}
        List<CompletableFuture<JsonNode>> capacities = new ArrayList<>();
        capacities.add(capacity(
                orgs.get(0),
                "独居老人陪伴探访",
                "COMPANIONSHIP",
                List.of("ELDER_CARE"),
                List.of("ELDERLY_ALONE", "CHILDLESS_ELDERLY", "VERY_OLD"),
                4,
                60,
                List.of(
                        day("TUESDAY", "09:00", "11:00"),
                        day("THURSDAY", "09:00", "11:00"),
                        day("SATURDAY", "14:00", "16:00")),
                today,
                all));
        capacities.add(capacity(
                orgs.get(0),
                "陪同就医",
                "ESCORT",
                List.of("DRIVING"),
                List.of(),
                2,
                180,
                List.of(day("MONDAY", "08:00", "11:00"), day("WEDNESDAY", "08:00", "11:00")),
                today,
                all));
        capacities.add(capacity(
                orgs.get(1),
                "文艺演出进社区",
                "CULTURAL_EVENT",
                List.of("CULTURAL_ARTS"),
                List.of(),
                50,
                120,
                List.of(day("SATURDAY", "14:00", "17:00")),
                today,
                all));
        capacities.add(capacity(
                orgs.get(2),
                "邻里纠纷调解",
                "MEDIATION",
                List.of("MEDIATION"),
                List.of(),
                3,
                90,
                List.of(day("WEDNESDAY", "14:00", "17:00"), day("FRIDAY", "14:00", "17:00")),
                today,
                all));
        capacities.add(capacity(
                orgs.get(3),
                "广场健身操教学",
                "CULTURAL_EVENT",
                List.of("SPORTS_FITNESS"),
                List.of(),
                30,
                60,
                List.of(day("TUESDAY", "19:00", "20:30"), day("THURSDAY", "19:00", "20:30")),
                today,
                all));
        capacities.add(capacity(
                orgs.get(4),
                "困境儿童四点半课堂",
                "TUTORING",
                List.of("TUTORING"),
                List.of("CHILD_IN_HARDSHIP", "LOW_INCOME_FAMILY"),
                15,
                90,
                List.of(
                        day("MONDAY", "16:30", "18:00"),
                        day("WEDNESDAY", "16:30", "18:00"),
                        day("FRIDAY", "16:30", "18:00")),
                today,
                all));
        capacities.add(capacity(
                orgs.get(4),
                "个案心理辅导",
                "PSYCHOLOGICAL_SUPPORT",
                List.of("PSYCHOLOGICAL_COUNSELLING"),
                List.of(),
                2,
                60,
                List.of(day("TUESDAY", "14:00", "17:00")),
                today,
                all));
        capacities.add(capacity(
                orgs.get(5),
                "困境儿童学业帮扶",
                "TUTORING",
                List.of("TUTORING"),
                List.of("CHILD_IN_HARDSHIP"),
                10,
                90,
                List.of(day("SATURDAY", "09:00", "11:00"), day("SUNDAY", "09:00", "11:00")),
                today,
                all));
        capacities.add(capacity(
                orgs.get(6),
                "老年人心理关爱",
                "PSYCHOLOGICAL_SUPPORT",
                List.of("PSYCHOLOGICAL_COUNSELLING"),
                List.of("CHILDLESS_ELDERLY", "ELDERLY_ALONE", "DISABLED"),
                3,
                60,
                List.of(day("MONDAY", "09:00", "12:00"), day("THURSDAY", "09:00", "12:00")),
                today,
                all));
        capacities.add(capacity(
                hub,
                "重阳节敬老活动组织",
                "CULTURAL_EVENT",
                List.of("EVENT_ORGANIZING"),
                List.of(),
                40,
                120,
                List.of(day("SUNDAY", "09:00", "12:00")),
                today,
                all));
        int capacityCount = Rest.all(capacities).size();

        JsonNode p1 = Rest.join(rest.post(
                api.organization() + "/organizations/" + orgs.get(4).get("id").asText() + "/projects",
                body(
                        "title",
                        "困境儿童成长陪伴计划",
                        "goal",
                        "为辖区困境儿童提供课业辅导、心理陪伴和学习空间改造",
                        "category",
                        "TUTORING",
                        "beneficiaryGroup",
                        "CHILD_IN_HARDSHIP",
                        "targetPeople",
                        60,
                        "startsOn",
                        today.minusDays(30).toString(),
                        "endsOn",
                        today.plusDays(300).toString(),
                        "budgetFen",
                        12_000_000L,
                        "servedCommunityIds",
                        all)));
        JsonNode p2 = Rest.join(rest.post(
                api.organization() + "/organizations/" + orgs.get(0).get("id").asText() + "/projects",
                body(
                        "title",
                        "独居老人关爱行动",
                        "goal",
                        "组织志愿者定期探访独居老人，建立一户一档关爱台账",
                        "category",
                        "COMPANIONSHIP",
                        "beneficiaryGroup",
                        "ELDERLY_ALONE",
                        "targetPeople",
                        200,
                        "startsOn",
                        today.minusDays(60).toString(),
                        "endsOn",
                        today.plusDays(200).toString(),
                        "budgetFen",
                        5_000_000L,
                        "servedCommunityIds",
                        all)));
        Rest.join(rest.post(
                api.organization() + "/organizations/" + orgs.get(1).get("id").asText() + "/projects",
                body(
                        "title",
                        "运河邻里文化节",
                        "goal",
                        "以文艺演出凝聚邻里，丰富居民文化生活",
                        "category",
                        "CULTURAL_EVENT",
                        "beneficiaryGroup",
                        "ALL_RESIDENTS",
                        "targetPeople",
                        2000,
                        "startsOn",
                        today.toString(),
                        "endsOn",
                        today.plusDays(90).toString(),
                        "budgetFen",
                        3_000_000L,
                        "servedCommunityIds",
                        all)));
        Rest.all(List.of(
                rest.post(
                        api.organization() + "/projects/" + p1.get("id").asText() + "/grants",
                        body(
                                "programme",
                                "通州区公益创投大赛",
                                "funder",
                                "通州区民政局",
                                "amountFen",
                                8_000_000L,
                                "awardedOn",
                                today.minusDays(20).toString())),
                rest.post(
                        api.organization() + "/projects/" + p2.get("id").asText() + "/grants",
                        body(
                                "programme",
                                "永顺镇社区基金资助",
                                "funder",
                                "永顺镇社区基金议事委员会",
                                "amountFen",
                                3_000_000L,
                                "awardedOn",
                                today.minusDays(45).toString()))));
        return new int[] {1 + orgs.size(), capacityCount, 3, 2};
    }

    private CompletableFuture<JsonNode> capacity(
            JsonNode org,
            String title,
            String category,
            List<String> skills,
            List<String> groups,
            int perSlot,
            int minutes,
            List<Map<String, Object>> slots,
            LocalDate today,
            List<String> communities) {
        return rest.post(
                api.organization() + "/organizations/" + org.get("id").asText() + "/capacities",
                body(
                        "title",
                        title,
                        "category",
                        category,
                        "skills",
                        skills,
                        "languages",
                        List.of(),
                        "beneficiaryGroups",
                        groups,
                        "capacityPerSlot",
                        perSlot,
                        "sessionMinutes",
                        minutes,
                        "weeklySlots",
                        slots,
                        "validFrom",
                        today.toString(),
                        "validUntil",
                        today.plusDays(180).toString(),
                        "servedCommunityIds",
                        communities));
    }
}
