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
    COMMUNITY("communityId", true, "社区", "community", "社区名称", "所属社区", "村", "社区(村)", "村(社区)", "社区/村", "community name"),
    STATION("stationId", false, "站点", "station", "服务站", "社工站", "所属站点", "站点名称", "station name"),
    GRID("gridId", false, "网格", "grid", "所属网格", "网格名称", "grid name"),
    RESIDENT_NUMBER("residentId", false, "居民编号", "resident number", "居民号", "resident no", "resident no."),
    SOURCE("source", false, "需求来源", "source", "来源"),
    CATEGORY("category", true, "类别", "category", "服务类别", "需求类别", "需求类型", "类型"),
    URGENCY("urgency", true, "紧急程度", "urgency", "紧急度", "缓急"),
    BENEFICIARY_GROUP("beneficiaryGroup", true, "服务对象", "beneficiary group", "对象类别", "服务人群", "beneficiary"),
    BENEFICIARY_COUNT("beneficiaryCount", false, "服务人数", "beneficiary count", "受益人数", "人数", "people"),
    TITLE("title", true, "标题", "title", "需求描述", "需求内容", "需求标题", "需求", "描述", "description"),
    START("start", true, "开始时间", "start", "开始日期", "起始时间", "start time", "start date"),
    END("end", true, "结束时间", "end", "截止时间", "结束日期", "截止日期", "end time", "end date"),
    QUANTITY("quantity.amount", false, "数量", "quantity", "amount"),
    UNIT("quantity.unit", false, "单位", "unit"),
    SKILLS("requiredSkills", false, "所需技能", "skills", "技能要求", "技能", "required skills"),
    LANGUAGES("requiredLanguages", false, "所需语言", "languages", "语言", "required languages"),
    MINUTES("estimatedMinutes", false, "预计时长(分钟)", "estimated minutes", "预计时长", "时长(分钟)", "时长", "minutes"),
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
        this.keys = Stream.concat(Stream.of(chinese, english), Arrays.stream(aliases)).map(ImportColumn::key).toList();
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

    /** The header as staff may write it: full-width forms, spaces, a '*' for required, "(必填)" are all fine. */
    public static Optional<ImportColumn> forHeader(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String key = key(header);
        Optional<ImportColumn> exact = Arrays.stream(values()).filter(c -> c.keys.contains(key)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        String bare = key.replaceAll("\\([^)]*\\)", "");
        return Arrays.stream(values()).filter(c -> c.keys.contains(bare)).findFirst();
    }

    /** The column holding a need field (e.g. {@code quantity} and {@code quantity.amount} are both 数量). */
    public static Optional<ImportColumn> forField(String field) {
        String f = field.equals("quantity") ? "quantity.amount" : field;
        return Arrays.stream(values()).filter(c -> c.field.equals(f) || f.startsWith(c.field + "[")).findFirst();
    }

    static String key(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[\\s*_\\-:：]", "")
                .replace("(必填)", "").replace("(选填)", "").replace("(required)", "").replace("(optional)", "");
    }

    public enum Language { zh, en }
}
