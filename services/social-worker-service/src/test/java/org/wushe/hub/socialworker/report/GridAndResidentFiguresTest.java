package org.wushe.hub.socialworker.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.NeedDetails;
import org.wushe.hub.events.common.NeedSource;
import org.wushe.hub.events.common.PatrolItem;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.events.community.CareVisitDue;
import org.wushe.hub.events.community.CareVisitState;
import org.wushe.hub.events.community.FollowUpRecorded;
import org.wushe.hub.events.community.FollowUpRecorder;
import org.wushe.hub.events.community.HazardReported;
import org.wushe.hub.events.community.NeedClosed;
import org.wushe.hub.events.community.NeedOutcome;
import org.wushe.hub.events.community.NeedPublished;
import org.wushe.hub.events.community.PatrolItemCount;
import org.wushe.hub.events.community.PatrolRecorded;
import org.wushe.hub.events.community.ServiceRated;
import org.wushe.hub.events.community.WishSubmitted;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.testing.DeadLetters;
import org.wushe.hub.platform.testing.NeedEvents;
import org.wushe.hub.platform.testing.Upstream;
import org.wushe.hub.schemas.AvroTrust;
import org.wushe.hub.socialworker.grid.GridInbound;
import org.wushe.hub.socialworker.needs.NeedInbound;
import org.wushe.hub.socialworker.support.ServiceScenario;
import org.wushe.hub.testing.Http;
import tools.jackson.databind.JsonNode;

/**
 * Grid work and residents' voice in the centre report (#19 item 4), from the community service's events written to its
 * real outbox and carried by its connector: patrols, hazards found and fixed, care visits on time, late and overdue,
 * wishes submitted and fulfilled, ratings (count, mean) and follow-ups done, per station and in total. Station B serves
 * A's community as well as its own, so A's grid work counts in both rows and once in the totals. Kafka delivering
 * every event again changes nothing; a manager of another centre is refused; a record on the grid topic that is no event
 * is dead-lettered.
 */
class GridAndResidentFiguresTest extends ServiceScenario {

    private final Sent sent = new Sent();

    @Test
    void gridWorkWishesRatingsAndFollowUpsCountPerStationAndOnceInTheTotalsAndRedeliveryChangesNothing()
            throws Exception {
        AvroTrust.install();
        KnownStation centre = streetCentre();
        KnownStation a = communityStation(centre.id());
        KnownStation b = communityStation(centre.id(), a.community());
        KnownStation otherCentre = streetCentre();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LocalDate d = today();
        LocalDate from = d.minusDays(29);
        UUID gridA = UUID.randomUUID();
        UUID gridB = UUID.randomUUID();

        // ---- patrols and their findings -------------------------------------------------------------------------
        UUID urgentNeed = UUID.randomUUID();
        UUID p1 = patrol(gridA, a.community(), d.minusDays(3), 2);
        hazard(p1, gridA, a.community(), Urgency.URGENT, urgentNeed);
        UUID reviewed = hazard(p1, gridA, a.community(), Urgency.ROUTINE, null); // published after review, below
        UUID p2 = patrol(gridA, a.community(), d.minusDays(35), 1); // walked before the period,
        UUID earlyHazard =
                hazard(p2, gridA, a.community(), Urgency.ROUTINE, null); // its finding reported now: not counted
        patrol(gridA, a.community(), d.minusDays(1), 0);
        UUID p4 = patrol(gridB, b.community(), d.minusDays(2), 1);
        hazard(p4, gridB, b.community(), Urgency.SOON, null);

        // ---- needs: two hazards fixed (one named by HazardReported, one by NeedPublished), a micro-wish fulfilled;
        //      others that are neither, a grid report need no finding raised, or fixed too early
        // ---------------------------
        need(urgentNeed, a, a.community(), NeedSource.GRID_REPORT, null, now.minus(3, ChronoUnit.DAYS));
        closed(urgentNeed, a, a.community(), now.minus(2, ChronoUnit.DAYS));
        UUID reviewedNeed = need(
                UUID.randomUUID(), a, a.community(), NeedSource.GRID_REPORT, reviewed, now.minus(2, ChronoUnit.DAYS));
        closed(reviewedNeed, a, a.community(), now.minus(1, ChronoUnit.DAYS));
        UUID typedIn =
                need(UUID.randomUUID(), a, a.community(), NeedSource.GRID_REPORT, null, now.minus(2, ChronoUnit.DAYS));
        closed(typedIn, a, a.community(), now.minus(1, ChronoUnit.DAYS)); // staff typed it in: no finding
        UUID earlyFix = need(
                UUID.randomUUID(),
                a,
                a.community(),
                NeedSource.GRID_REPORT,
                earlyHazard,
                now.minus(34, ChronoUnit.DAYS));
        closed(earlyFix, a, a.community(), now.minus(33, ChronoUnit.DAYS)); // fixed before the period
        UUID wishNeed =
                need(UUID.randomUUID(), a, a.community(), NeedSource.MICRO_WISH, null, now.minus(6, ChronoUnit.DAYS));
        closed(wishNeed, a, a.community(), now.minus(1, ChronoUnit.DAYS));
        UUID listNeed =
                need(UUID.randomUUID(), a, a.community(), NeedSource.NEED_LIST, null, now.minus(6, ChronoUnit.DAYS));
        closed(listNeed, a, a.community(), now.minus(1, ChronoUnit.DAYS)); // neither a hazard nor a wish

        // ---- wishes
        // ----------------------------------------------------------------------------------------------------
        wish(a.community(), a.id(), now.minus(7, ChronoUnit.DAYS));
        wish(a.community(), null, now.minus(6, ChronoUnit.DAYS));
        wish(a.community(), a.id(), now.minus(40, ChronoUnit.DAYS)); // before the period
        wish(b.community(), null, now.minus(2, ChronoUnit.DAYS));

        // ---- care visits
        // ---------------------------------------------------------------------------------------------
        UUID c1 = UUID.randomUUID();
        care(c1, gridA, a.community(), CareVisitState.SCHEDULED, d.minusDays(20), null); // plan set
        care(
                c1,
                gridA,
                a.community(),
                CareVisitState.SCHEDULED,
                d.minusDays(15),
                d.minusDays(22)); // visit on time (due d-20)
        care(c1, gridA, a.community(), CareVisitState.OVERDUE, d.minusDays(15), d.minusDays(22)); // overdue from d-14
        care(
                c1,
                gridA,
                a.community(),
                CareVisitState.SCHEDULED,
                d.minusDays(3),
                d.minusDays(10)); // visit late (due d-15)
        care(
                c1,
                gridA,
                a.community(),
                CareVisitState.SCHEDULED,
                d.minusDays(3),
                d.minusDays(10)); // plan changed: no visit
        care(c1, gridA, a.community(), CareVisitState.OVERDUE, d.minusDays(3), d.minusDays(10)); // overdue from d-2
        care(
                UUID.randomUUID(),
                gridA,
                a.community(),
                CareVisitState.OVERDUE,
                d.minusDays(31),
                null); // overdue from d-30: before
        care(
                UUID.randomUUID(),
                gridA,
                a.community(),
                CareVisitState.OVERDUE,
                d.minusDays(30),
                null); // overdue from d-29: counted
        // A plan whose earlier events were never seen: its visit counts, neither on time nor late.
        care(UUID.randomUUID(), gridB, b.community(), CareVisitState.SCHEDULED, d.plusDays(5), d.minusDays(2));

        // ---- ratings and follow-ups
        // ----------------------------------------------------------------------------------
        rated(a, 5, now.minus(5, ChronoUnit.DAYS));
        rated(a, 4, now.minus(4, ChronoUnit.DAYS));
        UUID low = rated(a, 2, now.minus(3, ChronoUnit.DAYS));
        rated(a, 1, now.minus(40, ChronoUnit.DAYS)); // before the period
        rated(b, 1, now.minus(2, ChronoUnit.DAYS));
        followUp(low, a, now.minus(1, ChronoUnit.DAYS));

        sent.awaitProcessed();

        // ---- the report
        // ------------------------------------------------------------------------------------------------
        String query = "?from=" + from + "&to=" + d;
        Http manager = asCentreManager(centre.id());
        Http.Response json = manager.get("/centres/" + centre.id() + "/report" + query);
        assertThat(json.status()).as(json.text()).isEqualTo(200);
        JsonNode report = json.json();
        JsonNode own = report.get("stations").get(0);
        JsonNode rowA = row(report.get("stations"), a.id());
        JsonNode rowB = row(report.get("stations"), b.id());
        JsonNode totals = report.get("totals");

        //        patrols found fixed visits onTime late overdue
        grid(rowA, 2, 2, 2, 2, 1, 1, 3);
        grid(rowB, 3, 3, 2, 3, 1, 1, 3); // B serves A's community too
        grid(own, 0, 0, 0, 0, 0, 0, 0);
        grid(totals, 3, 3, 2, 3, 1, 1, 3); // each once

        //             wishes fulfilled ratings mean  asked done
        residents(rowA, 2, 1, 3, "3.67", 1, 1);
        residents(rowB, 3, 1, 1, "1.00", 1, 0);
        residents(own, 0, 0, 0, null, 0, 0);
        residents(totals, 3, 1, 4, "3.00", 2, 1);

        // ---- CSV and XLSX carry them, Chinese first with English beside
        // -------------------------------------------------
        Http.Response csv = manager.get("/centres/" + centre.id() + "/report.csv" + query);
        assertThat(csv.status()).as(csv.text()).isEqualTo(200);
        String[] lines = new String(csv.bytes(), 3, csv.bytes().length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0])
                .endsWith(",持证率(%) Certification rate (%),网格巡检(次) Patrols,发现隐患 Hazards found,隐患已解决 Hazards fixed,"
                        + "关爱走访按时 Care visits on time,关爱走访迟到 Care visits late,关爱走访逾期 Care visits overdue,居民微心愿 Wishes submitted,"
                        + "微心愿已实现 Wishes fulfilled,服务评价(条) Ratings,平均评分(1-5) Mean rating (1-5),回访完成 Follow-ups done,"
                        + "开展活动(场) Activities held,志愿服务培训(场) Trainings held,参与志愿者(人) Activity participants,"
                        + "活动签退(人次) Activity attendances,活动服务时长(小时) Activity hours,站点ID Station id");
        assertThat(lines)
                .anySatisfy(l -> assertThat(l)
                        .startsWith(rowA.get("stationName").asText() + ",")
                        .endsWith(",2,2,2,1,1,3,2,1,3,3.67,1,0,0,0,0,0.0," + a.id()));
        assertThat(lines[lines.length - 1])
                .startsWith("合计 Total,")
                .endsWith(",3,3,2,1,1,3,3,1,4,3.00,1,0,0,0,0,0.0," + centre.id());
        assertThat(lines[1]).endsWith(",0,0,0,0,0,0,0,0,0,,0,0,0,0,0,0.0," + centre.id());
        Http.Response xlsx = manager.get("/centres/" + centre.id() + "/report.xlsx" + query);
        assertThat(xlsx.status()).as(xlsx.text()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            Sheet sheet = book.getSheetAt(0);
            org.apache.poi.ss.usermodel.Row header = sheet.getRow(0);
            assertThat(header.getCell(22).getStringCellValue()).isEqualTo("网格巡检(次) Patrols");
            assertThat(header.getCell(31).getStringCellValue()).isEqualTo("平均评分(1-5) Mean rating (1-5)");
            org.apache.poi.ss.usermodel.Row total = sheet.getRow(sheet.getLastRowNum());
            assertThat(total.getCell(22).getNumericCellValue()).isEqualTo(3.0);
            assertThat(header.getCell(24).getStringCellValue()).isEqualTo("隐患已解决 Hazards fixed");
            assertThat(total.getCell(24).getNumericCellValue()).isEqualTo(2.0);
            assertThat(total.getCell(31).getNumericCellValue()).isEqualTo(3.0);
            assertThat(total.getCell(32).getNumericCellValue()).isEqualTo(1.0);
        }

        // ---- a manager of another centre is refused, in every format
        // ---------------------------------------------------
        for (String resource : List.of("report", "report.csv", "report.xlsx")) {
            Http.Response refused =
                    asCentreManager(otherCentre.id()).get("/centres/" + centre.id() + "/" + resource + query);
            assertProblem("another centre's manager, " + resource, refused, 403, "centreId");
        }

        // ---- Kafka delivers every event again, verbatim: nothing changes
        // -----------------------------------------------
        sent.deliverAgainAndSeeNoChange(
                Map.of(Aggregate.NEED, NeedInbound.NEEDS, Aggregate.GRID, GridInbound.CONSUMER),
                manager,
                "/centres/" + centre.id() + "/report" + query,
                json);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM care_visit_fact WHERE care_plan_id = ?", Integer.class, c1))
                .isEqualTo(2);
    }

    @Test
    void aRecordOnTheGridTopicThatIsNotAnEventIsDeadLetteredAndTheNextRoundIsCounted() {
        UUID poisoned = UUID.randomUUID();
        byte[] poison = "{\"patrol\": \"not avro\"}".getBytes(StandardCharsets.UTF_8);
        DeadLetters.poison(Aggregate.GRID, poisoned.toString(), poison);
        AvroTrust.install();
        UUID next = patrol(poisoned, UUID.randomUUID(), today(), 0);

        await().atMost(WAIT)
                .until(() ->
                        jdbc.queryForObject("SELECT count(*) FROM patrol_fact WHERE patrol_id = ?", Integer.class, next)
                                == 1);
        ConsumerRecord<String, byte[]> dead = DeadLetters.awaitOne(Aggregate.GRID, poisoned.toString(), WAIT);
        assertThat(dead.value()).isEqualTo(poison);
        assertThat(DeadLetters.reason(dead)).startsWith("UndecodableEventException");
    }

    // ---- events through the community service's outbox -------------------------------------------------------------

    private UUID patrol(UUID grid, UUID community, LocalDate on, int hazards) {
        UUID id = UUID.randomUUID();
        publish(
                Aggregate.GRID,
                grid,
                PatrolRecorded.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(Instant.now())
                        .setPatrolId(id)
                        .setGridId(grid)
                        .setCommunityId(community)
                        .setPatrolledOn(on)
                        .setHouseholdsVisited(3)
                        .setItems(List.of(new PatrolItemCount(PatrolItem.GAS, 3, hazards)))
                        .setHazardsFound(hazards)
                        .build());
        return id;
    }

    private UUID hazard(UUID patrol, UUID grid, UUID community, Urgency urgency, UUID need) {
        UUID id = UUID.randomUUID();
        publish(
                Aggregate.GRID,
                grid,
                HazardReported.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(Instant.now())
                        .setHazardId(id)
                        .setPatrolId(patrol)
                        .setGridId(grid)
                        .setCommunityId(community)
                        .setItem(PatrolItem.GAS)
                        .setCategory(Category.HOME_REPAIR)
                        .setUrgency(urgency)
                        .setNeedId(need)
                        .build());
        return id;
    }

    private void care(
            UUID plan, UUID grid, UUID community, CareVisitState state, LocalDate dueOn, LocalDate lastVisitedOn) {
        publish(
                Aggregate.GRID,
                grid,
                CareVisitDue.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(Instant.now())
                        .setCarePlanId(plan)
                        .setGridId(grid)
                        .setCommunityId(community)
                        .setDueOn(dueOn)
                        .setLastVisitedOn(lastVisitedOn)
                        .setState(state)
                        .build());
    }

    private UUID need(UUID id, KnownStation station, UUID community, NeedSource source, UUID hazard, Instant at) {
        NeedPublished base = NeedEvents.needPublished(id, 1);
        publish(
                Aggregate.NEED,
                id,
                NeedPublished.newBuilder(base)
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(at)
                        .setStationId(station.id())
                        .setCommunityId(community)
                        .setDetails(NeedDetails.newBuilder(base.getDetails())
                                .setSource(source)
                                .build())
                        .setHazardId(hazard)
                        .build());
        return id;
    }

    private void closed(UUID need, KnownStation station, UUID community, Instant at) {
        publish(
                Aggregate.NEED,
                need,
                NeedClosed.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(at)
                        .setNeedId(need)
                        .setCommunityId(community)
                        .setStationId(station.id())
                        .setRevision(2)
                        .setOutcome(NeedOutcome.FULFILLED)
                        .build());
    }

    private void wish(UUID community, UUID station, Instant at) {
        UUID id = UUID.randomUUID();
        publish(
                Aggregate.NEED,
                id,
                WishSubmitted.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(at)
                        .setWishId(id)
                        .setCommunityId(community)
                        .setStationId(station)
                        .setCategory(Category.COMPANIONSHIP)
                        .build());
    }

    private UUID rated(KnownStation station, int stars, Instant at) {
        UUID need = UUID.randomUUID();
        publish(
                Aggregate.NEED,
                need,
                ServiceRated.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(at)
                        .setNeedId(need)
                        .setCommunityId(station.community())
                        .setStationId(station.id())
                        .setStars(stars)
                        .setFollowUpOpened(stars <= 2)
                        .build());
        return need;
    }

    private void followUp(UUID need, KnownStation station, Instant at) {
        publish(
                Aggregate.NEED,
                need,
                FollowUpRecorded.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(at)
                        .setFollowUpId(UUID.randomUUID())
                        .setNeedId(need)
                        .setCommunityId(station.community())
                        .setStationId(station.id())
                        .setRecordedBy(FollowUpRecorder.STATION_STAFF)
                        .build());
    }

    private void publish(Aggregate aggregate, UUID key, SpecificRecord event) {
        sent.add(aggregate, key, Upstream.community(codec).publish(aggregate, key, event));
    }

    // ---- the figures
    // ------------------------------------------------------------------------------------------------------

    private static void grid(
            JsonNode row, int patrols, int found, int fixed, int visits, int onTime, int late, int overdue) {
        JsonNode g = row.get("grid");
        assertThat(List.of(
                        g.get("patrols").asInt(),
                        g.get("hazardsFound").asInt(),
                        g.get("hazardsFixed").asInt(),
                        g.get("careVisits").asInt(),
                        g.get("careVisitsOnTime").asInt(),
                        g.get("careVisitsLate").asInt(),
                        g.get("careVisitsOverdue").asInt()))
                .as(row.get("scope").asText() + " " + row.get("stationName").asText())
                .containsExactly(patrols, found, fixed, visits, onTime, late, overdue);
    }

    private static void residents(
            JsonNode row, int wishes, int fulfilled, int ratings, String mean, int asked, int done) {
        JsonNode r = row.get("residents");
        assertThat(List.of(
                        r.get("wishesSubmitted").asInt(),
                        r.get("wishesFulfilled").asInt(),
                        r.get("ratings").asInt(),
                        r.get("followUpsAsked").asInt(),
                        r.get("followUpsDone").asInt()))
                .as(row.get("scope").asText() + " " + row.get("stationName").asText())
                .containsExactly(wishes, fulfilled, ratings, asked, done);
        if (mean == null) {
            assertThat(r.has("meanRating")).as("no ratings: no mean").isFalse();
        } else {
            assertThat(r.get("meanRating").decimalValue()).isEqualByComparingTo(mean);
        }
    }
}
