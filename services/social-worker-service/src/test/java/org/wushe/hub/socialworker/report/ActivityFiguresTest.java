package org.wushe.hub.socialworker.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.ActivityDetails;
import org.wushe.hub.events.common.ActivityKind;
import org.wushe.hub.events.common.ActivityPosition;
import org.wushe.hub.events.common.ActivityPublisherKind;
import org.wushe.hub.events.common.TimeWindow;
import org.wushe.hub.events.volunteer.ActivityCancelReason;
import org.wushe.hub.events.volunteer.ActivityCancelled;
import org.wushe.hub.events.volunteer.ActivityChanged;
import org.wushe.hub.events.volunteer.ActivityPublished;
import org.wushe.hub.events.volunteer.VolunteerCheckedOut;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.testing.DeadLetters;
import org.wushe.hub.platform.testing.Upstream;
import org.wushe.hub.schemas.AvroTrust;
import org.wushe.hub.socialworker.activities.ActivityInbound;
import org.wushe.hub.socialworker.support.ServiceScenario;
import org.wushe.hub.testing.Http;
import tools.jackson.databind.JsonNode;

/**
 * Volunteer activities in the station and centre reports (#15 item 8), from the volunteer service's events written to
 * its real outbox and carried by its connector: activities held (not cancelled, starting in the period), trainings,
 * participants, attendances and hours, per station and once in the totals, in the JSON, the CSV and the XLSX. Station
 * A's activities are its own; station B's are its community's and its social worker's. An attendance corrected by staff
 * counts with its corrected minutes, an older check-out read after it changes nothing, an older ActivityChanged read
 * after a newer one changes nothing; Kafka delivering every event again changes nothing; a record on the topic that is
 * no event is dead-lettered and the next activity still counts.
 */
class ActivityFiguresTest extends ServiceScenario {

    private static final String GROUP = "social-worker-service-activities";

    private final Sent sent = new Sent();

    @Test
    void activitiesTrainingsParticipantsAttendancesAndHoursCountPerStationOnceInTheTotalsAndRedeliveryChangesNothing()
            throws Exception {
        AvroTrust.install();
        KnownStation centre = streetCentre();
        KnownStation a = communityStation(centre.id());
        KnownStation b = communityStation(centre.id());
        UUID workerOfB = workerAt(b);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LocalDate d = today();
        LocalDate from = d.minusDays(29);
        UUID v1 = UUID.randomUUID();
        UUID v2 = UUID.randomUUID();
        UUID v3 = UUID.randomUUID();
        UUID v4 = UUID.randomUUID();

        // ---- station A: a festival held, with a check-out corrected by staff and an older one read late ------------
        UUID festival = published(
                ActivityPublisherKind.STATION,
                a.id(),
                null,
                ActivityKind.NEIGHBOURHOOD_FESTIVAL,
                now.minus(5, ChronoUnit.DAYS));
        checkedOut(festival, UUID.randomUUID(), v1, 90, now.minus(4, ChronoUnit.DAYS), false);
        UUID signUpV2 = UUID.randomUUID();
        checkedOut(festival, signUpV2, v2, 60, now.minus(4, ChronoUnit.DAYS), false);
        checkedOut(festival, signUpV2, v2, 45, now.minus(2, ChronoUnit.DAYS), true); // staff corrected to 45 minutes
        checkedOut(festival, signUpV2, v2, 600, now.minus(3, ChronoUnit.DAYS), false); // older, read late: no effect
        // A free clinic cancelled: neither it nor its check-out counts.
        UUID clinic = published(
                ActivityPublisherKind.STATION, a.id(), null, ActivityKind.FREE_CLINIC, now.minus(4, ChronoUnit.DAYS));
        checkedOut(clinic, UUID.randomUUID(), v4, 100, now.minus(4, ChronoUnit.DAYS), false);
        cancelled(clinic, 2);
        // Moved before the period by revision 3; revision 2 (in the period) read after it changes nothing.
        UUID moved = published(
                ActivityPublisherKind.STATION, a.id(), null, ActivityKind.CLEAN_UP, now.minus(3, ChronoUnit.DAYS));
        changed(moved, 3, ActivityPublisherKind.STATION, a.id(), ActivityKind.CLEAN_UP, now.minus(45, ChronoUnit.DAYS));
        changed(moved, 2, ActivityPublisherKind.STATION, a.id(), ActivityKind.CLEAN_UP, now.minus(2, ChronoUnit.DAYS));
        checkedOut(moved, UUID.randomUUID(), v4, 100, now.minus(44, ChronoUnit.DAYS), false);

        // ---- station B: its community's training, its social worker's activity; one of its own before the period ---
        UUID training = published(
                ActivityPublisherKind.COMMUNITY,
                b.community(),
                null,
                ActivityKind.TRAINING,
                now.minus(3, ChronoUnit.DAYS));
        checkedOut(training, UUID.randomUUID(), v1, 120, now.minus(3, ChronoUnit.DAYS), false);
        checkedOut(training, UUID.randomUUID(), v3, 30, now.minus(3, ChronoUnit.DAYS), false);
        UUID workers = published(
                ActivityPublisherKind.SOCIAL_WORKER,
                workerOfB,
                null,
                ActivityKind.OTHER,
                now.minus(2, ChronoUnit.DAYS));
        checkedOut(workers, UUID.randomUUID(), v3, 60, now.minus(2, ChronoUnit.DAYS), false);
        UUID early = published(
                ActivityPublisherKind.STATION, b.id(), null, ActivityKind.CLEAN_UP, now.minus(40, ChronoUnit.DAYS));
        checkedOut(early, UUID.randomUUID(), v4, 100, now.minus(40, ChronoUnit.DAYS), false);
        // An organization's activity in a community no station of the centre serves: in no row.
        UUID elsewhere = published(
                ActivityPublisherKind.ORGANIZATION,
                UUID.randomUUID(),
                UUID.randomUUID(),
                ActivityKind.FREE_CLINIC,
                now.minus(2, ChronoUnit.DAYS));
        checkedOut(elsewhere, UUID.randomUUID(), v4, 100, now.minus(2, ChronoUnit.DAYS), false);

        sent.awaitProcessed();

        // ---- the centre report, JSON --------------------------------------------------------------------------------
        String query = "?from=" + from + "&to=" + d;
        Http manager = asCentreManager(centre.id());
        Http.Response json = manager.get("/centres/" + centre.id() + "/report" + query);
        assertThat(json.status()).as(json.text()).isEqualTo(200);
        JsonNode report = json.json();
        JsonNode own = report.get("stations").get(0);
        JsonNode rowA = row(report.get("stations"), a.id());
        JsonNode rowB = row(report.get("stations"), b.id());
        JsonNode totals = report.get("totals");
        //                    held trainings participants attendances hours
        activities(rowA, 1, 0, 2, 2, "2.3"); // 90 + 45 minutes
        activities(rowB, 2, 1, 2, 3, "3.5"); // 120 + 30 + 60
        activities(own, 0, 0, 0, 0, "0.0");
        activities(totals, 3, 1, 3, 5, "5.8"); // v1 in both rows, once here; 345 minutes

        // ---- the station reports ---------------------------------------------------------------------------------
        activities(stationReport(manager, a, from, d, true), 1, 0, 2, 2, "2.3");
        activities(stationReport(manager, b, from, d, true), 2, 1, 2, 3, "3.5");
        activities(stationReport(manager, centre, from, d, true), 3, 1, 3, 5, "5.8");
        activities(stationReport(manager, centre, from, d, false), 0, 0, 0, 0, "0.0");

        // ---- CSV and XLSX: the five columns before the station id, Chinese first with English beside
        // -----------------
        Http.Response csv = manager.get("/centres/" + centre.id() + "/report.csv" + query);
        assertThat(csv.status()).as(csv.text()).isEqualTo(200);
        String[] lines = new String(csv.bytes(), 3, csv.bytes().length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0])
                .endsWith(",回访完成 Follow-ups done,开展活动(场) Activities held,志愿服务培训(场) Trainings held,"
                        + "参与志愿者(人) Activity participants,活动签退(人次) Activity attendances,"
                        + "活动服务时长(小时) Activity hours,站点ID Station id");
        assertThat(lines)
                .anySatisfy(l -> assertThat(l)
                        .startsWith(rowA.get("stationName").asText() + ",")
                        .endsWith(",1,0,2,2,2.3," + a.id()));
        assertThat(lines)
                .anySatisfy(l -> assertThat(l)
                        .startsWith(rowB.get("stationName").asText() + ",")
                        .endsWith(",2,1,2,3,3.5," + b.id()));
        assertThat(lines[1]).endsWith(",0,0,0,0,0.0," + centre.id());
        assertThat(lines[lines.length - 1]).startsWith("合计 Total,").endsWith(",3,1,3,5,5.8," + centre.id());
        Http.Response xlsx = manager.get("/centres/" + centre.id() + "/report.xlsx" + query);
        assertThat(xlsx.status()).as(xlsx.text()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            Sheet sheet = book.getSheetAt(0);
            org.apache.poi.ss.usermodel.Row header = sheet.getRow(0);
            List<String> headers = new ArrayList<>();
            for (int i = 33; i <= 38; i++) {
                headers.add(header.getCell(i).getStringCellValue());
            }
            assertThat(headers)
                    .containsExactly(
                            "开展活动(场) Activities held",
                            "志愿服务培训(场) Trainings held",
                            "参与志愿者(人) Activity participants",
                            "活动签退(人次) Activity attendances",
                            "活动服务时长(小时) Activity hours",
                            "站点ID Station id");
            org.apache.poi.ss.usermodel.Row total = sheet.getRow(sheet.getLastRowNum());
            List<Double> figures = new ArrayList<>();
            for (int i = 33; i <= 37; i++) {
                figures.add(total.getCell(i).getNumericCellValue());
            }
            assertThat(figures).containsExactly(3.0, 1.0, 3.0, 5.0, 5.8);
            assertThat(total.getCell(38).getStringCellValue())
                    .isEqualTo(centre.id().toString());
        }

        // ---- Kafka delivers every event again, verbatim: each is a duplicate, nothing changes -----------------------
        sent.deliverAgainAndSeeNoChange(
                Map.of(Aggregate.VOLUNTEER, ActivityInbound.CONSUMER),
                manager,
                "/centres/" + centre.id() + "/report" + query,
                json);
        assertThat(jdbc.queryForObject(
                        "SELECT credited_minutes FROM attendance_fact WHERE sign_up_id = ?", Integer.class, signUpV2))
                .isEqualTo(45);
    }

    @Test
    void aRecordOnTheVolunteerTopicThatIsNotAnEventIsDeadLetteredAndTheNextActivityIsCounted() {
        UUID poisoned = UUID.randomUUID();
        byte[] poison = "{\"activity\": \"not avro\"}".getBytes(StandardCharsets.UTF_8);
        DeadLetters.poison(Aggregate.VOLUNTEER, poisoned.toString(), poison);
        AvroTrust.install();
        // The next activity on the same key, so on the same partition, after the poison.
        UUID community = UUID.randomUUID();
        publish(
                poisoned,
                ActivityPublished.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(Instant.now())
                        .setActivityId(poisoned)
                        .setRevision(1)
                        .setDetails(details(
                                ActivityPublisherKind.COMMUNITY, community, null, ActivityKind.TRAINING, Instant.now()))
                        .build());

        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM activity_fact WHERE activity_id = ? AND kind = 'TRAINING' "
                                        + "AND community_id = ?",
                                Integer.class,
                                poisoned,
                                community)
                        == 1);
        ConsumerRecord<String, byte[]> dead =
                DeadLetters.awaitOne(Aggregate.VOLUNTEER, poisoned.toString(), GROUP, WAIT);
        assertThat(dead.value()).isEqualTo(poison);
        assertThat(DeadLetters.reason(dead)).startsWith("UndecodableEventException");
    }

    // ---- events through the volunteer service's outbox -------------------------------------------------------------

    private UUID published(
            ActivityPublisherKind publisherKind, UUID publisher, UUID community, ActivityKind kind, Instant start) {
        UUID id = UUID.randomUUID();
        publish(
                id,
                ActivityPublished.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(Instant.now())
                        .setActivityId(id)
                        .setRevision(1)
                        .setDetails(details(publisherKind, publisher, community, kind, start))
                        .build());
        return id;
    }

    private void changed(
            UUID activity,
            int revision,
            ActivityPublisherKind publisherKind,
            UUID publisher,
            ActivityKind kind,
            Instant start) {
        publish(
                activity,
                ActivityChanged.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(Instant.now())
                        .setActivityId(activity)
                        .setRevision(revision)
                        .setDetails(details(publisherKind, publisher, null, kind, start))
                        .build());
    }

    private void cancelled(UUID activity, int revision) {
        publish(
                activity,
                ActivityCancelled.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(Instant.now())
                        .setActivityId(activity)
                        .setRevision(revision)
                        .setReason(ActivityCancelReason.WEATHER)
                        .setSignUpsCancelled(1)
                        .build());
    }

    /** A check-out announced at {@code at} (its occurredAt), two hours after check-in. */
    private void checkedOut(UUID activity, UUID signUp, UUID volunteer, int minutes, Instant at, boolean corrected) {
        publish(
                activity,
                VolunteerCheckedOut.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(at)
                        .setSignUpId(signUp)
                        .setActivityId(activity)
                        .setPositionId(UUID.randomUUID())
                        .setVolunteerId(volunteer)
                        .setCheckedInAt(at.minus(2, ChronoUnit.HOURS))
                        .setCheckedOutAt(at)
                        .setByStaff(corrected)
                        .setCreditedMinutes(minutes)
                        .setCorrected(corrected)
                        .build());
    }

    private static ActivityDetails details(
            ActivityPublisherKind publisherKind, UUID publisher, UUID community, ActivityKind kind, Instant start) {
        TimeWindow window = TimeWindow.newBuilder()
                .setStart(start)
                .setEnd(start.plus(3, ChronoUnit.HOURS))
                .build();
        return ActivityDetails.newBuilder()
                .setPublisherKind(publisherKind)
                .setPublisherId(publisher)
                .setKind(kind)
                .setCommunityId(community)
                .setTimeWindow(window)
                .setApprovalRequired(false)
                .setPositions(List.of(ActivityPosition.newBuilder()
                        .setPositionId(UUID.randomUUID())
                        .setPlaces(10)
                        .setTimeWindow(window)
                        .build()))
                .build();
    }

    private void publish(UUID key, SpecificRecord event) {
        sent.add(Aggregate.VOLUNTEER, key, Upstream.volunteer(codec).publish(Aggregate.VOLUNTEER, key, event));
    }

    // ---- the figures ------------------------------------------------------------------------------------------------

    private JsonNode stationReport(Http as, KnownStation station, LocalDate from, LocalDate to, boolean below) {
        Http.Response r = as.get(
                "/stations/" + station.id() + "/report?from=" + from + "&to=" + to + "&includeStationsBelow=" + below);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    private static void activities(
            JsonNode row, int held, int trainings, int participants, int attendances, String hours) {
        assertThat(List.of(
                        row.get("activitiesHeld").asInt(),
                        row.get("trainingsHeld").asInt(),
                        row.get("activityParticipants").asInt(),
                        row.get("activityAttendances").asInt()))
                .as(row.path("scope").asText() + " " + row.get("stationName").asText())
                .containsExactly(held, trainings, participants, attendances);
        assertThat(row.get("activityHours").decimalValue()).isEqualByComparingTo(hours);
    }
}
