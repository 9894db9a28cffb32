package org.wushe.hub.community.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wushe.hub.community.support.GridScenario;
import org.wushe.hub.events.community.CareVisitDue;
import org.wushe.hub.events.community.CareVisitState;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.testing.Http;
import tools.jackson.databind.JsonNode;

/**
 * Care visits to the elderly living alone on the real stack: which visits are overdue, for the grid worker and for
 * the station; a visit that found the person moves the schedule on, nobody at home does not; a due day passed is
 * announced once (CareVisitDue OVERDUE), every schedule change as SCHEDULED; bad input is a 4xx problem.
 */
class CareVisitsTest extends GridScenario {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    CareService care;

    @Test
    void overdueVisitsAreListedForTheGridWorkerAndTheStation() {
        Town town = town();
        String high = resident(town.place(), "C-1", "ELDERLY_ALONE");
        String medium = resident(town.place(), "C-2", "ELDERLY_ALONE");
        String low = resident(town.place(), "C-3", "ELDERLY_ALONE");
        String onTime = resident(town.place(), "C-4", "ELDERLY_ALONE");
        String elsewhere = resident(town.place(), "C-5", "ELDERLY_ALONE");
        household(town.worker(), town.grid(), 1, List.of(high, medium));
        household(town.worker(), town.grid(), 2, List.of(low, onTime));
        household(town.otherWorker(), town.otherGrid(), 1, List.of(elsewhere));

        // HIGH from 20 days ago, never visited: due 13 days ago.
        String highPlan = plan(town.worker(), town.grid(), high, "HIGH", TODAY.minusDays(20));
        // MEDIUM from 30 days ago, found well 10 days ago: due in 4 days.
        String mediumPlan = plan(town.worker(), town.grid(), medium, "MEDIUM", TODAY.minusDays(30));
        assertThat(visit(town.worker(), mediumPlan, TODAY.minusDays(10), "WELL")
                        .get("nextDueOn")
                        .asText())
                .isEqualTo(TODAY.plusDays(4).toString());
        // LOW from 40 days ago; nobody at home 35 days ago does not count: due a month after the start.
        String lowPlan = plan(town.worker(), town.grid(), low, "LOW", TODAY.minusDays(40));
        JsonNode notHome = visit(town.worker(), lowPlan, TODAY.minusDays(35), "NOT_HOME");
        assertThat(notHome.get("nextDueOn").asText())
                .isEqualTo(TODAY.minusDays(40).plusMonths(1).toString());
        assertThat(notHome.has("lastVisitedOn")).isFalse();
        // HIGH from 7 days ago: due today, on time.
        String onTimePlan = plan(town.worker(), town.grid(), onTime, "HIGH", TODAY.minusDays(7));
        // The other grid's: HIGH from 10 days ago, due 3 days ago.
        String elsewherePlan = plan(town.otherWorker(), town.otherGrid(), elsewhere, "HIGH", TODAY.minusDays(10));

        JsonNode overdue = town.worker()
                .get("/grids/" + town.grid() + "/care-visits/overdue")
                .json();
        assertThat(overdue).extracting(p -> p.get("id").asText()).containsExactly(highPlan, lowPlan);
        assertThat(overdue.get(0).get("daysOverdue").asLong()).isEqualTo(13);
        assertThat(overdue.get(0).get("nextDueOn").asText())
                .isEqualTo(TODAY.minusDays(13).toString());
        assertThat(overdue.get(1).get("daysOverdue").asLong())
                .isEqualTo(TODAY.minusDays(40).plusMonths(1).until(TODAY).getDays());
        JsonNode plans =
                town.worker().get("/grids/" + town.grid() + "/care-plans").json();
        assertThat(plans).hasSize(4);
        for (JsonNode p : plans) {
            assertThat(p.get("overdue").asBoolean())
                    .as(p.toString())
                    .isEqualTo(p.get("id").asText().equals(highPlan)
                            || p.get("id").asText().equals(lowPlan));
        }
        assertThat(plans).extracting(p -> p.get("id").asText()).contains(mediumPlan, onTimePlan);

        // The station sees the overdue visits of every grid of the community it serves.
        assertThat(town.station()
                        .get("/stations/" + town.place().station() + "/care-visits/overdue")
                        .json())
                .extracting(p -> p.get("id").asText())
                .containsExactly(highPlan, lowPlan, elsewherePlan);

        // Visited today: no longer overdue, due a week on.
        JsonNode visited = visit(town.worker(), highPlan, TODAY, "NEED_FOUND");
        assertThat(visited.get("overdue").asBoolean()).isFalse();
        assertThat(visited.get("nextDueOn").asText())
                .isEqualTo(TODAY.plusDays(7).toString());
        assertThat(town.worker()
                        .get("/grids/" + town.grid() + "/care-visits/overdue")
                        .json())
                .extracting(p -> p.get("id").asText())
                .containsExactly(lowPlan);
        assertThat(town.worker().get("/care-plans/" + highPlan + "/visits").json())
                .hasSize(1);
        // A change of risk moves the schedule: LOW to HIGH, counted from the start, is due 33 days ago.
        Http.Response raised =
                town.worker().put("/grids/" + town.grid() + "/care-plans", Http.map("residentId", low, "risk", "HIGH"));
        assertThat(raised.status()).as(raised.text()).isEqualTo(200);
        assertThat(raised.json().get("nextDueOn").asText())
                .isEqualTo(TODAY.minusDays(33).toString());
    }

    @Test
    void aDueDayPassedIsAnnouncedOnceAndScheduleChangesAsScheduled() {
        Town town = town();
        String r = resident(town.place(), "D-1", "ELDERLY_ALONE");
        household(town.worker(), town.grid(), 1, List.of(r));
        String planId = plan(town.worker(), town.grid(), r, "MEDIUM", TODAY.minusDays(15));

        care.announceOverdue();
        care.announceOverdue();
        // A visit moves the schedule on (SCHEDULED); a marker at the end of the grid's events.
        visit(town.worker(), planId, TODAY.minusDays(1), "WELL");

        List<ConsumerRecord<String, byte[]>> records =
                records(Aggregate.GRID, Set.of(town.grid().toString()), kept -> kept.size() >= 3);
        List<CareVisitDue> due = records.stream()
                .map(rec -> (SpecificRecord) codec.decode(rec.value()))
                .filter(CareVisitDue.class::isInstance)
                .map(CareVisitDue.class::cast)
                .toList();
        assertThat(due)
                .extracting(
                        CareVisitDue::getState, d -> d.getDueOn().toString(), d -> String.valueOf(d.getLastVisitedOn()))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                CareVisitState.SCHEDULED, TODAY.minusDays(1).toString(), "null"),
                        org.assertj.core.groups.Tuple.tuple(
                                CareVisitState.OVERDUE, TODAY.minusDays(1).toString(), "null"),
                        org.assertj.core.groups.Tuple.tuple(
                                CareVisitState.SCHEDULED,
                                TODAY.plusDays(13).toString(),
                                TODAY.minusDays(1).toString()));
        assertThat(due).allSatisfy(d -> assertThat(d.getCarePlanId().toString()).isEqualTo(planId));
        assertNoneHolds(records, List.of(r, "MEDIUM"));
    }

    @Test
    void badInputIsA4xxProblemNamingTheField() {
        Town town = town();
        String r = resident(town.place(), "E-1", "ELDERLY_ALONE");
        String stranger = resident(town.place(), "E-2");
        household(town.worker(), town.grid(), 1, List.of(r));
        String path = "/grids/" + town.grid() + "/care-plans";

        assertProblem(town.worker().put(path, Http.map("residentId", r, "risk", "EXTREME")), 400, "risk");
        assertProblem(town.worker().put(path, Http.map("risk", "HIGH")), 400, "residentId");
        assertProblem(
                town.worker()
                        .put(
                                path,
                                Http.map(
                                        "residentId",
                                        r,
                                        "risk",
                                        "HIGH",
                                        "since",
                                        TODAY.plusDays(1).toString())),
                400,
                "since");
        assertProblem(town.worker().put(path, Http.map("residentId", stranger, "risk", "HIGH")), 400, "residentId");
        assertProblem(
                town.worker().put(path, Http.map("residentId", UUID.randomUUID().toString(), "risk", "HIGH")),
                400,
                "residentId");
        String planId = plan(town.worker(), town.grid(), r, "HIGH", TODAY.minusDays(3));
        assertProblem(
                town.worker()
                        .post(
                                "/care-plans/" + planId + "/visits",
                                Http.map("visitedOn", TODAY.plusDays(1).toString(), "outcome", "WELL")),
                400,
                "visitedOn");
        assertProblem(
                town.worker()
                        .post(
                                "/care-plans/" + planId + "/visits",
                                Http.map("visitedOn", TODAY.minusDays(4).toString(), "outcome", "WELL")),
                400,
                "visitedOn");
        assertProblem(
                town.worker().post("/care-plans/" + planId + "/visits", Http.map("visitedOn", TODAY.toString())),
                400,
                "outcome");
        assertProblem(
                town.worker()
                        .post(
                                "/care-plans/" + planId + "/visits",
                                Http.map(
                                        "visitedOn",
                                        TODAY.toString(),
                                        "outcome",
                                        "WELL",
                                        "note",
                                        "身份证 110112193001010010")),
                400,
                "note");
        assertProblem(
                town.worker()
                        .post(
                                "/care-plans/" + UUID.randomUUID() + "/visits",
                                Http.map("visitedOn", TODAY.toString(), "outcome", "WELL")),
                404,
                "id");
        assertThat(count("grid_care_visit WHERE plan_id = '" + planId + "'")).isZero();
    }

    private String plan(Http worker, UUID grid, String resident, String risk, LocalDate since) {
        Http.Response r = worker.put(
                "/grids/" + grid + "/care-plans",
                Http.map("residentId", resident, "risk", risk, "since", since.toString()));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private static JsonNode visit(Http worker, String plan, LocalDate on, String outcome) {
        Http.Response r = worker.post(
                "/care-plans/" + plan + "/visits", Http.map("visitedOn", on.toString(), "outcome", outcome));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }
}
