package org.wushe.hub.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What the database refuses after the service checked is a 409 problem naming the field, not a 500: a duplicate
 * names the field its constraint guards (the service's {@link UniqueFields}), a lost race names {@code body}. The
 * services prove the same over their real databases (community-service's LockConflictTest, organization-service's
 * OrganizationLifecycleTest, social-worker-service's InputProblemsTest).
 */
class ServiceProblemsTest {

    private static final UniqueFields UNIQUE = new UniqueFields(Map.of(
            "resident_number_unique",
            "residentNumber",
            "resident_id_number_unique",
            "idNumber",
            "community_name_unique",
            "name"));

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aDuplicateNamesTheFieldItsConstraintGuards() throws Exception {
        JsonNode problem = conflict("/duplicate/resident_id_number_unique");

        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("idNumber");
        assertThat(problem.get("errors").get(0).get("message").asText()).isEqualTo("已存在 already exists");
        assertThat(problem.get("title").asText()).isEqualTo("输入有误 Invalid input");
        assertThat(problem.get("type").asText()).isEqualTo(ProblemDetailsAdvice.INVALID_INPUT.toString());
        assertThat(conflict("/duplicate/resident_number_unique")
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("residentNumber");
    }

    @Test
    void aDuplicateOfAConstraintTheServiceDidNotNameIsTheBody() throws Exception {
        assertThat(conflict("/duplicate/outbox_pkey")
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("body");
        assertThat(new UniqueFields(Map.of("a_unique", "a")).fieldIn(null)).isEqualTo("body");
        assertThat(new UniqueFields(Map.of("a_unique", "a")).fieldIn("another driver's words about a_unique"))
                .isEqualTo("a");
    }

    @Test
    void aLockNotHadADeadlockOrALostOptimisticCheckIsAConflictOnTheBody() throws Exception {
        for (String path : new String[] {"/lock", "/optimistic", "/nowait"}) {
            JsonNode problem = conflict(path);
            assertThat(problem.get("errors").get(0).get("field").asText())
                    .as(path)
                    .isEqualTo("body");
            assertThat(problem.get("detail").asText())
                    .as(path)
                    .contains("changed concurrently by another request; try again");
        }
    }

    @Test
    void anotherUncategorizedErrorStaysInternalAndWithoutTheAdviceNoneIsAConflict() throws Exception {
        assertThat(answer(mvc(new ServiceProblems(UNIQUE), new ProblemDetailsAdvice()), "/uncategorized")
                        .getResponse()
                        .getStatus())
                .isEqualTo(500);
        for (String path : new String[] {"/duplicate/community_name_unique", "/lock", "/nowait"}) {
            assertThat(answer(mvc(new ProblemDetailsAdvice()), path)
                            .getResponse()
                            .getStatus())
                    .as(path)
                    .isBetween(500, 503);
        }
    }

    private JsonNode conflict(String path) throws Exception {
        MvcResult answer = answer(mvc(new ServiceProblems(UNIQUE), new ProblemDetailsAdvice()), path);
        assertThat(answer.getResponse().getStatus())
                .as(answer.getResponse().getContentAsString())
                .isEqualTo(409);
        assertThat(answer.getResponse().getContentType()).startsWith("application/problem+json");
        return json.readTree(answer.getResponse().getContentAsString());
    }

    private static MvcResult answer(MockMvc mvc, String path) throws Exception {
        return mvc.perform(post(path)).andReturn();
    }

    private static MockMvc mvc(Object... advice) {
        return MockMvcBuilders.standaloneSetup(new Refusals())
                .setControllerAdvice(advice)
                .build();
    }

    /** Throws what Spring's translation of PostgreSQL's errors throws. */
    @RestController
    static class Refusals {

        @PostMapping("/duplicate/{constraint}")
        void duplicate(@org.springframework.web.bind.annotation.PathVariable String constraint) {
            throw new DuplicateKeyException(
                    "INSERT",
                    new SQLException(
                            "ERROR: duplicate key value violates unique constraint \"" + constraint
                                    + "\"\n  Detail: Key (x)=(1) already exists.",
                            "23505"));
        }

        @PostMapping("/lock")
        void lock() {
            throw new CannotAcquireLockException("UPDATE", new SQLException("ERROR: deadlock detected", "40P01"));
        }

        @PostMapping("/optimistic")
        void optimistic() {
            throw new OptimisticLockingFailureException("need changed since revision 3");
        }

        @PostMapping("/nowait")
        void nowait() {
            throw new UncategorizedSQLException(
                    "SELECT",
                    "SELECT ... FOR UPDATE NOWAIT",
                    new SQLException("ERROR: could not obtain lock on row in relation \"need\"", "55P03"));
        }

        @PostMapping("/uncategorized")
        void uncategorized() {
            throw new UncategorizedSQLException(
                    "DO", "DO ...", new SQLException("ERROR: not in prerequisite state", "55000"));
        }
    }
}
