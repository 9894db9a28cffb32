package org.wushe.hub.socialworker.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.socialworker.support.ServiceScenario;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.TestStack;
import org.wushe.hub.testing.TopicScanner;

/**
 * What this service keeps to itself never reaches Kafka: after a worker's case with notes, visits with
 * notes and a group session, no record of any {@code wushe.*} topic holds the worker's name, a note, or
 * the resident of the case (a resident travels only as the residentRef of a raised need).
 */
class NoNotesOrResidentsOnAnyTopicTest extends ServiceScenario {

    @Test
    void notesNamesAndCaseClientsStayInTheService() {
        KnownStation station = communityStation(null);
        String name = unique("赵敏社工");
        UUID worker = UUID.fromString(
                register(worker(station, "name", name)).get("id").asText());
        UUID client = UUID.randomUUID();
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String assessment = "预估：独居，记忆力下降 memory " + marker;
        String session = "会谈：愿意参加小组 session " + marker;
        String visitNotes = "电话探访：情况良好 fine " + marker;
        String sessionNotes = "小组：分享会 sharing " + marker;

        String caseId = http().post(
                        "/cases",
                        Http.map(
                                "socialWorkerId",
                                worker.toString(),
                                "residentRef",
                                client.toString(),
                                "category",
                                "COMPANIONSHIP",
                                "beneficiaryGroup",
                                "ELDERLY_ALONE",
                                "assessment",
                                assessment))
                .json()
                .get("id")
                .asText();
        assertThat(http().post("/cases/" + caseId + "/notes", Http.map("text", session))
                        .status())
                .isEqualTo(201);
        assertThat(http().post(
                                "/visits",
                                Http.map(
                                        "socialWorkerId",
                                        worker.toString(),
                                        "residentRef",
                                        client.toString(),
                                        "caseId",
                                        caseId,
                                        "kind",
                                        "PHONE",
                                        "outcome",
                                        "WELL",
                                        "visitedAt",
                                        Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                                        "notes",
                                        visitNotes))
                        .status())
                .isEqualTo(201);
        String group = http().post(
                        "/groups",
                        Http.map(
                                "socialWorkerId",
                                worker.toString(),
                                "title",
                                "记忆训练小组 memory group",
                                "category",
                                "COMPANIONSHIP",
                                "beneficiaryGroup",
                                "ELDERLY_ALONE"))
                .json()
                .get("id")
                .asText();
        assertThat(http().post(
                                "/groups/" + group + "/sessions",
                                Http.map(
                                        "heldAt",
                                        Instant.now().minusSeconds(600).toString(),
                                        "participantCount",
                                        8,
                                        "notes",
                                        sessionNotes))
                        .status())
                .isEqualTo(201);
        assertThat(http().post(
                                "/cases/" + caseId + "/close",
                                Http.map("outcome", "GOALS_MET", "summary", "结案 " + marker))
                        .status())
                .isEqualTo(200);
        events(
                Aggregate.SOCIAL_WORKER,
                worker,
                5); // registered, case opened, visit, group session, case closed: all on Kafka

        List<TopicScanner.ScannedRecord> all = TopicScanner.scanAll(TestStack.bootstrapServers());

        assertThat(all).anyMatch(r -> r.text().contains(worker.toString()));
        assertThat(TopicScanner.containing(all, List.of(name, marker, client.toString(), "独居，记忆力下降")))
                .isEmpty();
    }
}
