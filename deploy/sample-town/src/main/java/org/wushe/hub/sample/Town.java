package org.wushe.hub.sample;

import java.util.List;
import java.util.Map;

/**
 * The fixed shape of the sample town: 永顺镇 in Tongzhou district, Beijing, run like Liyuan's
 * "一中心七平台" — one town social work service centre, five community stations and two rural stations,
 * serving 17 communities (12 urban 社区, 5 villages 村). Places are offsets in metres from the town's
 * centre, turned into coarse geohash-6 cells; the town spans about 8 km.
 */
final class Town {

    static final String NAME = "永顺镇";
    static final String DISTRICT = "110112";
    static final String STREET = "110112104";
    static final Geo.Point CENTRE = new Geo.Point(39.918, 116.652);
    static final String CENTRE_STATION = "永顺镇社会工作服务中心";

    /** A community: name, rural or not, offset east/north in metres, population and households (the real town, not the sample's records). */
    record Community(String name, boolean rural, int east, int north, int population, int households, int grids) {
        Geo.Point point() {
            return CENTRE.offset(east, north);
        }
    }

    /** A station hosted by {@code communities.get(0)} and serving all of {@code communities}. */
    record Station(String name, boolean rural, List<String> communities) {}

    static final List<Community> COMMUNITIES = List.of(
            new Community("永顺西里社区", false, -1800, 600, 6200, 2410, 3),
            new Community("竹木厂社区", false, -1200, 1500, 4800, 1870, 3),
            new Community("龙鼎园社区", false, -600, 2200, 7100, 2650, 3),
            new Community("新华联社区", false, 0, 1200, 8300, 3120, 3),
            new Community("永顺东里社区", false, 700, 500, 5400, 2080, 3),
            new Community("梨园社区", false, 1300, -400, 6900, 2560, 3),
            new Community("北关社区", false, 400, -900, 4300, 1720, 3),
            new Community("杨富店社区", false, -300, -1600, 3900, 1500, 2),
            new Community("天时名苑社区", false, -1400, -800, 5600, 2100, 3),
            new Community("果园社区", false, -2200, -300, 4100, 1630, 2),
            new Community("潞邑社区", false, 1800, 1500, 7600, 2870, 3),
            new Community("富力社区", false, 2400, 800, 6500, 2390, 3),
            new Community("大稿村", true, -3600, 2600, 2300, 812, 2),
            new Community("西马庄村", true, -4000, 1000, 1730, 640, 2),
            new Community("小潞邑村", true, -2600, 3400, 1950, 705, 2),
            new Community("范庄村", true, 3000, -2600, 2100, 760, 2),
            new Community("前北营村", true, 1000, -3400, 1480, 550, 2));

    static final List<Station> STATIONS = List.of(
            new Station("永顺西里社区社会工作服务站", false, List.of("永顺西里社区", "竹木厂社区", "龙鼎园社区")),
            new Station("新华联社区社会工作服务站", false, List.of("新华联社区", "永顺东里社区", "梨园社区")),
            new Station("北关社区社会工作服务站", false, List.of("北关社区", "杨富店社区")),
            new Station("天时名苑社区社会工作服务站", false, List.of("天时名苑社区", "果园社区")),
            new Station("潞邑社区社会工作服务站", false, List.of("潞邑社区", "富力社区")),
            new Station("大稿村农村社会工作服务站", true, List.of("大稿村", "西马庄村", "小潞邑村")),
            new Station("范庄村农村社会工作服务站", true, List.of("范庄村", "前北营村")));

    static final String[] GRID_NAMES = {"第一网格", "第二网格", "第三网格", "第四网格"};

    /** Goods donors give and needs ask for: the same units on both sides, so the engine can pair them. */
    record Goods(
            String title,
            String category,
            String unit,
            int minQuantity,
            int maxQuantity,
            int minShelfDays,
            int maxShelfDays) {}

    static final List<Goods> DAILY_GOODS = List.of(
            new Goods("纯牛奶", "DAILY_GOODS", "BOX", 20, 60, 12, 45),
            new Goods("新鲜鸡蛋", "DAILY_GOODS", "BOX", 10, 30, 10, 25),
            new Goods("大米", "DAILY_GOODS", "BAG", 20, 50, 120, 240),
            new Goods("食用油", "DAILY_GOODS", "BOTTLE", 20, 40, 200, 365),
            new Goods("挂面", "DAILY_GOODS", "BAG", 20, 50, 90, 180),
            new Goods("成人纸尿裤", "DAILY_GOODS", "BAG", 10, 30, 0, 0),
            new Goods("冬季棉被", "DAILY_GOODS", "PIECE", 8, 20, 0, 0),
            new Goods("医用口罩", "DAILY_GOODS", "BOX", 30, 80, 200, 365));
    static final List<Goods> MEALS = List.of(
            new Goods("爱心午餐", "MEAL_ASSISTANCE", "PORTION", 40, 120, 5, 7),
            new Goods("老年营养餐", "MEAL_ASSISTANCE", "PORTION", 30, 80, 5, 7));
    static final List<Goods> STUDY = List.of(
            new Goods("学习书桌椅", "STUDY_SPACE", "SET", 3, 10, 0, 0),
            new Goods("护眼台灯", "STUDY_SPACE", "PIECE", 5, 15, 0, 0),
            new Goods("儿童床品四件套", "STUDY_SPACE", "SET", 4, 10, 0, 0),
            new Goods("书包文具套装", "STUDY_SPACE", "SET", 10, 30, 0, 0));

    /** Volunteers' skills, with how often they are found (young-old volunteers lean to the first group). */
    static final Map<String, Integer> SKILL_WEIGHTS = Map.ofEntries(
            Map.entry("ELDER_CARE", 14),
            Map.entry("SOCIAL_WORK", 3),
            Map.entry("HOME_REPAIR", 8),
            Map.entry("ELECTRICAL", 6),
            Map.entry("PLUMBING", 5),
            Map.entry("CARPENTRY_ASSEMBLY", 4),
            Map.entry("GAS_SAFETY", 3),
            Map.entry("COOKING", 8),
            Map.entry("DRIVING", 7),
            Map.entry("MEDICAL", 3),
            Map.entry("NURSING", 4),
            Map.entry("HAIRDRESSING", 4),
            Map.entry("LEGAL", 2),
            Map.entry("ANTI_FRAUD_EDUCATION", 3),
            Map.entry("MEDIATION", 4),
            Map.entry("PSYCHOLOGICAL_COUNSELLING", 3),
            Map.entry("TUTORING", 8),
            Map.entry("CHILD_CARE", 4),
            Map.entry("CLEANING", 6),
            Map.entry("DIGITAL_LITERACY", 5),
            Map.entry("CULTURAL_ARTS", 5),
            Map.entry("SPORTS_FITNESS", 4),
            Map.entry("EVENT_ORGANIZING", 4),
            Map.entry("INTERPRETING", 2),
            Map.entry("SIGN_LANGUAGE", 1));

    static final List<String> YOUNG_OLD_SKILLS = List.of(
            "ELDER_CARE",
            "COOKING",
            "MEDIATION",
            "CULTURAL_ARTS",
            "HOME_REPAIR",
            "HAIRDRESSING",
            "NURSING",
            "SPORTS_FITNESS",
            "ELECTRICAL");

    /** The volunteer team of the town and its six sub-teams, each with the skills that lead to it. */
    static final String TEAM = "永顺镇志愿服务总队";

    static final Map<String, List<String>> SUB_TEAMS = new java.util.LinkedHashMap<>();

    static {
        SUB_TEAMS.put("矛盾调解分队", List.of("MEDIATION", "SOCIAL_WORK"));
        SUB_TEAMS.put("法律咨询分队", List.of("LEGAL", "ANTI_FRAUD_EDUCATION"));
        SUB_TEAMS.put("平安巡查分队", List.of("GAS_SAFETY", "ELECTRICAL", "DRIVING"));
        SUB_TEAMS.put("助老服务分队", List.of("ELDER_CARE", "NURSING", "COOKING", "HAIRDRESSING"));
        SUB_TEAMS.put("助学辅导分队", List.of("TUTORING", "CHILD_CARE", "DIGITAL_LITERACY"));
        SUB_TEAMS.put("文体活动分队", List.of("CULTURAL_ARTS", "SPORTS_FITNESS", "EVENT_ORGANIZING"));
    }

    /**
     * What residents ask for: category, weight among needs, the beneficiary groups a resident asking it
     * may belong to (empty: a need for everyone), titles, skills one of which may be required, minutes.
     */
    record NeedKind(
            String category, int weight, List<String> groups, List<String> titles, List<String> skills, int minutes) {}

    static final List<NeedKind> NEED_KINDS = List.of(
            new NeedKind(
                    "DAILY_GOODS",
                    18,
                    List.of("ELDERLY_ALONE", "VERY_OLD", "CHILDLESS_ELDERLY", "LOW_INCOME_FAMILY", "DISABLED"),
                    List.of("独居老人需要送%s上门", "低保家庭需要%s", "高龄老人行动不便，需要%s", "困难家庭临时缺少%s"),
                    List.of(),
                    30),
            new NeedKind(
                    "MEAL_ASSISTANCE",
                    7,
                    List.of("ELDERLY_ALONE", "VERY_OLD", "DISABLED", "CHILDLESS_ELDERLY"),
                    List.of("行动不便老人需要助餐送餐", "独居老人午餐无人照料", "高龄老人需要每日送餐"),
                    List.of(),
                    45),
            new NeedKind(
                    "HOME_REPAIR",
                    12,
                    List.of("ELDERLY_ALONE", "VERY_OLD", "DISABLED", "LOW_INCOME_FAMILY", "CHILDLESS_ELDERLY"),
                    List.of("家中水管漏水需要维修", "屋门锁坏了需要修理", "楼道灯不亮需要更换", "卫生间下水堵塞", "电路老化经常跳闸", "窗户关不严需要修理", "需要安装扶手防跌倒"),
                    List.of(
                            "PLUMBING",
                            "HOME_REPAIR",
                            "ELECTRICAL",
                            "ELECTRICAL",
                            "PLUMBING",
                            "CARPENTRY_ASSEMBLY",
                            "CARPENTRY_ASSEMBLY"),
                    90),
            new NeedKind(
                    "SAFETY_CHECK",
                    6,
                    List.of("ELDERLY_ALONE", "VERY_OLD", "CHILDLESS_ELDERLY"),
                    List.of("燃气管道安全检查", "冬季取暖设备安全检查", "老旧电线安全排查"),
                    List.of("GAS_SAFETY", "GAS_SAFETY", "ELECTRICAL"),
                    45),
            new NeedKind(
                    "HEALTH",
                    8,
                    List.of("ELDERLY_ALONE", "VERY_OLD", "DISABLED", "CHILDLESS_ELDERLY"),
                    List.of("老人需要上门测量血压", "慢病老人需要健康咨询", "老人希望参加社区义诊", "术后老人需要康复指导"),
                    List.of("NURSING", "MEDICAL", "MEDICAL", "NURSING"),
                    60),
            new NeedKind(
                    "ESCORT",
                    7,
                    List.of("VERY_OLD", "ELDERLY_ALONE", "DISABLED", "FOREIGN_RESIDENT"),
                    List.of("陪同老人去医院复诊", "陪同残障居民办理证件", "陪同老人去银行办理业务"),
                    List.of(),
                    150),
            new NeedKind(
                    "COMPANIONSHIP",
                    12,
                    List.of("ELDERLY_ALONE", "CHILDLESS_ELDERLY", "VERY_OLD"),
                    List.of("独居老人希望有人陪伴聊天", "孤寡老人需要定期探访", "高龄老人需要读报陪伴", "老人想学用智能手机"),
                    List.of(),
                    60),
            new NeedKind(
                    "HAIRCUT",
                    6,
                    List.of("VERY_OLD", "DISABLED", "ELDERLY_ALONE"),
                    List.of("行动不便老人需要上门理发", "卧床老人需要理发", "高龄老人每月理发"),
                    List.of(),
                    30),
            new NeedKind(
                    "LEGAL_ADVICE",
                    4,
                    List.of("LOW_INCOME_FAMILY", "NEWCOMER", "ELDERLY_ALONE", "FOREIGN_RESIDENT"),
                    List.of("咨询赡养纠纷法律问题", "咨询房屋租赁合同问题", "咨询劳动报酬拖欠问题", "咨询遗嘱订立事宜"),
                    List.of(),
                    60),
            new NeedKind("ANTI_FRAUD", 4, List.of(), List.of("为老年居民开展防诈骗宣讲", "社区反电信诈骗知识讲座", "养老诈骗防范宣传"), List.of(), 90),
            new NeedKind(
                    "MEDIATION",
                    3,
                    List.of("NEWCOMER", "ELDERLY_ALONE", "LOW_INCOME_FAMILY"),
                    List.of("邻里噪音纠纷需要调解", "楼上漏水引发邻里矛盾", "停车位纠纷需要调解"),
                    List.of(),
                    90),
            new NeedKind(
                    "PSYCHOLOGICAL_SUPPORT",
                    3,
                    List.of("CHILD_IN_HARDSHIP", "CHILDLESS_ELDERLY", "DISABLED"),
                    List.of("失独老人需要心理疏导", "困境儿童需要心理陪伴", "残障居民情绪低落需要疏导"),
                    List.of(),
                    60),
            new NeedKind(
                    "TUTORING",
                    5,
                    List.of("CHILD_IN_HARDSHIP", "LOW_INCOME_FAMILY", "NEWCOMER"),
                    List.of("困境儿童需要课业辅导", "四点半课堂作业辅导", "新市民子女需要学业帮扶"),
                    List.of(),
                    90),
            new NeedKind(
                    "STUDY_SPACE",
                    2,
                    List.of("CHILD_IN_HARDSHIP"),
                    List.of("困境儿童学习空间改造", "困境儿童需要一套学习桌椅"),
                    List.of(),
                    120),
            new NeedKind(
                    "CULTURAL_EVENT",
                    3,
                    List.of(),
                    List.of("社区重阳节敬老活动", "邻里文化节文艺演出", "社区消夏晚会", "端午节包粽子活动"),
                    List.of(),
                    120));

    private Town() {}
}
