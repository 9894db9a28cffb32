package org.wushe.hub.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

/**
 * The volunteers' sign-up page of the issuer on the real PostgreSQL, posted as a browser posts it (a session cookie,
 * the form's CSRF field, no redirect followed unasked): Chinese with English beside, English alone when asked; a
 * sign-up in the session of a pending authorization request makes a volunteer account and comes back to the sign-in
 * page, after which signing in goes on with that request to the client; a taken username, bad input and a full
 * window are the form again (409, 400, 429) with the message beside its field; no CSRF token, 403.
 */
@SpringBootTest(classes = AuthServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import(VolunteerSignUpPageTest.Clocks.class)
class VolunteerSignUpPageTest {

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }

    static final int PER_ADDRESS = 4;
    static final int PORT = freePort();
    static final String ISSUER = "http://127.0.0.1:" + PORT;
    static final String REDIRECT = "http://127.0.0.1:1/console/";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

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

    /** Each test signs up from 127.0.0.1 in a window of its own (the per-address count is the issuer's, in memory). */
    @BeforeEach
    void aNewWindow() {
        clock.advance(Duration.ofHours(2));
    }

    @Test
    void thePageIsChineseWithEnglishBesideAndEnglishAloneWhenAskedWithItsCsrfField() {
        Browser browser = new Browser();

        HttpResponse<String> zh = browser.get("/volunteer-sign-up");

        assertThat(zh.statusCode()).isEqualTo(200);
        assertThat(zh.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(zh.body())
                .contains("<html lang=\"zh-CN\">")
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .contains("<h1>志愿者注册 <small>Volunteer sign-up</small></h1>")
                .contains("<form method=\"post\" action=\"volunteer-sign-up\">")
                .contains("<label for=\"username\">账号 Username</label>")
                .contains("<label for=\"displayName\">显示名称 Display name</label>")
                .contains("<label for=\"password\">密码 Password</label>")
                .contains("<label for=\"passwordAgain\">再次输入密码 Password again</label>")
                .contains(">注册 Sign up</button>")
                .contains("<a id=\"sign-in-link\" href=\"login\">已有账号？登录 Have an account? Sign in</a>")
                .doesNotContain("role=\"alert\"");
        assertThat(csrf(zh.body())).isNotBlank();

        HttpResponse<String> en = browser.get("/volunteer-sign-up", "Accept-Language", "en-GB,en;q=0.9");
        assertThat(en.statusCode()).isEqualTo(200);
        assertThat(en.body())
                .contains("<html lang=\"en\">")
                .contains("<h1>Volunteer sign-up</h1>")
                .contains("<label for=\"passwordAgain\">Password again</label>")
                .contains(">Sign up</button>")
                .doesNotContain("注册")
                .doesNotContain("账号");
        assertThat(csrf(en.body())).isNotBlank();
    }

    @Test
    void theSignInPageLinksToTheSignUpPage() {
        Browser browser = new Browser();

        HttpResponse<String> login = browser.get("/login");

        assertThat(login.body())
                .contains("<a id=\"sign-up-link\" href=\"volunteer-sign-up\">志愿者注册 Sign up as a volunteer</a>")
                .contains("志愿者可自行注册")
                .doesNotContain("志愿者与中心账号由平台管理员开通");
        Matcher link = Pattern.compile("id=\"sign-up-link\" href=\"([^\"]+)\"").matcher(login.body());
        assertThat(link.find()).isTrue();
        HttpResponse<String> followed =
                browser.get(URI.create(ISSUER + "/login").resolve(link.group(1)).getPath());
        assertThat(followed.statusCode()).isEqualTo(200);
        assertThat(followed.body()).contains("<h1>志愿者注册 <small>Volunteer sign-up</small></h1>");
        assertThat(browser.get("/login", "Accept-Language", "en").body())
                .contains(">Sign up as a volunteer</a>")
                .contains("volunteers sign up themselves");
    }

    @Test
    void aSignUpInTheSessionOfAPendingSignInMakesAVolunteerAndSigningInGoesOnToTheClient() {
        Browser browser = new Browser();
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String state = UUID.randomUUID().toString();
        // The client sends the person to the issuer, which keeps the request and asks them to sign in.
        HttpResponse<String> authorize = browser.get("/oauth2/authorize?response_type=code&client_id=wushe-console"
                + "&redirect_uri=" + encode(REDIRECT) + "&scope=" + encode("openid profile") + "&state=" + state
                + "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256");
        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(authorize.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        browser.get("/login");
        String username = username();

        HttpResponse<String> signedUp = browser.signUp(username, "小周", "serve-the-1-street", "serve-the-1-street");

        assertThat(signedUp.statusCode()).as(signedUp.body()).isEqualTo(303);
        assertThat(signedUp.headers().firstValue("Location").orElseThrow()).endsWith("/login?registered");
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT display_name, roles, tenancy, password_hash FROM account WHERE username = ?", username);
        assertThat(row).containsEntry("display_name", "小周").containsEntry("roles", "volunteer");
        assertThat((String) row.get("tenancy")).matches("volunteer_id=[0-9a-f-]{36}");
        assertThat((String) row.get("password_hash")).doesNotContain("serve-the-1-street");
        String volunteerId = ((String) row.get("tenancy")).substring("volunteer_id=".length());
        assertThat(jdbc.queryForObject(
                        "SELECT detail FROM account_audit WHERE action = 'VOLUNTEER_SIGNED_UP' AND username = ?",
                        String.class,
                        username))
                .contains("the sign-up page /volunteer-sign-up")
                .doesNotContain("serve-the-1-street");

        HttpResponse<String> login = browser.get("/login?registered");
        assertThat(login.body())
                .contains("<p class=\"done\" role=\"status\">注册成功，请登录 Signed up: please sign in</p>")
                .contains("name=\"username\" autocomplete=\"username\" required value=\"" + username + "\"");
        HttpResponse<String> signedIn = browser.post(
                "/login", Map.of("username", username, "password", "serve-the-1-street", "_csrf", csrf(login.body())));
        // The authorization request the client made before the sign-up goes on: to the client with a code.
        URI next = location(signedIn);
        assertThat(next.getPath()).isEqualTo("/oauth2/authorize");
        URI back = location(browser.get(next.getRawPath() + "?" + next.getRawQuery()));
        assertThat(back.toString()).startsWith(REDIRECT);
        Map<String, String> answer = query(back.getRawQuery());
        assertThat(answer).containsEntry("state", state).containsKey("code");
        HttpResponse<String> token = browser.post(
                "/oauth2/token",
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        answer.get("code"),
                        "redirect_uri",
                        REDIRECT,
                        "client_id",
                        "wushe-console",
                        "code_verifier",
                        verifier));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        Matcher access = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(token.body());
        assertThat(access.find()).isTrue();
        var claims = OidcClient.claims(access.group(1));
        assertThat(claims.get("sub").asText()).isEqualTo(username);
        assertThat(claims.get("roles").toString()).isEqualTo("[\"volunteer\"]");
        assertThat(claims.get("volunteer_id").asText()).isEqualTo(volunteerId);
        assertThat(claims.get("name").asText()).isEqualTo("小周");
    }

    @Test
    void aTakenUsernameIsTheForm409BesideTheUsernameAndReplacesNothing() {
        String username = username();
        assertThat(new Browser()
                        .signUp(username, "first name", "first-password-1", "first-password-1")
                        .statusCode())
                .isEqualTo(303);

        HttpResponse<String> taken =
                new Browser().signUp(username, "second name", "second-password-2", "second-password-2");

        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body())
                .contains("<p class=\"error field-error\" id=\"username-error\" role=\"alert\" data-field=\"username\">"
                        + "该用户名已被使用 the username is taken by another account</p>")
                .contains("aria-invalid=\"true\" value=\"" + username + "\"")
                .contains("value=\"second name\"")
                .doesNotContain("second-password-2");
        assertThat(jdbc.queryForObject("SELECT display_name FROM account WHERE username = ?", String.class, username))
                .isEqualTo("first name");
        assertThat(OidcClient.claims(oidc.signIn("wushe-console", REDIRECT, username, "first-password-1"))
                        .get("sub")
                        .asText())
                .isEqualTo(username);
        assertThatThrownBy(() -> oidc.signIn("wushe-console", REDIRECT, username, "second-password-2"))
                .isInstanceOf(OidcClient.SignInFailed.class);
        assertThat(new Browser()
                        .signUp("admin", "", "take-over-1", "take-over-1")
                        .statusCode())
                .as("the first admin's username")
                .isEqualTo(409);
        assertThat(oidc.signIn("wushe-console", REDIRECT, "admin", "admin-secret-1"))
                .isNotBlank();
    }

    @Test
    void badInputIsTheForm400BesideTheFieldItNamesWithWhatWasTypedEscapedAndNeverThePassword() {
        String hostile = "<script>alert(1)</script>\"'";

        HttpResponse<String> badName =
                new Browser().signUp("has space" + hostile, hostile, "long-enough-1", "long-enough-1");
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(error(badName.body())).isEqualTo("username");
        assertThat(badName.body())
                .contains("用户名格式不正确")
                .contains("value=\"has space&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;\"")
                .doesNotContain("<script>")
                .doesNotContain("long-enough-1");

        String username = username();
        HttpResponse<String> shortPassword = new Browser().signUp(username, "小周", "short", "short");
        assertThat(shortPassword.statusCode()).isEqualTo(400);
        assertThat(error(shortPassword.body())).isEqualTo("password");
        assertThat(shortPassword.body())
                .contains("id=\"password-error\" role=\"alert\" data-field=\"password\">密码长度须为8至72位 8 to 72 characters")
                .contains("value=\"" + username + "\"")
                .contains("value=\"小周\"")
                .doesNotContain("value=\"short\"");

        HttpResponse<String> differ = new Browser().signUp(username, "小周", "long-enough-1", "long-enough-2");
        assertThat(differ.statusCode()).isEqualTo(400);
        assertThat(error(differ.body())).isEqualTo("passwordAgain");
        assertThat(differ.body())
                .contains("两次输入的密码不一致 the two passwords differ")
                .doesNotContain("long-enough-1")
                .doesNotContain("long-enough-2");

        HttpResponse<String> longName =
                new Browser().signUp(username, "长".repeat(101), "long-enough-1", "long-enough-1");
        assertThat(longName.statusCode()).isEqualTo(400);
        assertThat(error(longName.body())).isEqualTo("displayName");

        HttpResponse<String> inEnglish = new Browser("en").signUp(username, "Zhou", "long-enough-1", "long-enough-2");
        assertThat(inEnglish.statusCode()).isEqualTo(400);
        assertThat(inEnglish.body()).contains("data-field=\"passwordAgain\">the two passwords differ</p>");

        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM account WHERE username IN (?, ?)",
                        Long.class,
                        username,
                        "has space" + hostile))
                .isZero();
    }

    @Test
    void withoutTheCsrfTokenThePostIs403AndMakesNoAccount() {
        Browser browser = new Browser();
        browser.get("/volunteer-sign-up");
        String username = username();

        HttpResponse<String> none = browser.post(
                "/volunteer-sign-up",
                Map.of("username", username, "password", "long-enough-1", "passwordAgain", "long-enough-1"));
        HttpResponse<String> forged = browser.post(
                "/volunteer-sign-up",
                Map.of(
                        "username",
                        username,
                        "password",
                        "long-enough-1",
                        "passwordAgain",
                        "long-enough-1",
                        "_csrf",
                        "forged-token"));

        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account WHERE username = ?", Long.class, username))
                .isZero();
    }

    @Test
    void oneAddressSignsUpAFewAccountsPerWindowOnThePageAndTheApiThenTheFormIs429() {
        for (int i = 0; i < PER_ADDRESS - 1; i++) {
            assertThat(new Browser()
                            .signUp(username(), "", "long-enough-1", "long-enough-1")
                            .statusCode())
                    .isEqualTo(303);
        }
        // The API and the page count together: one address, one window.
        assertThat(new Http(PORT)
                        .anonymous()
                        .post("/accounts/volunteers", Map.of("username", username(), "password", "long-enough-1"))
                        .status())
                .isEqualTo(201);
        String username = username();

        HttpResponse<String> tooMany = new Browser().signUp(username, "小周", "long-enough-1", "long-enough-1");

        assertThat(tooMany.statusCode()).isEqualTo(429);
        assertThat(error(tooMany.body())).isEqualTo("client");
        assertThat(tooMany.body())
                .contains("注册过于频繁")
                .contains("value=\"" + username + "\"")
                .doesNotContain("long-enough-1");
        assertThat(Long.parseLong(tooMany.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 3600L);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM account WHERE username = ?", Long.class, username))
                .isZero();

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(new Browser()
                        .signUp(username, "小周", "long-enough-1", "long-enough-1")
                        .statusCode())
                .isEqualTo(303);
    }

    /** The field whose message the form shows ({@code data-field} of the one alert), or null. */
    private static String error(String html) {
        Matcher m = Pattern.compile("role=\"alert\" data-field=\"([^\"]+)\"").matcher(html);
        String field = m.find() ? m.group(1) : null;
        assertThat(m.find()).as("one message on the form").isFalse();
        return field;
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF field in " + html).isTrue();
        return m.group(1);
    }

    /** A browser at the issuer: its own cookies (the session), redirects not followed, an Accept-Language or none. */
    private static final class Browser {
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        private final String language;

        Browser() {
            this(null);
        }

        Browser(String language) {
            this.language = language;
        }

        HttpResponse<String> get(String path, String... headers) {
            HttpRequest.Builder r = request(path).header("Accept", "text/html").GET();
            for (int i = 0; i + 1 < headers.length; i += 2) {
                r.header(headers[i], headers[i + 1]);
            }
            return send(r);
        }

        HttpResponse<String> post(String path, Map<String, String> form) {
            return send(request(path)
                    .header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                            .collect(Collectors.joining("&")))));
        }

        /** Opens the sign-up page and posts its form as typed. */
        HttpResponse<String> signUp(String username, String displayName, String password, String passwordAgain) {
            String page = get("/volunteer-sign-up").body();
            Map<String, String> form = new LinkedHashMap<>();
            form.put("username", username);
            form.put("displayName", displayName);
            form.put("password", password);
            form.put("passwordAgain", passwordAgain);
            form.put("_csrf", csrf(page));
            return post("/volunteer-sign-up", form);
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(ISSUER + path));
            return language == null ? r : r.header("Accept-Language", language);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static URI location(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        return URI.create(ISSUER + "/")
                .resolve(r.headers().firstValue("Location").orElseThrow());
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            m.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return m;
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String username() {
        return "page-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
