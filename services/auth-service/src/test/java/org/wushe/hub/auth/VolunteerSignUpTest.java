package org.wushe.hub.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wushe.hub.stack.OidcClient;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.MutableClock;
import org.wushe.hub.testing.TestStack;

/**
 * A person signs themself up as a volunteer on the real PostgreSQL: an account with the role volunteer and a fresh
 * volunteer id, which their sign-in token carries; a taken username is a 409 that changes nothing; the sign-up is in
 * the audit trail; one client address signs up a few accounts per window, then 429.
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
        registry.add("server.port", () -> PORT);
        registry.add("wushe.auth.issuer", () -> ISSUER);
        registry.add("spring.datasource.url", () -> TestStack.get().database().jdbcUrl() + "?currentSchema=auth");
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", TestStack::databasePassword);
        registry.add(
                "wushe.auth.key-file",
                () -> Path.of("target", "auth-test-key-" + PORT + ".json")
                        .toAbsolutePath()
                        .toString());
        registry.add("wushe.auth.admin-password", () -> "admin-secret-1");
        registry.add("wushe.auth.loader-secret", () -> "loader-secret-1");
        registry.add("wushe.auth.redirect-uris", () -> REDIRECT);
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

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
