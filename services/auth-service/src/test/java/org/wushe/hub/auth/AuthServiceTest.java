package org.wushe.hub.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wushe.hub.stack.OidcClient;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.MutableClock;
import org.wushe.hub.testing.TestTokens;

/**
 * The hub's issuer on the real PostgreSQL: the loader's client-credentials token, a person's sign-in by
 * authorization code + PKCE through the sign-in form, the claims each token carries (access tokens: typ at+jwt, aud
 * the hub), the admin API's refusals, the two-person rule for accounts that see residents, the audit trail, password
 * resets, and sign-in throttling.
 */
@SpringBootTest(classes = AuthServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import(AuthServiceTest.Clocks.class)
class AuthServiceTest {

    /** The issuer's clock, moved by the throttling tests (past a lockout). */
    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }

    static final int MAX_PER_IP = 15;

    static final int PORT = freePort();
    static final String ISSUER = "http://127.0.0.1:" + PORT;
    static final String REDIRECT = "http://127.0.0.1:1/console/";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestIssuer.settings(registry, PORT, REDIRECT, "auth");
        registry.add("wushe.auth.sign-in.max-failures", () -> 5);
        registry.add("wushe.auth.sign-in.max-failures-per-ip", () -> MAX_PER_IP);
        registry.add("wushe.auth.sign-in.lockout", () -> "PT15M");
    }

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Authorizations authorizations;

    final OidcClient oidc = new OidcClient(ISSUER);

    @Test
    void theLoaderGetsAHubAdminTokenByClientCredentials() {
        String token = oidc.clientCredentials("hub-operator", "loader-secret-1");
        var claims = OidcClient.claims(token);
        assertThat(claims.get("sub").asText()).isEqualTo("hub-operator");
        assertThat(claims.get("iss").asText()).isEqualTo(ISSUER);
        assertThat(claims.get("roles").get(0).asText()).isEqualTo("hub_admin");
        assertThatThrownBy(() -> oidc.clientCredentials("hub-operator", "wrong"))
                .isInstanceOf(OidcClient.SignInFailed.class);
    }

    @Test
    void aPersonSignsInWithPkceAndTheTokenCarriesTheirRolesAndTenancy() {
        Http.Response requested = operator()
                .post(
                        "/accounts",
                        Map.of(
                                "username",
                                "station-li",
                                "displayName",
                                "李站长",
                                "roles",
                                List.of("station_staff", "volunteer"),
                                "tenancy",
                                Map.of(
                                        "station_id",
                                        "5d6f0c8e-0000-4000-8000-000000000001",
                                        "volunteer_id",
                                        "9a1b2c3d-0000-4000-8000-000000000002")));
        assertThat(requested.status()).as(requested.text()).isEqualTo(202);
        Http.Response approved =
                admin().post("/accounts/requests/" + requested.json().get("id").asText() + "/approve", Map.of());
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        String password = approved.json().get("password").asText();

        String token = oidc.signIn("wushe-console", REDIRECT, "station-li", password);

        var claims = OidcClient.claims(token);
        assertThat(claims.get("sub").asText()).isEqualTo("station-li");
        assertThat(claims.get("iss").asText()).isEqualTo(ISSUER);
        assertThat(claims.get("roles"))
                .extracting(Object::toString)
                .asString()
                .contains("station_staff")
                .contains("volunteer");
        assertThat(claims.get("station_id").asText()).isEqualTo("5d6f0c8e-0000-4000-8000-000000000001");
        assertThat(claims.get("volunteer_id").asText()).isEqualTo("9a1b2c3d-0000-4000-8000-000000000002");
        assertThat(claims.get("name").asText()).isEqualTo("李站长");
        assertThat(claims.get("aud").toString()).contains("wushe-hub").contains("wushe-console");
        assertThat(header(token).get("typ").asText()).isEqualTo("at+jwt");
    }

    @Test
    void aGridWorkerIsApprovedByASecondPersonAndTheTokenNamesTheirGrid() {
        Map<String, Object> noGrid = Map.of("username", "grid-x", "roles", List.of("grid_worker"));
        Http.Response refused = operator().post("/accounts", noGrid);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemField()).isEqualTo("tenancy.grid_id");

        Http.Response requested = operator()
                .post(
                        "/accounts",
                        Map.of(
                                "username",
                                "grid-wang",
                                "displayName",
                                "王网格员",
                                "roles",
                                List.of("grid_worker"),
                                "tenancy",
                                Map.of("grid_id", "a1d00000-0000-4000-8000-000000000003")));
        assertThat(requested.status())
                .as("a grid worker knows who lives where: a second person approves")
                .isEqualTo(202);
        String password = approvedPassword(requested, admin());

        var claims = OidcClient.claims(oidc.signIn("wushe-console", REDIRECT, "grid-wang", password));
        assertThat(claims.get("roles")).extracting(Object::toString).asString().contains("grid_worker");
        assertThat(claims.get("grid_id").asText()).isEqualTo("a1d00000-0000-4000-8000-000000000003");
    }

    @Test
    void manyPeopleSigningInAtOnceEachGetTheirTokenAndEachSignInIsKeptInTheDatabase() throws Exception {
        // The framework's in-memory store answered 500 (ConcurrentModificationException) when sign-ins overlapped.
        int people = 24;
        oidc.signIn("wushe-console", REDIRECT, "admin", "admin-secret-1");
        ExecutorService pool = Executors.newFixedThreadPool(people);
        List<Future<String>> signIns = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try {
            for (int i = 0; i < people; i++) {
                signIns.add(pool.submit(() -> {
                    start.await();
                    return oidc.signIn("wushe-console", REDIRECT, "admin", "admin-secret-1");
                }));
            }
            start.countDown();
            List<String> tokens = new ArrayList<>();
            for (Future<String> signIn : signIns) {
                tokens.add(signIn.get(120, TimeUnit.SECONDS));
            }
            assertThat(tokens).doesNotHaveDuplicates().hasSize(people);
            assertThat(tokens)
                    .allSatisfy(t ->
                            assertThat(OidcClient.claims(t).get("sub").asText()).isEqualTo("admin"));
            Integer kept = jdbc.queryForObject(
                    "SELECT count(*) FROM oauth2_authorization WHERE access_token_value = ANY(?)",
                    Integer.class,
                    (Object) tokens.toArray(String[]::new));
            assertThat(kept)
                    .as("each sign-in's authorization, in the issuer's table")
                    .isEqualTo(people);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSweepDeletesExpiredAndAbandonedSignInsAndKeepsLiveOnes() {
        String live = oidc.signIn("wushe-console", REDIRECT, "admin", "admin-secret-1");
        String expired = oidc.signIn("wushe-console", REDIRECT, "admin", "admin-secret-1");
        jdbc.update(
                "UPDATE oauth2_authorization SET authorization_code_expires_at = now() - interval '1 hour',"
                        + " access_token_expires_at = now() - interval '1 minute',"
                        + " oidc_id_token_expires_at = now() - interval '1 minute' WHERE access_token_value = ?",
                expired);
        jdbc.update(
                "INSERT INTO oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type,"
                        + " state, created_at) VALUES ('abandoned-sign-in', 'x', 'admin', 'authorization_code', 's',"
                        + " now() - interval '2 days')");

        assertThat(authorizations.sweep()).isGreaterThanOrEqualTo(2);

        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM oauth2_authorization WHERE access_token_value IN (?, ?)"
                                + " OR id = 'abandoned-sign-in'",
                        Integer.class,
                        live,
                        expired))
                .as("only the live sign-in is left")
                .isEqualTo(1);
        assertThat(accounts().as(live).get("/accounts").status()).isEqualTo(200);
    }

    @Test
    void anIdTokenOfThisIssuerIsRefusedWith401AndTheAccessTokenOfTheSameSignInIsTaken() {
        var tokens = oidc.signInTokens("wushe-console", REDIRECT, "admin", "admin-secret-1");
        String idToken = tokens.get("id_token").asText();
        assertThat(header(idToken).path("typ").asText("JWT")).isEqualTo("JWT");
        assertThat(OidcClient.claims(idToken).get("aud").toString()).doesNotContain("wushe-hub");
        assertThat(OidcClient.claims(idToken).get("roles").get(0).asText())
                .as("it says hub_admin, yet counts for nothing")
                .isEqualTo("hub_admin");

        Http.Response withId = accounts().as(idToken).get("/accounts");
        assertThat(withId.status()).isEqualTo(401);
        Http.Response withAccess =
                accounts().as(tokens.get("access_token").asText()).get("/accounts");
        assertThat(withAccess.status()).as(withAccess.text()).isEqualTo(200);
    }

    @Test
    void userInfoAnswersThePersonsAccessTokenAndNotTheirIdToken() {
        var tokens = oidc.signInTokens("wushe-console", REDIRECT, "admin", "admin-secret-1");

        Http.Response info =
                new Http(PORT).as(tokens.get("access_token").asText()).get("/userinfo");
        assertThat(info.status())
                .as("what a client signing in asks next: " + info.text())
                .isEqualTo(200);
        assertThat(info.json().get("sub").asText()).isEqualTo("admin");
        Http.Response withId =
                new Http(PORT).as(tokens.get("id_token").asText()).get("/userinfo");
        assertThat(withId.status()).isEqualTo(401);
    }

    @Test
    void anAccountThatSeesResidentsTakesEffectOnlyWhenASecondPersonApproves() {
        Http.Response withPassword = operator()
                .post(
                        "/accounts",
                        Map.of(
                                "username",
                                "community-zhou",
                                "password",
                                "i-know-it-1",
                                "roles",
                                List.of("community_staff"),
                                "tenancy",
                                Map.of("community_id", "c0000000-0000-4000-8000-000000000001")));
        assertThat(withPassword.status()).isEqualTo(400);
        assertThat(withPassword.problemField()).isEqualTo("password");

        Http.Response requested = operator()
                .post(
                        "/accounts",
                        Map.of(
                                "username",
                                "community-zhou",
                                "roles",
                                List.of("community_staff"),
                                "tenancy",
                                Map.of("community_id", "c0000000-0000-4000-8000-000000000001")));
        assertThat(requested.status()).isEqualTo(202);
        assertThat(requested.json().get("status").asText()).isEqualTo("PENDING");
        assertThat(requested.json().get("requestedBy").asText()).isEqualTo("hub-operator");
        assertThat(requested.json().has("password")).isFalse();
        String id = requested.json().get("id").asText();
        assertThat(admin().get("/accounts/community-zhou").status())
                .as("not in effect yet")
                .isEqualTo(404);
        assertThat(admin().get("/accounts/requests?status=PENDING").text()).contains(id);

        Http.Response own = operator().post("/accounts/requests/" + id + "/approve", Map.of());
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.problemField()).isEqualTo("approver");
        assertThat(own.json().get("required").asText()).isEqualTo("hub_admin other than hub-operator");
        Http.Response volunteer = volunteerToken().post("/accounts/requests/" + id + "/approve", Map.of());
        assertThat(volunteer.status()).isEqualTo(403);
        assertThat(admin().get("/accounts/community-zhou").status()).isEqualTo(404);

        Http.Response approved = admin().post("/accounts/requests/" + id + "/approve", Map.of());
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.json().get("decidedBy").asText()).isEqualTo("admin");
        String password = approved.json().get("password").asText();
        assertThat(password).hasSizeGreaterThanOrEqualTo(16);
        assertThat(admin().get("/accounts/community-zhou")
                        .json()
                        .get("roles")
                        .get(0)
                        .asText())
                .isEqualTo("community_staff");
        assertThat(OidcClient.claims(oidc.signIn("wushe-console", REDIRECT, "community-zhou", password))
                        .get("community_id")
                        .asText())
                .isEqualTo("c0000000-0000-4000-8000-000000000001");

        Http.Response again = admin().post("/accounts/requests/" + id + "/approve", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text()).doesNotContain(password);
        assertThat(admin().get("/accounts/requests").text()).doesNotContain(password);

        // Another hub admin that one admin makes alone would be a second person in name only: it needs approval too.
        Http.Response newAdmin =
                operator().post("/accounts", Map.of("username", "admin-2", "roles", List.of("hub_admin")));
        assertThat(newAdmin.status()).isEqualTo(202);
        assertThat(admin().get("/accounts/admin-2").status()).isEqualTo(404);
    }

    @Test
    void theCentreManagerOfTheCentreTheRequestNamesMayApproveStationStaffAndNoOtherCentreManager() {
        String centre = "ce000000-0000-4000-8000-000000000001";
        String manager = approvedPassword(
                operator()
                        .post(
                                "/accounts",
                                Map.of(
                                        "username",
                                        "centre-wu",
                                        "roles",
                                        List.of("centre_manager"),
                                        "tenancy",
                                        Map.of("centre_id", centre),
                                        "centreId",
                                        centre)),
                admin());
        String otherManager = approvedPassword(
                operator()
                        .post(
                                "/accounts",
                                Map.of(
                                        "username",
                                        "centre-ma",
                                        "roles",
                                        List.of("centre_manager"),
                                        "tenancy",
                                        Map.of("centre_id", "ce000000-0000-4000-8000-000000000002"))),
                admin());
        Http wu = accounts().as(oidc.signIn("wushe-console", REDIRECT, "centre-wu", manager));
        Http ma = accounts().as(oidc.signIn("wushe-console", REDIRECT, "centre-ma", otherManager));

        Http.Response requested = operator()
                .post(
                        "/accounts",
                        Map.of(
                                "username",
                                "station-sun",
                                "roles",
                                List.of("station_staff"),
                                "tenancy",
                                Map.of("station_id", "5d000000-0000-4000-8000-000000000009"),
                                "centreId",
                                centre));
        String id = requested.json().get("id").asText();
        assertThat(ma.get("/accounts/requests").text()).doesNotContain(id);
        assertThat(wu.get("/accounts/requests").text()).contains(id);
        Http.Response refused = ma.post("/accounts/requests/" + id + "/approve", Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("required").asText())
                .isEqualTo("hub_admin other than hub-operator or centre_manager of " + centre);
        assertThat(wu.get("/accounts").status())
                .as("a centre manager does not administer accounts")
                .isEqualTo(403);

        Http.Response approved = wu.post("/accounts/requests/" + id + "/approve", Map.of());
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(oidc.signIn(
                        "wushe-console",
                        REDIRECT,
                        "station-sun",
                        approved.json().get("password").asText()))
                .isNotBlank();

        Http.Response another = operator()
                .post(
                        "/accounts",
                        Map.of(
                                "username",
                                "station-qian",
                                "roles",
                                List.of("station_staff"),
                                "tenancy",
                                Map.of("station_id", "5d000000-0000-4000-8000-000000000010"),
                                "centreId",
                                centre));
        Http.Response rejected =
                wu.post("/accounts/requests/" + another.json().get("id").asText() + "/reject", Map.of());
        assertThat(rejected.json().get("status").asText()).isEqualTo("REJECTED");
        assertThat(admin().get("/accounts/station-qian").status()).isEqualTo(404);
    }

    @Test
    void aResetGeneratesANewPasswordNeverTheOldOneAndAnOldPasswordMayNotComeBack() {
        operator()
                .post(
                        "/accounts",
                        Map.of(
                                "username",
                                "vol-zhao",
                                "password",
                                "first-pass-1",
                                "roles",
                                List.of("volunteer"),
                                "tenancy",
                                Map.of("volunteer_id", "11111111-2222-4333-8444-000000000001")));
        Http.Response reset = operator().post("/accounts/vol-zhao/password-reset", Map.of());
        assertThat(reset.status()).as(reset.text()).isEqualTo(200);
        String fresh = reset.json().get("password").asText();
        assertThat(fresh).isNotEqualTo("first-pass-1").hasSizeGreaterThanOrEqualTo(16);
        assertThatThrownBy(() -> oidc.signIn("wushe-console", REDIRECT, "vol-zhao", "first-pass-1"))
                .isInstanceOf(OidcClient.SignInFailed.class);
        assertThat(oidc.signIn("wushe-console", REDIRECT, "vol-zhao", fresh)).isNotBlank();

        Http.Response reused = operator()
                .post(
                        "/accounts",
                        Map.of(
                                "username",
                                "vol-zhao",
                                "password",
                                "first-pass-1",
                                "roles",
                                List.of("volunteer"),
                                "tenancy",
                                Map.of("volunteer_id", "11111111-2222-4333-8444-000000000001")));
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.problemField()).isEqualTo("password");
        assertThat(operator()
                        .post(
                                "/accounts",
                                Map.of(
                                        "username",
                                        "vol-zhao",
                                        "password",
                                        "third-pass-3",
                                        "roles",
                                        List.of("volunteer"),
                                        "tenancy",
                                        Map.of("volunteer_id", "11111111-2222-4333-8444-000000000001")))
                        .status())
                .isEqualTo(200);

        // Staff who see residents: the reset is a request, and its password goes to the approver only.
        String first = approvedPassword(
                operator()
                        .post(
                                "/accounts",
                                Map.of(
                                        "username",
                                        "station-zheng",
                                        "roles",
                                        List.of("station_staff"),
                                        "tenancy",
                                        Map.of("station_id", "5d000000-0000-4000-8000-000000000011"))),
                admin());
        Http.Response staffReset = operator().post("/accounts/station-zheng/password-reset", Map.of());
        assertThat(staffReset.status()).isEqualTo(202);
        assertThat(staffReset.json().has("password")).isFalse();
        assertThat(oidc.signIn("wushe-console", REDIRECT, "station-zheng", first))
                .as("nothing changed yet")
                .isNotBlank();
        Http.Response approved =
                admin().post("/accounts/requests/" + staffReset.json().get("id").asText() + "/approve", Map.of());
        String second = approved.json().get("password").asText();
        assertThat(second).isNotEqualTo(first);
        assertThatThrownBy(() -> oidc.signIn("wushe-console", REDIRECT, "station-zheng", first))
                .isInstanceOf(OidcClient.SignInFailed.class);
        assertThat(oidc.signIn("wushe-console", REDIRECT, "station-zheng", second))
                .isNotBlank();
        assertThat(operator()
                        .post("/accounts/nobody-here/password-reset", Map.of())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void onlyTheStaffOfTheResidentsCommunityLinkAResidentsAccountAndTheLinkIsAudited() {
        String communityA = "c0000000-0000-4000-8000-0000000000a1";
        String communityB = "c0000000-0000-4000-8000-0000000000b1";
        String residentA = "e0000000-0000-4000-8000-0000000000a1";
        Http staffA = accounts()
                .as(oidc.signIn(
                        "wushe-console",
                        REDIRECT,
                        "sq-link-a",
                        approvedPassword(
                                operator()
                                        .post(
                                                "/accounts",
                                                Map.of(
                                                        "username",
                                                        "sq-link-a",
                                                        "roles",
                                                        List.of("community_staff"),
                                                        "tenancy",
                                                        Map.of("community_id", communityA))),
                                admin())));
        Http staffB = accounts()
                .as(oidc.signIn(
                        "wushe-console",
                        REDIRECT,
                        "sq-link-b",
                        approvedPassword(
                                operator()
                                        .post(
                                                "/accounts",
                                                Map.of(
                                                        "username",
                                                        "sq-link-b",
                                                        "roles",
                                                        List.of("community_staff"),
                                                        "tenancy",
                                                        Map.of("community_id", communityB))),
                                admin())));
        Map<String, Object> link = Map.of(
                "username", "jumin-zhang", "displayName", "张阿姨", "residentId", residentA, "communityId", communityA);

        // Another community's staff, the hub admin, and POST /accounts: refused, nothing made.
        Http.Response other = staffB.post("/accounts/residents", link);
        assertThat(other.status()).as(other.text()).isEqualTo(403);
        assertThat(other.problemField()).isEqualTo("communityId");
        assertThat(other.json().get("required").asText()).isEqualTo("community_staff of " + communityA);
        Http.Response byAdmin = operator().post("/accounts/residents", link);
        assertThat(byAdmin.status()).isEqualTo(403);
        assertThat(byAdmin.json().get("required").asText()).isEqualTo("community_staff");
        Http.Response direct = operator()
                .post(
                        "/accounts",
                        Map.of(
                                "username",
                                "jumin-zhang",
                                "password",
                                "typed-by-someone-1",
                                "roles",
                                List.of("resident"),
                                "tenancy",
                                Map.of("resident_id", residentA)));
        assertThat(direct.status()).isEqualTo(400);
        assertThat(direct.problemField()).isEqualTo("roles");
        assertThat(admin().get("/accounts/jumin-zhang").status()).isEqualTo(404);
        assertThat(admin().get("/accounts/audit").text()).doesNotContain("jumin-zhang");

        // The resident's own community's staff: at once, a generated password shown once; the token names the record.
        Http.Response linked = staffA.post("/accounts/residents", link);
        assertThat(linked.status()).as(linked.text()).isEqualTo(201);
        String password = linked.json().get("password").asText();
        assertThat(password).hasSizeGreaterThanOrEqualTo(16);
        var claims = OidcClient.claims(oidc.signIn("wushe-console", REDIRECT, "jumin-zhang", password));
        assertThat(claims.get("roles").toString()).isEqualTo("[\"resident\"]");
        assertThat(claims.get("resident_id").asText()).isEqualTo(residentA);
        assertThat(claims.get("community_id").asText()).isEqualTo(communityA);

        // One account per record; no other account's username taken over; bad input named.
        Http.Response second = staffA.post(
                "/accounts/residents",
                Map.of("username", "jumin-zhang-2", "residentId", residentA, "communityId", communityA));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.problemField()).isEqualTo("residentId");
        Http.Response takeOver = staffA.post(
                "/accounts/residents",
                Map.of(
                        "username",
                        "sq-link-b",
                        "residentId",
                        "e0000000-0000-4000-8000-0000000000a2",
                        "communityId",
                        communityA));
        assertThat(takeOver.status()).isEqualTo(409);
        assertThat(takeOver.problemField()).isEqualTo("username");
        assertThat(admin().get("/accounts/sq-link-b").json().get("roles").get(0).asText())
                .isEqualTo("community_staff");
        Http.Response noRecord =
                staffA.post("/accounts/residents", Map.of("username", "jumin-li", "communityId", communityA));
        assertThat(noRecord.status()).isEqualTo(400);
        assertThat(noRecord.problemField()).isEqualTo("residentId");

        // Resets: the resident's community's staff only.
        Http.Response foreignReset = staffB.post("/accounts/residents/jumin-zhang/password-reset", Map.of());
        assertThat(foreignReset.status()).isEqualTo(403);
        assertThat(foreignReset.problemField()).isEqualTo("username");
        Http.Response reset = staffA.post("/accounts/residents/jumin-zhang/password-reset", Map.of());
        assertThat(reset.status()).as(reset.text()).isEqualTo(200);
        String newPassword = reset.json().get("password").asText();
        assertThatThrownBy(() -> oidc.signIn("wushe-console", REDIRECT, "jumin-zhang", password))
                .isInstanceOf(OidcClient.SignInFailed.class);
        assertThat(oidc.signIn("wushe-console", REDIRECT, "jumin-zhang", newPassword))
                .isNotBlank();

        Http.Response audit = admin().get("/accounts/audit");
        assertThat(audit.json().get("chainIntact").asBoolean()).isTrue();
        List<String> rows = new java.util.ArrayList<>();
        audit.json().get("entries").forEach(e -> {
            if (e.get("username").asText().equals("jumin-zhang")) {
                rows.add(e.get("actor").asText() + " " + e.get("action").asText());
            }
        });
        assertThat(rows).containsExactly("sq-link-a RESIDENT_LINKED", "sq-link-a PASSWORD_RESET");
        assertThat(audit.text())
                .contains("community_staff of " + communityA)
                .doesNotContain(password)
                .doesNotContain(newPassword);
    }

    @Test
    void theAuditTrailIsHashChainedReadableByAdminsOnlyAndTheDatabaseRefusesToChangeIt() {
        Http.Response requested = operator()
                .post(
                        "/accounts",
                        Map.of(
                                "username",
                                "community-feng",
                                "roles",
                                List.of("community_staff"),
                                "tenancy",
                                Map.of("community_id", "c0000000-0000-4000-8000-000000000042")));
        String approvedPassword = approvedPassword(requested, admin());

        Http.Response audit = admin().get("/accounts/audit");
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.json().get("chainIntact").asBoolean()).isTrue();
        assertThat(audit.text())
                .contains("\"REQUESTED\"")
                .contains("\"APPROVED\"")
                .contains("community-feng")
                .doesNotContain(approvedPassword);
        var entries = audit.json().get("entries");
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).get("prevHash").asText())
                    .isEqualTo(entries.get(i - 1).get("hash").asText());
        }
        assertThat(volunteerToken().get("/accounts/audit").status()).isEqualTo(403);
        assertThat(admin().put("/accounts/audit", Map.of()).status())
                .as("no API edits it")
                .isIn(403, 405);

        assertThatThrownBy(() -> jdbc.update(
                        "UPDATE account_audit SET actor = 'someone-else' WHERE username = 'community-feng'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM account_audit WHERE username = 'community-feng'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE account_audit")).hasMessageContaining("append-only");

        // Were a row changed behind the trigger's back, the chain would name it.
        var rows = new java.util.ArrayList<>(new AuditTrail(JdbcClient.create(jdbc), clock).all());
        AuditTrail.Entry e = rows.get(rows.size() - 1);
        rows.set(
                rows.size() - 1,
                new AuditTrail.Entry(
                        e.seq(),
                        e.at(),
                        "someone-else",
                        e.action(),
                        e.username(),
                        e.detail(),
                        e.requestId(),
                        e.prevHash(),
                        e.hash()));
        assertThat(AuditTrail.verify(rows)).isEqualTo(e.seq());
    }

    @Test
    void fiveWrongPasswordsLockTheUsernameAndTheSignInFormSaysSoInChineseAndEnglish() {
        clock.advance(Duration.ofMinutes(16));
        operator()
                .post(
                        "/accounts",
                        Map.of(
                                "username",
                                "vol-qin",
                                "password",
                                "right-pass-1",
                                "roles",
                                List.of("volunteer"),
                                "tenancy",
                                Map.of("volunteer_id", "11111111-2222-4333-8444-000000000003")));
        for (int i = 1; i <= 4; i++) {
            assertThat(form("vol-qin", "wrong-" + i)).contains("账号或密码错误").doesNotContain("锁定");
        }
        String fifth = form("vol-qin", "wrong-5");
        assertThat(fifth)
                .contains("登录失败次数过多")
                .contains("锁定")
                .contains("Too many failed sign-ins")
                .contains("15 minutes");
        String right = form("vol-qin", "right-pass-1");
        assertThat(right).as("locked: even the right password").contains("锁定").contains("Too many failed sign-ins");
        assertThatThrownBy(() -> oidc.signIn("wushe-console", REDIRECT, "vol-qin", "right-pass-1"))
                .isInstanceOf(OidcClient.SignInFailed.class)
                .hasMessageContaining("locked");
        assertThat(oidc.signIn("wushe-console", REDIRECT, "admin", "admin-secret-1"))
                .as("another username is not locked")
                .isNotBlank();

        clock.advance(Duration.ofMinutes(16));
        assertThat(oidc.signIn("wushe-console", REDIRECT, "vol-qin", "right-pass-1"))
                .as("after the lockout")
                .isNotBlank();
    }

    @Test
    void manyFailuresFromOneAddressLockItForEveryUsername() {
        clock.advance(Duration.ofMinutes(16));
        for (int i = 1; i < MAX_PER_IP; i++) {
            assertThat(form("nobody-" + i, "wrong")).doesNotContain("锁定");
        }
        assertThat(form("nobody-" + MAX_PER_IP, "wrong")).contains("锁定");
        assertThatThrownBy(() -> oidc.signIn("wushe-console", REDIRECT, "admin", "admin-secret-1"))
                .isInstanceOf(OidcClient.SignInFailed.class)
                .hasMessageContaining("locked");
        clock.advance(Duration.ofMinutes(16));
        assertThat(oidc.signIn("wushe-console", REDIRECT, "admin", "admin-secret-1"))
                .isNotBlank();
    }

    @Test
    void aWrongPasswordIsRefusedAtTheSignInForm() {
        assertThatThrownBy(() -> oidc.signIn("wushe-console", REDIRECT, "admin", "not-the-password"))
                .isInstanceOf(OidcClient.SignInFailed.class)
                .hasMessageContaining("admin");
        assertThat(OidcClient.claims(oidc.signIn("wushe-console", REDIRECT, "admin", "admin-secret-1"))
                        .get("roles")
                        .get(0)
                        .asText())
                .isEqualTo("hub_admin");
    }

    @Test
    void theAdminApiNeedsAHubAdminTokenFromThisIssuerAndNamesTheBadField() {
        assertThat(accounts().anonymous().get("/accounts").status()).isEqualTo(401);
        assertThat(accounts().get("/accounts").status())
                .as("a token from another signer")
                .isEqualTo(401);

        Http admin = operator();
        admin.post(
                "/accounts",
                Map.of(
                        "username",
                        "vol-wang",
                        "password",
                        "volunteer-1",
                        "roles",
                        List.of("volunteer"),
                        "tenancy",
                        Map.of("volunteer_id", "11111111-2222-4333-8444-555555555555")));
        Http volunteer = accounts().as(oidc.signIn("wushe-console", REDIRECT, "vol-wang", "volunteer-1"));
        assertThat(volunteer.get("/accounts").status()).isEqualTo(403);

        Map<String, Object> noTenant =
                Map.of("username", "x-1", "password", "password-1", "roles", List.of("station_staff"));
        assertThat(admin.post("/accounts", noTenant).problemField()).isEqualTo("tenancy.station_id");
        assertThat(admin.post(
                                "/accounts",
                                Map.of("username", "x-1", "password", "short", "roles", List.of("hub_admin")))
                        .problemField())
                .isEqualTo("password");
        assertThat(admin.post(
                                "/accounts",
                                Map.of("username", "x 1", "password", "password-1", "roles", List.of("hub_admin")))
                        .problemField())
                .isEqualTo("username");
        Http.Response unknownRole =
                admin.post("/accounts", Map.of("username", "x-1", "password", "password-1", "roles", List.of("mayor")));
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(unknownRole.problemField()).isEqualTo("roles");
        assertThat(admin.get("/accounts/x-1").status()).isEqualTo(404);
    }

    @Test
    void theDiscoveryDocumentNamesThisIssuerAndItsKeys() {
        Http.Response config = accounts().anonymous().get("/.well-known/openid-configuration");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().get("issuer").asText()).isEqualTo(ISSUER);
        assertThat(config.json().get("code_challenge_methods_supported").toString())
                .contains("S256");
        assertThat(accounts().anonymous().get("/oauth2/jwks").json().get("keys").size())
                .isEqualTo(1);
    }

    /** The operator client (hub_admin, subject hub-operator). */
    private Http operator() {
        return accounts().as(oidc.clientCredentials("hub-operator", "loader-secret-1"));
    }

    /** The first admin, signed in as a person (hub_admin, subject admin): a second person beside the operator client. */
    private Http admin() {
        return accounts().as(oidc.signIn("wushe-console", REDIRECT, "admin", "admin-secret-1"));
    }

    private Http volunteerToken() {
        operator()
                .post(
                        "/accounts",
                        Map.of(
                                "username",
                                "vol-audit",
                                "password",
                                "volunteer-9",
                                "roles",
                                List.of("volunteer"),
                                "tenancy",
                                Map.of("volunteer_id", "11111111-2222-4333-8444-000000000009")));
        return accounts().as(oidc.signIn("wushe-console", REDIRECT, "vol-audit", "volunteer-9"));
    }

    /** Approves a 202 request as {@code approver} and returns the password shown once. */
    private static String approvedPassword(Http.Response requested, Http approver) {
        assertThat(requested.status()).as(requested.text()).isEqualTo(202);
        Http.Response approved =
                approver.post("/accounts/requests/" + requested.json().get("id").asText() + "/approve", Map.of());
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        return approved.json().get("password").asText();
    }

    private static com.fasterxml.jackson.databind.JsonNode header(String jwt) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[0]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real sign-in form as a browser posts it (with its CSRF field); the page it ends on. */
    @Test
    void theSignInPageIsChineseWithEnglishByDefaultAndEnglishAloneWhenAsked() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String zh = http.send(
                        HttpRequest.newBuilder(URI.create(ISSUER + "/login?error"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(zh)
                .contains("<html lang=\"zh-CN\">")
                .contains("五社联动 登录 <small>Wushe Hub sign-in</small>")
                .contains("账号或密码错误 Wrong username or password")
                .contains("登录 Sign in");
        String en = http.send(
                        HttpRequest.newBuilder(URI.create(ISSUER + "/login?error"))
                                .header("Accept-Language", "en-GB,en;q=0.9")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(en)
                .contains("<html lang=\"en\">")
                .contains("<h1>Wushe Hub sign-in</h1>")
                .contains("Wrong username or password")
                .contains(">Sign in</button>")
                .doesNotContain("登录")
                .doesNotContain("账号");
    }

    private static String form(String username, String password) {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        try {
            String page = http.send(
                            HttpRequest.newBuilder(URI.create(ISSUER + "/login"))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"").matcher(page);
            String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8)
                    + (csrf.find() ? "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) : "");
            return http.send(
                            HttpRequest.newBuilder(URI.create(ISSUER + "/login"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
