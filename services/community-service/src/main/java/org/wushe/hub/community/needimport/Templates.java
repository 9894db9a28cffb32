package org.wushe.hub.community.needimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.wushe.hub.community.needimport.ImportColumn.Language;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.NeedSource;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;

/** Need-list templates staff fill in: the columns, two example rows, and a help sheet of the choices. */
final class Templates {

    private Templates() {}

    static List<String> headers(Language lang) {
        List<String> headers = new ArrayList<>();
        for (ImportColumn c : ImportColumn.values()) {
            headers.add(c.header(lang));
        }
        return headers;
    }

    static List<List<String>> examples(Language lang) {
        // Example dates a week ahead, so that the examples themselves would import.
        String day = java.time.LocalDate.now(NeedRowParser.ZONE).plusDays(7).toString();
        Map<ImportColumn, String> milk = new LinkedHashMap<>();
        milk.put(ImportColumn.COMMUNITY, lang == Language.zh ? "大稿村" : "Dagao Village");
        milk.put(ImportColumn.STATION, lang == Language.zh ? "大稿村社会工作服务站" : "Dagao Village Social Work Station");
        milk.put(ImportColumn.GRID, lang == Language.zh ? "第一网格" : "Grid 1");
        milk.put(ImportColumn.RESIDENT_NUMBER, "DG-0001");
        milk.put(ImportColumn.SOURCE, Labels.SOURCE.label(NeedSource.NEED_LIST, lang));
        milk.put(ImportColumn.CATEGORY, Labels.CATEGORY.label(Category.DAILY_GOODS, lang));
        milk.put(ImportColumn.URGENCY, Labels.URGENCY.label(Urgency.ROUTINE, lang));
        milk.put(ImportColumn.BENEFICIARY_GROUP, Labels.BENEFICIARY_GROUP.label(BeneficiaryGroup.ELDERLY_ALONE, lang));
        milk.put(ImportColumn.BENEFICIARY_COUNT, "1");
        milk.put(ImportColumn.TITLE, lang == Language.zh ? "每周配送牛奶两箱" : "Two boxes of milk delivered weekly");
        milk.put(ImportColumn.START, day + " 09:00");
        milk.put(ImportColumn.END, day + " 12:00");
        milk.put(ImportColumn.QUANTITY, "2");
        milk.put(ImportColumn.UNIT, Labels.UNIT.label(QuantityUnit.BOX, lang));
        milk.put(ImportColumn.MINUTES, "30");
        Map<ImportColumn, String> door = new LinkedHashMap<>(milk);
        door.put(ImportColumn.RESIDENT_NUMBER, "DG-0002");
        door.put(ImportColumn.CATEGORY, Labels.CATEGORY.label(Category.HOME_REPAIR, lang));
        door.put(ImportColumn.URGENCY, Labels.URGENCY.label(Urgency.IMMEDIATE, lang));
        door.put(ImportColumn.BENEFICIARY_GROUP, Labels.BENEFICIARY_GROUP.label(BeneficiaryGroup.VERY_OLD, lang));
        door.put(ImportColumn.TITLE, lang == Language.zh ? "门锁损坏需维修" : "Door lock broken, needs repair");
        door.put(ImportColumn.START, day);
        door.put(ImportColumn.END, day);
        door.remove(ImportColumn.QUANTITY);
        door.remove(ImportColumn.UNIT);
        door.put(ImportColumn.SKILLS, Labels.SKILL.label(Skill.HOME_REPAIR, lang));
        door.put(ImportColumn.MINUTES, "60");
        List<List<String>> rows = new ArrayList<>();
        for (Map<ImportColumn, String> example : List.of(milk, door)) {
            List<String> row = new ArrayList<>();
            for (ImportColumn c : ImportColumn.values()) {
                row.add(example.getOrDefault(c, ""));
            }
            rows.add(row);
        }
        return rows;
    }

    static byte[] csv(Language lang) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF'); // Excel opens UTF-8 CSV correctly only with a BOM
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(headers(lang));
            for (List<String> row : examples(lang)) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(Language lang) {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet sheet = wb.createSheet(lang == Language.zh ? "需求清单" : "Need list");
            write(sheet.createRow(0), headers(lang), bold);
            List<List<String>> examples = examples(lang);
            for (int i = 0; i < examples.size(); i++) {
                write(sheet.createRow(i + 1), examples.get(i), null);
            }
            for (int i = 0; i < ImportColumn.values().length; i++) {
                sheet.setColumnWidth(i, 16 * 256);
            }
            sheet.createFreezePane(0, 1);
            Sheet help = wb.createSheet(lang == Language.zh ? "填写说明" : "Help");
            write(
                    help.createRow(0),
                    lang == Language.zh
                            ? List.of("列", "是否必填", "填写说明 / 可选值")
                            : List.of("column", "required", "how to fill / choices"),
                    bold);
            int r = 1;
            for (ImportColumn c : ImportColumn.values()) {
                write(
                        help.createRow(r++),
                        List.of(
                                c.header(lang),
                                c.required() ? (lang == Language.zh ? "必填" : "yes") : "",
                                guidance(c, lang)),
                        null);
            }
            help.setColumnWidth(0, 18 * 256);
            help.setColumnWidth(2, 120 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, List<String> values, CellStyle style) {
        for (int i = 0; i < values.size(); i++) {
            var cell = row.createCell(i);
            cell.setCellValue(values.get(i));
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    private static String guidance(ImportColumn c, Language lang) {
        boolean zh = lang == Language.zh;
        return switch (c) {
            case COMMUNITY -> zh ? "社区/村名称（或社区编号）" : "community or village name (or its id)";
            case STATION ->
                zh
                        ? "服务该社区的站点名称；只有一个站点服务该社区时可不填"
                        : "name of a station serving the community; may be empty when only one does";
            case GRID -> zh ? "网格名称" : "grid name";
            case RESIDENT_NUMBER ->
                zh ? "社区登记的居民编号（不要填写姓名、电话、身份证号）" : "the community's resident number (never a name, phone or ID number)";
            case SOURCE -> choices(Labels.SOURCE, lang);
            case CATEGORY -> choices(Labels.CATEGORY, lang);
            case URGENCY -> choices(Labels.URGENCY, lang);
            case BENEFICIARY_GROUP -> choices(Labels.BENEFICIARY_GROUP, lang);
            case BENEFICIARY_COUNT -> zh ? "服务人数，默认 1" : "people served, 1 if empty";
            case TITLE ->
                zh
                        ? "需求简述，最多 100 字；不得含姓名、电话、身份证号"
                        : "short description, at most 100 characters; no names, phones or ID numbers";
            case START, END ->
                zh
                        ? "如 2026-12-01 09:00；只写日期时，开始为当日 0 点，结束为当日 24 点"
                        : "e.g. 2026-12-01 09:00; a date alone starts at 00:00 or ends at 24:00";
            case QUANTITY -> zh ? "物资数量（整数）；生活物资必填" : "amount of goods (whole number); required for daily goods";
            case UNIT -> choices(Labels.UNIT, lang);
            case SKILLS -> (zh ? "用顿号或逗号分隔：" : "separated by commas: ") + choices(Labels.SKILL, lang);
            case LANGUAGES -> zh ? "除普通话外需要的语言，如 英语、日语" : "languages besides Mandarin, e.g. en, ja";
            case MINUTES -> zh ? "预计服务时长（分钟）" : "expected service time in minutes";
            case GEOHASH -> zh ? "位置的 geohash（最多取前 6 位）" : "geohash of the place (cut to 6 characters)";
        };
    }

    private static <E extends Enum<E>> String choices(Labels<E> labels, Language lang) {
        return labels.choices().stream()
                .map(e -> labels.label(e, lang))
                .collect(Collectors.joining(lang == Language.zh ? "、" : ", "));
    }
}
