package org.wushe.hub.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.notification.support.ServiceScenario;
import org.wushe.hub.testing.Http;

/** Bad input is a 400 problem naming the field, never a 500; no token is 401; a caller without an inbox is 403. */
class InputProblemsTest extends ServiceScenario {

    @Test
    void badInputIsAProblemNamingTheField() {
        Http me = asVolunteer(UUID.randomUUID());
        assertProblem("size 0", me.get("/notifications/me?size=0"), 400, "size");
        assertProblem("size 101", me.get("/notifications/me?size=101"), 400, "size");
        assertProblem("page -1", me.get("/notifications/me?page=-1"), 400, "page");
        assertProblem("size not a number", me.get("/notifications/me?size=many"), 400, "size");
        assertProblem("id not a uuid", me.post("/notifications/not-a-uuid/read", Map.of()), 400, "id");

        String path = "/notifications/me/preferences";
        assertProblem("bad email", me.put(path, Http.map("email", "not-an-address")), 400, "email");
        assertProblem("email with a space", me.put(path, Http.map("email", "a b@example.org")), 400, "email");
        assertProblem(
                "unknown kind",
                me.put(path, Http.map("kinds", List.of(Http.map("kind", "ASSIGNMENT"), Http.map("kind", "SPAM")))),
                400,
                "kinds[1].kind");
        assertProblem("unknown language", me.put(path, Http.map("language", "fr")), 400, "language");
        assertProblem("unknown recipient kind", me.get(path + "?for=centre"), 400, "for");
        // Nothing was saved by the refused requests.
        assertThat(me.get(path).json().has("email")).isFalse();
    }

    @Test
    void noTokenIsUnauthorizedAndACallerWithoutAnInboxMayNotHaveSettings() {
        assertThat(http().anonymous().get("/notifications/me").status()).isEqualTo(401);
        assertThat(asVolunteer(UUID.randomUUID())
                        .get("/notifications/me/preferences?for=station")
                        .status())
                .isEqualTo(403);
        assertThat(asStaff(UUID.randomUUID())
                        .get("/notifications/me/preferences")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theApiIsDescribedInOpenApi() {
        Http.Response docs = http().anonymous().get("/v3/api-docs");
        assertThat(docs.status()).as(docs.text()).isEqualTo(200);
        assertThat(docs.json().get("paths").propertyNames())
                .contains(
                        "/notifications/me",
                        "/notifications/{id}/read",
                        "/notifications/me/read-all",
                        "/notifications/me/preferences");
    }
}
