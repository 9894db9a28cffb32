package org.wushe.hub.matching.engine;

import java.util.EnumMap;
import java.util.Map;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;

/**
 * What station staff call the hub's enums, in Chinese (the words of the schemas' docs) and English.
 * Public for the matching service's labels; the rest stays inside the engine's explanations.
 */
public final class Vocabulary {

    private static final Map<Category, String[]> CATEGORIES = new EnumMap<>(Category.class);
    private static final Map<Skill, String> SKILLS = new EnumMap<>(Skill.class);
    private static final Map<BeneficiaryGroup, String[]> GROUPS = new EnumMap<>(BeneficiaryGroup.class);
    private static final Map<Urgency, String[]> URGENCIES = new EnumMap<>(Urgency.class);
    private static final Map<QuantityUnit, String[]> UNITS = new EnumMap<>(QuantityUnit.class);

    static {
        category(Category.UNKNOWN, "未知类别", "unknown");
        category(Category.HOME_REPAIR, "上门维修", "home repair");
        category(Category.SAFETY_CHECK, "安全检查", "safety check");
        category(Category.DAILY_GOODS, "生活物资", "daily goods");
        category(Category.MEAL_ASSISTANCE, "助餐", "meal assistance");
        category(Category.HEALTH, "健康服务", "health");
        category(Category.ESCORT, "陪诊", "escort");
        category(Category.COMPANIONSHIP, "陪伴探访", "companionship");
        category(Category.HAIRCUT, "义剪", "haircut");
        category(Category.LEGAL_ADVICE, "法律咨询", "legal advice");
        category(Category.ANTI_FRAUD, "反诈宣传", "anti-fraud");
        category(Category.MEDIATION, "矛盾调解", "mediation");
        category(Category.PSYCHOLOGICAL_SUPPORT, "心理疏导", "psychological support");
        category(Category.TUTORING, "课业辅导", "tutoring");
        category(Category.STUDY_SPACE, "学习空间改造", "study-space makeover");
        category(Category.CULTURAL_EVENT, "文化与邻里活动", "cultural event");
        category(Category.OTHER, "其他", "other");

        String[][] skills = {
            {"UNKNOWN", "未知"},
            {"HOME_REPAIR", "家居维修"},
            {"ELECTRICAL", "电工"},
            {"PLUMBING", "水管维修"},
            {"GAS_SAFETY", "燃气安全检查"},
            {"HAIRDRESSING", "理发"},
            {"MEDICAL", "医疗"},
            {"NURSING", "护理"},
            {"ELDER_CARE", "为老服务"},
            {"PSYCHOLOGICAL_COUNSELLING", "心理咨询"},
            {"LEGAL", "法律"},
            {"ANTI_FRAUD_EDUCATION", "反诈宣讲"},
            {"MEDIATION", "调解"},
            {"INTERPRETING", "翻译"},
            {"SIGN_LANGUAGE", "手语"},
            {"TUTORING", "课业辅导"},
            {"CHILD_CARE", "儿童照护"},
            {"DRIVING", "驾驶"},
            {"COOKING", "烹饪"},
            {"CLEANING", "保洁"},
            {"DIGITAL_LITERACY", "智能手机教学"},
            {"CARPENTRY_ASSEMBLY", "家具安装"},
            {"CULTURAL_ARTS", "文艺"},
            {"SPORTS_FITNESS", "体育健身"},
            {"EVENT_ORGANIZING", "活动组织"},
            {"SOCIAL_WORK", "社会工作"},
            {"OTHER", "其他"},
        };
        for (String[] s : skills) {
            SKILLS.put(Skill.valueOf(s[0]), s[1]);
        }

        group(BeneficiaryGroup.UNKNOWN, "未注明的人群", "an unstated group");
        group(BeneficiaryGroup.ELDERLY_ALONE, "独居老人", "elderly living alone");
        group(BeneficiaryGroup.VERY_OLD, "高龄老人", "very old residents (80+)");
        group(BeneficiaryGroup.CHILDLESS_ELDERLY, "孤寡老人", "childless elderly");
        group(BeneficiaryGroup.DISABLED, "残疾人", "people with disabilities");
        group(BeneficiaryGroup.CHILD_IN_HARDSHIP, "困境儿童", "children in hardship");
        group(BeneficiaryGroup.LOW_INCOME_FAMILY, "低保/低收入家庭", "low-income families");
        group(BeneficiaryGroup.NEWCOMER, "新市民", "newcomers");
        group(BeneficiaryGroup.FOREIGN_RESIDENT, "外籍居民", "foreign residents");
        group(BeneficiaryGroup.ALL_RESIDENTS, "全体居民", "all residents");
        group(BeneficiaryGroup.OTHER, "其他居民", "other residents");

        urgency(Urgency.UNKNOWN, "未注明紧急程度", "Urgency not stated");
        urgency(Urgency.ROUTINE, "常规", "Routine");
        urgency(Urgency.SOON, "近期（几天内）", "Soon (within a few days)");
        urgency(Urgency.URGENT, "加急（一天内）", "Urgent (within a day)");
        urgency(Urgency.IMMEDIATE, "立即（一小时内）", "Immediate (within the hour)");

        unit(QuantityUnit.UNKNOWN, "个", "unit", "units");
        unit(QuantityUnit.PIECE, "件", "piece", "pieces");
        unit(QuantityUnit.SET, "套", "set", "sets");
        unit(QuantityUnit.BOX, "箱", "box", "boxes");
        unit(QuantityUnit.BAG, "袋", "bag", "bags");
        unit(QuantityUnit.BOTTLE, "瓶", "bottle", "bottles");
        unit(QuantityUnit.KILOGRAM, "公斤", "kg", "kg");
        unit(QuantityUnit.JIN, "斤", "jin", "jin");
        unit(QuantityUnit.LITRE, "升", "litre", "litres");
        unit(QuantityUnit.PORTION, "份", "portion", "portions");
        unit(QuantityUnit.OTHER, "份", "unit", "units");
    }

    private Vocabulary() {}

    static String zh(Category c) {
        return CATEGORIES.get(c)[0];
    }

    static String en(Category c) {
        return CATEGORIES.get(c)[1];
    }

    /** The Chinese name of a volunteer skill, e.g. 电工 for ELECTRICAL. */
    public static String zh(Skill s) {
        return SKILLS.get(s);
    }

    static String zh(BeneficiaryGroup g) {
        return GROUPS.get(g)[0];
    }

    static String en(BeneficiaryGroup g) {
        return GROUPS.get(g)[1];
    }

    static String zh(Urgency u) {
        return URGENCIES.get(u)[0];
    }

    static String en(Urgency u) {
        return URGENCIES.get(u)[1];
    }

    /** The Chinese measure word; null means unknown. */
    static String zh(QuantityUnit u) {
        return UNITS.get(u == null ? QuantityUnit.UNKNOWN : u)[0];
    }

    static String en(QuantityUnit u, long n) {
        String[] words = UNITS.get(u == null ? QuantityUnit.UNKNOWN : u);
        return n == 1 ? words[1] : words[2];
    }

    private static void category(Category c, String zh, String en) {
        CATEGORIES.put(c, new String[] {zh, en});
    }

    private static void group(BeneficiaryGroup g, String zh, String en) {
        GROUPS.put(g, new String[] {zh, en});
    }

    private static void urgency(Urgency u, String zh, String en) {
        URGENCIES.put(u, new String[] {zh, en});
    }

    private static void unit(QuantityUnit u, String zh, String one, String many) {
        UNITS.put(u, new String[] {zh, one, many});
    }
}
