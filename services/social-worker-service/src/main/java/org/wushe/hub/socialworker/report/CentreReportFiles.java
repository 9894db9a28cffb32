package org.wushe.hub.socialworker.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.wushe.hub.socialworker.report.CentreReport.Row;
import org.wushe.hub.socialworker.report.CentreReportTable.Column;
import org.wushe.hub.socialworker.report.CentreReportTable.Kind;

/** A centre report as a CSV file Excel opens right (UTF-8 with a byte order mark) and as an XLSX workbook. */
final class CentreReportFiles {

    static final String CSV = "text/csv;charset=UTF-8";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String BOM = "\uFEFF";

    private CentreReportFiles() {}

    static String fileName(CentreReport report, String extension) {
        return "中心报表-centre-report-" + report.from() + "-" + report.to() + "." + extension;
    }

    /** RFC 4180: comma separated, CRLF, fields with a comma, quote or line break quoted. */
    static byte[] csv(CentreReport report) {
        StringBuilder out = new StringBuilder(BOM);
        line(out, CentreReportTable.COLUMNS.stream().map(Column::header).toList());
        for (Row row : CentreReportTable.rows(report)) {
            line(
                    out,
                    CentreReportTable.COLUMNS.stream().map(c -> csvCell(c, row)).toList());
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quoted(cells.get(i)));
        }
        out.append("\r\n");
    }

    private static String csvCell(Column c, Row row) {
        Object value = c.value().apply(row);
        if (value == null) {
            return "";
        }
        return switch (c.kind()) {
            case TEXT -> inert(value.toString());
            case COUNT -> value.toString();
            case ONE_DECIMAL, TWO_DECIMALS ->
                CentreReportTable.decimal(c, value).toPlainString();
        };
    }

    /** A name that a spreadsheet would take for a formula (=, +, -, @) is written as text. */
    private static String inert(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String quoted(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    /** One sheet: the header row, a row per station, the totals row in bold; numbers as numeric cells. */
    static byte[] xlsx(CentreReport report) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.getProperties()
                    .getCoreProperties()
                    .setTitle(report.centreName() + " 中心报表 " + report.from() + " – " + report.to());
            Sheet sheet = book.createSheet("中心报表");
            Styles styles = new Styles(book);

            org.apache.poi.ss.usermodel.Row header = sheet.createRow(0);
            header.setHeightInPoints(34);
            for (int i = 0; i < CentreReportTable.COLUMNS.size(); i++) {
                Column c = CentreReportTable.COLUMNS.get(i);
                Cell cell = header.createCell(i);
                cell.setCellValue(c.header());
                cell.setCellStyle(styles.header);
                sheet.setColumnWidth(i, (i == 0 ? 34 : c.kind() == Kind.TEXT ? 38 : 16) * 256);
            }
            List<Row> rows = CentreReportTable.rows(report);
            for (int r = 0; r < rows.size(); r++) {
                boolean total = r == rows.size() - 1;
                org.apache.poi.ss.usermodel.Row line = sheet.createRow(r + 1);
                for (int i = 0; i < CentreReportTable.COLUMNS.size(); i++) {
                    Column c = CentreReportTable.COLUMNS.get(i);
                    Object value = c.value().apply(rows.get(r));
                    Cell cell = line.createCell(i);
                    cell.setCellStyle(styles.of(c.kind(), total));
                    if (value == null) {
                        continue;
                    }
                    switch (c.kind()) {
                        case TEXT -> cell.setCellValue(value.toString());
                        case COUNT -> cell.setCellValue(((Number) value).doubleValue());
                        case ONE_DECIMAL, TWO_DECIMALS ->
                            cell.setCellValue(
                                    CentreReportTable.decimal(c, value).doubleValue());
                    }
                }
            }
            sheet.createFreezePane(1, 1);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Styles {
        final CellStyle header;
        private final CellStyle[][] cells = new CellStyle[Kind.values().length][2];

        Styles(XSSFWorkbook book) {
            Font bold = book.createFont();
            bold.setBold(true);
            header = book.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            for (Kind kind : Kind.values()) {
                for (int total = 0; total < 2; total++) {
                    CellStyle s = book.createCellStyle();
                    s.setDataFormat(book.createDataFormat()
                            .getFormat(
                                    switch (kind) {
                                        case TEXT -> "@";
                                        case COUNT -> "0";
                                        case ONE_DECIMAL -> "0.0";
                                        case TWO_DECIMALS -> "0.00";
                                    }));
                    if (total == 1) {
                        s.setFont(bold);
                        s.setBorderTop(BorderStyle.THIN);
                    }
                    cells[kind.ordinal()][total] = s;
                }
            }
        }

        CellStyle of(Kind kind, boolean total) {
            return cells[kind.ordinal()][total ? 1 : 0];
        }
    }
}
