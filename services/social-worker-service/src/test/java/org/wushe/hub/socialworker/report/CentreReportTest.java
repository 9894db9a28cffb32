package org.wushe.hub.socialworker.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.Availability;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.Place;
import org.wushe.hub.events.community.NeedClosed;
import org.wushe.hub.events.community.NeedOutcome;
import org.wushe.hub.events.community.NeedPublished;
import org.wushe.hub.events.matching.MatchAccepted;
import org.wushe.hub.events.matching.MatchCompleted;
import org.wushe.hub.events.matching.MatchProposed;
import org.wushe.hub.events.volunteer.HoursSource;
import org.wushe.hub.events.volunteer.PointsAwarded;
import org.wushe.hub.events.volunteer.ServiceDifficulty;
import org.wushe.hub.events.volunteer.ServiceHoursCredited;
import org.wushe.hub.events.volunteer.VolunteerRegistered;
import org.wushe.hub.platform.core.Calendar;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.testing.NeedEvents;
import org.wushe.hub.platform.testing.Upstream;
import org.wushe.hub.schemas.AvroTrust;
import org.wushe.hub.socialworker.needs.NeedInbound;
import org.wushe.hub.socialworker.support.ServiceScenario;
import org.wushe.hub.socialworker.volunteers.VolunteerInbound;
import org.wushe.hub.testing.Http;
import tools.jackson.databind.JsonNode;

/**
 * A town centre with two community stations: needs, matches, hours and points published by the
 * community, matching and volunteer services through their real outboxes, with known times; visits,
 * cases, groups and workers through this service's API. The centre's report has exactly the counts,
 * medians and 90th percentiles, hours, points, visits and certification rates worked out by hand, as
 * JSON, CSV and XLSX; Kafka delivering every event again changes nothing.
 */
class CentreReportTest extends ServiceScenario {

    private final Sent sent = new Sent();
    /**
     * The grid work, residents' and activity columns of a row (GridAndResidentFiguresTest and ActivityFiguresTest have
     * them), up to the station id: no grid work, no wish sent, no rating, no activity; the needs fulfilled here are
     * micro-wishes (NeedEvents' source), so wishes fulfilled.
     */
    private static String gridAndResidents(int wishesFulfilled) {
        return "0,0,0,0,0,0,0," + wishesFulfilled + ",0,,0,0,0,0,0,0.0,";
    }

    @Test
    void theCentreReportHasEachStationsFiguresAndTheTotalsInJsonCsvAndXlsxAndRedeliveryChangesNothing()
            throws Exception {
        AvroTrust.install();
        KnownStation centre = streetCentre();
        KnownStation a = communityStation(centre.id());
        KnownStation b = communityStation(centre.id());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant t0 = now.minus(10, ChronoUnit.DAYS);
        Instant longAgo = now.minus(40, ChronoUnit.DAYS);
        LocalDate from = today().minusDays(29);
        LocalDate to = today();

        // ---- this service's own work: workers, visits, cases, groups ----------------------------------
        UUID atA = workerAt(a);
        workerAt(a);
        workerAt(a);
        workerAt(a, "certificationLevel", "ASSISTANT", "certifiedOn", "2021-06-30"); // A: 1 of 4 certified, 25%
        UUID atB = workerAt(b, "certificationLevel", "INTERMEDIATE", "certifiedOn", "2019-11-20");
        workerAt(b, "certificationLevel", "ASSISTANT", "certifiedOn", "2023-06-30"); // B: 2 of 2, 100%
        workerAt(centre); // the centre: 0 of 1; all: 3 of 7, 42.86%

        visit(atA, a, "PHONE", "WELL", now.minus(3, ChronoUnit.DAYS), null);
        visit(atA, a, "PHONE", "NOT_REACHED", now.minus(2, ChronoUnit.DAYS), null);
        visit(atA, a, "HOME", "FOLLOW_UP", now.minus(5, ChronoUnit.DAYS), null);
        visit(atA, a, "PHONE", "WELL", longAgo, null); // before the period
        visit(atB, b, "HOME", "WELL", now.minus(4, ChronoUnit.DAYS), null);
        visit(atB, b, "PHONE", "WELL", now.minus(1, ChronoUnit.DAYS), null);

        caseOf(atA, today().minusDays(10).toString(), null); // opened, still open
        caseOf(atA, today().minusDays(20).toString(), today().minusDays(5).toString()); // opened and closed
        caseOf(atB, today().minusDays(40).toString(), null); // open, opened before

        String groupA = group(atA, a);
        session(groupA, now.minus(10, ChronoUnit.DAYS), 8);
        session(groupA, now.minus(3, ChronoUnit.DAYS), 7);
        session(group(atB, b), now.minus(2, ChronoUnit.DAYS), 12);

        // ---- volunteers recruited (VolunteerRegistered) -------------------------------------------------
        registered(a.community(), now.minus(6, ChronoUnit.DAYS));
        registered(a.community(), now.minus(5, ChronoUnit.DAYS));
        registered(a.community(), longAgo); // before the period
        registered(b.community(), now.minus(4, ChronoUnit.DAYS));

        // ---- needs and matches at A -----------------------------------------------------------------------
        // n1: proposed after 2 min, accepted, completed after 3 h (and closed FULFILLED a second later)
        UUID n1 = need(a, t0);
        UUID m1 = proposed(n1, a, t0.plus(2, ChronoUnit.MINUTES));
        accepted(m1, n1, a, t0.plus(30, ChronoUnit.MINUTES));
        completed(m1, n1, a, t0.plus(3, ChronoUnit.HOURS));
        closed(n1, a, NeedOutcome.FULFILLED, t0.plus(3, ChronoUnit.HOURS).plusSeconds(1), m1);
        // n2: 4 min, fulfilled after 5 h
        Instant p2 = t0.plus(1, ChronoUnit.HOURS);
        UUID n2 = need(a, p2);
        UUID m2 = proposed(n2, a, p2.plus(4, ChronoUnit.MINUTES));
        accepted(m2, n2, a, p2.plus(1, ChronoUnit.HOURS));
        completed(m2, n2, a, p2.plus(5, ChronoUnit.HOURS));
        closed(n2, a, NeedOutcome.FULFILLED, p2.plus(5, ChronoUnit.HOURS), m2);
        // n3: first proposed after 10 min, proposed again after 30 (rank 2): still one match, 10 min; never accepted
        Instant p3 = t0.plus(2, ChronoUnit.HOURS);
        UUID n3 = need(a, p3);
        proposed(n3, a, p3.plus(10, ChronoUnit.MINUTES));
        proposed(n3, a, p3.plus(30, ChronoUnit.MINUTES));
        // n4: cancelled a day later, never proposed
        Instant p4 = t0.plus(3, ChronoUnit.HOURS);
        UUID n4 = need(a, p4);
        closed(n4, a, NeedOutcome.CANCELLED, p4.plus(1, ChronoUnit.DAYS), null);
        // n5: 6 min, accepted, fulfilled by NeedClosed alone after 9 h
        Instant p5 = t0.plus(4, ChronoUnit.HOURS);
        UUID n5 = need(a, p5);
        UUID m5 = proposed(n5, a, p5.plus(6, ChronoUnit.MINUTES));
        accepted(m5, n5, a, p5.plus(20, ChronoUnit.MINUTES));
        closed(n5, a, NeedOutcome.FULFILLED, p5.plus(9, ChronoUnit.HOURS), m5);
        // n6: published, proposed and accepted before the period; completed in it, 31 days after publication
        Instant p6 = t0.minus(30, ChronoUnit.DAYS);
        UUID n6 = need(a, p6);
        UUID m6 = proposed(n6, a, p6.plus(1, ChronoUnit.MINUTES));
        accepted(m6, n6, a, p6.plus(10, ChronoUnit.MINUTES));
        completed(m6, n6, a, t0.plus(1, ChronoUnit.DAYS));

        // ---- and at B -----------------------------------------------------------------------------------------
        UUID k1 = need(b, t0);
        UUID mb = proposed(k1, b, t0.plus(8, ChronoUnit.MINUTES));
        accepted(mb, k1, b, t0.plus(20, ChronoUnit.MINUTES));
        completed(mb, k1, b, t0.plus(2, ChronoUnit.HOURS));
        closed(k1, b, NeedOutcome.FULFILLED, t0.plus(2, ChronoUnit.HOURS), mb);
        Instant q2 = t0.plus(1, ChronoUnit.HOURS);
        UUID k2 = need(b, q2);
        closed(k2, b, NeedOutcome.EXPIRED, q2.plus(2, ChronoUnit.DAYS), null);

        // ---- hours and points ---------------------------------------------------------------------------------
        UUID v1 = UUID.randomUUID();
        UUID v2 = UUID.randomUUID();
        UUID c1 = hours(v1, 120, m1, null, day(t0.plus(3, ChronoUnit.HOURS))); // A, through its match
        UUID c2 = hours(v2, 90, null, b.id(), day(t0)); // B, logged by hand
        UUID c3 = hours(v1, 60, mb, b.id(), day(t0.plus(2, ChronoUnit.HOURS))); // B
        UUID c4 = hours(UUID.randomUUID(), 45, null, a.id(), day(longAgo)); // A, before the period
        UUID c5 = hours(UUID.randomUUID(), 30, null, null, day(t0)); // no station: nobody's
        UUID c6 = hours(v2, 15, m5, null, day(p5.plus(9, ChronoUnit.HOURS))); // A, through its match
        points(v1, c1, 20, t0.plus(3, ChronoUnit.HOURS));
        points(v2, c2, 30, t0);
        points(v1, c3, 10, t0.plus(2, ChronoUnit.HOURS));
        points(v1, null, 5, t0); // no credit: nobody's
        points(UUID.randomUUID(), c4, 40, longAgo); // before the period
        points(v2, c6, 3, p5.plus(9, ChronoUnit.HOURS));
        points(UUID.randomUUID(), c5, 7, t0); // credit of no station

        sent.awaitProcessed();

        // ---- the report ---------------------------------------------------------------------------------------
        String query = "?from=" + from + "&to=" + to;
        Http.Response json = http().get("/centres/" + centre.id() + "/report" + query);
        assertThat(json.status()).as(json.text()).isEqualTo(200);
        JsonNode report = json.json();
        assertThat(report.get("centreId").asText()).isEqualTo(centre.id().toString());
        assertThat(report.get("level").asText()).isEqualTo("STREET_CENTRE");
        assertThat(report.get("from").asText()).isEqualTo(from.toString());
        assertThat(report.get("to").asText()).isEqualTo(to.toString());
        JsonNode rows = report.get("stations");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("scope").asText()).isEqualTo("CENTRE");
        assertThat(rows.get(0).get("stationId").asText()).isEqualTo(centre.id().toString());
        JsonNode rowA = row(rows, a.id());
        JsonNode rowB = row(rows, b.id());
        JsonNode own = rows.get(0);
        JsonNode totals = report.get("totals");
        assertThat(rowA.get("scope").asText()).isEqualTo("STATION");
        assertThat(totals.get("scope").asText()).isEqualTo("TOTAL");
        assertThat(totals.get("stationsIncluded"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(centre.id().toString(), a.id().toString(), b.id().toString());

        needs(rowA, 5, 4, 3, 4, 1, 0);
        needs(rowB, 2, 1, 1, 1, 0, 1);
        needs(own, 0, 0, 0, 0, 0, 0);
        needs(totals, 7, 5, 4, 5, 1, 1);

        // Times to the first proposal: A 2, 4, 6, 10 min; B 8 min; all 2, 4, 6, 8, 10 (interpolated percentiles).
        times(rowA.get("toFirstProposal"), 4, "5.0", "8.8");
        times(rowB.get("toFirstProposal"), 1, "8.0", "8.0");
        times(totals.get("toFirstProposal"), 5, "6.0", "9.2");
        // To fulfilment: A 180, 300, 540, 44,640 min (n6: 31 days); B 120; all of them.
        times(rowA.get("toFulfilment"), 4, "420.0", "31410.0");
        assertThat(rowA.get("toFulfilment").get("medianHours").decimalValue()).isEqualByComparingTo("7.00");
        assertThat(rowA.get("toFulfilment").get("p90Hours").decimalValue()).isEqualByComparingTo("523.50");
        times(rowB.get("toFulfilment"), 1, "120.0", "120.0");
        times(totals.get("toFulfilment"), 5, "300.0", "27000.0");
        assertThat(totals.get("toFulfilment").get("medianHours").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(totals.get("toFulfilment").get("p90Hours").decimalValue()).isEqualByComparingTo("450.00");
        assertThat(own.get("toFirstProposal").get("needs").asInt()).isZero();
        assertThat(own.get("toFirstProposal").has("medianMinutes")).isFalse();

        // Hours: A 120 + 15 min, B 90 + 60; points A 20 + 3, B 30 + 10; the station-less ones count nowhere.
        credits(rowA, 135, "2.25", 23);
        credits(rowB, 150, "2.50", 40);
        credits(own, 0, "0.00", 0);
        credits(totals, 285, "4.75", 63);

        //      phone home opened open groups sessions recruited workers certified
        work(rowA, 2, 1, 2, 1, 1, 2, 2, 4, 1, "25.00", "25%");
        work(rowB, 1, 1, 0, 1, 1, 1, 1, 2, 2, "100.00", "100%");
        work(own, 0, 0, 0, 0, 0, 0, 0, 1, 0, "0.00", "0%");
        work(totals, 3, 2, 2, 2, 2, 3, 3, 7, 3, "42.86", "42.86%");
        assertThat(rowA.get("caseClients").asInt()).isEqualTo(2);
        assertThat(totals.get("caseClients").asInt()).isEqualTo(3);
        assertThat(totals.get("groupParticipants").asInt()).isEqualTo(27);

        // ---- CSV: BOM, Chinese and English headers, a row per station, the totals -------------------------------
        Http.Response csv = http().get("/centres/" + centre.id() + "/report.csv" + query);
        assertThat(csv.status()).as(csv.text()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        assertThat(Arrays.copyOf(csv.bytes(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String[] lines = new String(csv.bytes(), 3, csv.bytes().length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0])
                .isEqualTo("站点 Station,发布需求 Needs published,已匹配 Matched,已接单 Accepted,已完成 Fulfilled,"
                        + "已取消 Cancelled,已过期 Expired,首次推荐用时中位数(分钟) Median to first proposal (min),"
                        + "首次推荐用时P90(分钟) P90 to first proposal (min),完成用时中位数(小时) Median to fulfilment (h),"
                        + "完成用时P90(小时) P90 to fulfilment (h),志愿服务时长(小时) Volunteer hours,发放积分 Points awarded,"
                        + "电话探访 Phone visits,入户探访 Home visits,新开个案 Cases opened,在案个案 Cases open,小组活动(节) Group sessions,"
                        + "新招募志愿者 Volunteers recruited,社工人数 Social workers,持证社工 Certified workers,持证率(%) Certification rate (%),"
                        + "网格巡检(次) Patrols,发现隐患 Hazards found,隐患已解决 Hazards fixed,关爱走访按时 Care visits on time,"
                        + "关爱走访迟到 Care visits late,关爱走访逾期 Care visits overdue,居民微心愿 Wishes submitted,微心愿已实现 Wishes fulfilled,"
                        + "服务评价(条) Ratings,平均评分(1-5) Mean rating (1-5),回访完成 Follow-ups done,"
                        + "开展活动(场) Activities held,志愿服务培训(场) Trainings held,参与志愿者(人) Activity participants,"
                        + "活动签退(人次) Activity attendances,活动服务时长(小时) Activity hours,站点ID Station id");
        String nameA = rowA.get("stationName").asText();
        assertThat(lines)
                .contains(nameA + ",5,4,3,4,1,0,5.0,8.8,7.00,523.50,2.25,23,2,1,2,1,2,2,4,1,25.00,"
                        + gridAndResidents(4) + a.id());
        assertThat(lines[1])
                .isEqualTo(own.get("stationName").asText()
                        + "（中心本级 centre itself）,0,0,0,0,0,0,,,,,0.00,0,0,0,0,0,0,0,1,0,0.00," + gridAndResidents(0)
                        + centre.id());
        assertThat(lines[4])
                .isEqualTo("合计 Total,7,5,4,5,1,1,6.0,9.2,5.00,450.00,4.75,63,3,2,2,2,3,3,7,3,42.86,"
                        + gridAndResidents(5) + centre.id());

        // ---- XLSX: one sheet, header row, numbers as numbers, the totals row last ---------------------------------
        Http.Response xlsx = http().get("/centres/" + centre.id() + "/report.xlsx" + query);
        assertThat(xlsx.status()).as(xlsx.text()).isEqualTo(200);
        assertThat(xlsx.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(1);
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("中心报表");
            assertThat(sheet.getLastRowNum()).isEqualTo(4);
            Row header = sheet.getRow(0);
            assertThat(header.getLastCellNum()).isEqualTo((short) 39);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("站点 Station");
            assertThat(header.getCell(12).getStringCellValue()).isEqualTo("发放积分 Points awarded");
            assertThat(header.getCell(21).getStringCellValue()).isEqualTo("持证率(%) Certification rate (%)");
            Row sheetA = null;
            for (int r = 1; r <= 3; r++) {
                if (sheet.getRow(r).getCell(0).getStringCellValue().equals(nameA)) {
                    sheetA = sheet.getRow(r);
                }
            }
            assertThat(sheetA).as("station A's row").isNotNull();
            assertThat(numbers(sheetA))
                    .containsExactly(
                            5.0, 4.0, 3.0, 4.0, 1.0, 0.0, 5.0, 8.8, 7.0, 523.5, 2.25, 23.0, 2.0, 1.0, 2.0, 1.0, 2.0,
                            2.0, 4.0, 1.0, 25.0);
            assertThat(sheetA.getCell(38).getStringCellValue()).isEqualTo(a.id().toString());
            Row total = sheet.getRow(4);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计 Total");
            assertThat(numbers(total))
                    .containsExactly(
                            7.0, 5.0, 4.0, 5.0, 1.0, 1.0, 6.0, 9.2, 5.0, 450.0, 4.75, 63.0, 3.0, 2.0, 2.0, 2.0, 3.0,
                            3.0, 7.0, 3.0, 42.86);
            assertThat(book.getFontAt(total.getCell(1).getCellStyle().getFontIndex())
                            .getBold())
                    .isTrue();
            Row ownRow = sheet.getRow(1);
            assertThat(ownRow.getCell(7).getCellType())
                    .as("no time: an empty cell")
                    .isEqualTo(CellType.BLANK);
        }

        // ---- Kafka delivers every one of these events again, verbatim: nothing changes
        // --------------------------------
        sent.deliverAgainAndSeeNoChange(
                Map.of(
                        Aggregate.NEED,
                        NeedInbound.NEEDS,
                        Aggregate.MATCH,
                        NeedInbound.MATCHES,
                        Aggregate.VOLUNTEER,
                        VolunteerInbound.CONSUMER),
                http(),
                "/centres/" + centre.id() + "/report" + query,
                json);
        assertThat(http().get("/centres/" + centre.id() + "/report.csv" + query).bytes())
                .isEqualTo(csv.bytes());
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM need_fact WHERE station_id IN (?, ?)", Integer.class, a.id(), b.id()))
                .isEqualTo(8);

        // ---- the centre picker lists the centre with its two stations, and no community station
        // -------------------------
        JsonNode centres = http().get("/centres").json();
        JsonNode listed = null;
        for (JsonNode c : centres) {
            assertThat(c.get("level").asText()).isIn("STREET_CENTRE", "DISTRICT_CENTRE");
            if (c.get("id").asText().equals(centre.id().toString())) {
                listed = c;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("stations").asInt()).isEqualTo(2);
        assertThat(listed.get("name").asText()).isEqualTo(own.get("stationName").asText());
    }

    @Test
    void presetsAreThisMonthLastMonthAndThisYearUpToToday() {
        KnownStation centre = streetCentre();
        LocalDate today = today();
        JsonNode month = http().get("/centres/" + centre.id() + "/report?period=THIS_MONTH")
                .json();
        assertThat(month.get("from").asText()).isEqualTo(today.withDayOfMonth(1).toString());
        assertThat(month.get("to").asText()).isEqualTo(today.toString());
        assertThat(month.get("period").asText()).isEqualTo("THIS_MONTH");
        JsonNode last = http().get("/centres/" + centre.id() + "/report?period=LAST_MONTH")
                .json();
        assertThat(last.get("from").asText())
                .isEqualTo(today.withDayOfMonth(1).minusMonths(1).toString());
        assertThat(last.get("to").asText())
                .isEqualTo(today.withDayOfMonth(1).minusDays(1).toString());
        JsonNode year = http().get("/centres/" + centre.id() + "/report?period=THIS_YEAR")
                .json();
        assertThat(year.get("from").asText()).isEqualTo(today.withDayOfYear(1).toString());
        assertThat(year.get("to").asText()).isEqualTo(today.toString());
        // A centre with no station yet: only its own row, all zero.
        assertThat(year.get("stations")).hasSize(1);
        assertThat(year.get("totals").get("needs").get("published").asInt()).isZero();
    }

    // ---- events through the other services' outboxes ---------------------------------------------------------

    private void registered(UUID community, Instant at) {
        UUID volunteer = UUID.randomUUID();
        publish(
                Aggregate.VOLUNTEER,
                volunteer,
                VolunteerRegistered.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(at)
                        .setVolunteerId(volunteer)
                        .setCommunityId(community)
                        .setHomeArea(Place.newBuilder()
                                .setDistrictCode(DISTRICT)
                                .setCommunityId(community)
                                .setGeohash("wx4g0b")
                                .build())
                        .setAvailability(Availability.newBuilder().build())
                        .build());
    }

    private UUID need(KnownStation station, Instant at) {
        UUID id = UUID.randomUUID();
        publish(
                Aggregate.NEED,
                id,
                NeedPublished.newBuilder(NeedEvents.needPublished(id, 1))
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(at)
                        .setStationId(station.id())
                        .setCommunityId(station.community())
                        .build());
        return id;
    }

    private UUID proposed(UUID need, KnownStation station, Instant at) {
        UUID match = UUID.randomUUID();
        publish(
                Aggregate.MATCH,
                match,
                MatchProposed.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(at)
                        .setMatchId(match)
                        .setNeedId(need)
                        .setCommunityId(station.community())
                        .setStationId(station.id())
                        .setVolunteerId(UUID.randomUUID())
                        .setScore(0.8)
                        .build());
        return match;
    }

    private void accepted(UUID match, UUID need, KnownStation station, Instant at) {
        publish(
                Aggregate.MATCH,
                match,
                MatchAccepted.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(at)
                        .setMatchId(match)
                        .setNeedId(need)
                        .setCommunityId(station.community())
                        .setStationId(station.id())
                        .build());
    }

    private void completed(UUID match, UUID need, KnownStation station, Instant at) {
        publish(
                Aggregate.MATCH,
                match,
                MatchCompleted.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(at)
                        .setMatchId(match)
                        .setNeedId(need)
                        .setCommunityId(station.community())
                        .setStationId(station.id())
                        .setServiceMinutes(60)
                        .build());
    }

    private void closed(UUID need, KnownStation station, NeedOutcome outcome, Instant at, UUID match) {
        publish(
                Aggregate.NEED,
                need,
                NeedClosed.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(at)
                        .setNeedId(need)
                        .setCommunityId(station.community())
                        .setStationId(station.id())
                        .setRevision(2)
                        .setOutcome(outcome)
                        .setMatchId(match)
                        .build());
    }

    private UUID hours(UUID volunteer, int minutes, UUID match, UUID station, LocalDate servedOn) {
        UUID credit = UUID.randomUUID();
        publish(
                Aggregate.VOLUNTEER,
                volunteer,
                ServiceHoursCredited.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(
                                servedOn.atTime(20, 0).atZone(Calendar.ZONE).toInstant())
                        .setCreditId(credit)
                        .setVolunteerId(volunteer)
                        .setMinutes(minutes)
                        .setSource(match == null ? HoursSource.MANUAL : HoursSource.MATCH)
                        .setMatchId(match)
                        .setStationId(station)
                        .setCategory(Category.HOME_REPAIR)
                        .setDifficulty(ServiceDifficulty.STANDARD)
                        .setServedOn(servedOn)
                        .setTotalMinutes(minutes)
                        .build());
        return credit;
    }

    private void points(UUID volunteer, UUID credit, long points, Instant at) {
        publish(
                Aggregate.VOLUNTEER,
                volunteer,
                PointsAwarded.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(at)
                        .setTransactionId(UUID.randomUUID())
                        .setVolunteerId(volunteer)
                        .setCreditId(credit)
                        .setPoints(points)
                        .setComputedPoints(points)
                        .setMultiplierPercent(100)
                        .setRuleVersion(1)
                        .setBalance(points)
                        .build());
    }

    private void publish(Aggregate aggregate, UUID key, SpecificRecord event) {
        Upstream upstream = switch (aggregate) {
            case NEED -> Upstream.community(codec);
            case MATCH -> Upstream.matching(codec);
            default -> Upstream.volunteer(codec);
        };
        sent.add(aggregate, key, upstream.publish(aggregate, key, event));
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, Calendar.ZONE);
    }

    // ---- the report's figures ----------------------------------------------------------------------------------

    private static void needs(
            JsonNode row, int published, int matched, int accepted, int fulfilled, int cancelled, int expired) {
        JsonNode n = row.get("needs");
        assertThat(List.of(
                        n.get("published").asInt(),
                        n.get("matched").asInt(),
                        n.get("accepted").asInt(),
                        n.get("fulfilled").asInt(),
                        n.get("cancelled").asInt(),
                        n.get("expired").asInt()))
                .as(row.get("stationName").asText())
                .containsExactly(published, matched, accepted, fulfilled, cancelled, expired);
    }

    private static void times(JsonNode durations, int needs, String median, String p90) {
        assertThat(durations.get("needs").asInt()).isEqualTo(needs);
        assertThat(durations.get("medianMinutes").decimalValue()).isEqualByComparingTo(median);
        assertThat(durations.get("p90Minutes").decimalValue()).isEqualByComparingTo(p90);
    }

    private static void credits(JsonNode row, long minutes, String hours, long points) {
        assertThat(row.get("volunteerMinutes").asLong())
                .as("minutes of " + row.get("scope"))
                .isEqualTo(minutes);
        assertThat(row.get("volunteerHours").decimalValue()).isEqualByComparingTo(hours);
        assertThat(row.get("pointsAwarded").asLong())
                .as("points of " + row.get("scope"))
                .isEqualTo(points);
    }

    private static void work(
            JsonNode row,
            int phone,
            int home,
            int opened,
            int open,
            int groupsRun,
            int sessions,
            int recruited,
            int workers,
            int certified,
            String rate,
            String rateText) {
        assertThat(Map.of(
                        "phone",
                        row.get("phoneVisits").asInt(),
                        "home",
                        row.get("homeVisits").asInt(),
                        "opened",
                        row.get("casesOpened").asInt(),
                        "open",
                        row.get("casesOpen").asInt(),
                        "groups",
                        row.get("groupsRun").asInt(),
                        "sessions",
                        row.get("groupSessions").asInt(),
                        "recruited",
                        row.get("volunteersRecruited").asInt(),
                        "workers",
                        row.get("socialWorkers").asInt(),
                        "certified",
                        row.get("certifiedWorkers").asInt()))
                .as(row.get("scope").asText() + " " + row.get("stationName").asText())
                .isEqualTo(Map.of(
                        "phone",
                        phone,
                        "home",
                        home,
                        "opened",
                        opened,
                        "open",
                        open,
                        "groups",
                        groupsRun,
                        "sessions",
                        sessions,
                        "recruited",
                        recruited,
                        "workers",
                        workers,
                        "certified",
                        certified));
        assertThat(row.get("certificationRate").decimalValue()).isEqualByComparingTo(rate);
        assertThat(row.get("certificationRateText").asText()).isEqualTo(rateText);
    }

    private static List<Double> numbers(Row row) {
        List<Double> out = new ArrayList<>();
        for (int i = 1; i <= 21; i++) {
            Cell cell = row.getCell(i);
            assertThat(cell.getCellType()).as("column " + i + " is a number").isEqualTo(CellType.NUMERIC);
            out.add(cell.getNumericCellValue());
        }
        return out;
    }
}
