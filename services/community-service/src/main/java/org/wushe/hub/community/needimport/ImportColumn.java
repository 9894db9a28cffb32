package org.wushe.hub.community.needimport;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The columns of a need list, with the headers staff write for them in Chinese and in English.
 * {@code field} is the need field the column fills, as the REST API spells it, so a rule broken by a
 * row is reported against the column that holds the value.
 */
public enum ImportColumn {
    COMMUNITY(
            "communityId",
            true,
            "社区",
            "community",
            "社区名称",
            "所属社区",
            "村",
            "社区(村)",
            "村(社区)",
            "社区/村",
            "community name",
            "所属社区(村)",
            "社区村",
            "村居",
            "所在社区"),
    STATION(
            "stationId",
            false,
            "站点",
            "station",
            "服务站",
            "社工站",
            "所属站点",
            "站点名称",
            "station name",
            "服务站点",
            "社工站点",
            "所属服务站",
            "社会工作服务站"),
    GRID("gridId", false, "网格", "grid", "所属网格", "网格名称", "grid name", "网格号", "网格编号", "所在网格"),
    RESIDENT_NUMBER(
            "residentId",
            false,
            "居民编号",
            "resident number",
            "居民号",
            "resident no",
            "resident no.",
            "居民",
            "居民编码",
            "服务对象编号",
            "居民档案号",
            "档案编号",
            "resident"),
    SOURCE("source", false, "需求来源", "source", "来源"),
    CATEGORY(
            "category",
            true,
            "类别",
            "category",
            "服务类别",
            "需求类别",
            "需求类型",
            "类型",
            "分类",
            "需求分类",
            "服务类型",
            "需求种类",
            "类目",
            "kind",
            "type"),
    URGENCY("urgency", true, "紧急程度", "urgency", "紧急度", "缓急", "急缓", "优先级", "缓急程度", "急缓程度", "紧急情况", "紧急性", "priority"),
    BENEFICIARY_GROUP(
            "beneficiaryGroup",
            true,
            "服务对象",
            "beneficiary group",
            "对象类别",
            "服务人群",
            "beneficiary",
            "受益群体",
            "服务对象类型",
            "服务对象类别",
            "对象类型",
            "人群类别",
            "人群",
            "群体",
            "受益对象"),
    BENEFICIARY_COUNT("beneficiaryCount", false, "服务人数", "beneficiary count", "受益人数", "人数", "people", "涉及人数", "服务人次"),
    TITLE(
            "title",
            true,
            "标题",
            "title",
            "需求描述",
            "需求内容",
            "需求标题",
            "需求",
            "描述",
            "description",
            "需求名称",
            "事项",
            "需求事项",
            "事项名称",
            "事项内容",
            "名称",
            "内容",
            "服务内容",
            "需求说明",
            "具体需求",
            "心愿内容",
            "need"),
    START("start", true, "开始时间", "start", "开始日期", "起始时间", "start time", "start date", "起始日期", "开始", "服务开始时间"),
    END(
            "end",
            true,
            "结束时间",
            "end",
            "截止时间",
            "结束日期",
            "截止日期",
            "end time",
            "end date",
            "完成时限",
            "期限",
            "截止",
            "办结时限",
            "完成时间",
            "截至日期",
            "截至时间",
            "时限",
            "deadline",
            "due",
            "due date"),
    QUANTITY("quantity.amount", false, "数量", "quantity", "amount", "需求数量", "数目", "物资数量", "份数", "qty"),
    UNIT("quantity.unit", false, "单位", "unit", "计量单位", "数量单位"),
    SKILLS("requiredSkills", false, "所需技能", "skills", "技能要求", "技能", "required skills", "技能需求", "需要技能"),
    LANGUAGES("requiredLanguages", false, "所需语言", "languages", "语言", "required languages"),
    MINUTES(
            "estimatedMinutes",
            false,
            "预计时长(分钟)",
            "estimated minutes",
            "预计时长",
            "时长(分钟)",
            "时长",
            "minutes",
            "服务时长",
            "预计用时"),
    GEOHASH("geohash", false, "位置编码", "geohash", "geohash编码");

    private final String field;
    private final boolean required;
    private final String chinese;
    private final String english;
    private final List<String> keys;

    ImportColumn(String field, boolean required, String chinese, String english, String... aliases) {
        this.field = field;
        this.required = required;
        this.chinese = chinese;
        this.english = english;
        this.keys = Stream.concat(Stream.of(chinese, english), Arrays.stream(aliases))
                .map(ImportColumn::key)
                .toList();
    }

    public String field() {
        return field;
    }

    public boolean required() {
        return required;
    }

    public String header(Language language) {
        return language == Language.zh ? chinese : english;
    }

    /**
     * The header as staff may write it: full-width forms, spaces, case, a '*' for required, "(必填)",
     * "（选填）", "【必填】", "required" are all fine; a note in brackets ("截止时间（选填）", "数量(箱)") is
     * tried with and without it.
     */
    public static Optional<ImportColumn> forHeader(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String key = key(header);
        Optional<ImportColumn> exact =
                Arrays.stream(values()).filter(c -> c.keys.contains(key)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        String bare = bare(key);
        return bare.isEmpty()
                ? Optional.empty()
                : Arrays.stream(values()).filter(c -> c.keys.contains(bare)).findFirst();
    }

    /** The column whose field (as the API spells it: {@code title}, {@code quantity.amount}) or name ({@code TITLE}) this is. */
    public static Optional<ImportColumn> forFieldName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.strip();
        for (ImportColumn c : values()) {
            if (c.field.equalsIgnoreCase(n) || c.name().equalsIgnoreCase(n)) {
                return Optional.of(c);
            }
        }
        return switch (n.toLowerCase(Locale.ROOT)) {
            case "quantity" -> Optional.of(QUANTITY);
            case "unit" -> Optional.of(UNIT);
            case "residentnumber", "residentref" -> Optional.of(RESIDENT_NUMBER);
            default -> Optional.empty();
        };
    }

    /** The column holding a need field (e.g. {@code quantity} and {@code quantity.amount} are both 数量). */
    public static Optional<ImportColumn> forField(String field) {
        String f = field.equals("quantity") ? "quantity.amount" : field;
        return Arrays.stream(values())
                .filter(c -> c.field.equals(f) || f.startsWith(c.field + "["))
                .findFirst();
    }

    /** A header reduced to what identifies it (also the key under which a community's own mapping is remembered). */
    static String key(String text) {
        String k = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replace('【', '(')
                .replace('】', ')')
                .replace('[', '(')
                .replace(']', ')')
                .replace('〔', '(')
                .replace('〕', ')')
                .replaceAll("[\\s*_\\-:：＊·•]", "");
        for (String mark : Marks.ALL) {
            k = k.replace("(" + mark + ")", "");
        }
        for (String mark : Marks.ALL) {
            if (k.length() > mark.length() && (k.startsWith(mark) || k.endsWith(mark))) {
                k = k.startsWith(mark) ? k.substring(mark.length()) : k.substring(0, k.length() - mark.length());
            }
        }
        return k;
    }

    /** The key without anything in brackets: "截止时间(完成日期)" is 截止时间. */
    static String bare(String key) {
        return key.replaceAll("\\([^)]*\\)?", "").replace(")", "");
    }

    /** Marks of required or optional columns (in a holder: the constants' constructors use them before the enum's statics exist). */
    private static final class Marks {
        static final List<String> ALL = List.of("非必填", "必填", "选填", "可选", "required", "optional");
    }

    public enum Language {
        zh,
        en
    }
}
