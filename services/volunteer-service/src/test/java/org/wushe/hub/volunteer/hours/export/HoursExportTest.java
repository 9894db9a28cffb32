package org.wushe.hub.volunteer.hours.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.wushe.hub.platform.core.IdNumbers;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.testing.TestTokens;
import org.wushe.hub.volunteer.support.Http;
import org.wushe.hub.volunteer.support.ServiceScenario;

/**
 * Issue 15 item 6, the export of service hours for the national system's bulk import, over real HTTP with signed tokens
 * on the real stack: exactly the station's records, with the hours as credited, the real names and ID numbers opened
 * from the sealed details; the same rows in the CSV (UTF-8 with a byte order mark) and the XLSX; erased volunteers left
 * out; only the station's own staff, with a reason, and every export in the volunteers' access log; bad input refused
 * naming the field.
 */
class HoursExportTest extends ServiceScenario {

    private static final List<String> HEADERS =
            List.of("姓名", "证件类型", "证件号码", "服务时长（小时）", "服务开始时间", "服务结束时间", "服务项目/活动名称", "服务地点", "记录单位");

    private String staff(UUID station) {
        return TestTokens.token("staff-" + station, Roles.STATION_STAFF, Roles.STATION_ID, station);
    }

    private static String idNumber(LocalDate birth) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first17 = String.format("%06d", 110000 + random.nextInt(500_000))
                + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", random.nextInt(1000));
        return first17 + IdNumbers.checkCharacter(first17);
    }

    /** A volunteer registered by the staff of {@code station}, with a name and an ID number. */
    private UUID register(UUID station, String name, String idNumber) {
        Map<String, Object> body = registration(name, false, false);
        body.put("idNumber", idNumber);
        body.remove("youngOld");
        Http.Response r = http().as(staff(station)).post("/volunteers", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return UUID.fromString(r.json().get("id").asText());
    }

    private void log(UUID station, UUID volunteer, int minutes, LocalDate servedOn, String note) {
        Http.Response r = http().as(staff(station))
                .post(
                        "/volunteers/" + volunteer + "/hours",
                        Map.of(
                                "minutes",
                                minutes,
                                "servedOn",
                                servedOn.toString(),
                                "stationId",
                                station.toString(),
                                "note",
                                note));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    private Http.Binary export(String token, UUID station, String query) {
        return http().as(token).getBytes("/stations/" + station + "/hours/export?" + query);
    }

    private String period(String format, String reason) {
        return "from=" + today().minusDays(7) + "&to=" + today() + "&format=" + format + "&reason="
                + URLEncoder.encode(reason, StandardCharsets.UTF_8);
    }

    private static List<List<String>> csvRows(Http.Binary b) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord r :
                CSVFormat.DEFAULT.parse(new java.io.StringReader(b.text().substring(1)))) {
            rows.add(r.toList());
        }
        return rows;
    }

    private static List<List<String>> xlsxRows(byte[] body) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Sheet sheet = book.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < HEADERS.size(); i++) {
                    Cell c = row.getCell(i);
                    if (c == null) {
                        cells.add("");
                    } else if (row.getRowNum() > 0 && i == 3) {
                        assertThat(c.getCellType()).isEqualTo(CellType.NUMERIC);
                        cells.add(new java.math.BigDecimal(String.valueOf(c.getNumericCellValue()))
                                .stripTrailingZeros()
                                .toPlainString());
                    } else {
                        assertThat(c.getCellType()).isEqualTo(CellType.STRING);
                        cells.add(format.formatCellValue(c));
                    }
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    private long exportsLogged(UUID volunteer, String actor, String reason) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM volunteer_access WHERE volunteer_id = ? AND action = 'EXPORT' AND actor = ? AND reason = ?",
                Long.class,
                volunteer,
                actor,
                reason);
    }

    @Test
    void theStationsRecordsWithTheirHoursInCsvAndXlsxAndEachExportInTheAccessLog() throws IOException {
        UUID station = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String idA = idNumber(LocalDate.of(1980, 3, 14));
        String idB = idNumber(LocalDate.of(1995, 11, 2));
        UUID a = register(station, "王秀兰", idA);
        UUID b = register(station, "李=明", idB);
        UUID elsewhere = register(other, "赵德胜", idNumber(LocalDate.of(1970, 6, 1)));
        UUID erased = register(station, "钱多多", idNumber(LocalDate.of(1988, 8, 8)));
        log(station, a, 90, today().minusDays(2), "邻里节 中秋游园");
        log(station, a, 20, today().minusDays(1), "助老 上门");
        log(station, b, 120, today(), "社区清洁");
        log(other, elsewhere, 60, today(), "别处的服务");
        log(station, erased, 30, today(), "已注销");
        // Hours before the period are not in it.
        jdbc.update(
                "UPDATE service_hours SET served_on = ? WHERE volunteer_id = ? AND minutes = 20",
                java.sql.Date.valueOf(today().minusDays(30)),
                a);
        log(station, a, 45, today().minusDays(3), "上期补录");
        jdbc.update(
                "UPDATE service_hours SET served_on = ? WHERE volunteer_id = ? AND minutes = 45",
                java.sql.Date.valueOf(today().minusDays(8)),
                a);
        Http.Response erasure = http().delete("/volunteers/" + erased);
        assertThat(erasure.status()).as(erasure.toString()).isEqualTo(204);

        String reason = "上报全国志愿服务信息系统 national system import";
        Http.Binary csv = export(staff(station), station, period("csv", reason));
        assertThat(csv.status()).as(csv.text()).isEqualTo(200);
        assertThat(csv.raw().headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.raw().headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(t -> assertThat(t).contains("attachment").contains(".csv"));
        assertThat(csv.body()).startsWith(0xEF, 0xBB, 0xBF);
        List<List<String>> rows = csvRows(csv);
        String recorder = "站点 station " + station;
        String d2 = today().minusDays(2).toString();
        String d0 = today().toString();
        assertThat(rows)
                .containsExactly(
                        HEADERS,
                        List.of("王秀兰", "居民身份证", idA, "1.5", d2, d2, "邻里节 中秋游园", "", recorder),
                        List.of("李=明", "居民身份证", idB, "2.0", d0, d0, "社区清洁", "", recorder));
        assertThat(csv.raw().headers().firstValue("X-Export-Rows")).hasValue("2");
        assertThat(csv.raw().headers().firstValue("X-Export-Erased-Left-Out")).hasValue("1");
        assertThat(csv.text()).doesNotContain("赵德胜").doesNotContain("钱多多");

        Http.Binary xlsx = export(staff(station), station, period("xlsx", reason));
        assertThat(xlsx.status()).as(xlsx.text()).isEqualTo(200);
        assertThat(xlsx.raw().headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith(ExportFiles.XLSX));
        List<List<String>> sheet = xlsxRows(xlsx.body());
        List<List<String>> expected = new ArrayList<>(rows);
        // The numbers as numeric cells: 2.0 reads back as 2.
        expected.set(2, List.of("李=明", "居民身份证", idB, "2", d0, d0, "社区清洁", "", recorder));
        assertThat(sheet).containsExactlyElementsOf(expected);

        String actor = "staff-" + station;
        assertThat(exportsLogged(a, actor, reason)).isEqualTo(2);
        assertThat(exportsLogged(b, actor, reason)).isEqualTo(2);
        assertThat(exportsLogged(elsewhere, actor, reason)).isZero();
        // The volunteer reads the export in their own access log.
        Http.Response log = http().as(TestTokens.token("vol-" + a, Roles.VOLUNTEER, Roles.VOLUNTEER_ID, a))
                .get("/volunteers/" + a + "/access-log");
        assertThat(log.status()).as(log.toString()).isEqualTo(200);
        assertThat(log.body()).contains("EXPORT").contains(reason);
    }

    @Test
    void onlyTheStationsOwnStaffWithAReasonAndAValidPeriodAndFormat() {
        UUID station = UUID.randomUUID();
        UUID v = register(station, "孙丽", idNumber(LocalDate.of(1990, 1, 1)));
        log(station, v, 60, today(), "值守");
        String ok = period("csv", "年度上报 yearly report");

        Http.Binary otherStaff = export(staff(UUID.randomUUID()), station, ok);
        assertThat(otherStaff.status()).as(otherStaff.text()).isEqualTo(403);
        assertThat(otherStaff.text()).contains("stationId");
        Http.Binary volunteer =
                export(TestTokens.token("vol-" + v, Roles.VOLUNTEER, Roles.VOLUNTEER_ID, v), station, ok);
        assertThat(volunteer.status()).as(volunteer.text()).isEqualTo(403);
        Http.Binary admin = export(TestTokens.admin(), station, ok);
        assertThat(admin.status()).as(admin.text()).isEqualTo(403);
        assertThat(export(null, station, ok).status()).isEqualTo(401);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM volunteer_access WHERE volunteer_id = ? AND action = 'EXPORT'",
                        Long.class,
                        v))
                .isZero();

        String from = today().minusDays(7).toString();
        String to = today().toString();
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("to=" + to + "&reason=x", "from");
        refused.put("from=" + from + "&reason=x", "to");
        refused.put("from=2026-13-01&to=" + to + "&reason=x", "from");
        refused.put("from=" + from + "&to=tomorrow&reason=x", "to");
        refused.put("from=" + to + "&to=" + from + "&reason=x", "to");
        refused.put("from=2025-01-01&to=2026-01-01&reason=x", "to");
        refused.put("from=" + from + "&to=" + to, "reason");
        refused.put("from=" + from + "&to=" + to + "&reason=%20", "reason");
        refused.put("from=" + from + "&to=" + to + "&reason=x&format=pdf", "format");
        refused.forEach((query, field) -> {
            Http.Binary r = export(staff(station), station, query);
            assertThat(r.status()).as(query + " → " + r.text()).isEqualTo(400);
            assertThat(r.raw().headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(Http.JSON
                            .readTree(r.text())
                            .path("errors")
                            .path(0)
                            .path("field")
                            .asText())
                    .as(query + " → " + r.text())
                    .isEqualTo(field);
        });
        // A year exactly (2025-01-01 to 2025-12-31) is allowed.
        Http.Binary year = export(staff(station), station, "from=2025-01-01&to=2025-12-31&reason=x&format=xlsx");
        assertThat(year.status()).as(year.text()).isEqualTo(200);
    }

    @org.junit.jupiter.api.AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void anActivitysCheckInAndOutWithACorrectionAreOneRecordWithTheirTimesAndTitle() throws IOException {
        UUID station = UUID.randomUUID();
        String idNumber = idNumber(LocalDate.of(1975, 5, 20));
        UUID v = register(station, "周=立新", idNumber);
        java.time.Instant start = today().plusDays(2)
                .atTime(java.time.LocalTime.of(8, 0))
                .atZone(SHANGHAI)
                .toInstant();
        Http staff = http().as(staff(station));
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("kind", "CLEAN_UP");
        body.put("title", "=邻里节 社区大扫除");
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(java.time.Duration.ofHours(4)).toString());
        body.put("approvalRequired", false);
        body.put("positions", List.of(Map.of("duty", "引导居民 guiding residents", "places", 5)));
        Http.Response published = staff.post("/activities", body);
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        String activity = published.json().get("id").asText();
        String position = http().get("/activities/" + activity)
                .json()
                .get("positions")
                .get(0)
                .get("id")
                .asText();
        Http.Response signUp = http().as(TestTokens.token("vol-" + v, Roles.VOLUNTEER, Roles.VOLUNTEER_ID, v))
                .post("/activities/" + activity + "/sign-ups", Map.of("positionId", position));
        assertThat(signUp.status()).as(signUp.toString()).isEqualTo(201);
        String base = "/activities/" + activity + "/sign-ups/"
                + signUp.json().get("id").asText();

        clock.advance(java.time.Duration.between(clock.instant(), start));
        Http.Response in = staff.post(base + "/check-in", Map.of());
        assertThat(in.status()).as(in.toString()).isEqualTo(200);
        // 2 h 47 min: 2.5 h credited; the correction to 3 h 10 min makes it 3.0 h, an entry of 30 more minutes.
        clock.advance(java.time.Duration.ofMinutes(167));
        Http.Response out = staff.post(base + "/check-out", Map.of());
        assertThat(out.status()).as(out.toString()).isEqualTo(200);
        assertThat(out.json().get("creditedMinutes").asInt()).isEqualTo(150);
        clock.advance(java.time.Duration.ofMinutes(30));
        Http.Response corrected = staff.post(
                base + "/attendance/corrections",
                Map.of(
                        "checkedOutAt",
                        start.plus(java.time.Duration.ofMinutes(190)).toString(),
                        "reason",
                        "签退晚录 late check-out"));
        assertThat(corrected.status()).as(corrected.toString()).isBetween(200, 201);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM service_hours WHERE volunteer_id = ?", Long.class, v))
                .isEqualTo(2);

        String day = today().toString();
        Http.Binary csv = export(
                staff(station),
                station,
                "from=" + today().minusDays(3) + "&to=" + today() + "&reason="
                        + URLEncoder.encode("季度上报", StandardCharsets.UTF_8));
        assertThat(csv.status()).as(csv.text()).isEqualTo(200);
        assertThat(csvRows(csv))
                .containsExactly(
                        HEADERS,
                        List.of(
                                "周=立新",
                                "居民身份证",
                                idNumber,
                                "3.0",
                                day + " 08:00",
                                day + " 11:10",
                                "'=邻里节 社区大扫除",
                                "",
                                "站点 station " + station));
    }
}
