package org.wushe.hub.socialworker.notes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.socialworker.support.ServiceScenario;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.Problems;
import org.wushe.hub.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Issue #14 item 4: case, visit and group session notes are ciphertext at rest (read back with plain JDBC, no note
 * text anywhere in the rows), opened only with a stated reason (400 naming {@code reason} without one), every
 * opening logged with who, whose notes and why; group session notes only for the group's worker, their supervisor
 * and the centre; plaintext rows of an earlier version are sealed at start-up.
 */
class NotesAtRestTest extends ServiceScenario {

    @Autowired
    PlaintextNotes plaintextNotes;

    private record Work(
            KnownStation centre,
            KnownStation station,
            UUID supervisor,
            UUID worker,
            String caseId,
            String visitId,
            String groupId,
            String assessment,
            String note,
            String visitNotes,
            String sessionNotes) {}

    private Work work() {
        KnownStation centre = streetCentre();
        KnownStation station = communityStation(centre.id());
        UUID supervisor = supervisorAt(station);
        UUID worker = workerAt(station, "supervisorId", supervisor.toString());
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String assessment = "独居老人，儿子在外地 lives alone " + tag;
        String note = "情绪低落，需要陪伴 low mood " + tag;
        String visitNotes = "血压偏高，药快吃完了 blood pressure " + tag;
        String sessionNotes = "组员分享丧偶经历 bereavement " + tag;
        Http me = asWorker(worker);
        Http.Response c = me.post(
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
                        assessment));
        assertThat(c.status()).as(c.text()).isEqualTo(201);
        String caseId = c.json().get("id").asText();
        assertThat(me.post("/cases/" + caseId + "/notes", Http.map("text", note))
                        .status())
                .isEqualTo(201);
        Http.Response v = me.post(
                "/visits",
                Http.map(
                        "socialWorkerId",
                        worker.toString(),
                        "residentRef",
                        UUID.randomUUID().toString(),
                        "kind",
                        "HOME",
                        "outcome",
                        "WELL",
                        "visitedAt",
                        Instant.now().minus(1, ChronoUnit.HOURS).toString(),
                        "notes",
                        visitNotes));
        assertThat(v.status()).as(v.text()).isEqualTo(201);
        Http.Response g = me.post(
                "/groups",
                Http.map(
                        "socialWorkerId",
                        worker.toString(),
                        "title",
                        "丧偶老人互助小组 mutual aid",
                        "category",
                        "PSYCHOLOGICAL_SUPPORT",
                        "beneficiaryGroup",
                        "ELDERLY_ALONE"));
        assertThat(g.status()).as(g.text()).isEqualTo(201);
        String groupId = g.json().get("id").asText();
        Http.Response s = me.post(
                "/groups/" + groupId + "/sessions",
                Http.map(
                        "heldAt",
                        Instant.now().minusSeconds(600).toString(),
                        "participantCount",
                        6,
                        "notes",
                        sessionNotes));
        assertThat(s.status()).as(s.text()).isEqualTo(201);
        return new Work(
                centre,
                station,
                supervisor,
                worker,
                caseId,
                v.json().get("id").asText(),
                groupId,
                assessment,
                note,
                visitNotes,
                sessionNotes);
    }

    /** Every row of the tables as PostgreSQL prints it (bytea as hex): no note may show. */
    private String rowsAsText(Work w) {
        return String.join(
                        "\n",
                        jdbc.queryForList(
                                "SELECT n::text FROM case_note n WHERE case_id = ?::uuid", String.class, w.caseId()))
                + jdbc.queryForList("SELECT v::text FROM visit v WHERE id = ?::uuid", String.class, w.visitId())
                + jdbc.queryForList(
                        "SELECT s::text FROM group_session s WHERE group_id = ?::uuid", String.class, w.groupId());
    }

    private List<Map<String, Object>> accessLog(String subject) {
        return jdbc.queryForList(
                "SELECT actor, social_worker_id::text AS whose, kind, reason FROM note_access WHERE subject_id = ?::uuid ORDER BY id",
                subject);
    }

    @Test
    void notesAreCiphertextAtRestAndEachReadNeedsAReasonAndIsLogged() {
        Work w = work();
        String rows = rowsAsText(w);
        for (String text :
                List.of(w.assessment(), w.note(), w.visitNotes(), w.sessionNotes(), "独居", "血压", "丧偶", "lives alone")) {
            assertThat(rows).as("no note text at rest").doesNotContain(text);
        }
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM case_note WHERE case_id = ?::uuid AND text IS NULL AND text_sealed IS NOT NULL",
                        Integer.class,
                        w.caseId()))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM visit WHERE id = ?::uuid AND notes IS NULL AND notes_sealed IS NOT NULL",
                        Integer.class,
                        w.visitId()))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM group_session WHERE group_id = ?::uuid AND notes IS NULL AND notes_sealed IS NOT NULL",
                        Integer.class,
                        w.groupId()))
                .isEqualTo(1);

        Http me = asWorker(w.worker());
        for (String path : List.of(
                "/cases/" + w.caseId() + "/notes",
                "/visits/" + w.visitId(),
                "/groups/" + w.groupId() + "/sessions",
                "/cases/" + w.caseId() + "/notes?reason=%20")) {
            assertProblem("no reason " + path, me.get(path), 400, "reason");
        }
        assertThat(accessLog(w.caseId())).isEmpty();

        JsonNode notes = me.get("/cases/" + w.caseId() + "/notes?" + reason("月度评估 monthly review"))
                .json();
        assertThat(notes).extracting(n -> n.get("text").asText()).containsExactly(w.assessment(), w.note());
        JsonNode bySupervisor = asWorker(w.supervisor())
                .get("/cases/" + w.caseId() + "/notes?" + reason("督导 supervision"))
                .json();
        assertThat(bySupervisor).hasSize(2);
        assertThat(accessLog(w.caseId()))
                .containsExactly(
                        Map.of(
                                "actor",
                                "sw-" + w.worker(),
                                "whose",
                                w.worker().toString(),
                                "kind",
                                "CASE",
                                "reason",
                                "月度评估 monthly review"),
                        Map.of(
                                "actor",
                                "sw-" + w.supervisor(),
                                "whose",
                                w.worker().toString(),
                                "kind",
                                "CASE",
                                "reason",
                                "督导 supervision"));

        assertThat(me.get("/visits/" + w.visitId() + "?" + reason("回访 follow-up"))
                        .json()
                        .get("notes")
                        .asText())
                .isEqualTo(w.visitNotes());
        // A list without a reason shows the visits without notes, and logs nothing; with one, the notes, logged.
        JsonNode listed = me.get("/visits").json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).has("notes")).isFalse();
        assertThat(me.get("/visits?" + reason("周报 weekly"))
                        .json()
                        .get(0)
                        .get("notes")
                        .asText())
                .isEqualTo(w.visitNotes());
        assertThat(accessLog(w.visitId()))
                .extracting(r -> r.get("reason"))
                .containsExactly("回访 follow-up", "周报 weekly");

        JsonNode sessions = me.get("/groups/" + w.groupId() + "/sessions?" + reason("小组总结 group review"))
                .json();
        assertThat(sessions).extracting(s -> s.get("notes").asText()).containsExactly(w.sessionNotes());
        assertThat(accessLog(w.groupId()))
                .containsExactly(Map.of(
                        "actor",
                        "sw-" + w.worker(),
                        "whose",
                        w.worker().toString(),
                        "kind",
                        "GROUP",
                        "reason",
                        "小组总结 group review"));
    }

    @Test
    void groupSessionNotesAreForTheWorkerTheirSupervisorAndTheCentreOnly() {
        Work w = work();
        UUID colleague = workerAt(w.station());
        String path = "/groups/" + w.groupId() + "/sessions?" + reason("看看 curious");
        Http volunteer = http().as(TestTokens.token("vol-9", Roles.VOLUNTEER, Roles.VOLUNTEER_ID, UUID.randomUUID()));

        // The group itself, as any token sees it, has no session notes any more.
        for (Http anyone : List.of(volunteer, asWorker(colleague), http())) {
            JsonNode group = anyone.get("/groups/" + w.groupId()).json();
            assertThat(group.get("sessions")).hasSize(1);
            assertThat(group.get("sessions").get(0).has("notes")).isFalse();
            assertThat(anyone.get("/groups?socialWorkerId=" + w.worker())
                            .json()
                            .get(0)
                            .get("sessions")
                            .get(0)
                            .has("notes"))
                    .isFalse();
        }
        String readers = "social_worker of " + w.worker() + " or social_worker of " + w.supervisor()
                + " or centre_manager of " + w.centre().id();
        for (Http refused : List.of(
                volunteer,
                asWorker(colleague),
                http(),
                asCentreManager(streetCentre().id()),
                http().as(TestTokens.token(
                        "staff-1",
                        Roles.STATION_STAFF,
                        Roles.STATION_ID,
                        w.station().id())))) {
            Http.Response r = refused.get(path);
            Problems.assertForbidden(r.status(), r.contentType(), r.json(), r.text(), "socialWorkerId", readers);
        }
        assertThat(accessLog(w.groupId())).isEmpty();

        for (Http reader : List.of(
                asWorker(w.worker()),
                asWorker(w.supervisor()),
                asCentreManager(w.centre().id()))) {
            Http.Response r = reader.get(path);
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            assertThat(r.json().get(0).get("notes").asText()).isEqualTo(w.sessionNotes());
        }
        assertThat(accessLog(w.groupId()))
                .extracting(r -> r.get("actor"))
                .containsExactly(
                        "sw-" + w.worker(),
                        "sw-" + w.supervisor(),
                        "cm-" + w.centre().id());
    }

    @Test
    void plaintextNotesOfAnEarlierVersionAreSealedAtStartUp() {
        Work w = work();
        String old = "旧版本明文记录 kept in plaintext " + UUID.randomUUID();
        // Rows as an earlier version wrote them: the note in the plaintext column, nothing sealed.
        UUID oldNote = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO case_note (id, case_id, author_id, kind, text, written_at) VALUES (?, ?::uuid, ?, 'SESSION', ?, now())",
                oldNote,
                w.caseId(),
                w.worker(),
                old);
        jdbc.update("UPDATE visit SET notes = ?, notes_sealed = NULL WHERE id = ?::uuid", old, w.visitId());
        jdbc.update(
                "UPDATE group_session SET notes = ?, notes_sealed = NULL WHERE group_id = ?::uuid", old, w.groupId());
        assertThat(rowsAsText(w)).contains(old);

        assertThat(plaintextNotes.sealAll()).isGreaterThanOrEqualTo(3);
        assertThat(rowsAsText(w)).doesNotContain(old).doesNotContain("旧版本");
        assertThat(plaintextNotes.sealAll()).as("nothing left").isZero();

        Http me = asWorker(w.worker());
        assertThat(me.get("/cases/" + w.caseId() + "/notes?" + reason("核对 check"))
                        .json())
                .extracting(n -> n.get("text").asText())
                .contains(old, w.assessment(), w.note());
        assertThat(me.get("/visits/" + w.visitId() + "?" + reason("核对 check"))
                        .json()
                        .get("notes")
                        .asText())
                .isEqualTo(old);
        assertThat(me.get("/groups/" + w.groupId() + "/sessions?" + reason("核对 check"))
                        .json()
                        .get(0)
                        .get("notes")
                        .asText())
                .isEqualTo(old);
    }
}
