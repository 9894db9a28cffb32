package org.wushe.hub.community.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.community.support.ServiceScenario;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.web.ProblemDetailsAdvice;
import org.wushe.hub.platform.web.ServiceProblems;
import org.wushe.hub.testing.Http;
import tools.jackson.databind.JsonNode;

/**
 * Concurrent changes of one need: over the API they queue on the need's row lock, so exactly one of
 * several racing status changes wins and the others are told 409 by the need's own rules. Where the
 * database itself refuses (a row another transaction holds, a deadlock it breaks, a lost optimistic
 * check), the answer is a 409 problem too, not a 500: shown with real PostgreSQL lock errors raised
 * through this service's data source and handled by the platform's ServiceProblems, which this service has for
 * declaring its UniqueFields.
 */
class LockConflictTest extends ServiceScenario {

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ServiceProblems serviceProblems;

    @Autowired
    ProblemDetailsAdvice problemDetails;

    @Test
    void racingChangesOfOneNeedHaveOneWinnerAndEveryOtherAnswerIsA409() throws Exception {
        Place place = communityWithStation();
        String id = publishNeed(need(place)).get("id").asText();
        assertThat(http().post(
                                "/needs/" + id + "/status",
                                Http.map(
                                        "status",
                                        "MATCHED",
                                        "matchId",
                                        UUID.randomUUID().toString()))
                        .status())
                .isEqualTo(200);

        int racers = 12;
        CyclicBarrier start = new CyclicBarrier(racers);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<Http.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                boolean accept = i % 2 == 0;
                String title = "门锁损坏需维修 door lock broken, edit " + i;
                answers.add(pool.submit(() -> {
                    Http client = new Http(port);
                    start.await(30, TimeUnit.SECONDS);
                    return accept
                            ? client.post(
                                    "/needs/" + id + "/status",
                                    Http.map(
                                            "status",
                                            "ACCEPTED",
                                            "matchId",
                                            UUID.randomUUID().toString()))
                            : client.put("/needs/" + id, need(place, "title", title));
                }));
            }
            List<Http.Response> done = new ArrayList<>();
            for (Future<Http.Response> f : answers) {
                done.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(done).extracting(Http.Response::status).as("answers").allMatch(s -> s == 200 || s == 409);
            List<Http.Response> accepted = new ArrayList<>();
            for (int i = 0; i < racers; i += 2) {
                if (done.get(i).status() == 200) {
                    accepted.add(done.get(i));
                }
            }
            assertThat(accepted).as("status changes that won").hasSize(1);
            done.stream()
                    .filter(r -> r.status() == 409)
                    .forEach(r -> assertThat(r.problemField()).isEqualTo("status"));
            long won = done.stream().filter(r -> r.status() == 200).count();
            JsonNode need = http().get("/needs/" + id).json();
            assertThat(need.get("status").asText()).isEqualTo("ACCEPTED");
            assertThat(need.get("matchId").asText())
                    .isEqualTo(accepted.get(0).json().get("matchId").asText());
            // published, matched, then one event per change that won: nothing lost, nothing twice.
            assertThat(need.get("revision").asLong()).isEqualTo(2 + won);
            assertThat(events(Aggregate.NEED, id, (int) (2 + won))).hasSize((int) (2 + won));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRowHeldByAnotherTransactionIsA409ProblemNotA500() throws Exception {
        UUID need = UUID.fromString(
                publishNeed(need(communityWithStation())).get("id").asText());
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            lock(other, need);

            MvcResult answer = mvc(serviceProblems, problemDetails)
                    .perform(post("/probe/nowait/" + need))
                    .andReturn();

            assertConflict(answer);
            assertThat(mvc(problemDetails)
                            .perform(post("/probe/nowait/" + need))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as("without the service's handler")
                    .isEqualTo(500);
            other.rollback();
        }
        // Another error Spring leaves uncategorized (55000 object_not_in_prerequisite_state) is no conflict.
        assertThat(mvc(serviceProblems, problemDetails)
                        .perform(post("/probe/uncategorized"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(500);
    }

    @Test
    void aDeadlockTheDatabaseBreaksByFailingTheRequestIsA409ProblemNotA500() throws Exception {
        Place place = communityWithStation();
        UUID first = UUID.fromString(publishNeed(need(place)).get("id").asText());
        UUID second = UUID.fromString(publishNeed(need(place)).get("id").asText());
        MockMvc mvc = mvc(serviceProblems, problemDetails);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.execute("SET LOCAL deadlock_timeout = '60s'"); // the request (3 s), not this transaction, finds the
                // deadlock
            }
            lock(other, first);
            // The request locks the second need, then waits for the first...
            CompletableFuture<MvcResult> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return mvc.perform(post("/probe/deadlock/" + second + "/" + first))
                            .andReturn();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(WAIT)
                    .until(() -> jdbc.queryForObject(
                                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                            + "AND query LIKE '%probe-deadlock%' AND pid <> pg_backend_pid()",
                                    Integer.class)
                            == 1);
            // ...and this transaction waits for the second: the database fails the request after its deadlock_timeout.
            lock(other, second);

            assertConflict(answer.get(60, TimeUnit.SECONDS));
            other.rollback();
        }
    }

    @Test
    void aLostOptimisticCheckIsA409ProblemNotA500() throws Exception {
        assertConflict(mvc(serviceProblems, problemDetails)
                .perform(post("/probe/optimistic"))
                .andReturn());
    }

    // ---- a controller running real statements through the service's data source -----------------------

    @RestController
    static class Probe {
        private final JdbcTemplate jdbc;
        private final TransactionTemplate tx;

        Probe(JdbcTemplate jdbc, TransactionTemplate tx) {
            this.jdbc = jdbc;
            this.tx = tx;
        }

        @PostMapping("/probe/nowait/{id}")
        Map<String, Object> nowait(@PathVariable UUID id) {
            return tx.execute(s -> jdbc.queryForMap("SELECT id FROM need WHERE id = ? FOR UPDATE NOWAIT", id));
        }

        @PostMapping("/probe/deadlock/{first}/{second}")
        Map<String, Object> deadlock(@PathVariable UUID first, @PathVariable UUID second) {
            return tx.execute(s -> {
                // The test's transaction must start waiting before this one checks for a deadlock: leave it 3 s.
                jdbc.execute("SET LOCAL deadlock_timeout = '3s'");
                jdbc.queryForMap("SELECT id FROM need WHERE id = ? FOR UPDATE", first);
                return jdbc.queryForMap("SELECT id /* probe-deadlock */ FROM need WHERE id = ? FOR UPDATE", second);
            });
        }

        @PostMapping("/probe/uncategorized")
        void uncategorized() {
            jdbc.execute("DO $$ BEGIN RAISE EXCEPTION 'not in prerequisite state' USING ERRCODE = '55000'; END $$");
        }

        @PostMapping("/probe/optimistic")
        void optimistic() {
            throw new OptimisticLockingFailureException("need changed since revision 3");
        }
    }

    private MockMvc mvc(Object... advice) {
        return MockMvcBuilders.standaloneSetup(new Probe(jdbc, new TransactionTemplate(transactions)))
                .setControllerAdvice(advice)
                .build();
    }

    private static void lock(Connection c, UUID need) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM need WHERE id = ? FOR UPDATE")) {
            ps.setObject(1, need);
            ps.executeQuery().close();
        }
    }

    private static void assertConflict(MvcResult answer) throws Exception {
        assertThat(answer.getResponse().getStatus())
                .as(answer.getResponse().getContentAsString())
                .isEqualTo(409);
        assertThat(answer.getResponse().getContentType()).startsWith("application/problem+json");
        JsonNode body = Http.JSON.readTree(answer.getResponse().getContentAsString());
        assertThat(body.get("type").asText()).isEqualTo(ProblemDetailsAdvice.INVALID_INPUT.toString());
        assertThat(body.get("errors").get(0).get("field").asText()).isEqualTo("body");
        assertThat(body.get("detail").asText()).contains("changed concurrently by another request; try again");
    }
}
