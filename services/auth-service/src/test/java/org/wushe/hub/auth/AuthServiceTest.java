package org.wushe.hub.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wushe.hub.local.auth.OidcClient;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.TestStack;
import org.wushe.hub.testing.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hub's issuer on the real PostgreSQL: the loader's client-credentials token, a person's sign-in by
 * authorization code + PKCE through the sign-in form, the claims each token carries, and the admin API's
 * refusals.
 */
@SpringBootTest(classes = AuthServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class AuthServiceTest {

    static final int PORT = freePort();
    static final String ISSUER = "http://127.0.0.1:" + PORT;
    static final String REDIRECT = "http://127.0.0.1:1/console/";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("wushe.auth.issuer", () -> ISSUER);
        registry.add("spring.datasource.url", () -> TestStack.get().database().jdbcUrl() + "?currentSchema=auth");
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("wushe.auth.key-file", () -> Path.of("target", "auth-test-key-" + PORT + ".json").toAbsolutePath().toString());
        registry.add("wushe.auth.admin-password", () -> "admin-secret-1");
        registry.add("wushe.auth.loader-secret", () -> "loader-secret-1");
        registry.add("wushe.auth.redirect-uris", () -> REDIRECT);
    }

    final OidcClient oidc = new OidcClient(ISSUER);

    @Test
    void theLoaderGetsAHubAdminTokenByClientCredentials() {
        String token = oidc.clientCredentials("hub-operator", "loader-secret-1");
        var claims = OidcClient.claims(token);
        assertThat(claims.get("sub").asText()).isEqualTo("hub-operator");
        assertThat(claims.get("iss").asText()).isEqualTo(ISSUER);
        assertThat(claims.get("roles").get(0).asText()).isEqualTo("hub_admin");
        assertThatThrownBy(() -> oidc.clientCredentials("hub-operator", "wrong")).isInstanceOf(OidcClient.SignInFailed.class);
    }

    @Test
    void aPersonSignsInWithPkceAndTheTokenCarriesTheirRolesAndTenancy() {
        Http admin = accounts().as(oidc.clientCredentials("hub-operator", "loader-secret-1"));
        Http.Response created = admin.post("/accounts", Map.of("username", "station-li", "password", "zhan-li-2026",
                "displayName", "李站长", "roles", List.of("station_staff", "volunteer"),
                "tenancy", Map.of("station_id", "5d6f0c8e-0000-4000-8000-000000000001", "volunteer_id", "9a1b2c3d-0000-4000-8000-000000000002")));
        assertThat(created.status()).as(created.text()).isIn(200, 201);
        assertThat(created.text()).doesNotContain("zhan-li-2026");

        String token = oidc.signIn("wushe-console", REDIRECT, "station-li", "zhan-li-2026");

        var claims = OidcClient.claims(token);
        assertThat(claims.get("sub").asText()).isEqualTo("station-li");
        assertThat(claims.get("iss").asText()).isEqualTo(ISSUER);
        assertThat(claims.get("roles")).extracting(Object::toString).asString().contains("station_staff").contains("volunteer");
        assertThat(claims.get("station_id").asText()).isEqualTo("5d6f0c8e-0000-4000-8000-000000000001");
        assertThat(claims.get("volunteer_id").asText()).isEqualTo("9a1b2c3d-0000-4000-8000-000000000002");
        assertThat(claims.get("name").asText()).isEqualTo("李站长");
    }

    @Test
    void aWrongPasswordIsRefusedAtTheSignInForm() {
        assertThatThrownBy(() -> oidc.signIn("wushe-console", REDIRECT, "admin", "not-the-password"))
                .isInstanceOf(OidcClient.SignInFailed.class).hasMessageContaining("admin");
        assertThat(OidcClient.claims(oidc.signIn("wushe-console", REDIRECT, "admin", "admin-secret-1")).get("roles").get(0).asText())
                .isEqualTo("hub_admin");
    }

    @Test
    void theAdminApiNeedsAHubAdminTokenFromThisIssuerAndNamesTheBadField() {
        assertThat(accounts().anonymous().get("/accounts").status()).isEqualTo(401);
        assertThat(accounts().get("/accounts").status()).as("a token from another signer").isEqualTo(401);

        Http admin = accounts().as(oidc.clientCredentials("hub-operator", "loader-secret-1"));
        admin.post("/accounts", Map.of("username", "vol-wang", "password", "volunteer-1", "roles", List.of("volunteer"),
                "tenancy", Map.of("volunteer_id", "11111111-2222-4333-8444-555555555555")));
        Http volunteer = accounts().as(oidc.signIn("wushe-console", REDIRECT, "vol-wang", "volunteer-1"));
        assertThat(volunteer.get("/accounts").status()).isEqualTo(403);

        Map<String, Object> noTenant = Map.of("username", "x-1", "password", "password-1", "roles", List.of("station_staff"));
        assertThat(admin.post("/accounts", noTenant).problemField()).isEqualTo("tenancy.station_id");
        assertThat(admin.post("/accounts", Map.of("username", "x-1", "password", "short", "roles", List.of("hub_admin"))).problemField())
                .isEqualTo("password");
        assertThat(admin.post("/accounts", Map.of("username", "x 1", "password", "password-1", "roles", List.of("hub_admin"))).problemField())
                .isEqualTo("username");
        Http.Response unknownRole = admin.post("/accounts", Map.of("username", "x-1", "password", "password-1", "roles", List.of("mayor")));
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(unknownRole.problemField()).isEqualTo("roles");
        assertThat(admin.get("/accounts/x-1").status()).isEqualTo(404);
    }

    @Test
    void theDiscoveryDocumentNamesThisIssuerAndItsKeys() {
        Http.Response config = accounts().anonymous().get("/.well-known/openid-configuration");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().get("issuer").asText()).isEqualTo(ISSUER);
        assertThat(config.json().get("code_challenge_methods_supported").toString()).contains("S256");
        assertThat(accounts().anonymous().get("/oauth2/jwks").json().get("keys").size()).isEqualTo(1);
    }

    private static Http accounts() {
        return new Http(PORT).as(TestTokens.admin());
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
