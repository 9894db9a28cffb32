package org.wushe.hub.community.needimport;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.NeedSource;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.platform.i18n.Messages;

/**
 * Turns the rows of a need list into need inputs, or into problems naming the column (as the file
 * spells its header) and the reason. Pure: names of communities, stations, grids and residents are
 * resolved later against the database. Reasons never repeat a cell's content (it may be personal data).
 */
public final class NeedRowParser {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Pattern SPLIT = Pattern.compile("[,，、;；/|]+");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Map<String, String> LANGUAGES = Map.ofEntries(
            Map.entry("英语", "en"),
            Map.entry("英文", "en"),
            Map.entry("日语", "ja"),
            Map.entry("韩语", "ko"),
            Map.entry("俄语", "ru"),
            Map.entry("法语", "fr"),
            Map.entry("德语", "de"),
            Map.entry("西班牙语", "es"),
            Map.entry("阿拉伯语", "ar"),
            Map.entry("葡萄牙语", "pt"),
            Map.entry("维吾尔语", "ug"),
            Map.entry("藏语", "bo"),
            Map.entry("蒙古语", "mn"),
            Map.entry("粤语", "yue"),
            Map.entry("english", "en"),
            Map.entry("japanese", "ja"),
            Map.entry("korean", "ko"),
            Map.entry("russian", "ru"),
            Map.entry("french", "fr"),
            Map.entry("german", "de"),
            Map.entry("spanish", "es"),
            Map.entry("arabic", "ar"),
            Map.entry("cantonese", "yue"));

    /** Where each known column is, and how the file spells its header. */
    public record Layout(
            Map<ImportColumn, Integer> index, Map<ImportColumn, String> headers, ImportColumn.Language language) {
        public String header(ImportColumn c) {
            return headers.getOrDefault(c, c.header(language));
        }
    }

    /** One row read: names still to resolve, values parsed. */
    public record RowInput(
            int row,
            String community,
            String station,
            String grid,
            String residentNumber,
            NeedSource source,
            Category category,
            Urgency urgency,
            BeneficiaryGroup beneficiaryGroup,
            Integer beneficiaryCount,
            String title,
            String geohash,
            Instant start,
            Instant end,
            Integer quantity,
            QuantityUnit unit,
            List<Skill> skills,
            List<String> languages,
            Integer estimatedMinutes) {}

    public record RowProblem(int row, String column, String reason) {}

    public record Parsed(RowInput input, List<RowProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private NeedRowParser() {}

    /**
     * Finds the columns by their headers (Chinese or English, in any order; unknown columns such as
     * 备注 are ignored). A missing required column or a column given twice refuses the whole file.
     */
    public static Layout layout(List<String> headers) {
        Map<ImportColumn, Integer> index = new EnumMap<>(ImportColumn.class);
        Map<ImportColumn, String> spelled = new EnumMap<>(ImportColumn.class);
        int chinese = 0;
        for (int i = 0; i < headers.size(); i++) {
            String h = headers.get(i);
            Optional<ImportColumn> c = ImportColumn.forHeader(h);
            if (c.isEmpty()) {
                continue;
            }
            if (index.containsKey(c.get())) {
                throw new SpreadsheetRejected(
                        400,
                        Messages.text(
                                "sheet.column-twice",
                                spelled.get(c.get()),
                                h.strip(),
                                c.get().header(ImportColumn.Language.en)));
            }
            index.put(c.get(), i);
            spelled.put(c.get(), h.strip());
            if (h.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
                chinese++;
            }
        }
        ImportColumn.Language language = chinese > 0 ? ImportColumn.Language.zh : ImportColumn.Language.en;
        List<String> missing = new ArrayList<>();
        for (ImportColumn c : ImportColumn.values()) {
            if (c.required() && !index.containsKey(c)) {
                missing.add(c.header(ImportColumn.Language.zh) + "/" + c.header(ImportColumn.Language.en));
            }
        }
        if (!missing.isEmpty()) {
            throw new SpreadsheetRejected(400, Messages.text("sheet.columns-missing", missing));
        }
        return new Layout(index, spelled, language);
    }

    /**
     * How lenient a row is read. The one-step upload is strict: the file names every required value. The
     * wizard (drafts) knows the community from the uploader, starts a need now when the sheet has no
     * start, and counts a quantity without a unit in its category's usual unit.
     *
     * @param communityImplied the community may be left out (the import's own community is taken)
     * @param defaultStart     the start of a row that gives none, or null when a start is required
     * @param defaultUnits     an amount without a unit is counted in {@link Values#defaultUnit}
     */
    public record Options(boolean communityImplied, Instant defaultStart, boolean defaultUnits) {
        public static final Options STRICT = new Options(false, null, false);
    }

    public static Parsed parse(SpreadsheetReader.SheetRow row, Layout layout) {
        return parse(row, layout, Options.STRICT);
    }

    public static Parsed parse(SpreadsheetReader.SheetRow row, Layout layout, Options options) {
        Cells cells = new Cells(row, layout);
        NeedSource source = cells.choice(ImportColumn.SOURCE, Labels.SOURCE);
        Category category = cells.choice(ImportColumn.CATEGORY, Labels.CATEGORY);
        Urgency urgency = cells.choice(ImportColumn.URGENCY, Labels.URGENCY);
        BeneficiaryGroup group = cells.choice(ImportColumn.BENEFICIARY_GROUP, Labels.BENEFICIARY_GROUP);
        QuantityUnit unit = cells.choice(ImportColumn.UNIT, Labels.UNIT);
        Integer amount = null;
        Values.Quantity quantity = cells.quantity();
        if (quantity != null) {
            amount = quantity.amount().intValue();
            if (quantity.unitText() != null && unit == null && cells.blank(ImportColumn.UNIT)) {
                Optional<QuantityUnit> written = Labels.UNIT.parse(quantity.unitText());
                if (written.isEmpty()) {
                    cells.problem(
                            ImportColumn.QUANTITY,
                            "数量后的单位无法识别 the unit after the amount is not known; use e.g. 件, 箱, 份, 公斤");
                }
                unit = written.orElse(null);
            }
            if (unit == null
                    && options.defaultUnits()
                    && !cells.reported(ImportColumn.QUANTITY)
                    && !cells.reported(ImportColumn.UNIT)) {
                unit = Values.defaultUnit(category);
            }
        }
        Instant start = cells.time(ImportColumn.START, false);
        if (start == null && cells.blank(ImportColumn.START) && options.defaultStart() != null) {
            start = options.defaultStart();
        }
        RowInput input = new RowInput(
                row.number(),
                options.communityImplied()
                        ? cells.text(ImportColumn.COMMUNITY)
                        : cells.required(ImportColumn.COMMUNITY),
                cells.text(ImportColumn.STATION),
                cells.text(ImportColumn.GRID),
                cells.text(ImportColumn.RESIDENT_NUMBER),
                source,
                category,
                urgency,
                group,
                cells.integer(ImportColumn.BENEFICIARY_COUNT),
                cells.required(ImportColumn.TITLE),
                cells.text(ImportColumn.GEOHASH),
                start,
                cells.time(ImportColumn.END, true),
                amount,
                unit,
                cells.list(ImportColumn.SKILLS, Labels.SKILL),
                cells.languages(),
                cells.integer(ImportColumn.MINUTES));
        for (ImportColumn c : List.of(
                ImportColumn.CATEGORY,
                ImportColumn.URGENCY,
                ImportColumn.BENEFICIARY_GROUP,
                ImportColumn.START,
                ImportColumn.END)) {
            if (c == ImportColumn.START && start != null) {
                continue;
            }
            if (cells.blank(c) && !cells.reported(c)) {
                cells.problem(c, "必填 required");
            }
        }
        return new Parsed(input, cells.problems());
    }

    /** Reads a start (or an end) time: a date alone starts at 00:00, or ends at the end of that day. See {@link Values#time}. */
    public static Optional<Instant> time(String text, boolean end) {
        return Values.time(text, end, LocalDate.now(ZONE));
    }

    /** The cells of one row, and the problems found reading them. */
    private static final class Cells {
        private final SpreadsheetReader.SheetRow row;
        private final Layout layout;
        private final Map<ImportColumn, RowProblem> problems = new LinkedHashMap<>();

        Cells(SpreadsheetReader.SheetRow row, Layout layout) {
            this.row = row;
            this.layout = layout;
        }

        String text(ImportColumn c) {
            Integer i = layout.index().get(c);
            if (i == null) {
                return null;
            }
            String v = row.cell(i);
            return v.isBlank() ? null : v;
        }

        boolean blank(ImportColumn c) {
            return text(c) == null;
        }

        boolean reported(ImportColumn c) {
            return problems.containsKey(c);
        }

        String required(ImportColumn c) {
            String v = text(c);
            if (v == null) {
                problem(c, "必填 required");
            }
            return v;
        }

        <E extends Enum<E>> E choice(ImportColumn c, Labels<E> labels) {
            String v = text(c);
            if (v == null) {
                return null;
            }
            Optional<E> e = labels.parse(v);
            if (e.isEmpty()) {
                problem(
                        c,
                        "取值无效 not a known choice; use one of " + examples(labels) + " (see the template's help sheet)");
            }
            return e.orElse(null);
        }

        <E extends Enum<E>> List<E> list(ImportColumn c, Labels<E> labels) {
            String v = text(c);
            if (v == null) {
                return List.of();
            }
            List<E> found = new ArrayList<>();
            for (String part : SPLIT.split(v)) {
                if (part.isBlank()) {
                    continue;
                }
                Optional<E> e = labels.parse(part);
                if (e.isEmpty()) {
                    problem(
                            c,
                            "取值无效 holds an unknown choice; use labels such as " + examples(labels)
                                    + ", separated by 、 or commas");
                    return List.of();
                }
                if (!found.contains(e.get())) {
                    found.add(e.get());
                }
            }
            return found;
        }

        List<String> languages() {
            String v = text(ImportColumn.LANGUAGES);
            if (v == null) {
                return List.of();
            }
            List<String> tags = new ArrayList<>();
            for (String part : SPLIT.split(v)) {
                String p = part.strip();
                if (p.isEmpty()) {
                    continue;
                }
                String tag = LANGUAGES.getOrDefault(p.toLowerCase(Locale.ROOT), p);
                if (!LANGUAGE_TAG.matcher(tag).matches()) {
                    problem(ImportColumn.LANGUAGES, "语言无效 languages are written as 英语、日语 or as tags such as en, ja");
                    return List.of();
                }
                tags.add(tag);
            }
            return tags;
        }

        Integer integer(ImportColumn c) {
            String v = text(c);
            if (v == null) {
                return null;
            }
            Optional<Integer> n = Values.wholeNumber(v);
            if (n.isEmpty()) {
                problem(c, "须为整数 must be a whole number");
            }
            return n.orElse(null);
        }

        /** The quantity column: an amount, and the unit written after it ("3箱", "5 份"), if any. */
        Values.Quantity quantity() {
            String v = text(ImportColumn.QUANTITY);
            if (v == null) {
                return null;
            }
            Optional<Values.Quantity> q = Values.numberWithWord(v);
            if (q.isEmpty() || q.get().amount().stripTrailingZeros().scale() > 0) {
                problem(ImportColumn.QUANTITY, "须为整数 must be a whole number");
                return null;
            }
            try {
                q.get().amount().intValueExact();
            } catch (ArithmeticException tooLarge) {
                problem(ImportColumn.QUANTITY, "须为整数 must be a whole number");
                return null;
            }
            return q.get();
        }

        Instant time(ImportColumn c, boolean end) {
            String v = text(c);
            if (v == null) {
                return null;
            }
            Optional<Instant> t = NeedRowParser.time(v, end);
            if (t.isEmpty()) {
                problem(c, "日期时间无法识别 not a date and time; write e.g. 2026-11-23 08:00, 2026/11/23 or 2026年11月23日");
            }
            return t.orElse(null);
        }

        void problem(ImportColumn c, String reason) {
            problems.putIfAbsent(c, new RowProblem(row.number(), layout.header(c), reason));
        }

        List<RowProblem> problems() {
            return List.copyOf(problems.values());
        }

        private static <E extends Enum<E>> String examples(Labels<E> labels) {
            List<E> choices = labels.choices();
            List<String> shown = new ArrayList<>();
            for (int i = 0; i < Math.min(4, choices.size()); i++) {
                shown.add(labels.chinese(choices.get(i)) + "/" + choices.get(i).name());
            }
            return String.join(", ", shown) + (choices.size() > 4 ? " …" : "");
        }
    }
}
