package org.wushe.hub.socialworker.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.CertificationLevel;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.socialworker.Employment;
import org.wushe.hub.events.socialworker.SocialWorkerAssigned;
import org.wushe.hub.events.socialworker.SocialWorkerCertified;
import org.wushe.hub.events.socialworker.SocialWorkerRegistered;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.socialworker.support.ServiceScenario;
import org.wushe.hub.testing.Http;
import tools.jackson.databind.JsonNode;

/**
 * A part-time worker joins a station under a supervisor, passes the assistant exam, moves to another
 * station: each step an event on {@code wushe.socialworker.worker} keyed by the worker, without the name.
 */
class SocialWorkerTest extends ServiceScenario {

    @Test
    void registeredUnderASupervisorCertifiedThenMovedEachStepAnEvent() {
        KnownStation first = communityStation(null);
        KnownStation second = communityStation(null);
        UUID supervisor = supervisorAt(first);
        String name = unique("王小红");
        JsonNode registered = register(worker(
                first,
                "name",
                name,
                "employment",
                "PART_TIME",
                "supervisorId",
                supervisor.toString(),
                "skills",
                List.of("SOCIAL_WORK", "PSYCHOLOGICAL_COUNSELLING", "SOCIAL_WORK")));
        UUID id = UUID.fromString(registered.get("id").asText());
        assertThat(registered.get("certificationLevel").asText()).isEqualTo("NONE");
        assertThat(registered.get("supervisorId").asText()).isEqualTo(supervisor.toString());

        Http.Response certified = http().post(
                        "/social-workers/" + id + "/certificates",
                        Http.map(
                                "level",
                                "ASSISTANT",
                                "certifiedOn",
                                today().minusDays(20).toString()));
        assertThat(certified.status()).as(certified.text()).isEqualTo(200);
        Http.Response lower = http().post(
                        "/social-workers/" + id + "/certificates",
                        Http.map("level", "ASSISTANT", "certifiedOn", today().toString()));
        assertThat(lower.status()).isEqualTo(409);
        assertThat(lower.problemField()).isEqualTo("level");
        Http.Response moved = http().post(
                        "/social-workers/" + id + "/assignment",
                        Http.map("stationId", second.id().toString(), "supervisorId", supervisor.toString()));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(http().post(
                                "/social-workers/" + id + "/assignment",
                                Http.map("stationId", second.id().toString(), "supervisorId", supervisor.toString()))
                        .status())
                .isEqualTo(409);

        List<SpecificRecord> events = events(Aggregate.SOCIAL_WORKER, id, 4);
        assertThat(events)
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly(
                        "SocialWorkerRegistered",
                        "SocialWorkerAssigned",
                        "SocialWorkerCertified",
                        "SocialWorkerAssigned");
        SocialWorkerRegistered r = (SocialWorkerRegistered) events.get(0);
        assertThat(r.getSocialWorkerId()).isEqualTo(id);
        assertThat(r.getStationId()).isEqualTo(first.id());
        assertThat(r.getEmployment()).isEqualTo(Employment.PART_TIME);
        assertThat(r.getCertificationLevel()).isEqualTo(CertificationLevel.NONE);
        assertThat(r.getTrainedLocally()).isTrue();
        assertThat(r.getSkills()).containsExactly(Skill.SOCIAL_WORK, Skill.PSYCHOLOGICAL_COUNSELLING);
        assertThat(r.getLanguages()).containsExactly("en");
        SocialWorkerAssigned joined = (SocialWorkerAssigned) events.get(1);
        assertThat(joined.getStationId()).isEqualTo(first.id());
        assertThat(joined.getPreviousStationId()).isNull();
        assertThat(joined.getSupervisorId()).isEqualTo(supervisor);
        assertThat(joined.getAssignedOn()).isEqualTo(today());
        SocialWorkerCertified c = (SocialWorkerCertified) events.get(2);
        assertThat(c.getLevel()).isEqualTo(CertificationLevel.ASSISTANT);
        assertThat(c.getPreviousLevel()).isEqualTo(CertificationLevel.NONE);
        assertThat(c.getCertifiedOn()).isEqualTo(today().minusDays(20));
        assertThat(c.getStationId()).isEqualTo(first.id());
        SocialWorkerAssigned move = (SocialWorkerAssigned) events.get(3);
        assertThat(move.getStationId()).isEqualTo(second.id());
        assertThat(move.getPreviousStationId()).isEqualTo(first.id());
        // The name is staff data of this service only.
        assertThat(records(Aggregate.SOCIAL_WORKER, id, 4))
                .allSatisfy(rec -> assertThat(new String(rec.value(), java.nio.charset.StandardCharsets.UTF_8))
                        .doesNotContain(name));

        assertThat(http().get("/social-workers?stationId=" + second.id()).json())
                .extracting(w -> w.get("id").asText())
                .containsExactly(id.toString());
        assertThat(http().get("/social-workers?supervisorId=" + supervisor).json())
                .extracting(w -> w.get("id").asText())
                .contains(id.toString());
    }

    @Test
    void aSupervisorHoldsTheIntermediateCertificateAndSupervisionHasNoCycles() {
        KnownStation station = communityStation(null);
        UUID assistant = workerAt(station, "certificationLevel", "ASSISTANT", "certifiedOn", "2021-06-01");
        Http.Response tooJunior = http().post("/social-workers", worker(station, "supervisorId", assistant.toString()));
        assertThat(tooJunior.status()).isEqualTo(400);
        assertThat(tooJunior.problemField()).isEqualTo("supervisorId");
        assertThat(tooJunior.json().get("detail").asText()).contains("INTERMEDIATE");

        UUID a = supervisorAt(station);
        UUID b = workerAt(
                station, "certificationLevel", "SENIOR", "certifiedOn", "2015-06-01", "supervisorId", a.toString());
        Http.Response cycle = http().post(
                        "/social-workers/" + a + "/assignment",
                        Http.map("stationId", station.id().toString(), "supervisorId", b.toString()));
        assertThat(cycle.status()).isEqualTo(400);
        assertThat(cycle.json().get("detail").asText()).contains("supervised");
        Http.Response self = http().post(
                        "/social-workers/" + a + "/assignment",
                        Http.map("stationId", station.id().toString(), "supervisorId", a.toString()));
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.problemField()).isEqualTo("supervisorId");
    }

    @Test
    void aCertificateHasADateSinceTheExamsBeganAndAStationMustBeKnown() {
        KnownStation station = communityStation(null);
        Http.Response undated = http().post("/social-workers", worker(station, "certificationLevel", "ASSISTANT"));
        assertThat(undated.status()).isEqualTo(400);
        assertThat(undated.problemField()).isEqualTo("certifiedOn");
        Http.Response early = http().post(
                        "/social-workers",
                        worker(station, "certificationLevel", "ASSISTANT", "certifiedOn", "2005-01-01"));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.json().get("detail").asText()).contains("2008");
        Http.Response future = http().post(
                        "/social-workers",
                        worker(
                                station,
                                "certificationLevel",
                                "ASSISTANT",
                                "certifiedOn",
                                LocalDate.now().plusDays(5).toString()));
        assertThat(future.status()).isEqualTo(400);
        Http.Response unknownStation = http().post(
                        "/social-workers",
                        worker(station, "stationId", UUID.randomUUID().toString()));
        assertThat(unknownStation.status()).isEqualTo(400);
        assertThat(unknownStation.problemField()).isEqualTo("stationId");

        UUID senior = workerAt(station, "certificationLevel", "SENIOR", "certifiedOn", "2016-03-01");
        Http.Response down = http().post(
                        "/social-workers/" + senior + "/certificates",
                        Http.map("level", "INTERMEDIATE", "certifiedOn", "2020-01-01"));
        assertThat(down.status()).isEqualTo(409);
    }
}
