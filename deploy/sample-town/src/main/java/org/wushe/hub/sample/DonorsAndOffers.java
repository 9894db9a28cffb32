package org.wushe.hub.sample;

import static org.wushe.hub.sample.SampleTown.DAYS;
import static org.wushe.hub.sample.SampleTown.body;
import static org.wushe.hub.sample.SampleTown.day;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.wushe.hub.sample.SampleTown.CommunityRef;

/**
 * 捐赠方与资源 Donors (caring shops, enterprises, property managers, community funds, hospitals, banks, law firms,
 * repair platforms, foundations, government purchase) and their offers (goods, services, funds, venues), at
 * resource-service.
 */
final class DonorsAndOffers {

    private final Rest rest;
    private final SampleTown.Endpoints api;
    private final SampleTown.Settings settings;

    DonorsAndOffers(Rest rest, SampleTown.Endpoints api, SampleTown.Settings settings) {
        this.rest = rest;
        this.api = api;
        this.settings = settings;
    }

    /** Donors and their offers; returns {donors, offers, goods, services, funds, venues}. */
    int[] load(Random r, List<CommunityRef> communities, LocalDate today) {
        List<String[]> donors = donorPlan(r, communities);
        Set<String> codes = new HashSet<>();
        List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
        List<Integer> homes = new ArrayList<>();
        for (String[] d : donors) {
            int home = Integer.parseInt(d[2]);
            homes.add(home);
            CommunityRef c = communities.get(home);
            Geo.Point at = new Geo.Point(c.lat(), c.lon()).jitter(r, 400);
            Map<String, Object> b = body(
                    "name",
                    d[0],
                    "kind",
                    d[1],
                    "communityId",
                    c.id(),
                    "description",
                    d[3],
                    "place",
                    body(
                            "districtCode",
                            Town.DISTRICT,
                            "streetCode",
                            Town.STREET,
                            "communityId",
                            c.id(),
                            "geohash",
                            at.cell(),
                            "latitude",
                            at.lat(),
                            "longitude",
                            at.lon()));
            if (!d[1].equals("COMMUNITY_FUND") && !d[1].equals("GOVERNMENT_PURCHASE")) {
                b.put("unifiedSocialCreditCode", People.creditCode(r, '9', '1', codes));
            }
            calls.add(rest.post(api.resource() + "/donors", b));
        }
        List<JsonNode> registered = Rest.all(calls);
        int[] counts = new int[6];
        counts[0] = registered.size();
        List<CompletableFuture<JsonNode>> offers = new ArrayList<>();
        Instant now = Instant.now();
        for (int j = 0; j < settings.offers(); j++) {
            int d = j % donors.size();
            String kind = donors.get(d)[1];
            String donorName = donors.get(d)[0];
            CommunityRef home = communities.get(homes.get(d));
            Map<String, Object> offer = offer(r, kind, donorName, home, communities, today, now);
            offer.put("donorId", registered.get(d).get("id").asText());
            String offerKind = (String) offer.get("kind");
            counts[
                    switch (offerKind) {
                        case "GOODS" -> 2;
                        case "SERVICE" -> 3;
                        case "FUND" -> 4;
                        default -> 5;
                    }]++;
            offers.add(rest.post(api.resource() + "/offers", offer));
        }
        counts[1] = Rest.all(offers).size();
        return counts;
    }

    /** {name, kind, home community index, description} for each donor. */
    private List<String[]> donorPlan(Random r, List<CommunityRef> communities) {
        Map<String, Integer> mix = new LinkedHashMap<>();
        mix.put("CARING_SHOP", 18);
        mix.put("ENTERPRISE", 8);
        mix.put("PROPERTY_MANAGER", 7);
        mix.put("COMMUNITY_FUND", 5);
        mix.put("HOSPITAL", 4);
        mix.put("BANK", 4);
        mix.put("LAW_FIRM", 4);
        mix.put("REPAIR_PLATFORM", 4);
        mix.put("FOUNDATION", 3);
        mix.put("GOVERNMENT_PURCHASE", 3);
        int wanted = settings.donors();
        List<String> kinds = new ArrayList<>();
        // Round-robin through the mix so a small town still gets every kind of donor.
        Map<String, Integer> left = new LinkedHashMap<>(mix);
        while (kinds.size() < wanted) {
            boolean any = false;
            for (Map.Entry<String, Integer> e : left.entrySet()) {
                if (e.getValue() > 0 && kinds.size() < wanted) {
                    kinds.add(e.getKey());
                    e.setValue(e.getValue() - 1);
                    any = true;
                }
            }
            if (!any) {
                left.replaceAll((k, v) -> mix.get(k));
            }
        }
        String[] shops = {"爱心超市", "便民菜站", "老街坊理发店", "仁和大药房", "好邻居餐馆", "鲜丰果蔬店", "百姓粮油店", "温馨面包房", "安康药店"};
        String[] banks = {"中国农业银行", "中国工商银行", "北京农商银行", "中国邮政储蓄银行", "中国建设银行"};
        String[] firms = {"京通", "运河", "潞城", "通惠", "永泰", "恒安"};
        String[] enterprises = {
            "北京通州运河食品有限公司",
            "北京永顺粮油有限公司",
            "北京潞河乳业有限公司",
            "北京京东方家具有限公司",
            "北京通惠物流有限公司",
            "北京运河文化传媒有限公司",
            "北京永顺建材有限公司",
            "北京潞通电器有限公司",
            "北京新华联商贸有限公司",
            "北京城市副中心食品有限公司"
        };
        String[] foundations = {"北京市运河公益基金会", "北京市通州区慈善协会", "北京暖阳公益基金会", "北京春苗儿童救助基金会"};
        Map<String, AtomicInteger> used = new LinkedHashMap<>();
        List<String[]> donors = new ArrayList<>();
        int fund = 0;
        for (String kind : kinds) {
            int n = used.computeIfAbsent(kind, k -> new AtomicInteger()).getAndIncrement();
            int home = r.nextInt(communities.size());
            String name;
            String about;
            switch (kind) {
                case "CARING_SHOP" -> {
                    name = communities.get(home).name().replace("社区", "").replace("村", "")
                            + shops[n % shops.length]
                            + (n >= shops.length ? "（" + (n / shops.length + 1) + "店）" : "");
                    about = "爱心商家，为困难居民提供物资和便民服务";
                }
                case "ENTERPRISE" -> {
                    name = enterprises[n % enterprises.length]
                            + (n >= enterprises.length ? (n / enterprises.length + 1) : "");
                    about = "辖区企业，定期捐赠物资";
                }
                case "PROPERTY_MANAGER" -> {
                    name = communities.get(home).name().replace("社区", "").replace("村", "") + "物业服务中心"
                            + (n > 0 && n % 17 == 0 ? n : "");
                    about = "物业服务企业，提供安全检查、维修和活动场地";
                }
                case "COMMUNITY_FUND" -> {
                    // One fund per station, in the station's host community.
                    Town.Station s = Town.STATIONS.get(fund++ % Town.STATIONS.size());
                    for (int i = 0; i < communities.size(); i++) {
                        if (communities.get(i).name().equals(s.communities().get(0))) {
                            home = i;
                        }
                    }
                    name = s.communities().get(0).replace("社区", "").replace("村", "") + "社区基金"
                            + (n >= Town.STATIONS.size() ? (n / Town.STATIONS.size() + 1) : "");
                    about = "社区基金，由议事委员会管理，资助本站服务社区的困难居民";
                }
                case "HOSPITAL" -> {
                    name = new String[] {"永顺社区卫生服务中心", "通州区中医医院", "潞河医院永顺分院", "通州区妇幼保健院"}[n % 4]
                            + (n >= 4 ? (n / 4 + 1) : "");
                    about = "医疗机构，开展义诊和健康讲座";
                }
                case "BANK" -> {
                    name = banks[n % banks.length] + "永顺支行" + (n >= banks.length ? (n / banks.length + 1) : "");
                    about = "银行网点，开展防范电信诈骗宣传";
                }
                case "LAW_FIRM" -> {
                    name = "北京" + firms[n % firms.length] + "律师事务所" + (n >= firms.length ? (n / firms.length + 1) : "");
                    about = "律师事务所，提供免费法律咨询";
                }
                case "REPAIR_PLATFORM" -> {
                    name = new String[] {"邻里帮家居维修平台", "快修侠便民服务平台", "安心家电维修中心", "好师傅维修服务部"}[n % 4]
                            + (n >= 4 ? (n / 4 + 1) : "");
                    about = "维修服务平台，为老年人和困难家庭上门维修";
                }
                case "FOUNDATION" -> {
                    name = foundations[n % foundations.length]
                            + (n >= foundations.length ? (n / foundations.length + 1) : "");
                    about = "公益基金会，资助困境儿童和困难家庭";
                }
                default -> {
                    name = new String[] {"通州区民政局居家养老购买服务", "永顺镇政府购买助餐服务", "通州区残联购买康复服务"}[n % 3]
                            + (n >= 3 ? (n / 3 + 1) : "");
                    about = "政府购买服务项目";
                }
            }
            donors.add(new String[] {name, kind, Integer.toString(home), about});
        }
        return donors;
    }

    private Map<String, Object> offer(
            Random r,
            String donorKind,
            String donorName,
            CommunityRef home,
            List<CommunityRef> communities,
            LocalDate today,
            Instant now) {
        Map<String, Object> place = place(home, new Geo.Point(home.lat(), home.lon()).jitter(r, 400));
        Map<String, Object> window = body(
                "start",
                now.minus(Duration.ofDays(1)).toString(),
                "end",
                now.plus(Duration.ofDays(60 + r.nextInt(60))).toString());
        int choice = r.nextInt(10);
        return switch (donorKind) {
            case "CARING_SHOP" ->
                donorName.contains("理发")
                        ? service(
                                r,
                                place,
                                window,
                                "HAIRCUT",
                                "爱心义剪：老人免费理发",
                                List.of("HAIRDRESSING"),
                                4,
                                30,
                                slots(r, 2, "09:00", "11:30"))
                        : donorName.contains("药")
                                ? service(
                                        r,
                                        place,
                                        window,
                                        "HEALTH",
                                        "免费测量血压血糖",
                                        List.of("NURSING"),
                                        10,
                                        20,
                                        slots(r, 3, "09:00", "11:00"))
                                : donorName.contains("餐") || donorName.contains("面包")
                                        ? goods(r, place, window, pickGoods(r, Town.MEALS), today, List.of())
                                        : goods(
                                                r,
                                                place,
                                                window,
                                                pickGoods(r, Town.DAILY_GOODS),
                                                today,
                                                choice < 3
                                                        ? List.of(
                                                                "ELDERLY_ALONE",
                                                                "VERY_OLD",
                                                                "LOW_INCOME_FAMILY",
                                                                "DISABLED",
                                                                "CHILDLESS_ELDERLY")
                                                        : List.of());
            case "ENTERPRISE" ->
                choice < 5
                        ? goods(r, place, window, pickGoods(r, Town.DAILY_GOODS), today, List.of())
                        : choice < 7
                                ? goods(r, place, window, pickGoods(r, Town.STUDY), today, List.of("CHILD_IN_HARDSHIP"))
                                : choice < 9
                                        ? fund(r, place, window, "DAILY_GOODS", "节日慰问金", 1_000_000, 30_000, List.of())
                                        : venue(
                                                r,
                                                place,
                                                window,
                                                "CULTURAL_EVENT",
                                                "企业会议室（周末开放）",
                                                40,
                                                List.of(day("SATURDAY", "09:00", "17:00")));
            case "PROPERTY_MANAGER" ->
                choice < 4
                        ? service(
                                r,
                                place,
                                window,
                                "SAFETY_CHECK",
                                "入户燃气安全检查",
                                List.of("GAS_SAFETY"),
                                6,
                                30,
                                slots(r, 3, "09:00", "12:00"))
                        : choice < 7
                                ? service(
                                        r,
                                        place,
                                        window,
                                        "HOME_REPAIR",
                                        "物业免费小修",
                                        List.of("PLUMBING", "ELECTRICAL"),
                                        3,
                                        60,
                                        slots(r, 4, "14:00", "17:00"))
                                : choice < 9
                                        ? venue(
                                                r,
                                                place,
                                                window,
                                                "CULTURAL_EVENT",
                                                home.name() + "活动室",
                                                40,
                                                List.of(
                                                        day("SATURDAY", "09:00", "17:00"),
                                                        day("SUNDAY", "09:00", "17:00"),
                                                        day("WEDNESDAY", "14:00", "17:00")))
                                        : venue(
                                                r,
                                                place,
                                                window,
                                                "STUDY_SPACE",
                                                home.name() + "四点半课堂教室",
                                                20,
                                                List.of(
                                                        day("MONDAY", "16:30", "18:30"),
                                                        day("WEDNESDAY", "16:30", "18:30"),
                                                        day("FRIDAY", "16:30", "18:30")));
            case "COMMUNITY_FUND" -> {
                List<String> served = stationCommunities(home, communities);
                String category = new String[] {"DAILY_GOODS", "HOME_REPAIR", "STUDY_SPACE", "MEAL_ASSISTANCE", "HEALTH"
                        }
                        [r.nextInt(5)];
                yield fund(
                        r,
                        place,
                        window,
                        category,
                        "社区基金：" + label(category) + "资助",
                        2_000_000,
                        20_000 + 10_000 * r.nextInt(4),
                        served);
            }
            case "HOSPITAL" ->
                choice < 5
                        ? service(
                                r,
                                place,
                                window,
                                "HEALTH",
                                "社区义诊",
                                List.of("MEDICAL"),
                                20,
                                60,
                                List.of(day("SATURDAY", "09:00", "11:30")))
                        : choice < 8
                                ? service(
                                        r,
                                        place,
                                        window,
                                        "HEALTH",
                                        "家庭医生上门随访",
                                        List.of("NURSING"),
                                        3,
                                        60,
                                        slots(r, 3, "14:00", "17:00"))
                                : service(
                                        r,
                                        place,
                                        window,
                                        "PSYCHOLOGICAL_SUPPORT",
                                        "心理健康咨询",
                                        List.of("PSYCHOLOGICAL_COUNSELLING"),
                                        4,
                                        50,
                                        List.of(day("THURSDAY", "14:00", "17:00")));
            case "BANK" ->
                choice < 7
                        ? service(
                                r,
                                place,
                                window,
                                "ANTI_FRAUD",
                                "防范电信诈骗讲座",
                                List.of("ANTI_FRAUD_EDUCATION"),
                                50,
                                90,
                                List.of(day(DAYS[r.nextInt(5)], "14:00", "16:00")))
                        : venue(
                                r,
                                place,
                                window,
                                "CULTURAL_EVENT",
                                "银行网点多功能厅",
                                30,
                                List.of(day("SATURDAY", "09:00", "12:00")));
            case "LAW_FIRM" ->
                choice < 7
                        ? service(
                                r,
                                place,
                                window,
                                "LEGAL_ADVICE",
                                "免费法律咨询",
                                List.of("LEGAL"),
                                6,
                                60,
                                List.of(day(DAYS[r.nextInt(5)], "14:00", "17:00")))
                        : service(
                                r,
                                place,
                                window,
                                "MEDIATION",
                                "律师参与邻里纠纷调解",
                                List.of("MEDIATION"),
                                3,
                                90,
                                List.of(day(DAYS[r.nextInt(5)], "09:00", "12:00")));
            case "REPAIR_PLATFORM" ->
                choice < 7
                        ? service(
                                r,
                                place,
                                window,
                                "HOME_REPAIR",
                                "老人家庭上门维修",
                                List.of("HOME_REPAIR", "ELECTRICAL", "PLUMBING", "CARPENTRY_ASSEMBLY"),
                                3,
                                90,
                                slots(r, 6, "09:00", "12:00"))
                        : service(
                                r,
                                place,
                                window,
                                "SAFETY_CHECK",
                                "家庭用电安全检查",
                                List.of("ELECTRICAL", "GAS_SAFETY"),
                                4,
                                45,
                                slots(r, 3, "14:00", "17:00"));
            case "FOUNDATION" ->
                choice < 5
                        ? fund(r, place, window, "STUDY_SPACE", "困境儿童学习空间改造资助", 5_000_000, 300_000, List.of())
                        : choice < 7
                                ? fund(r, place, window, "HEALTH", "困难家庭医疗救助金", 3_000_000, 100_000, List.of())
                                : goods(
                                        r,
                                        place,
                                        window,
                                        pickGoods(r, Town.STUDY),
                                        today,
                                        List.of("CHILD_IN_HARDSHIP"));
            default ->
                choice < 5
                        ? service(
                                r,
                                place,
                                window,
                                "MEAL_ASSISTANCE",
                                "老年助餐服务",
                                List.of("COOKING"),
                                30,
                                60,
                                List.of(
                                        day("MONDAY", "11:00", "12:30"),
                                        day("TUESDAY", "11:00", "12:30"),
                                        day("WEDNESDAY", "11:00", "12:30"),
                                        day("THURSDAY", "11:00", "12:30"),
                                        day("FRIDAY", "11:00", "12:30")))
                        : choice < 8
                                ? service(
                                        r,
                                        place,
                                        window,
                                        "COMPANIONSHIP",
                                        "居家养老上门探访",
                                        List.of("ELDER_CARE"),
                                        5,
                                        60,
                                        slots(r, 5, "09:00", "11:00"))
                                : service(
                                        r,
                                        place,
                                        window,
                                        "ESCORT",
                                        "就医陪诊服务",
                                        List.of("DRIVING"),
                                        2,
                                        180,
                                        slots(r, 5, "08:00", "11:00"));
        };
    }

    private static Town.Goods pickGoods(Random r, List<Town.Goods> goods) {
        return goods.get(r.nextInt(goods.size()));
    }

    private static Map<String, Object> goods(
            Random r,
            Map<String, Object> place,
            Map<String, Object> window,
            Town.Goods g,
            LocalDate today,
            List<String> groups) {
        int quantity = g.minQuantity() + r.nextInt(g.maxQuantity() - g.minQuantity() + 1);
        Map<String, Object> details = body("quantity", quantity, "unit", g.unit());
        if (g.maxShelfDays() > 0) {
            details.put(
                    "expiryDate",
                    today.plusDays(g.minShelfDays() + r.nextInt(g.maxShelfDays() - g.minShelfDays() + 1))
                            .toString());
        }
        return body(
                "kind",
                "GOODS",
                "category",
                g.category(),
                "title",
                "爱心" + g.title(),
                "beneficiaryGroups",
                groups,
                "place",
                place,
                "availableWindow",
                window,
                "goods",
                details);
    }

    private static Map<String, Object> service(
            Random r,
            Map<String, Object> place,
            Map<String, Object> window,
            String category,
            String title,
            List<String> skills,
            int capacity,
            int minutes,
            List<Map<String, Object>> schedule) {
        return body(
                "kind",
                "SERVICE",
                "category",
                category,
                "title",
                title,
                "beneficiaryGroups",
                List.of(),
                "place",
                place,
                "availableWindow",
                window,
                "service",
                body(
                        "skills",
                        skills,
                        "languages",
                        r.nextInt(8) == 0 ? List.of("en") : List.of(),
                        "capacity",
                        capacity,
                        "sessionMinutes",
                        minutes,
                        "schedule",
                        schedule));
    }

    private static Map<String, Object> fund(
            Random r,
            Map<String, Object> place,
            Map<String, Object> window,
            String category,
            String title,
            long amountFen,
            long perNeedFen,
            List<String> communityIds) {
        return body(
                "kind",
                "FUND",
                "category",
                category,
                "title",
                title,
                "beneficiaryGroups",
                List.of(),
                "communityIds",
                communityIds,
                "place",
                place,
                "availableWindow",
                window,
                "fund",
                body("amountFen", amountFen + 100_000L * r.nextInt(10), "maxPerNeedFen", perNeedFen, "purpose", title));
    }

    /** Where an offer of {@code home} is given: the town's codes, the community, and the point {@code at}. */
    static Map<String, Object> place(CommunityRef home, Geo.Point at) {
        return body(
                "districtCode",
                Town.DISTRICT,
                "streetCode",
                Town.STREET,
                "communityId",
                home.id(),
                "geohash",
                at.cell(),
                "latitude",
                at.lat(),
                "longitude",
                at.lon());
    }

    private static Map<String, Object> venue(
            Random r,
            Map<String, Object> place,
            Map<String, Object> window,
            String category,
            String title,
            int capacity,
            List<Map<String, Object>> hours) {
        Map<String, Object> named = new LinkedHashMap<>(place);
        named.put("name", title);
        return body(
                "kind",
                "VENUE",
                "category",
                category,
                "title",
                title,
                "beneficiaryGroups",
                List.of(),
                "place",
                named,
                "availableWindow",
                window,
                "venue",
                body("capacity", capacity + r.nextInt(10), "openingHours", hours));
    }

    /** {@code n} distinct weekdays (Monday to Saturday) from {@code start} to {@code end}. */
    private static List<Map<String, Object>> slots(Random r, int n, String start, String end) {
        List<String> days = new ArrayList<>(List.of(DAYS).subList(0, 6));
        Collections.shuffle(days, r);
        List<String> chosen = new ArrayList<>(days.subList(0, Math.min(n, days.size())));
        chosen.sort((a, b) -> List.of(DAYS).indexOf(a) - List.of(DAYS).indexOf(b));
        return chosen.stream().map(d -> day(d, start, end)).toList();
    }

    private static List<String> stationCommunities(CommunityRef home, List<CommunityRef> communities) {
        for (Town.Station s : Town.STATIONS) {
            if (s.communities().contains(home.name())) {
                return communities.stream()
                        .filter(c -> s.communities().contains(c.name()))
                        .map(CommunityRef::id)
                        .toList();
            }
        }
        return List.of(home.id());
    }

    private static String label(String category) {
        return switch (category) {
            case "DAILY_GOODS" -> "生活物资";
            case "HOME_REPAIR" -> "居家维修";
            case "STUDY_SPACE" -> "学习空间改造";
            case "MEAL_ASSISTANCE" -> "老年助餐";
            case "HEALTH" -> "医疗健康";
            default -> category;
        };
    }
}
