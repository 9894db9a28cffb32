package org.wushe.hub.socialworker.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.socialworker.SocialWorkerAssigned;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.socialworker.support.ServiceScenario;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.Problems;
import tools.jackson.databind.JsonNode;

/**
 * Issue #14 item 3: a centre manager certifies, assigns and makes supervisors of their own centre's workers
 * only; a manager of another centre is refused (403 naming the field and who may; nothing stored, nothing
 * published). A supervisor who works in another centre does not read the worker's cases and notes.
 */
class CentreScopeTest extends ServiceScenario {

    private static void assertForbidden(Http.Response r, String field, String required) {
        Problems.assertForbidden(r.status(), r.contentType(), r.json(), r.text(), field, required);
    }

    @Test
    void aManagerOfAnotherCentreCertifiesAssignsAndAppointsSupervisorsForNoneOfACentresWorkers() {
        KnownStation centreA = streetCentre();
        KnownStation stationA = communityStation(centreA.id());
        KnownStation centreB = streetCentre();
        KnownStation stationB = communityStation(centreB.id());
        UUID workerA = workerAt(stationA);
        UUID supervisorA = supervisorAt(stationA);
        UUID workerB = workerAt(stationB);
        Http managerA = asCentreManager(centreA.id());
        Http managerB = asCentreManager(centreB.id());
        String required = "centre_manager of " + centreA.id();

        Http.Response certify = managerB.post(
                "/social-workers/" + workerA + "/certificates",
                Http.map(
                        "level",
                        "ASSISTANT",
                        "certifiedOn",
                        today().minusDays(3).toString()));
        assertForbidden(certify, "socialWorkerId", required);
        assertThat(certify.json().get("detail").asText()).contains("cm-" + centreB.id());
        assertForbidden(
                managerB.post(
                        "/social-workers/" + workerA + "/assignment",
                        Http.map("stationId", stationA.id().toString(), "supervisorId", supervisorA.toString())),
                "socialWorkerId",
                required);
        // Nor may B make A's worker the supervisor of B's own worker (who would then read B's cases).
        assertForbidden(
                managerB.post(
                        "/social-workers/" + workerB + "/assignment",
                        Http.map("stationId", stationB.id().toString(), "supervisorId", supervisorA.toString())),
                "supervisorId",
                required);
        assertForbidden(
                managerB.post("/social-workers", worker(stationB, "supervisorId", supervisorA.toString())),
                "supervisorId",
                required);
        assertForbidden(managerB.post("/social-workers", worker(stationA)), "stationId", required);
        // Nor move B's worker into A's centre, nor A's own manager move A's worker to B.
        assertForbidden(
                managerB.post(
                        "/social-workers/" + workerB + "/assignment",
                        Http.map("stationId", stationA.id().toString())),
                "stationId",
                required);
        assertForbidden(
                managerA.post(
                        "/social-workers/" + workerA + "/assignment",
                        Http.map("stationId", stationB.id().toString())),
                "stationId",
                "centre_manager of " + centreB.id());

        JsonNode a = http().get("/social-workers/" + workerA).json();
        JsonNode b = http().get("/social-workers/" + workerB).json();
        assertThat(a.get("certificationLevel").asText()).isEqualTo("NONE");
        assertThat(a.has("supervisorId")).isFalse();
        assertThat(b.has("supervisorId")).isFalse();
        assertThat(b.get("stationId").asText()).isEqualTo(stationB.id().toString());
        assertThat(http().get("/social-workers?stationId=" + stationA.id()).json())
                .hasSize(2);

        // The own centre's manager may; the worker's events are exactly theirs, so nothing refused went out.
        Http.Response certified = managerA.post(
                "/social-workers/" + workerA + "/certificates",
                Http.map(
                        "level",
                        "ASSISTANT",
                        "certifiedOn",
                        today().minusDays(3).toString()));
        assertThat(certified.status()).as(certified.text()).isEqualTo(200);
        Http.Response assigned = managerA.post(
                "/social-workers/" + workerA + "/assignment",
                Http.map("stationId", stationA.id().toString(), "supervisorId", supervisorA.toString()));
        assertThat(assigned.status()).as(assigned.text()).isEqualTo(200);
        Http.Response registered =
                managerA.post("/social-workers", worker(stationA, "supervisorId", supervisorA.toString()));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        List<SpecificRecord> events = events(Aggregate.SOCIAL_WORKER, workerA, 3);
        assertThat(events)
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("SocialWorkerRegistered", "SocialWorkerCertified", "SocialWorkerAssigned");
        assertThat(((SocialWorkerAssigned) events.get(2)).getSupervisorId()).isEqualTo(supervisorA);
        assertThat(events(Aggregate.SOCIAL_WORKER, workerB, 1))
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("SocialWorkerRegistered");
    }

    @Test
    void aSupervisorWhoWorksInAnotherCentreReadsNoneOfTheWorkersCasesOrNotes() {
        KnownStation centreA = streetCentre();
        KnownStation stationA = communityStation(centreA.id());
        KnownStation otherStationA = communityStation(centreA.id());
        KnownStation stationB = communityStation(streetCentre().id());
        UUID supervisor = supervisorAt(otherStationA);
        UUID worker = workerAt(stationA, "supervisorId", supervisor.toString());
        Http.Response opened = asWorker(worker)
                .post(
                        "/cases",
                        Http.map(
                                "socialWorkerId",
                                worker.toString(),
                                "residentRef",
                                UUID.randomUUID().toString(),
                                "category",
                                "COMPANIONSHIP",
                                "beneficiaryGroup",
                                "ELDERLY_ALONE",
                                "assessment",
                                "独居，需要陪伴 lives alone"));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        String id = opened.json().get("id").asText();
        String notes = "/cases/" + id + "/notes?reason=" + URLEncoder.encode("督导 supervision", StandardCharsets.UTF_8);
        // Within the centre (another station of it) the supervisor reads.
        Http.Response read = asWorker(supervisor).get(notes);
        assertThat(read.status()).as(read.text()).isEqualTo(200);
        assertThat(read.json()).extracting(n -> n.get("text").asText()).containsExactly("独居，需要陪伴 lives alone");

        // The supervisor moves to another centre: the supervision is still on record, but gives no access.
        Http.Response moved = http().post(
                        "/social-workers/" + supervisor + "/assignment",
                        Http.map("stationId", stationB.id().toString()));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        String readers = "social_worker of " + worker + " or social_worker of " + supervisor;
        assertForbidden(asWorker(supervisor).get(notes), "socialWorkerId", readers);
        assertForbidden(asWorker(supervisor).get("/cases/" + id), "socialWorkerId", readers);
        assertForbidden(asWorker(supervisor).get("/cases?socialWorkerId=" + worker), "socialWorkerId", readers);
        assertForbidden(
                asWorker(supervisor).post("/cases/" + id + "/notes", Http.map("text", "督导意见 supervision")),
                "socialWorkerId",
                readers);
        assertThat(asWorker(worker).get(notes).json()).hasSize(1);
    }
}
