package org.wushe.hub.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wushe.hub.stack.OidcClient;
import org.wushe.hub.testing.Http;

/**
 * deploy/local's sample town: with {@code wushe.auth.bootstrap-approval} the operator client's requests take effect at once,
 * approved by the bootstrap and recorded as such (never as a second person); anyone else's still wait for a second person.
 */
@SpringBootTest(classes = AuthServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class BootstrapApprovalTest {

    static final int PORT = freePort();
    static final String ISSUER = "http://127.0.0.1:" + PORT;
    static final String REDIRECT = "http://127.0.0.1:1/console/";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestIssuer.settings(registry, PORT, REDIRECT, "auth_bootstrap");
        registry.add("spring.flyway.schemas", () -> "auth_bootstrap");
        registry.add("wushe.auth.bootstrap-approval", () -> true);
    }

    final OidcClient oidc = new OidcClient(ISSUER);

    @Test
    void theOperatorsRequestsAreApprovedByTheBootstrapAndTheAuditTrailSaysSo() {
        Http operator = new Http(PORT).as(oidc.clientCredentials("hub-operator", "loader-secret-1"));
        Http.Response made = operator.post(
                "/accounts",
                Map.of(
                        "username",
                        "station-boot",
                        "roles",
                        List.of("station_staff"),
                        "tenancy",
                        Map.of("station_id", "5d000000-0000-4000-8000-000000000077")));
        assertThat(made.status()).as(made.text()).isEqualTo(201);
        assertThat(made.json().get("status").asText()).isEqualTo("APPROVED");
        assertThat(made.json().get("decidedBy").asText()).isEqualTo(AccountChanges.BOOTSTRAP);
        String password = made.json().get("password").asText();
        assertThat(OidcClient.claims(oidc.signIn("wushe-console", REDIRECT, "station-boot", password))
                        .get("station_id")
                        .asText())
                .isEqualTo("5d000000-0000-4000-8000-000000000077");

        Http admin = new Http(PORT).as(oidc.signIn("wushe-console", REDIRECT, "admin", "admin-secret-1"));
        Http.Response byAdmin = admin.post(
                "/accounts",
                Map.of(
                        "username",
                        "community-boot",
                        "roles",
                        List.of("community_staff"),
                        "tenancy",
                        Map.of("community_id", "c0000000-0000-4000-8000-000000000077")));
        assertThat(byAdmin.status())
                .as("a person's request still waits for a second person")
                .isEqualTo(202);

        Http.Response audit = admin.get("/accounts/audit");
        assertThat(audit.json().get("chainIntact").asBoolean()).isTrue();
        assertThat(audit.text())
                .contains(AccountChanges.BOOTSTRAP)
                .contains("station-boot")
                .doesNotContain(password);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
