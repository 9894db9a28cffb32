package org.wushe.hub.community.needimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wushe.hub.community.support.NeedLists;

class SpreadsheetReaderTest {

    final SpreadsheetReader reader = new SpreadsheetReader(100);

    @Test
    void anXlsxIsReadAsTextWithDatesInIsoFormAndBlankRowsSkipped() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList(
                "大稿村", LocalDateTime.parse("2026-12-01T09:30"), LocalDate.parse("2026-12-02"), 2, null, "  门锁  "));
        rows.add(null);
        rows.add(Arrays.asList("小稿村", "2026/12/1 9:00", "", 3.0, "x", "Ｂ２"));
        byte[] xlsx = NeedLists.xlsx(List.of("社区", "开始时间", "结束时间", "数量", "单位", "标题"), rows);

        SpreadsheetReader.Sheet sheet = reader.read(xlsx, SpreadsheetReader.detect("list.xlsx", xlsx));

        assertThat(sheet.headers()).containsExactly("社区", "开始时间", "结束时间", "数量", "单位", "标题");
        assertThat(sheet.rows()).extracting(SpreadsheetReader.SheetRow::number).containsExactly(2, 4);
        assertThat(sheet.rows().get(0).cells()).containsExactly("大稿村", "2026-12-01 09:30", "2026-12-02", "2", "", "门锁");
        assertThat(sheet.rows().get(1).cells()).containsExactly("小稿村", "2026/12/1 9:00", "", "3", "x", "B2");
    }

    @Test
    void aCsvIsReadInUtf8OrAsExcelSavesItOnChineseWindows() {
        String text = "社区,标题,数量\r\n大稿村,\"牛奶, 两箱\",2\r\n\r\n小稿村,门锁,\r\n";
        for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("GB18030"))) {
            SpreadsheetReader.Sheet sheet = reader.read(text.getBytes(charset), SpreadsheetReader.Format.CSV);
            assertThat(sheet.headers()).as(charset.name()).containsExactly("社区", "标题", "数量");
            assertThat(sheet.rows())
                    .extracting(SpreadsheetReader.SheetRow::cells)
                    .containsExactly(List.of("大稿村", "牛奶, 两箱", "2"), List.of("小稿村", "门锁", ""));
        }
        byte[] bom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        assertThat(reader.read(bom, SpreadsheetReader.Format.CSV).headers())
                .first()
                .isEqualTo("社区");
        assertThat(reader.read("社区\t标题\r\n大稿村\t门锁\r\n".getBytes(StandardCharsets.UTF_8), SpreadsheetReader.Format.CSV)
                        .rows()
                        .get(0)
                        .cells())
                .containsExactly("大稿村", "门锁");
    }

    @Test
    void formulasAreRefusedNamingTheCell() {
        byte[] xlsx = NeedLists.xlsx(List.of("社区", "数量"), List.of(List.of("大稿村", new NeedLists.Formula("1+1"))));
        assertThatThrownBy(() -> reader.read(xlsx, SpreadsheetReader.Format.XLSX))
                .isInstanceOf(SpreadsheetRejected.class)
                .hasMessageContaining("B2")
                .hasMessageContaining("formula");
        for (String cell : List.of("=1+1", "@SUM(A1)", "+cmd|' /C calc'!A0", "-A1")) {
            byte[] csv = ("社区,数量\r\n大稿村," + cell.replace(",", "") + "\r\n").getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> reader.read(csv, SpreadsheetReader.Format.CSV))
                    .as(cell)
                    .hasMessageContaining("formula");
        }
        assertThat(reader.read("社区,数量\r\n大稿村,-3\r\n".getBytes(StandardCharsets.UTF_8), SpreadsheetReader.Format.CSV)
                        .rows()
                        .get(0)
                        .cells())
                .containsExactly("大稿村", "-3");
    }

    @Test
    void zipBombsOversizedListsAndOtherFormatsAreRefused() {
        byte[] bomb = NeedLists.zipBomb(NeedLists.xlsx(List.of("社区"), List.of(List.of("大稿村"))), 20);
        assertThat(bomb.length).isLessThan(200_000);
        assertThatThrownBy(() -> reader.read(bomb, SpreadsheetReader.Format.XLSX))
                .isInstanceOf(SpreadsheetRejected.class)
                .hasMessageContaining("zip bomb")
                .extracting(e -> ((SpreadsheetRejected) e).status())
                .isEqualTo(413);

        StringBuilder many = new StringBuilder("社区\r\n");
        for (int i = 0; i < 101; i++) {
            many.append("村").append(i).append("\r\n");
        }
        assertThatThrownBy(() ->
                        reader.read(many.toString().getBytes(StandardCharsets.UTF_8), SpreadsheetReader.Format.CSV))
                .hasMessageContaining("more than 100 rows");

        assertThatThrownBy(() ->
                        SpreadsheetReader.detect("old.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}))
                .extracting(e -> ((SpreadsheetRejected) e).status())
                .isEqualTo(415);
        assertThatThrownBy(() -> SpreadsheetReader.detect("a.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}))
                .extracting(e -> ((SpreadsheetRejected) e).status())
                .isEqualTo(415);
        assertThatThrownBy(() -> reader.read(
                        "PK\u0003\u0004garbage".getBytes(StandardCharsets.ISO_8859_1), SpreadsheetReader.Format.XLSX))
                .extracting(e -> ((SpreadsheetRejected) e).status())
                .isEqualTo(400);
    }
}
