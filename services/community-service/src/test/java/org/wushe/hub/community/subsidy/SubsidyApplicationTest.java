package org.wushe.hub.community.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.wushe.hub.community.support.GridScenario;
import org.wushe.hub.events.community.SubsidyApplicationChanged;
import org.wushe.hub.events.community.SubsidyKind;
import org.wushe.hub.events.community.SubsidyStatus;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.testing.Http;
import tools.jackson.databind.JsonNode;

/**
 * Help with a subsidy application: prepared, submitted, decided, each change one SubsidyApplicationChanged with the
 * kind, status and days only (no resident, no note); a move the life does not allow is a 409, a bad day a 400.
 */
class SubsidyApplicationTest extends GridScenario {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final String NOTE = "需补交户口本复印件";

    @Test
    void anApplicationIsPreparedSubmittedAndDecidedAndEachChangeIsAnnouncedWithoutTheResident() {
        Town town = town();
        String r = resident(town.place(), "S-1", "LOW_INCOME");
        household(town.worker(), town.grid(), 1, List.of(r));

        Http.Response opened = town.worker()
                .post(
                        "/grids/" + town.grid() + "/subsidy-applications",
                        Http.map("residentId", r, "kind", "LIVING_ALLOWANCE", "note", NOTE));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        String id = opened.json().get("id").asText();
        assertThat(opened.json().get("status").asText()).isEqualTo("PREPARING");
        String path = "/subsidy-applications/" + id + "/status";

        assertProblem(town.worker().post(path, Http.map("status", "APPROVED")), 409, "status");
        assertProblem(
                town.worker()
                        .post(
                                path,
                                Http.map(
                                        "status",
                                        "SUBMITTED",
                                        "on",
                                        TODAY.plusDays(1).toString())),
                400,
                "on");
        JsonNode submitted = town.worker()
                .post(
                        path,
                        Http.map("status", "SUBMITTED", "on", TODAY.minusDays(3).toString()))
                .json();
        assertThat(submitted.get("submittedOn").asText())
                .isEqualTo(TODAY.minusDays(3).toString());
        assertProblem(
                town.worker()
                        .post(
                                path,
                                Http.map(
                                        "status",
                                        "APPROVED",
                                        "on",
                                        TODAY.minusDays(4).toString())),
                400,
                "on");
        JsonNode approved =
                town.worker().post(path, Http.map("status", "APPROVED")).json();
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("decidedOn").asText()).isEqualTo(TODAY.toString());
        assertThat(approved.get("revision").asInt()).isEqualTo(3);
        assertProblem(town.worker().post(path, Http.map("status", "WITHDRAWN")), 409, "status");
        assertProblem(town.worker().post(path, Http.map("status", "PAID")), 400, "status");
        assertThat(town.station()
                        .get("/grids/" + town.grid() + "/subsidy-applications")
                        .json())
                .hasSize(1);

        List<ConsumerRecord<String, byte[]>> records =
                records(Aggregate.GRID, Set.of(town.grid().toString()), kept -> kept.size() >= 3);
        assertThat(records.stream()
                        .map(rec -> (SubsidyApplicationChanged) codec.decode(rec.value()))
                        .toList())
                .extracting(
                        SubsidyApplicationChanged::getKind,
                        SubsidyApplicationChanged::getStatus,
                        SubsidyApplicationChanged::getRevision,
                        e -> String.valueOf(e.getSubmittedOn()),
                        e -> String.valueOf(e.getDecidedOn()))
                .containsExactly(
                        tuple(SubsidyKind.LIVING_ALLOWANCE, SubsidyStatus.PREPARING, 1, "null", "null"),
                        tuple(
                                SubsidyKind.LIVING_ALLOWANCE,
                                SubsidyStatus.SUBMITTED,
                                2,
                                TODAY.minusDays(3).toString(),
                                "null"),
                        tuple(
                                SubsidyKind.LIVING_ALLOWANCE,
                                SubsidyStatus.APPROVED,
                                3,
                                TODAY.minusDays(3).toString(),
                                TODAY.toString()));
        assertNoneHolds(records, List.of(r, NOTE));
    }

    @Test
    void badInputIsA4xxProblemNamingTheField() {
        Town town = town();
        String r = resident(town.place(), "S-2");
        household(town.worker(), town.grid(), 1, List.of(r));
        String path = "/grids/" + town.grid() + "/subsidy-applications";
        int before = count("grid_subsidy_application");

        assertProblem(town.worker().post(path, Http.map("residentId", r, "kind", "CASH")), 400, "kind");
        assertProblem(town.worker().post(path, Http.map("kind", "OTHER")), 400, "residentId");
        assertProblem(
                town.worker().post(path, Http.map("residentId", r, "kind", "OTHER", "note", "电话 010-6523 8888")),
                400,
                "note");
        assertProblem(
                town.worker()
                        .post(
                                "/subsidy-applications/" + java.util.UUID.randomUUID() + "/status",
                                Http.map("status", "SUBMITTED")),
                404,
                "id");
        assertThat(count("grid_subsidy_application")).isEqualTo(before);
    }
}
