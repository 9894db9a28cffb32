package org.wushe.hub.community.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Need lists as staff make them: .xlsx workbooks (dates as date cells, numbers as numbers) and CSV files. */
public final class NeedLists {

    /** A cell holding a formula. */
    public record Formula(String formula) {}

    private NeedLists() {}

    public static byte[] xlsx(List<String> headers, List<List<Object>> rows) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle dateTime = wb.createCellStyle();
            dateTime.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            Sheet sheet = wb.createSheet("需求清单");
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                header.createCell(i).setCellValue(headers.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                List<Object> values = rows.get(r);
                if (values == null) {
                    continue; // a blank row
                }
                Row row = sheet.createRow(r + 1);
                for (int i = 0; i < values.size(); i++) {
                    write(row.createCell(i), values.get(i), dateTime, date);
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Cell cell, Object value, CellStyle dateTime, CellStyle date) {
        if (value == null) {
            cell.setBlank();
        } else if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (value instanceof LocalDateTime t) {
            cell.setCellValue(t);
            cell.setCellStyle(dateTime);
        } else if (value instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(date);
        } else if (value instanceof Formula f) {
            cell.setCellFormula(f.formula());
        } else {
            cell.setCellValue(value.toString());
        }
    }

    public static byte[] csv(List<String> headers, List<List<Object>> rows, Charset charset) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", headers)).append("\r\n");
        for (List<Object> row : rows) {
            if (row != null) {
                sb.append(String.join(
                        ",",
                        row.stream()
                                .map(v -> v == null ? "" : quote(v.toString()))
                                .toList()));
            }
            sb.append("\r\n");
        }
        return sb.toString().getBytes(charset);
    }

    private static String quote(String v) {
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /** Workbook bytes whose first sheet's XML is padded with megabytes of spaces: tiny zipped, huge unzipped. */
    public static byte[] zipBomb(byte[] workbook, int megabytes) {
        try (org.apache.commons.compress.archivers.zip.ZipArchiveInputStream in =
                        new org.apache.commons.compress.archivers.zip.ZipArchiveInputStream(
                                new java.io.ByteArrayInputStream(workbook), "UTF-8", true, true);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes)) {
            out.setLevel(9);
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, java.nio.charset.StandardCharsets.UTF_8);
                    int at = xml.indexOf("<sheetData");
                    out.write(xml.substring(0, at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1024 * 1024];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < megabytes; i++) {
                        out.write(spaces);
                    }
                    out.write(xml.substring(at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } else {
                    out.write(content);
                }
                out.closeEntry();
            }
            out.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
