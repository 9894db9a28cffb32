package org.wushe.hub.community.needimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Test;
import org.wushe.hub.community.support.ServiceScenario;
import org.wushe.hub.testing.Http;

/**
 * Issue #14 item 9 on the real service: a small xlsx whose half a million cells share one long string (a
 * few hundred kB, within the zip bomb guard's ratio) would keep gigabytes of text once read; it is refused
 * (413 naming {@code file}) within a fixed memory budget, checked on the heap. Need titles with phone numbers
 * typed full-width or separated are refused (the platform's one PersonalDataScreen).
 */
class CraftedSheetTest extends ServiceScenario {

    private static final int ROWS = 8_400;
    private static final int COLUMNS = 60;

    @Test
    void aSheetOfManyCellsSharingOneLongStringIsRefusedWithinAFixedMemoryBudget() throws IOException {
        byte[] file = crafted();
        assertThat(file.length).as("small enough to upload").isLessThan(10 * 1024 * 1024);
        assertThat(inflatedTotal / file.length)
                .as("passes the zip bomb guard's 1:100 ratio")
                .isLessThan(100);

        List<MemoryPoolMXBean> old = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.getName().matches("(?i).*(old|tenured).*"))
                .toList();
        assertThat(old).isNotEmpty();
        System.gc();
        long before = old.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        old.forEach(MemoryPoolMXBean::resetPeakUsage);

        Http.Response r = http().upload("/imports", "many-cells.xlsx", file);

        long peak = old.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        assertThat(r.status()).as(r.text()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.problemField()).isEqualTo("file");
        assertThat(r.json().get("detail").asText()).contains("文字过多");
        // Read as it came, the sheet would keep 500,000 cells of 2,000 characters (2 GB); refused, the old
        // generation grew by far less than the 16 MB text budget plus what the running stack promotes meanwhile.
        assertThat((peak - before) / (1024 * 1024))
                .as("old generation growth, MB")
                .isLessThan(200);
        assertThat(http().upload(
                                "/imports/drafts?communityId="
                                        + communityWithStation().community(),
                                "many-cells.xlsx",
                                file)
                        .status())
                .isEqualTo(413);
    }

    @Test
    void titlesWithPhoneNumbersTypedFullWidthOrSeparatedAreRefused() {
        Place place = communityWithStation();
        for (String title : List.of(
                "请联系１３９１２３４５６７８", "王阿姨 1 3 9 1 2 3 4 5 6 7 8", "电话 139—1234—5678", "身份证 1101 0519 4912 3100 2X")) {
            Http.Response r = http().post("/needs", need(place, "title", title));
            assertThat(r.status()).as(title + " " + r.text()).isEqualTo(400);
            assertThat(r.problemField()).isEqualTo("title");
            assertThat(r.text()).doesNotContain("1234", "１２３４", "4912");
        }
        assertThat(http().post("/needs", need(place, "title", "12月5日 3号楼502室 送米2袋"))
                        .status())
                .isEqualTo(201);
    }

    /**
     * Half a million cells that all name shared string 0: 30,000 characters (90 kB of UTF-8, under the zip bomb
     * guard's 100 kB grace), written part by part as Excel would.
     */
    private static byte[] crafted() throws IOException {
        String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        String pkg = "http://schemas.openxmlformats.org/package/2006/relationships";
        String ct = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
        String x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            part(
                    zip,
                    "[Content_Types].xml",
                    x + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"" + ct + "sheet.main+xml\"/>"
                            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"" + ct
                            + "worksheet+xml\"/>"
                            + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"" + ct
                            + "sharedStrings+xml\"/>"
                            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"" + ct + "styles+xml\"/></Types>");
            part(
                    zip,
                    "_rels/.rels",
                    x + "<Relationships xmlns=\"" + pkg + "\">" + "<Relationship Id=\"rId1\" Type=\"" + rel
                            + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            part(
                    zip,
                    "xl/workbook.xml",
                    x + "<workbook xmlns=\"" + main + "\" xmlns:r=\"" + rel + "\">"
                            + "<sheets><sheet name=\"需求\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            part(
                    zip,
                    "xl/_rels/workbook.xml.rels",
                    x + "<Relationships xmlns=\"" + pkg + "\">"
                            + "<Relationship Id=\"rId1\" Type=\"" + rel
                            + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                            + "<Relationship Id=\"rId2\" Type=\"" + rel
                            + "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                            + "<Relationship Id=\"rId3\" Type=\"" + rel
                            + "/styles\" Target=\"styles.xml\"/></Relationships>");
            part(
                    zip,
                    "xl/styles.xml",
                    x + "<styleSheet xmlns=\"" + main + "\">"
                            + "<fonts count=\"1\"><font/></fonts><fills count=\"1\"><fill/></fills><borders count=\"1\"><border/></borders>"
                            + "<cellStyleXfs count=\"1\"><xf/></cellStyleXfs><cellXfs count=\"1\"><xf/></cellXfs></styleSheet>");
            part(
                    zip,
                    "xl/sharedStrings.xml",
                    x + "<sst xmlns=\"" + main + "\" count=\"1\" uniqueCount=\"1\">" + "<si><t>" + "需".repeat(30_000)
                            + "</t></si></sst>");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            StringBuilder xml = new StringBuilder(x + "<worksheet xmlns=\"" + main + "\"><sheetData>");
            for (int r = 1; r <= ROWS; r++) {
                xml.append("<row r=\"").append(r).append("\">");
                for (int c = 0; c < COLUMNS; c++) {
                    xml.append("<c r=\"")
                            .append(CellReference.convertNumToColString(c))
                            .append(r)
                            .append("\" t=\"s\"><v>0</v></c>");
                }
                xml.append("</row>");
                if (xml.length() > 1 << 20) {
                    write(zip, xml.toString());
                    xml.setLength(0);
                }
            }
            xml.append("</sheetData></worksheet>");
            write(zip, xml.toString());
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** The bytes of every part as written, before compression. */
    private static long inflatedTotal;

    private static void part(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        write(zip, content);
        zip.closeEntry();
    }

    private static void write(ZipOutputStream zip, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        inflatedTotal += b.length;
        zip.write(b);
    }
}
