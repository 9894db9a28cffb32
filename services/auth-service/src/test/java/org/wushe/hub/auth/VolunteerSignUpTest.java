package org.wushe.hub.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wushe.hub.stack.OidcClient;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.MutableClock;

/**
 * A person signs themself up as a volunteer on the real PostgreSQL: an account with the role volunteer and a fresh
 * volunteer id, which their sign-in token carries; a taken username is a 409 that changes nothing; the sign-up is in
 * the audit trail; one client address signs up a few accounts per window, then 429. A volunteer closes their own
 * account ({@code DELETE /accounts/me}): it can no longer sign in, its stored sign-ins are gone, the closing is audited;
 * a staff account may not close itself.
 */
@SpringBootTest(classes = AuthServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import(VolunteerSignUpTest.Clocks.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VolunteerSignUpTest {

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }

    static final int PER_ADDRESS = 5;
    static final int PORT = freePort();
    static final String ISSUER = "http://127.0.0.1:" + PORT;
    static final String REDIRECT = "http://127.0.0.1:1/console/";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestIssuer.settings(registry, PORT, REDIRECT, "auth");
        registry.add("wushe.auth.volunteer-sign-up.per-address", () -> PER_ADDRESS);
        registry.add("wushe.auth.volunteer-sign-up.window", () -> "PT1H");
    }

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    final OidcClient oidc = new OidcClient(ISSUER);

    private static Http anyone() {
        return new Http(PORT).anonymous();
    }

    private static String username() {
        return "vol-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    @Test
    @Order(1)
    void aPersonSignsUpAsAVolunteerAndTheirTokenCarriesAFreshVolunteerId() {
        String username = username();

        Http.Response created = anyone().post(
                        "/accounts/volunteers",
                        Map.of("username", username, "password", "serve-the-1-street", "displayName", "小周"));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.text()).doesNotContain("serve-the-1-street");
        UUID volunteerId = UUID.fromString(created.json().get("volunteerId").asText());
        assertThat(created.json().get("roles").toString()).isEqualTo("[\"volunteer\"]");

        var claims = OidcClient.claims(oidc.signIn("wushe-console", REDIRECT, username, "serve-the-1-street"));
        assertThat(claims.get("sub").asText()).isEqualTo(username);
        assertThat(claims.get("volunteer_id").asText()).isEqualTo(volunteerId.toString());
        assertThat(claims.get("roles").toString()).isEqualTo("[\"volunteer\"]");
        assertThat(claims.get("name").asText()).isEqualTo("小周");

        Http.Response audit = new Http(PORT)
                .as(oidc.clientCredentials("hub-operator", "loader-secret-1"))
                .get("/accounts/audit");
        assertThat(audit.status()).as(audit.text()).isEqualTo(200);
        assertThat(audit.json().get("chainIntact").asBoolean()).isTrue();
        assertThat(audit.text()).contains("VOLUNTEER_SIGNED_UP").doesNotContain("serve-the-1-street");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM account_audit WHERE action = 'VOLUNTEER_SIGNED_UP' AND username = ?",
                        Long.class,
                        username))
                .isEqualTo(1);
    }

    @Test
    @Order(2)
    void aTakenUsernameIs409AndTheAccountKeepsItsPasswordAndRoles() {
        String username = username();
        assertThat(anyone().post("/accounts/volunteers", Map.of("username", username, "password", "first-password-1"))
                        .status())
                .isEqualTo(201);

        Http.Response taken =
                anyone().post("/accounts/volunteers", Map.of("username", username, "password", "second-password-2"));

        assertThat(taken.status()).as(taken.text()).isEqualTo(409);
        assertThat(taken.problemField()).isEqualTo("username");
        var claims = OidcClient.claims(oidc.signIn("wushe-console", REDIRECT, username, "first-password-1"));
        assertThat(claims.get("sub").asText()).isEqualTo(username);

        Http.Response admins =
                anyone().post("/accounts/volunteers", Map.of("username", "admin", "password", "take-over-1"));
        assertThat(admins.status()).as("the first admin's username").isEqualTo(409);
        assertThat(oidc.signIn("wushe-console", REDIRECT, "admin", "admin-secret-1"))
                .isNotBlank();
    }

    @Test
    @Order(3)
    void badInputIsA400NamingTheFieldAndMakesNoAccount() {
        Http.Response shortPassword =
                anyone().post("/accounts/volunteers", Map.of("username", username(), "password", "short"));
        assertThat(shortPassword.status()).as(shortPassword.text()).isEqualTo(400);
        assertThat(shortPassword.problemField()).isEqualTo("password");
        // The texts come from the catalogue: Chinese with its English beside it by default, English alone when asked.
        assertThat(shortPassword.json().get("title").asText()).isEqualTo("输入有误 Invalid input");
        assertThat(shortPassword.json().get("errors").get(0).get("message").asText())
                .isEqualTo("密码长度须为8至72位 8 to 72 characters");
        Http.Response inEnglish = anyone().post(
                        "/accounts/volunteers",
                        Map.of("username", username(), "password", "short"),
                        "Accept-Language",
                        "en-GB,en;q=0.9");
        assertThat(inEnglish.status()).as(inEnglish.text()).isEqualTo(400);
        assertThat(inEnglish.json().get("title").asText()).isEqualTo("Invalid input");
        assertThat(inEnglish.json().get("detail").asText()).isEqualTo("password: 8 to 72 characters");

        Http.Response badName =
                anyone().post("/accounts/volunteers", Map.of("username", "has space", "password", "long-enough-1"));
        assertThat(badName.status()).as(badName.text()).isEqualTo(400);
        assertThat(badName.problemField()).isEqualTo("username");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account WHERE username = 'has space'", Long.class))
                .isZero();

        assertThat(anyone().get("/accounts/volunteers").status())
                .as("only POST is public; the rest of /accounts is the admin's")
                .isEqualTo(401);
        assertThat(anyone().get("/accounts/volunteers", "Accept-Language", "en")
                        .json()
                        .get("title")
                        .asText())
                .isEqualTo("Unauthenticated");
        assertThat(anyone().get("/accounts/volunteers").json().get("title").asText())
                .isEqualTo("未登录 Unauthenticated");
    }

    @Test
    @Order(4)
    void oneAddressSignsUpAFewAccountsPerWindowThen429() {
        clock.advance(Duration.ofHours(2));
        int created = 0;
        Http.Response last = null;
        for (int i = 0; i <= PER_ADDRESS; i++) {
            last = anyone().post("/accounts/volunteers", Map.of("username", username(), "password", "long-enough-1"));
            if (last.status() != 201) {
                break;
            }
            created++;
        }
        assertThat(created).isEqualTo(PER_ADDRESS);
        assertThat(last.status()).as(last.text()).isEqualTo(429);
        assertThat(last.problemField()).isEqualTo("client");

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        Http.Response again =
                anyone().post("/accounts/volunteers", Map.of("username", username(), "password", "long-enough-1"));
        assertThat(again.status()).as(again.text()).isEqualTo(201);
    }

    @Test
    @Order(5)
    void aVolunteerClosesTheirOwnAccountAndCanNoLongerSignInNorRefreshNorCloseAgain() {
        String username = username();
        assertThat(anyone().post(
                                "/accounts/volunteers",
                                Map.of("username", username, "password", "serve-the-1-street", "displayName", "周小红"))
                        .status())
                .isEqualTo(201);
        var tokens = oidc.signInTokens("wushe-console", REDIRECT, username, "serve-the-1-street");
        String token = tokens.path("access_token").asText();
        assertThat(activeSignIns(username))
                .as("the sign-in is kept at the issuer")
                .isPositive();

        HttpResponse<String> closed = delete("/accounts/me", token);

        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(204);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM account WHERE username = ?", username);
        assertThat(row.get("enabled")).isEqualTo(false);
        assertThat(row.get("display_name")).isEqualTo("");
        assertThat(row.get("roles")).isEqualTo("");
        assertThat(row.get("tenancy")).isEqualTo("");
        assertThat(activeSignIns(username))
                .as("no code, access token or refresh token of it is active any more")
                .isZero();
        HttpResponse<String> signOut = send(HttpRequest.newBuilder(URI.create(ISSUER + "/connect/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "id_token_hint=" + tokens.path("id_token").asText())));
        assertThat(signOut.statusCode())
                .as("the browser can still sign out at the issuer with its ID token: " + signOut.body())
                .isBetween(200, 399);
        assertThatThrownBy(() -> oidc.signIn("wushe-console", REDIRECT, username, "serve-the-1-street"))
                .isInstanceOf(OidcClient.SignInFailed.class);
        Http.Response again =
                anyone().post("/accounts/volunteers", Map.of("username", username, "password", "take-the-name-1"));
        assertThat(again.status()).as("the username stays taken").isEqualTo(409);

        HttpResponse<String> second = delete("/accounts/me", token);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(401);
        assertThat(second.body()).contains("Authorization");
    }

    @Test
    @Order(6)
    void theClosingIsInTheAuditTrailWithoutTheNameOrTheVolunteerId() {
        String username = username();
        Http.Response created = anyone().post(
                        "/accounts/volunteers",
                        Map.of("username", username, "password", "serve-the-1-street", "displayName", "周小红"));
        String volunteerId = created.json().get("volunteerId").asText();
        String token = oidc.signIn("wushe-console", REDIRECT, username, "serve-the-1-street");
        assertThat(delete("/accounts/me", token).statusCode()).isEqualTo(204);

        Map<String, Object> row = jdbc.queryForMap(
                "SELECT actor, detail FROM account_audit WHERE action = 'VOLUNTEER_ACCOUNT_CLOSED' AND username = ?",
                username);
        assertThat(row.get("actor")).isEqualTo(username);
        assertThat((String) row.get("detail")).doesNotContain("周小红").doesNotContain(volunteerId);
        Http.Response audit = new Http(PORT)
                .as(oidc.clientCredentials("hub-operator", "loader-secret-1"))
                .get("/accounts/audit");
        assertThat(audit.json().get("chainIntact").asBoolean()).isTrue();
    }

    @Test
    @Order(7)
    void aStaffAccountMayNotCloseItselfAndIsUntouched() {
        String staff = username();
        Http operator = new Http(PORT).as(oidc.clientCredentials("hub-operator", "loader-secret-1"));
        Http.Response made = operator.post(
                "/accounts",
                Map.of(
                        "username",
                        staff,
                        "password",
                        "org-staff-pass-1",
                        "displayName",
                        "机构 Staff",
                        "roles",
                        java.util.List.of("volunteer", "organization_staff"),
                        "tenancy",
                        Map.of("volunteer_id", "v-1", "organization_id", "org-1")));
        assertThat(made.status()).as(made.text()).isEqualTo(201);
        String token = oidc.signIn("wushe-console", REDIRECT, staff, "org-staff-pass-1");

        HttpResponse<String> refused = delete("/accounts/me", token);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).contains("organization_staff").contains("\"required\":\"volunteer\"");
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM account WHERE username = ?", staff);
        assertThat(row.get("enabled")).isEqualTo(true);
        assertThat(row.get("display_name")).isEqualTo("机构 Staff");
        assertThat(activeSignIns(staff)).isPositive();
        assertThat(OidcClient.claims(oidc.signIn("wushe-console", REDIRECT, staff, "org-staff-pass-1"))
                        .get("roles")
                        .toString())
                .contains("organization_staff");

        HttpResponse<String> admin =
                delete("/accounts/me", oidc.signIn("wushe-console", REDIRECT, "admin", "admin-secret-1"));
        assertThat(admin.statusCode()).as(admin.body()).isEqualTo(403);
        assertThat(admin.body()).contains("hub_admin");
        assertThat(jdbc.queryForObject("SELECT enabled FROM account WHERE username = 'admin'", Boolean.class))
                .isTrue();
    }

    @Test
    @Order(8)
    void closingWithoutATokenIs401() {
        HttpResponse<String> none = delete("/accounts/me", null);
        assertThat(none.statusCode()).as(none.body()).isEqualTo(401);
        HttpResponse<String> forged = delete("/accounts/me", "not-a-token");
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(401);
    }

    @Autowired
    OAuth2AuthorizationService authorizations;

    /** The stored sign-ins of {@code username} with an active code, access token or refresh token. */
    private long activeSignIns(String username) {
        return jdbc
                .queryForList("SELECT id FROM oauth2_authorization WHERE principal_name = ?", String.class, username)
                .stream()
                .map(authorizations::findById)
                .filter(a -> a != null
                        && java.util.stream.Stream.of(
                                        a.getToken(OAuth2AuthorizationCode.class),
                                        a.getAccessToken(),
                                        a.getRefreshToken())
                                .anyMatch(t -> t != null && t.isActive()))
                .count();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient()
                    .send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> delete(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ISSUER + path))
                .timeout(Duration.ofSeconds(30))
                .DELETE();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
