package org.wushe.hub.volunteer.hours.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The export as files: one header row in Chinese as the import names its columns, then a row per record. A CSV in UTF-8
 * with a byte order mark (Excel in China opens it right), RFC 4180 (comma, CRLF, quoted where needed); an XLSX workbook
 * with one sheet, the ID numbers as text cells (never a number Excel would round), the hours as numbers.
 */
final class ExportFiles {

    /** The columns in the import's order (English in the service README). */
    static final List<String> HEADERS =
            List.of("姓名", "证件类型", "证件号码", "服务时长（小时）", "服务开始时间", "服务结束时间", "服务项目/活动名称", "服务地点", "记录单位");

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String SHEET = "服务记录";

    private ExportFiles() {}

    static byte[] csv(HoursExport.Export export) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(HEADERS);
            for (HoursExport.Row row : export.rows()) {
                printer.printRecord(cells(row));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(HoursExport.Export export) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.getProperties().getCoreProperties().setTitle("志愿服务记录 " + export.from() + " – " + export.to());
            Sheet sheet = book.createSheet(SHEET);
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle header = book.createCellStyle();
            header.setFont(bold);
            CellStyle text = book.createCellStyle();
            text.setDataFormat(book.createDataFormat().getFormat("@"));
            CellStyle hours = book.createCellStyle();
            hours.setDataFormat(book.createDataFormat().getFormat("0.0#"));
            org.apache.poi.ss.usermodel.Row head = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                Cell cell = head.createCell(i);
                cell.setCellValue(HEADERS.get(i));
                cell.setCellStyle(header);
                sheet.setColumnWidth(i, (i == 2 ? 22 : i == 6 ? 36 : 18) * 256);
            }
            List<HoursExport.Row> rows = export.rows();
            for (int r = 0; r < rows.size(); r++) {
                org.apache.poi.ss.usermodel.Row line = sheet.createRow(r + 1);
                List<String> cells = cells(rows.get(r));
                for (int i = 0; i < cells.size(); i++) {
                    Cell cell = line.createCell(i);
                    if (i == 3) {
                        cell.setCellValue(rows.get(r).hours().doubleValue());
                        cell.setCellStyle(hours);
                    } else {
                        cell.setCellValue(cells.get(i));
                        cell.setCellStyle(text);
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The row's cells as text, in the order of {@link #HEADERS}; empty for what is not known. */
    static List<String> cells(HoursExport.Row row) {
        List<String> cells = new ArrayList<>();
        cells.add(inert(row.name()));
        cells.add(empty(row.idType()));
        cells.add(empty(row.idNumber()));
        cells.add(row.hours().toPlainString());
        cells.add(row.start());
        cells.add(row.end());
        cells.add(inert(row.project()));
        cells.add(inert(row.place()));
        cells.add(inert(row.recorder()));
        return cells;
    }

    private static String empty(String value) {
        return value == null ? "" : value;
    }

    /** Text a spreadsheet would run as a formula (= + - @, tab, CR first) starts with an apostrophe instead. */
    static String inert(String text) {
        if (text == null) {
            return "";
        }
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
