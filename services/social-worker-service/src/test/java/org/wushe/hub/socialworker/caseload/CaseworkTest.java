package org.wushe.hub.socialworker.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.socialworker.CaseClosed;
import org.wushe.hub.events.socialworker.CaseOpened;
import org.wushe.hub.events.socialworker.CaseOutcome;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.socialworker.support.ServiceScenario;
import org.wushe.hub.testing.Http;
import tools.jackson.databind.JsonNode;

/**
 * A case for an elderly resident living alone, opened, written up session by session and closed: the
 * notes and the resident stay here; CaseOpened and CaseClosed carry only what reports count.
 */
class CaseworkTest extends ServiceScenario {

    @Test
    void openedWrittenUpAndClosedTheEventsCarryNeitherTheResidentNorTheNotes() {
        KnownStation station = communityStation(null);
        UUID worker = workerAt(station);
        UUID supervisor = supervisorAt(station);
        UUID resident = UUID.randomUUID();
        String assessment = "独居，近期情绪低落，子女在外地 lives alone, low mood " + UUID.randomUUID();
        Http.Response opened = http().post(
                        "/cases",
                        Http.map(
                                "socialWorkerId",
                                worker.toString(),
                                "residentRef",
                                resident.toString(),
                                "category",
                                "PSYCHOLOGICAL_SUPPORT",
                                "beneficiaryGroup",
                                "ELDERLY_ALONE",
                                "openedOn",
                                today().minusDays(14).toString(),
                                "assessment",
                                assessment));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        String id = opened.json().get("id").asText();
        assertThat(opened.json().get("communityId").asText())
                .isEqualTo(station.community().toString()); // the station's only community

        String session = "第二次会谈：愿意参加小组 second session " + UUID.randomUUID();
        assertThat(http().post("/cases/" + id + "/notes", Http.map("text", "第一次会谈 first session"))
                        .status())
                .isEqualTo(201);
        Http.Response bySupervisor =
                http().post("/cases/" + id + "/notes", Http.map("text", session, "authorId", supervisor.toString()));
        assertThat(bySupervisor.status()).as(bySupervisor.text()).isEqualTo(201);
        Http.Response phone = http().post("/cases/" + id + "/notes", Http.map("text", "女儿电话 139 1234 5678"));
        assertThat(phone.status()).isEqualTo(400);
        assertThat(phone.problemField()).isEqualTo("text");
        Http.Response twice = http().post(
                        "/cases",
                        Http.map(
                                "socialWorkerId",
                                worker.toString(),
                                "residentRef",
                                resident.toString(),
                                "category",
                                "COMPANIONSHIP",
                                "beneficiaryGroup",
                                "ELDERLY_ALONE"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.problemField()).isEqualTo("residentRef");
        Http.Response move = http().post(
                        "/social-workers/" + worker + "/assignment",
                        Http.map("stationId", communityStation(null).id().toString()));
        assertThat(move.status()).isEqualTo(409);
        assertThat(move.problemField()).isEqualTo("stationId");

        Http.Response closed =
                http().post("/cases/" + id + "/close", Http.map("outcome", "GOALS_MET", "summary", "情绪好转，结案 better"));
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        assertThat(closed.json().get("status").asText()).isEqualTo("CLOSED");
        assertThat(http().post("/cases/" + id + "/notes", Http.map("text", "late"))
                        .status())
                .isEqualTo(409);
        assertThat(http().post("/cases/" + id + "/close", Http.map("outcome", "OTHER"))
                        .status())
                .isEqualTo(409);

        // Notes are read by the case's worker and their supervisor, not by the hub admin.
        assertThat(http().get("/cases/" + id + "/notes").status()).isEqualTo(403);
        assertThat(asWorker(supervisor).get("/cases/" + id + "/notes").status())
                .as("not this worker's supervisor")
                .isEqualTo(403);
        JsonNode notes = asWorker(worker)
                .get("/cases/" + id + "/notes?" + reason("结案回顾 closing review"))
                .json();
        assertThat(notes)
                .extracting(n -> n.get("kind").asText())
                .containsExactly("ASSESSMENT", "SESSION", "SESSION", "CLOSING");
        assertThat(notes.get(2).get("authorId").asText()).isEqualTo(supervisor.toString());

        List<ConsumerRecord<String, byte[]>> onWire = records(Aggregate.SOCIAL_WORKER, worker, 3);
        List<Object> events =
                onWire.stream().map(r -> (Object) codec.decode(r.value())).toList();
        assertThat(events)
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("SocialWorkerRegistered", "CaseOpened", "CaseClosed");
        CaseOpened o = (CaseOpened) events.get(1);
        assertThat(o.getCaseId()).isEqualTo(UUID.fromString(id));
        assertThat(o.getSocialWorkerId()).isEqualTo(worker);
        assertThat(o.getStationId()).isEqualTo(station.id());
        assertThat(o.getCommunityId()).isEqualTo(station.community());
        assertThat(o.getCategory()).isEqualTo(Category.PSYCHOLOGICAL_SUPPORT);
        assertThat(o.getBeneficiaryGroup()).isEqualTo(BeneficiaryGroup.ELDERLY_ALONE);
        assertThat(o.getOpenedOn()).isEqualTo(today().minusDays(14));
        CaseClosed c = (CaseClosed) events.get(2);
        assertThat(c.getCaseId()).isEqualTo(o.getCaseId());
        assertThat(c.getOutcome()).isEqualTo(CaseOutcome.GOALS_MET);
        assertThat(c.getClosedOn()).isEqualTo(today());
        assertThat(c.getSessionCount()).isEqualTo(2);
        assertThat(onWire)
                .allSatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8))
                        .doesNotContain(resident.toString())
                        .doesNotContain(assessment)
                        .doesNotContain(session)
                        .doesNotContain("结案"));

        assertThat(asWorker(worker).get("/cases?residentRef=" + resident).json())
                .hasSize(1);
        // A closed case leaves room for a new one.
        assertThat(http().post(
                                "/cases",
                                Http.map(
                                        "socialWorkerId",
                                        worker.toString(),
                                        "residentRef",
                                        resident.toString(),
                                        "category",
                                        "COMPANIONSHIP",
                                        "beneficiaryGroup",
                                        "ELDERLY_ALONE"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aCaseIsForACommunityTheWorkersStationServesAndClosesAfterItOpened() {
        UUID other = UUID.randomUUID();
        KnownStation station = communityStation(null, other);
        UUID worker = workerAt(station);
        Http.Response which = http().post(
                        "/cases",
                        Http.map(
                                "socialWorkerId",
                                worker.toString(),
                                "residentRef",
                                UUID.randomUUID().toString(),
                                "category",
                                "COMPANIONSHIP",
                                "beneficiaryGroup",
                                "VERY_OLD"));
        assertThat(which.status()).isEqualTo(400);
        assertThat(which.problemField()).isEqualTo("communityId");
        Http.Response elsewhere = http().post(
                        "/cases",
                        Http.map(
                                "socialWorkerId",
                                worker.toString(),
                                "residentRef",
                                UUID.randomUUID().toString(),
                                "communityId",
                                UUID.randomUUID().toString(),
                                "category",
                                "COMPANIONSHIP",
                                "beneficiaryGroup",
                                "VERY_OLD"));
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.problemField()).isEqualTo("communityId");
        Http.Response ok = http().post(
                        "/cases",
                        Http.map(
                                "socialWorkerId",
                                worker.toString(),
                                "residentRef",
                                UUID.randomUUID().toString(),
                                "communityId",
                                other.toString(),
                                "category",
                                "COMPANIONSHIP",
                                "beneficiaryGroup",
                                "VERY_OLD",
                                "openedOn",
                                today().minusDays(3).toString()));
        assertThat(ok.status()).as(ok.text()).isEqualTo(201);
        Http.Response early = http().post(
                        "/cases/" + ok.json().get("id").asText() + "/close",
                        Http.map(
                                "outcome",
                                "REFERRED",
                                "closedOn",
                                today().minusDays(4).toString()));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.problemField()).isEqualTo("closedOn");
        Http.Response noStation = http().post(
                        "/cases",
                        Http.map(
                                "socialWorkerId",
                                workerAt(null).toString(),
                                "residentRef",
                                UUID.randomUUID().toString(),
                                "category",
                                "COMPANIONSHIP",
                                "beneficiaryGroup",
                                "VERY_OLD"));
        assertThat(noStation.status()).isEqualTo(409);
        assertThat(noStation.problemField()).isEqualTo("socialWorkerId");
    }
}
