package org.wushe.hub.community.needimport;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.NeedSource;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;

/**
 * The words staff write in a need list for each choice (类别 上门维修, 紧急程度 立即 …), besides the
 * codes of the contract (HOME_REPAIR) and their English words (home repair). The first Chinese label
 * is the one templates show.
 */
public final class Labels<E extends Enum<E>> {

    public static final Labels<Category> CATEGORY = new Labels<>(Category.class, new String[][] {
        {"HOME_REPAIR", "上门维修", "维修", "家居维修", "家电维修"},
        {"SAFETY_CHECK", "安全检查", "燃气检查", "安全隐患排查"},
        {"DAILY_GOODS", "生活物资", "物资", "生活用品", "物资配送"},
        {"MEAL_ASSISTANCE", "助餐", "送餐", "老年助餐"},
        {"HEALTH", "健康服务", "义诊", "健康讲座", "健康"},
        {"ESCORT", "陪诊", "陪同就医", "就医陪护"},
        {"COMPANIONSHIP", "陪伴探访", "探访", "陪伴", "关爱探访"},
        {"HAIRCUT", "义剪", "理发", "义务理发"},
        {"LEGAL_ADVICE", "法律咨询", "法律援助", "法律"},
        {"ANTI_FRAUD", "反诈宣传", "反诈", "防诈骗"},
        {"MEDIATION", "矛盾调解", "调解", "纠纷调解"},
        {"PSYCHOLOGICAL_SUPPORT", "心理疏导", "心理咨询", "心理"},
        {"TUTORING", "课业辅导", "辅导", "学业辅导", "作业辅导"},
        {"STUDY_SPACE", "学习空间改造", "学习空间", "微心愿学习空间"},
        {"CULTURAL_EVENT", "文化与邻里活动", "文化活动", "邻里活动", "文体活动"},
        {"OTHER", "其他", "其它"}
    });

    public static final Labels<Urgency> URGENCY = new Labels<>(Urgency.class, new String[][] {
        {"IMMEDIATE", "立即", "特急", "马上", "非常紧急", "特别紧急", "十万火急", "立刻", "最高"},
        {"URGENT", "加急", "紧急", "急", "高", "很急", "急需", "较高", "high"},
        {"SOON", "近期", "较急", "尽快", "中", "中等", "一般急", "medium", "normal"},
        {"ROUTINE", "常规", "一般", "不急", "低", "不紧急", "普通", "较低", "low"}
    });

    public static final Labels<BeneficiaryGroup> BENEFICIARY_GROUP =
            new Labels<>(BeneficiaryGroup.class, new String[][] {
                {"ELDERLY_ALONE", "独居老人", "独居"},
                {"VERY_OLD", "高龄老人", "高龄"},
                {"CHILDLESS_ELDERLY", "孤寡老人", "孤寡"},
                {"DISABLED", "残疾人", "残障人士", "残疾"},
                {"CHILD_IN_HARDSHIP", "困境儿童"},
                {"LOW_INCOME_FAMILY", "低保家庭", "低收入家庭", "低保", "低收入", "低保户"},
                {"NEWCOMER", "新市民"},
                {"FOREIGN_RESIDENT", "外籍居民", "外籍人士"},
                {"ALL_RESIDENTS", "全体居民", "居民", "社区居民"},
                {"OTHER", "其他", "其它"}
            });

    public static final Labels<NeedSource> SOURCE = new Labels<>(NeedSource.class, new String[][] {
        {"NEED_LIST", "居民需求清单", "需求清单"},
        {"HARDSHIP_LIST", "困难群众清单", "困难清单"},
        {"MICRO_WISH", "微心愿", "心愿"},
        {"VISIT", "走访", "探访", "入户走访", "电话探访"},
        {"CASE_WORK", "个案", "个案工作"},
        {"GRID_REPORT", "网格员上报", "网格上报"},
        {"OTHER", "其他", "其它"}
    });

    public static final Labels<QuantityUnit> UNIT = new Labels<>(QuantityUnit.class, new String[][] {
        {"PIECE", "件", "个", "只", "台", "张"},
        {"SET", "套"},
        {"BOX", "箱", "盒"},
        {"BAG", "袋", "包"},
        {"BOTTLE", "瓶"},
        {"KILOGRAM", "公斤", "千克", "kg"},
        {"JIN", "斤"},
        {"LITRE", "升", "l"},
        {"PORTION", "份"},
        {"OTHER", "其他", "其它"}
    });

    public static final Labels<Skill> SKILL = new Labels<>(Skill.class, new String[][] {
        {"HOME_REPAIR", "家居维修", "维修"},
        {"ELECTRICAL", "电工"},
        {"PLUMBING", "水管维修", "水电维修"},
        {"GAS_SAFETY", "燃气安全检查", "燃气安全"},
        {"HAIRDRESSING", "理发"},
        {"MEDICAL", "医疗"},
        {"NURSING", "护理"},
        {"ELDER_CARE", "为老服务", "养老护理"},
        {"PSYCHOLOGICAL_COUNSELLING", "心理咨询"},
        {"LEGAL", "法律"},
        {"ANTI_FRAUD_EDUCATION", "反诈宣讲"},
        {"MEDIATION", "调解"},
        {"INTERPRETING", "翻译", "口译"},
        {"SIGN_LANGUAGE", "手语"},
        {"TUTORING", "课业辅导", "辅导"},
        {"CHILD_CARE", "儿童照护"},
        {"DRIVING", "驾驶"},
        {"COOKING", "烹饪"},
        {"CLEANING", "保洁"},
        {"DIGITAL_LITERACY", "智能手机教学", "智能手机"},
        {"CARPENTRY_ASSEMBLY", "家具安装"},
        {"CULTURAL_ARTS", "文艺"},
        {"SPORTS_FITNESS", "体育健身"},
        {"EVENT_ORGANIZING", "活动组织"},
        {"SOCIAL_WORK", "社会工作"},
        {"OTHER", "其他", "其它"}
    });

    private final Class<E> type;
    private final Map<String, E> byKey = new HashMap<>();
    private final Map<E, String> chinese;

    private Labels(Class<E> type, String[][] rows) {
        this.type = type;
        this.chinese = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            if (!e.name().equals("UNKNOWN")) {
                byKey.put(key(e.name()), e);
            }
        }
        for (String[] row : rows) {
            E e = Enum.valueOf(type, row[0]);
            chinese.put(e, row[1]);
            for (int i = 1; i < row.length; i++) {
                byKey.put(key(row[i]), e);
            }
        }
    }

    /** A label, a code or its English words (e.g. 上门维修, HOME_REPAIR, home repair). */
    public Optional<E> parse(String text) {
        return Optional.ofNullable(byKey.get(key(text)));
    }

    public String chinese(E e) {
        return chinese.getOrDefault(e, e.name());
    }

    public String english(E e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    public String label(E e, ImportColumn.Language language) {
        return language == ImportColumn.Language.zh ? chinese(e) : english(e);
    }

    public List<E> choices() {
        List<E> choices = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            if (!e.name().equals("UNKNOWN")) {
                choices.add(e);
            }
        }
        return choices;
    }

    private static String key(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC)
                .strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[\\s_\\-]", "");
    }
}
