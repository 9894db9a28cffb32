package org.wushe.hub.socialworker.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.socialworker.VisitRecorded;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.socialworker.support.ServiceScenario;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.Problems;
import org.wushe.hub.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Centre managers see their centre's reports and no other; a station's report is for its staff and the
 * managers of its centre. Social workers record work only as themselves, and only they and their
 * supervisor read their cases, notes and visits (not the hub admin). Registering workers is the hub
 * admin's or a centre manager's. Each refusal is a 403 naming the field and who may, and stores and
 * publishes nothing; no token is a 401.
 */
class SocialWorkerAccessTest extends ServiceScenario {

    private static void assertForbidden(Http.Response r, String field, String required) {
        Problems.assertForbidden(r.status(), r.contentType(), r.json(), r.text(), field, required);
        assertThat(r.json().get("title").asText()).contains("无权访问");
    }

    private static Map<String, Object> visit(UUID worker, String notes) {
        return Http.map(
                "socialWorkerId",
                worker.toString(),
                "residentRef",
                UUID.randomUUID().toString(),
                "kind",
                "PHONE",
                "outcome",
                "WELL",
                "visitedAt",
                Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                "notes",
                notes);
    }

    @Test
    void aCentreManagerReadsTheirCentresReportAndCsvAndIs403dForAnotherCentre() {
        KnownStation centre = streetCentre();
        KnownStation station = communityStation(centre.id());
        KnownStation otherCentre = streetCentre();
        Http manager = asCentreManager(centre.id());

        Http.Response report = manager.get("/centres/" + centre.id() + "/report?period=THIS_MONTH");
        assertThat(report.status()).as(report.text()).isEqualTo(200);
        assertThat(report.json().get("centreId").asText()).isEqualTo(centre.id().toString());
        Http.Response csv = manager.get("/centres/" + centre.id() + "/report.csv?period=THIS_MONTH");
        assertThat(csv.status()).as(csv.text()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(manager.get("/centres/" + centre.id() + "/report.xlsx?period=THIS_MONTH")
                        .status())
                .isEqualTo(200);

        for (String resource : List.of("report", "report.csv", "report.xlsx")) {
            Http.Response other = manager.get("/centres/" + otherCentre.id() + "/" + resource + "?period=THIS_MONTH");
            assertForbidden(other, "centreId", "centre_manager of " + otherCentre.id());
            assertThat(other.json().get("detail").asText())
                    .contains("cm-" + centre.id())
                    .contains(otherCentre.id().toString());
        }
        // The picker lists the manager's own centre only; others see every centre.
        assertThat(manager.get("/centres").json())
                .extracting(c -> c.get("id").asText())
                .containsExactly(centre.id().toString());
        assertThat(http().get("/centres").json())
                .extracting(c -> c.get("id").asText())
                .contains(centre.id().toString(), otherCentre.id().toString());

        // A station's report: its staff and its centre's managers; not another centre's.
        String query = "/report?from=" + today().minusDays(7) + "&to=" + today();
        Http staff = http().as(TestTokens.token("staff-li", Roles.STATION_STAFF, Roles.STATION_ID, station.id()));
        assertThat(staff.get("/stations/" + station.id() + query).status()).isEqualTo(200);
        assertThat(manager.get("/stations/" + station.id() + query).status()).isEqualTo(200);
        assertForbidden(
                asCentreManager(otherCentre.id()).get("/stations/" + station.id() + query),
                "stationId",
                "station_staff of " + station.id() + " or centre_manager of " + centre.id());
        assertForbidden(
                staff.get("/stations/" + centre.id() + query),
                "stationId",
                "station_staff of " + centre.id() + " or centre_manager of " + centre.id());
    }

    @Test
    void aSocialWorkerCannotRecordAVisitAsAnotherWorkerAndNothingIsStoredOrPublished() {
        KnownStation station = communityStation(null);
        UUID me = workerAt(station);
        UUID colleague = workerAt(station);
        String marker = "冒名探访 recorded as another " + UUID.randomUUID();

        Http.Response refused = asWorker(me).post("/visits", visit(colleague, marker));
        assertForbidden(refused, "socialWorkerId", "social_worker of " + colleague);
        assertThat(refused.json().get("detail").asText()).contains("sw-" + me);
        assertThat(asWorker(colleague).get("/visits").json()).isEmpty();

        // The colleague's own visit is the next event after their registration.
        Http.Response own = asWorker(colleague).post("/visits", visit(colleague, "本人探访 their own"));
        assertThat(own.status()).as(own.text()).isEqualTo(201);
        List<SpecificRecord> events = events(Aggregate.SOCIAL_WORKER, colleague, 2);
        assertThat(events.subList(0, 2))
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("SocialWorkerRegistered", "VisitRecorded");
        assertThat(((VisitRecorded) events.get(1)).getVisitId())
                .isEqualTo(UUID.fromString(own.json().get("id").asText()));
        assertThat(asWorker(colleague).get("/visits?" + reason("回访 follow-up")).json())
                .extracting(v -> v.get("notes").asText())
                .containsExactly("本人探访 their own");

        // Visits are read by their worker only (and their supervisor): not a colleague, not the hub admin.
        String visitId = own.json().get("id").asText();
        assertForbidden(asWorker(me).get("/visits/" + visitId), "socialWorkerId", "social_worker of " + colleague);
        assertThat(http().get("/visits/" + visitId).status()).isEqualTo(403);
        assertForbidden(
                asWorker(me).get("/visits?socialWorkerId=" + colleague),
                "socialWorkerId",
                "social_worker of " + colleague);
        assertForbidden(http().get("/visits"), "socialWorkerId", Roles.SOCIAL_WORKER);
    }

    @Test
    void casesAreWorkedAndReadByTheirWorkerAndTheirSupervisorOnly() {
        KnownStation station = communityStation(null);
        UUID supervisor = supervisorAt(station);
        UUID worker = workerAt(station, "supervisorId", supervisor.toString());
        UUID colleague = workerAt(station);
        Map<String, Object> open = Http.map(
                "socialWorkerId",
                worker.toString(),
                "residentRef",
                UUID.randomUUID().toString(),
                "category",
                "COMPANIONSHIP",
                "beneficiaryGroup",
                "ELDERLY_ALONE",
                "assessment",
                "独居 lives alone");

        assertForbidden(asWorker(colleague).post("/cases", open), "socialWorkerId", "social_worker of " + worker);
        assertThat(asWorker(worker).get("/cases").json()).isEmpty();
        Http.Response opened = asWorker(worker).post("/cases", open);
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        String id = opened.json().get("id").asText();

        String readers = "social_worker of " + worker + " or social_worker of " + supervisor;
        assertForbidden(asWorker(colleague).get("/cases/" + id), "socialWorkerId", readers);
        assertForbidden(asWorker(colleague).get("/cases/" + id + "/notes"), "socialWorkerId", readers);
        assertForbidden(http().get("/cases/" + id + "/notes"), "socialWorkerId", readers);
        assertForbidden(
                asWorker(colleague).post("/cases/" + id + "/notes", Http.map("text", "不是我的个案 not mine")),
                "socialWorkerId",
                readers);
        assertForbidden(
                asWorker(colleague).post("/cases/" + id + "/close", Http.map("outcome", "OTHER")),
                "socialWorkerId",
                "social_worker of " + worker);
        assertForbidden(
                asWorker(supervisor)
                        .post(
                                "/cases/" + id + "/notes",
                                Http.map("text", "冒名 as the worker", "authorId", worker.toString())),
                "authorId",
                "social_worker of " + worker);

        assertThat(asWorker(worker)
                        .post("/cases/" + id + "/notes", Http.map("text", "第一次会谈 first session"))
                        .status())
                .isEqualTo(201);
        Http.Response bySupervisor =
                asWorker(supervisor).post("/cases/" + id + "/notes", Http.map("text", "督导意见 supervision"));
        assertThat(bySupervisor.status()).as(bySupervisor.text()).isEqualTo(201);
        assertThat(bySupervisor.json().get("authorId").asText()).isEqualTo(supervisor.toString());
        JsonNode notes = asWorker(supervisor)
                .get("/cases/" + id + "/notes?" + reason("督导 supervision"))
                .json();
        assertThat(notes)
                .extracting(n -> n.get("text").asText())
                .containsExactlyInAnyOrder("独居 lives alone", "第一次会谈 first session", "督导意见 supervision");
        assertThat(asWorker(supervisor).get("/cases?socialWorkerId=" + worker).json())
                .hasSize(1);
        assertThat(asWorker(worker).get("/cases/" + id).json().get("status").asText())
                .isEqualTo("OPEN");

        Http.Response closed = asWorker(worker).post("/cases/" + id + "/close", Http.map("outcome", "GOALS_MET"));
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
    }

    @Test
    void groupsAreRunByTheirWorkerAndWorkersAreRegisteredByTheHubAdminOrACentreManager() {
        KnownStation centre = streetCentre();
        KnownStation station = communityStation(centre.id());
        UUID worker = workerAt(station);
        UUID colleague = workerAt(station);
        Map<String, Object> group = Http.map(
                "socialWorkerId",
                worker.toString(),
                "title",
                "读书小组 reading group",
                "category",
                "TUTORING",
                "beneficiaryGroup",
                "CHILD_IN_HARDSHIP");
        assertForbidden(asWorker(colleague).post("/groups", group), "socialWorkerId", "social_worker of " + worker);
        String id = asWorker(worker).post("/groups", group).json().get("id").asText();
        Map<String, Object> session =
                Http.map("heldAt", Instant.now().minusSeconds(600).toString(), "participantCount", 8);
        assertForbidden(
                asWorker(colleague).post("/groups/" + id + "/sessions", session),
                "socialWorkerId",
                "social_worker of " + worker);
        assertThat(asWorker(colleague).get("/groups/" + id).json().get("sessions"))
                .isEmpty();
        assertThat(asWorker(worker).post("/groups/" + id + "/sessions", session).status())
                .isEqualTo(201);
        Http volunteer = http().as(TestTokens.token("vol-1", Roles.VOLUNTEER, Roles.VOLUNTEER_ID, UUID.randomUUID()));
        assertThat(volunteer.get("/groups?socialWorkerId=" + worker).json()).hasSize(1);

        assertForbidden(
                asWorker(worker).post("/social-workers", worker(station)),
                "POST /social-workers",
                "hub_admin or centre_manager");
        assertForbidden(
                asWorker(worker)
                        .post(
                                "/social-workers/" + worker + "/certificates",
                                Http.map("level", "ASSISTANT", "certifiedOn", "2020-01-01")),
                "POST /social-workers/" + worker + "/certificates",
                "hub_admin or centre_manager");
        assertThat(http().get("/social-workers/" + worker)
                        .json()
                        .get("certificationLevel")
                        .asText())
                .isEqualTo("NONE");
        Http.Response registered = asCentreManager(centre.id()).post("/social-workers", worker(station));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
    }

    @Test
    void withoutATokenEverythingButThePageIs401() {
        KnownStation centre = streetCentre();
        UUID worker = workerAt(communityStation(centre.id()));
        for (Http.Response r : List.of(
                http().anonymous().get("/centres/" + centre.id() + "/report?period=THIS_MONTH"),
                http().anonymous().get("/centres/" + centre.id() + "/report.csv?period=THIS_MONTH"),
                http().anonymous().get("/centres"),
                http().anonymous().post("/visits", visit(worker, "匿名 anonymous")),
                http().as(TestTokens.expired("sw-" + worker)).get("/visits"))) {
            assertThat(r.status()).as(r.text()).isEqualTo(401);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.problemField()).isEqualTo("Authorization");
        }
        assertThat(asWorker(worker).get("/visits").json()).isEmpty();
        assertThat(http().anonymous().get("/reports/").status())
                .as("the reports page moved to the portal (/centre)")
                .isEqualTo(401);
    }
}
