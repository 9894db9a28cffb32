package org.wushe.hub.local.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The portal as a browser meets it, on the whole hub: sign-in through the issuer's own page (code + PKCE, the
 * portal a confidential client), a session cookie and nothing else in the browser, the services reached through
 * the gateway with the person's token relayed, the station's live stream on the session, CSRF on every unsafe
 * call, and one sign-out that ends the session at the issuer too.
 */
class PortalTest {

    private static final Duration READY = Duration.ofSeconds(120);
    private final HubProcess hub = new HubProcess("hub-portal");

    @AfterEach
    void stop() throws InterruptedException {
        hub.close();
    }

    @Test
    void peopleSignInAtTheIssuerAndTheirTokensStayInThePortal() throws Exception {
        hub.start("hub.log", "--wipe", "--sample-scale", "0.1", "--sample-minutes", "0.3");
        hub.awaitReady();
        assertThat(hub.status().path("processes").path("portal").path("url").asText())
                .isEqualTo("http://127.0.0.1:" + hub.port("portal"));
        await().atMost(READY).pollInterval(Duration.ofSeconds(1)).until(hub::allNeedsPosted);
        Map<String, String[]> accounts = hub.sampleAccounts();
        String portal = hub.url("portal", "");
        String ownStation = accounts.get("station-1")[2];
        String otherStation = accounts.get("station-2")[2];

        // 1. Not signed in: the API answers 401 (the page then signs in), the pages themselves are there.
        PortalSession browser = new PortalSession(portal);
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
        assertThat(browser.get("/api/matching/stations").statusCode()).isEqualTo(401);
        HttpResponse<String> front = browser.navigate("/");
        assertThat(front.statusCode()).isEqualTo(200);
        assertThat(front.body()).contains("<div id=\"app\"");
        assertThat(browser.navigate("/station/proposals").body())
                .as("a workspace's address serves the app")
                .contains("<div id=\"app\"");

        // 2. The authorization request carries a PKCE challenge; the issuer's own page takes the password.
        HttpResponse<String> toIssuer = new PortalSession(portal).navigate("/oauth2/authorization/wushe");
        assertThat(toIssuer.statusCode()).isEqualTo(302);
        String authorize = toIssuer.headers().firstValue("Location").orElseThrow();
        assertThat(authorize)
                .startsWith(hub.issuer() + "/oauth2/authorize")
                .contains("client_id=wushe-portal", "code_challenge=", "code_challenge_method=S256");
        // A callback the portal did not ask for (a forged or replayed code) is refused and the person lands on the
        // front page that says so (signin=failed), not on an error page nor back at the issuer.
        HttpResponse<String> forged =
                new PortalSession(portal).navigate("/login/oauth2/code/wushe?code=forged&state=forged");
        assertThat(forged.statusCode()).isEqualTo(302);
        assertThat(forged.headers().firstValue("Location").orElseThrow()).endsWith("/?signin=failed");
        PortalSession wrong = new PortalSession(portal);
        HttpResponse<String> refused = wrong.signIn("station-1", "not-the-password");
        assertThat(refused.request().uri().toString()).startsWith(hub.issuer() + "/login");
        assertThat(wrong.get("/api/me").statusCode()).isEqualTo(401);

        HttpResponse<String> landed = browser.signIn("station-1", hub.password("station-1"));
        assertThat(landed.statusCode())
                .as(landed.request().uri() + " after " + browser.visited + ": " + landed.body())
                .isEqualTo(200);
        assertThat(landed.request().uri().toString()).isEqualTo(portal + "/");

        // 3. What the browser holds: the portal's session cookie (HttpOnly, SameSite) and the CSRF cookie; no token
        //    in any URL it was sent to, any body it was given, or any cookie.
        String session = browser.portalSetCookies.stream()
                .filter(c -> c.startsWith("WUSHE_SESSION="))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(session).contains("HttpOnly", "SameSite=Lax");
        JsonNode me = HubProcess.readTree(browser.get("/api/me").body());
        assertThat(me.path("roles").get(0).asText()).isEqualTo("station_staff");
        assertThat(me.path("tenancy").path("station_id").asText()).isEqualTo(ownStation);
        for (URI u : browser.visited) {
            assertThat(u.toString())
                    .as("a URL the browser went to")
                    .doesNotContain("access_token", "id_token=")
                    .doesNotContainPattern("eyJ[\\w-]+\\.eyJ");
        }
        for (String body : browser.bodies) {
            assertThat(body)
                    .as("a body the browser was given")
                    .doesNotContainPattern("eyJ[\\w-]{10,}\\.eyJ[\\w-]{10,}")
                    .doesNotContain("access_token");
        }
        for (HttpCookie c : browser.allCookies()) {
            assertThat(c.getValue()).as("cookie " + c.getName()).doesNotStartWith("eyJ");
        }

        // 4. The services, through the gateway with the person's token: their own station's proposals; another's
        // refused
        //    by the service itself (403 problem naming the field), passed through as it is.
        HttpResponse<String> own = browser.get("/api/matching/stations/" + ownStation + "/proposals");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(HubProcess.readTree(own.body()).isArray()).isTrue();
        HttpResponse<String> other = browser.get("/api/matching/stations/" + otherStation + "/proposals");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(HubProcess.readTree(other.body()).at("/errors/0/field").asText())
                .isEqualTo("stationId");
        JsonNode communities = HubProcess.readTree(
                browser.get("/api/community/stations/" + ownStation).body());
        assertThat(communities.path("id").asText()).isEqualTo(ownStation);

        // 5. The live stream on the session, no token in its URL: 'hello' arrives through the gateway as it is sent.
        Map.Entry<Integer, List<String>> stream =
                browser.stream("/api/matching/stations/" + ownStation + "/stream", 2, Duration.ofSeconds(15));
        assertThat(stream.getKey()).isEqualTo(200);
        assertThat(stream.getValue()).contains("event:hello");
        assertThat(browser.stream("/api/matching/stations/" + otherStation + "/stream", 1, Duration.ofSeconds(10))
                        .getKey())
                .isEqualTo(403);
        assertThat(new PortalSession(portal)
                        .stream("/api/matching/stations/" + ownStation + "/stream", 1, Duration.ofSeconds(10))
                                .getKey())
                .as("the stream without a session")
                .isEqualTo(401);

        // 6. Unsafe calls need the CSRF header: without it the portal refuses before anything reaches a service.
        String matchId = HubProcess.readTree(own.body()).path(0).path("matchId").asText(null);
        String declinePath = "/api/matching/matches/"
                + (matchId != null ? matchId : "00000000-0000-0000-0000-000000000000") + "/decline";
        assertThat(browser.send("POST", declinePath, "{\"reason\":\"x\"}", false)
                        .statusCode())
                .isEqualTo(403);
        if (matchId != null) {
            assertThat(hub.get("matching-service", "/matches/" + matchId)
                            .path("status")
                            .asText())
                    .isEqualTo("PROPOSED");
        }
        HttpResponse<String> badBody = browser.send("POST", "/api/community/needs", "{\"title\": 5", true);
        assertThat(badBody.statusCode())
                .as("a bad body reaches the service, which names the problem")
                .isEqualTo(400);

        // 7. One sign-out: the session ends here and at the issuer, and the browser comes back to the portal's front
        // page.
        //    The ID token the issuer needs as id_token_hint goes there in a form post, never in a URL.
        List<HttpResponse<String>> out = browser.signOut();
        assertThat(out.get(0).body())
                .contains(
                        "<form id=\"signout\" method=\"post\" action=\"" + hub.issuer() + "/connect/logout\"",
                        "name=\"id_token_hint\"",
                        "<script src=\"/signout.js\"></script>");
        assertThat(out.get(0).headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(browser.visited.stream()
                        .map(URI::toString)
                        .anyMatch(u -> u.equals(hub.issuer() + "/connect/logout")))
                .as("the sign-out went through the issuer's end-session endpoint: " + browser.visited)
                .isTrue();
        for (URI u : browser.visited) {
            assertThat(u.toString())
                    .as("a URL the browser went to")
                    .doesNotContain("id_token")
                    .doesNotContainPattern("eyJ[\\w-]+\\.eyJ");
        }
        assertThat(out.get(1).request().uri().toString()).isEqualTo(portal + "/");
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
        HttpResponse<String> again = new PortalSessionReuse(browser).signInPage();
        assertThat(again.request().uri().getPath())
                .as("signed out at the issuer too: its page asks for the password again")
                .isEqualTo("/login");
    }

    /** The same browser (its cookies) starting a new sign-in: where the issuer sends it. */
    private record PortalSessionReuse(PortalSession browser) {
        HttpResponse<String> signInPage() {
            HttpResponse<String> r = browser.navigate("/oauth2/authorization/wushe");
            for (int hops = 0; hops < 12 && r.statusCode() / 100 == 3; hops++) {
                r = browser.navigate(r.request()
                        .uri()
                        .resolve(r.headers().firstValue("Location").orElseThrow()));
            }
            return r;
        }
    }
}
