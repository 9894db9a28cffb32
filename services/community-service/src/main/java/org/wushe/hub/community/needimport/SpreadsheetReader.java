package org.wushe.hub.community.needimport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.wushe.hub.platform.i18n.Messages;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an {@code .xlsx} (streaming, never the whole workbook in memory) or a
 * {@code .csv} (UTF-8, or GB18030 as Excel saves it on Chinese Windows) into text cells. Refuses,
 * before anything is imported: other formats, formulas (公式: the hub takes values, and formulas in a
 * CSV are an injection risk), zip bombs, and more rows than the cap. Dates formatted as dates in
 * Excel come out as {@code yyyy-MM-dd HH:mm}.
 */
public final class SpreadsheetReader {

    public enum Format {
        XLSX,
        CSV
    }

    /** A data row: its number as the spreadsheet shows it (header is usually row 1) and its cells. */
    public record SheetRow(int number, List<String> cells) {
        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }
    }

    public record Sheet(List<String> headers, List<SheetRow> rows) {}

    private static final int MAX_COLUMNS = 60;
    private static final int MAX_CELL = 2000;
    /**
     * The text a sheet may hold, all cells together (characters as read, at most {@value #MAX_CELL} a cell): about
     * 16 MB of heap at most, whatever the file. A template's 20,000 rows of a dozen short cells take a fraction of
     * it; a crafted sheet of many cells sharing one long string is refused when it reaches it, while it is read.
     */
    static final long MAX_TEXT = 8_000_000;
    /** The shared strings part of an xlsx (each distinct text once) is read up to this many bytes of XML. */
    static final long MAX_SHARED_STRINGS_BYTES = 16L * 1024 * 1024;

    private static final Pattern CSV_FORMULA = Pattern.compile("^([=@]|[+\\-][^\\d\\s.,])");

    static {
        // Zip bomb guards: an entry may not inflate more than 100 times, nor beyond 64 MB.
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(64L * 1024 * 1024);
    }

    private final int maxRows;

    public SpreadsheetReader(int maxRows) {
        this.maxRows = maxRows;
    }

    public static Format detect(String fileName, byte[] bytes) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            return Format.XLSX;
        }
        if (bytes.length >= 4
                && (bytes[0] & 0xff) == 0xD0
                && (bytes[1] & 0xff) == 0xCF
                && (bytes[2] & 0xff) == 0x11
                && (bytes[3] & 0xff) == 0xE0) {
            throw new SpreadsheetRejected(415, Messages.text("sheet.old-xls"));
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
            throw new SpreadsheetRejected(415, Messages.text("sheet.not-xlsx"));
        }
        for (int i = 0; i < Math.min(bytes.length, 4096); i++) {
            if (bytes[i] == 0 && !(bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFF || (bytes[0] & 0xff) == 0xFE))) {
                throw new SpreadsheetRejected(415, Messages.text("sheet.format"));
            }
        }
        return Format.CSV;
    }

    public Sheet read(byte[] bytes, Format format) {
        List<List<String>> raw = format == Format.XLSX ? readXlsx(bytes) : readCsv(bytes);
        return toSheet(raw);
    }

    private Sheet toSheet(List<List<String>> raw) {
        List<String> headers = null;
        List<SheetRow> rows = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            List<String> cells = raw.get(i);
            if (cells == null || cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (headers == null) {
                headers = cells;
                continue;
            }
            rows.add(new SheetRow(i + 1, cells));
        }
        if (headers == null) {
            throw new SpreadsheetRejected(400, Messages.text("sheet.empty"));
        }
        return new Sheet(headers, rows);
    }

    private void checkRowCount(int rowsSoFar) {
        if (rowsSoFar > maxRows + 1) {
            throw new SpreadsheetRejected(413, Messages.text("sheet.too-many-rows", maxRows));
        }
    }

    // ---- xlsx -------------------------------------------------------------------------------------

    private List<List<String>> readXlsx(byte[] bytes) {
        List<List<String>> rows = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = sharedStrings(pkg);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new SpreadsheetRejected(400, Messages.text("sheet.no-sheet"));
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new ValuesOnly(styles, strings, new Collector(rows), new IsoDates()));
                parser.parse(new InputSource(sheet));
            }
        } catch (SpreadsheetRejected e) {
            throw e;
        } catch (SAXException e) {
            if (e.getCause() instanceof SpreadsheetRejected r) {
                throw r;
            }
            throw new SpreadsheetRejected(400, Messages.text("sheet.bad-xml"));
        } catch (Exception e) {
            throw rejectedWorkbook(e);
        }
        return rows;
    }

    /** The shared strings, read through a stream that refuses more than {@link #MAX_SHARED_STRINGS_BYTES}. */
    private static ReadOnlySharedStringsTable sharedStrings(OPCPackage pkg) throws IOException, SAXException {
        List<org.apache.poi.openxml4j.opc.PackagePart> parts =
                pkg.getPartsByContentType(org.apache.poi.xssf.usermodel.XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return new ReadOnlySharedStringsTable(pkg, false);
        }
        try (InputStream in = new Bounded(parts.get(0).getInputStream(), MAX_SHARED_STRINGS_BYTES)) {
            return new ReadOnlySharedStringsTable(in, false);
        }
    }

    /** Refuses (413) a stream longer than its limit. */
    private static final class Bounded extends java.io.FilterInputStream {
        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw tooMuchText();
            }
        }
    }

    static SpreadsheetRejected tooMuchText() {
        return new SpreadsheetRejected(413, Messages.text("sheet.too-much-text", MAX_TEXT / 1_000_000));
    }

    private static SpreadsheetRejected rejectedWorkbook(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SpreadsheetRejected r) {
                return r;
            }
            String m = String.valueOf(t.getMessage());
            if (m.contains("Zip bomb")
                    || m.contains("exceed")
                    || m.contains("max. ratio")
                    || m.contains("Max entry size")) {
                return new SpreadsheetRejected(413, Messages.text("sheet.zip-bomb"));
            }
        }
        return new SpreadsheetRejected(400, Messages.text("sheet.unreadable-xlsx"));
    }

    /** Collects cell texts by column; the row cap is checked as rows arrive. */
    private final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final List<List<String>> rows;
        private final TextBudget budget = new TextBudget();
        private List<String> current;

        Collector(List<List<String>> rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            while (rows.size() < rowNum) {
                rows.add(null); // rows the sheet skips
                checkRowCount(rows.size());
            }
            current = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            rows.add(current);
            checkRowCount(rows.size());
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = cellReference == null ? current.size() : new CellReference(cellReference).getCol();
            if (column >= MAX_COLUMNS) {
                return;
            }
            while (current.size() < column) {
                current.add("");
            }
            current.add(budget.take(clean(formattedValue)));
        }
    }

    /** POI's sheet handler, refusing any cell that holds a formula. */
    private static final class ValuesOnly extends XSSFSheetXMLHandler {
        private String cell;

        ValuesOnly(
                StylesTable styles,
                ReadOnlySharedStringsTable strings,
                SheetContentsHandler handler,
                DataFormatter formatter) {
            super(styles, strings, handler, formatter, false);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            String name = localName == null || localName.isEmpty() ? qName : localName;
            if ("c".equals(name)) {
                cell = attributes.getValue("r");
            } else if ("f".equals(name)) {
                throw new SAXException(
                        new SpreadsheetRejected(400, Messages.text("sheet.cell-formula", cell == null ? "?" : cell)));
            }
            super.startElement(uri, localName, qName, attributes);
        }
    }

    /** Date cells as ISO-like text, whatever display format the sheet uses. */
    private static final class IsoDates extends DataFormatter {
        IsoDates() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(
                double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime t = DateUtil.getLocalDateTime(value, use1904Windowing, true);
                boolean hasTime = formatString != null
                        && formatString.toLowerCase(Locale.ROOT).contains("h");
                return hasTime
                        ? String.format(
                                Locale.ROOT,
                                "%04d-%02d-%02d %02d:%02d",
                                t.getYear(),
                                t.getMonthValue(),
                                t.getDayOfMonth(),
                                t.getHour(),
                                t.getMinute())
                        : t.toLocalDate().toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }

    // ---- csv --------------------------------------------------------------------------------------

    private List<List<String>> readCsv(byte[] bytes) {
        String text = decode(bytes);
        char delimiter = delimiter(text);
        List<List<String>> rows = new ArrayList<>();
        TextBudget budget = new TextBudget();
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < Math.min(record.size(), MAX_COLUMNS); i++) {
                    String value = clean(record.get(i));
                    if (CSV_FORMULA.matcher(value).find()) {
                        throw new SpreadsheetRejected(
                                400,
                                Messages.text(
                                        "sheet.csv-formula", rows.size() + 1, CellReference.convertNumToColString(i)));
                    }
                    cells.add(budget.take(value));
                }
                rows.add(cells);
                checkRowCount(rows.size());
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new SpreadsheetRejected(400, Messages.text("sheet.bad-csv"));
        }
        return rows;
    }

    /** UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 as saved by Excel on Chinese Windows. */
    static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        long commas = first.chars().filter(c -> c == ',').count();
        long tabs = first.chars().filter(c -> c == '\t').count();
        long semicolons = first.chars().filter(c -> c == ';').count();
        return tabs > commas && tabs >= semicolons ? '\t' : semicolons > commas ? ';' : ',';
    }

    /** The characters kept of one sheet, all cells together: refused (413) beyond {@link #MAX_TEXT}, as they are read. */
    private static final class TextBudget {
        private long used;

        String take(String cell) {
            used += cell.length();
            if (used > MAX_TEXT) {
                throw tooMuchText();
            }
            return cell;
        }
    }

    /**
     * Unicode-normalized (full-width digits and punctuation become ASCII), trimmed, bounded. A long value is cut
     * before it is normalized (never a copy of all of it per cell); a blank one is the one empty string.
     */
    static String clean(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String cut = value.length() > 2 * MAX_CELL ? value.substring(0, 2 * MAX_CELL) : value;
        String v = Normalizer.normalize(cut, Normalizer.Form.NFKC).strip();
        if (v.isEmpty()) {
            return "";
        }
        return v.length() > MAX_CELL ? v.substring(0, MAX_CELL) : v;
    }
}
