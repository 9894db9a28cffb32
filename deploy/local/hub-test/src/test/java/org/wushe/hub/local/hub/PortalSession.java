package org.wushe.hub.local.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person at the portal as a browser is: a cookie jar and redirects, nothing else. Signing in goes through the
 * portal's {@code /oauth2/authorization/wushe}, the issuer's own sign-in page (its form and CSRF field) and back;
 * what the person then holds is cookies, never a token. Every hop is recorded so a test can look at what
 * crossed the browser (URLs, cookies, bodies).
 */
final class PortalSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"(_csrf)\"[^>]*value=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final String portal;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    /** Every URL the browser was sent to, in order, and every response body it was given. */
    final List<URI> visited = new ArrayList<>();

    final List<String> bodies = new ArrayList<>();
    /** Set-Cookie headers as the portal sent them. */
    final List<String> portalSetCookies = new ArrayList<>();

    PortalSession(String portalBaseUrl) {
        this.portal = portalBaseUrl;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT)
                .build();
    }

    /** Signs in at the portal as {@code username}; fails with what the issuer showed when it refuses. */
    HttpResponse<String> signIn(String username, String password) {
        HttpResponse<String> r = follow(navigate("/oauth2/authorization/wushe"));
        assertThat(r.request().uri().getPath()).as("the issuer's sign-in page").isEqualTo("/login");
        Matcher csrf = CSRF_FIELD.matcher(r.body());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", password);
        if (csrf.find()) {
            form.put(csrf.group(1), csrf.group(2));
        }
        return follow(send(HttpRequest.newBuilder(r.request().uri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", BROWSER_ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofString(form(form)))));
    }

    /** A call of the pages' scripts: JSON wanted. */
    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(portal + path))
                .header("Accept", "application/json")
                .GET());
    }

    /** A page the browser goes to (a link, a redirect, the address bar): HTML wanted, as a browser's Accept says. */
    HttpResponse<String> navigate(String path) {
        return navigate(URI.create(portal + path));
    }

    HttpResponse<String> navigate(URI uri) {
        return send(HttpRequest.newBuilder(uri).header("Accept", BROWSER_ACCEPT).GET());
    }

    /** An unsafe call as the pages make it: with the XSRF-TOKEN cookie's value in X-XSRF-TOKEN (unless {@code csrf} is false). */
    HttpResponse<String> send(String method, String path, String json, boolean csrf) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(portal + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        if (csrf) {
            b.header("X-XSRF-TOKEN", csrfToken());
        }
        return send(b);
    }

    /**
     * Signs out as the page's button does: a form post to /logout with the CSRF token; the portal answers with the
     * form that the browser posts on to the issuer's end-session endpoint; then where that leads. Returns the
     * portal's answer to /logout first, then the last page.
     */
    List<HttpResponse<String>> signOut() {
        HttpResponse<String> page = follow(send(HttpRequest.newBuilder(URI.create(portal + "/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", BROWSER_ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(csrfToken())))));
        Matcher action = Pattern.compile("<form id=\"signout\" method=\"post\" action=\"([^\"]+)\"")
                .matcher(page.body());
        if (!action.find()) {
            return List.of(page, page);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")
                .matcher(page.body());
        while (hidden.find()) {
            fields.put(hidden.group(1), unescape(hidden.group(2)));
        }
        URI endSession = URI.create(unescape(action.group(1)));
        HttpResponse<String> last = follow(send(HttpRequest.newBuilder(endSession)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", BROWSER_ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)))));
        return List.of(page, last);
    }

    String csrfToken() {
        if (cookie("XSRF-TOKEN") == null) {
            get("/api/me"); // the portal hands out the CSRF cookie on any request
        }
        HttpCookie c = cookie("XSRF-TOKEN");
        assertThat(c).as("the portal's XSRF-TOKEN cookie").isNotNull();
        return c.getValue();
    }

    HttpCookie cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .reduce((a, b) -> b)
                .orElse(null);
    }

    List<HttpCookie> allCookies() {
        return cookies.getCookieStore().getCookies();
    }

    /**
     * Reads a live stream through the portal until {@code lines} lines have arrived or {@code timeout} passes;
     * returns the status and the lines read.
     */
    Map.Entry<Integer, List<String>> stream(String path, int lines, Duration timeout)
            throws IOException, InterruptedException {
        HttpResponse<InputStream> r = http.send(
                HttpRequest.newBuilder(URI.create(portal + path))
                        .header("Accept", "text/event-stream")
                        .timeout(timeout)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        List<String> read = new ArrayList<>();
        if (r.statusCode() != 200) {
            try (InputStream in = r.body()) {
                read.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            return Map.entry(r.statusCode(), read);
        }
        Thread reader = Thread.currentThread();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String line;
            while (read.size() < lines && System.nanoTime() < deadline && (line = in.readLine()) != null) {
                if (!line.isEmpty()) {
                    read.add(line);
                }
            }
        } catch (IOException timedOut) {
            // the stream stays open by design; what arrived is what counts
        }
        return Map.entry(r.statusCode(), read);
    }

    private HttpResponse<String> follow(HttpResponse<String> r) {
        for (int hops = 0; hops < 12 && r.statusCode() / 100 == 3; hops++) {
            URI next =
                    r.request().uri().resolve(r.headers().firstValue("Location").orElseThrow());
            r = navigate(next);
        }
        return r;
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            HttpRequest request = b.timeout(TIMEOUT).build();
            visited.add(request.uri());
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            bodies.add(r.body());
            if (request.uri().toString().startsWith(portal)) {
                portalSetCookies.addAll(r.headers().allValues("Set-Cookie"));
            }
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
