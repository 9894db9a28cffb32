package org.wushe.hub.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Gets tokens from an OpenID Connect issuer the way the hub's clients do: {@link #clientCredentials} for a
 * program (the sample loader), {@link #signIn} for a person, the authorization code flow with PKCE through
 * the issuer's own sign-in form, as a browser would walk it (endpoints from the issuer's discovery document).
 * Used by the sample town ({@code deploy/sample-town}) and by the hub's tests; no browser needed.
 */
public final class OidcClient {

    /** The issuer refused the username or password, or the client. */
    public static final class SignInFailed extends RuntimeException {
        public SignInFailed(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"(_csrf)\" value=\"([^\"]*)\"");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final URI issuer;
    private JsonNode discovery;

    public OidcClient(String issuer) {
        this.issuer = URI.create(issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer);
    }

    /** A client's own token (grant client_credentials, client_secret_basic). */
    public String clientCredentials(String clientId, String secret) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        String basic = Base64.getEncoder()
                .encodeToString((encode(clientId) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = send(
                http,
                HttpRequest.newBuilder(endpoint("token_endpoint"))
                        .timeout(TIMEOUT)
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(form(Map.of("grant_type", "client_credentials")))
                        .build());
        return accessToken(r, "client " + clientId);
    }

    /**
     * A person's token: authorization request with a PKCE challenge, the issuer's sign-in form (with its CSRF
     * field), the redirect back with the code, then the code and verifier exchanged at the token endpoint.
     */
    public String signIn(String clientId, String redirectUri, String username, String password) {
        return signInTokens(clientId, redirectUri, username, password)
                .path("access_token")
                .asText();
    }

    /** The token endpoint's whole answer to a person's sign-in ({@link #signIn}): access_token, id_token, refresh_token… */
    public JsonNode signInTokens(String clientId, String redirectUri, String username, String password) {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT)
                .build();
        String verifier = random(32);
        String state = random(16);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri);
        query.put("scope", "openid profile");
        query.put("state", state);
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        URI authorize = URI.create(endpoint("authorization_endpoint") + "?" + query(query));

        HttpResponse<String> toLogin = get(http, authorize);
        URI login = location(toLogin, authorize);
        HttpResponse<String> page = get(http, login);
        Matcher csrf = CSRF.matcher(page.body());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", username);
        fields.put("password", password);
        if (csrf.find()) {
            fields.put(csrf.group(1), csrf.group(2));
        }
        HttpResponse<String> posted = send(
                http,
                HttpRequest.newBuilder(login)
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html")
                        .POST(form(fields))
                        .build());
        URI next = location(posted, login);
        if (next.getQuery() != null && next.getQuery().contains("error")) {
            throw new SignInFailed(
                    next.getQuery().contains("locked")
                            ? "the issuer locked " + username + " (or this address) after too many failed sign-ins"
                            : "the issuer refused " + username + "'s username or password");
        }
        URI callback = location(get(http, next), next);
        for (int hops = 0; !callback.toString().startsWith(redirectUri) && hops < 3; hops++) {
            callback = location(get(http, callback), callback);
        }
        Map<String, String> answer = parse(callback.getRawQuery());
        if (!state.equals(answer.get("state"))) {
            throw new SignInFailed("the issuer answered with another state: " + callback);
        }
        if (answer.get("code") == null) {
            throw new SignInFailed("no code in " + callback);
        }
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("code", answer.get("code"));
        exchange.put("redirect_uri", redirectUri);
        exchange.put("client_id", clientId);
        exchange.put("code_verifier", verifier);
        HttpResponse<String> token = send(
                http,
                HttpRequest.newBuilder(endpoint("token_endpoint"))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(form(exchange))
                        .build());
        accessToken(token, username);
        try {
            return JSON.readTree(token.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The claims of a JWT (not verified: for display and tests that read what the issuer put in). */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized URI endpoint(String name) {
        if (discovery == null) {
            HttpResponse<String> r = send(
                    HttpClient.newBuilder().connectTimeout(TIMEOUT).build(),
                    HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                            .timeout(TIMEOUT)
                            .GET()
                            .build());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("no OpenID configuration at " + issuer + ": HTTP " + r.statusCode());
            }
            try {
                discovery = JSON.readTree(r.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return URI.create(discovery.path(name).asText());
    }

    private static String accessToken(HttpResponse<String> r, String who) {
        if (r.statusCode() != 200) {
            throw new SignInFailed("no token for " + who + ": HTTP " + r.statusCode() + " " + r.body());
        }
        try {
            return JSON.readTree(r.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> get(HttpClient http, URI uri) {
        return send(
                http,
                HttpRequest.newBuilder(uri)
                        .timeout(TIMEOUT)
                        .header("Accept", "text/html")
                        .GET()
                        .build());
    }

    private static URI location(HttpResponse<String> r, URI base) {
        String to = r.headers()
                .firstValue("Location")
                .orElseThrow(
                        () -> new SignInFailed("expected a redirect from " + base + ", got HTTP " + r.statusCode()));
        return base.resolve(to);
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(query(fields));
    }

    private static String query(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> parse(String query) {
        Map<String, String> m = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    m.put(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return m;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
