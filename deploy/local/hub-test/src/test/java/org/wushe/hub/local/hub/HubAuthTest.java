package org.wushe.hub.local.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wushe.hub.stack.OidcClient;

/**
 * Who may do what, on the whole hub as {@code deploy/local/start} runs it: people sign in at the hub's own
 * issuer (auth-service, Spring Authorization Server) with the authorization code flow and PKCE, through its
 * sign-in form, as the sample accounts; every service verifies their tokens against that issuer and refuses
 * other tenants' data with a 403 problem naming the field and the role needed. Each denial is counted.
 */
class HubAuthTest {

    private final HubProcess hub = new HubProcess("hub-auth");
    private final List<String> denials = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        hub.close();
    }

    @Test
    void rolesAndTenancyAreEnforcedAcrossTheHubWithTokensFromItsOwnIssuer() throws Exception {
        hub.start("hub.log", "--wipe", "--sample-scale", "0.1", "--sample-minutes", "0.3");
        hub.awaitReady();
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .until(hub::allNeedsPosted);
        Map<String, String[]> accounts = hub.sampleAccounts();
        assertThat(accounts.values().stream().map(a -> a[0]).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(
                        "centre_manager",
                        "station_staff",
                        "community_staff",
                        "organization_staff",
                        "donor_staff",
                        "social_worker",
                        "volunteer",
                        "grid_worker",
                        "resident");

        // 1. No token: 401 everywhere, with a problem naming Authorization. A wrong password gets no token.
        for (String[] call : List.of(
                new String[] {"community-service", "/needs"},
                new String[] {"matching-service", "/stations"},
                new String[] {"volunteer-service", "/rewards"},
                new String[] {"resource-service", "/offers"},
                new String[] {"organization-service", "/organizations"},
                new String[] {"social-worker-service", "/centres"})) {
            HttpResponse<String> r = get(call[0], call[1], "");
            assertThat(r.statusCode())
                    .as(call[0] + call[1] + " without a token")
                    .isEqualTo(401);
            assertThat(HubProcess.readTree(r.body()).at("/errors/0/field").asText())
                    .isEqualTo("Authorization");
        }
        assertThatThrownBy(() -> new OidcClient(hub.issuer())
                        .signIn(
                                "wushe-console",
                                hub.url("matching-service", "/console/"),
                                "station-1",
                                "not-the-password"))
                .isInstanceOf(OidcClient.SignInFailed.class);
        // The sample accounts: a password of their own each, in a file only the hub's user reads (0600), none in
        // accounts.txt;
        // the staff accounts under the issuer's two-person rule were approved by the bootstrap, and the audit trail
        // says so.
        java.nio.file.Path passwords = hub.data().resolve("sample-town").resolve("passwords.txt");
        assertThat(java.nio.file.Files.getPosixFilePermissions(passwords))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertThat(accounts.keySet().stream().map(hub::password).collect(Collectors.toSet()))
                .hasSize(accounts.size());
        String listing =
                java.nio.file.Files.readString(hub.data().resolve("sample-town").resolve("accounts.txt"));
        assertThat(listing).doesNotContain(hub.password("station-1")).doesNotContain("wushe-demo");
        JsonNode audit = hub.get("auth-service", "/accounts/audit");
        assertThat(audit.path("chainIntact").asBoolean()).isTrue();
        assertThat(audit.path("entries").findValuesAsText("actor"))
                .contains("bootstrap (wushe.auth.bootstrap-approval; no second person)");
        assertThat(audit.toString()).doesNotContain(hub.password("station-1"));
        JsonNode claims = OidcClient.claims(hub.signIn("station-1"));
        assertThat(claims.get("iss").asText()).isEqualTo(hub.issuer());
        assertThat(claims.get("station_id").asText()).isEqualTo(accounts.get("station-1")[2]);

        // 2. Station staff: their own station's proposals, not another's; a decision on another station's match is
        // refused
        //    and changes nothing; their own decision is recorded with their name.
        String s1 = accounts.get("station-1")[2];
        String s2 = accounts.get("station-2")[2];
        assertThat(get("matching-service", "/stations/" + s1 + "/proposals", hub.bearer("station-1"))
                        .statusCode())
                .isEqualTo(200);
        denied(
                "station-1 reads station-2's proposals",
                get("matching-service", "/stations/" + s2 + "/proposals", hub.bearer("station-1")),
                "stationId",
                "station_staff of " + s2);
        denied(
                "station-1 follows station-2's live stream",
                get("matching-service", "/stations/" + s2 + "/stream", hub.bearer("station-1")),
                "stationId",
                "station_staff of " + s2);
        String[] proposal = someProposal(accounts);
        String owner = proposal[0];
        String other = owner.equals("station-1") ? "station-2" : "station-1";
        denied(
                other + " accepts " + owner + "'s match",
                post("matching-service", "/matches/" + proposal[1] + "/accept", "{}", hub.bearer(other)),
                null,
                "station_staff of " + accounts.get(owner)[2]);
        assertThat(hub.get("matching-service", "/matches/" + proposal[1])
                        .path("status")
                        .asText())
                .isEqualTo("PROPOSED");
        HttpResponse<String> accepted =
                post("matching-service", "/matches/" + proposal[1] + "/accept", "{}", hub.bearer(owner));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    HttpResponse<String> history = hub.send(
                            "matching-service",
                            HttpRequest.newBuilder(URI.create(
                                            hub.url("matching-service", "/needs/" + proposal[2] + "/history")))
                                    .header("Accept", "text/plain")
                                    .GET());
                    assertThat(history.body())
                            .as("the need's history names who accepted")
                            .contains(owner);
                });

        // 3. Residents' details: only the staff of the resident's station (or community); not another station, not the
        // hub admin.
        String resident = hub.getAs(owner, "community-service", "/residents?limit=1")
                .get(0)
                .get("id")
                .asText();
        assertThat(get("community-service", "/residents/" + resident + "?reason=check", hub.bearer(owner))
                        .statusCode())
                .isEqualTo(200);
        String stranger = accounts.entrySet().stream()
                .filter(e -> e.getValue()[0].equals("station_staff")
                        && !e.getKey().equals(owner)
                        && hub.getAs(e.getKey(), "community-service", "/residents?limit=1000").findValues("id").stream()
                                .noneMatch(id -> id.asText().equals(resident)))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
        denied(
                stranger + " reads a resident of " + owner,
                get("community-service", "/residents/" + resident + "?reason=check", hub.bearer(stranger)),
                null,
                null);
        denied(
                "the hub admin reads a resident's details",
                get("community-service", "/residents/" + resident + "?reason=check", null),
                null,
                null);
        assertThat(hub.getAs(owner, "community-service", "/residents/" + resident + "/access-log")
                        .toString())
                .as("every view is logged with the reader")
                .contains(owner);

        // 4. Community staff publish needs for their own community only.
        String c1 = accounts.get("community-1")[2];
        String c2 = accounts.get("community-2")[2];
        HttpResponse<String> own =
                post("community-service", "/needs", need(c1, servingStation(c1)), hub.bearer("community-1"));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
        long needsBefore = hub.get("community-service", "/needs?communityId=" + c2 + "&limit=1000")
                .size();
        denied(
                "community-1 publishes a need for community-2",
                post("community-service", "/needs", need(c2, servingStation(c2)), hub.bearer("community-1")),
                "communityId",
                null);
        assertThat(hub.get("community-service", "/needs?communityId=" + c2 + "&limit=1000")
                        .size())
                .isEqualTo(needsBefore);

        // 5. Organization staff act for their own organization only (the path rule refuses before the body is read).
        String o1 = accounts.get("org-1")[2];
        String o2 = accounts.get("org-2")[2];
        denied(
                "org-1 posts a capacity for org-2",
                post("organization-service", "/organizations/" + o2 + "/capacities", "{}", hub.bearer("org-1")),
                "organizationId",
                "organization_staff of " + o2);
        assertThat(post("organization-service", "/organizations/" + o1 + "/capacities", "{}", hub.bearer("org-1"))
                        .statusCode())
                .as("its own organization: past the rule, on to validation")
                .isEqualTo(400);

        // 6. A volunteer sees only themself.
        String v1 = accounts.get("volunteer-1")[2];
        String v2 = accounts.get("volunteer-2")[2];
        assertThat(get("volunteer-service", "/volunteers/" + v1, hub.bearer("volunteer-1"))
                        .statusCode())
                .isEqualTo(200);
        denied(
                "volunteer-1 reads volunteer-2",
                get("volunteer-service", "/volunteers/" + v2, hub.bearer("volunteer-1")),
                null,
                null);
        denied(
                "volunteer-1 reads volunteer-2's points",
                get("volunteer-service", "/points/accounts/" + v2, hub.bearer("volunteer-1")),
                null,
                null);

        // 7. The centre manager sees the centre's report; station staff do not.
        String centre = accounts.get("centre")[2];
        HttpResponse<String> report =
                get("social-worker-service", "/centres/" + centre + "/report?period=THIS_MONTH", hub.bearer("centre"));
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        denied(
                "station-1 reads the centre's report",
                get(
                        "social-worker-service",
                        "/centres/" + centre + "/report?period=THIS_MONTH",
                        hub.bearer("station-1")),
                "centreId",
                "centre_manager of " + centre);

        // 8. Operators' endpoints: the hub admin only.
        denied(
                "station-1 looks at the replay",
                get("matching-service", "/admin/replay", hub.bearer("station-1")),
                null,
                "hub_admin");
        assertThat(get("matching-service", "/admin/replay", null).statusCode()).isEqualTo(200);

        System.out.printf(
                "roles and tenancy: %d denials, each a 403 problem naming the field and who may:%n", denials.size());
        denials.forEach(d -> System.out.println("  " + d));
    }

    /** A proposal some station holds: {station account, matchId, needId}. */
    private String[] someProposal(Map<String, String[]> accounts) {
        String[][] found = new String[1][];
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    for (Map.Entry<String, String[]> a : accounts.entrySet()) {
                        if (a.getValue()[0].equals("station_staff")
                                && List.of("station-1", "station-2").contains(a.getKey())) {
                            for (JsonNode p : hub.getAs(
                                    a.getKey(), "matching-service", "/stations/" + a.getValue()[2] + "/proposals")) {
                                found[0] = new String[] {
                                    a.getKey(),
                                    p.path("matchId").asText(),
                                    p.path("needId").asText()
                                };
                                return true;
                            }
                        }
                    }
                    return false;
                });
        return found[0];
    }

    private void denied(String what, HttpResponse<String> r, String field, String required) {
        assertThat(r.statusCode()).as(what + ": " + r.body()).isEqualTo(403);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/problem+json");
        JsonNode body = HubProcess.readTree(r.body());
        assertThat(body.path("type").asText()).as(what).isEqualTo("urn:wushe:problem:forbidden");
        assertThat(body.at("/errors/0/field").asText()).as(what).isNotBlank();
        if (field != null) {
            assertThat(body.at("/errors/0/field").asText()).as(what).isEqualTo(field);
        }
        if (required != null) {
            assertThat(body.path("required").asText()).as(what).contains(required);
        }
        denials.add(what + " → 403 " + body.at("/errors/0/field").asText() + " (needs "
                + body.path("required").asText() + ")");
    }

    /** A station serving the community (a community served by two, the centre and its station, must name one). */
    private String servingStation(String communityId) {
        for (JsonNode station : hub.get("community-service", "/stations?limit=100")) {
            for (JsonNode served : station.path("servedCommunityIds")) {
                if (served.asText().equals(communityId)) {
                    return station.path("id").asText();
                }
            }
        }
        throw new AssertionError("no station serves community " + communityId);
    }

    private static String need(String communityId, String stationId) {
        Instant start = Instant.now().plusSeconds(3600);
        return "{\"communityId\":\"" + communityId + "\",\"stationId\":\"" + stationId
                + "\",\"category\":\"COMPANIONSHIP\",\"urgency\":\"ROUTINE\","
                + "\"beneficiaryGroup\":\"ELDERLY_ALONE\",\"title\":\"陪伴聊天 Companionship\",\"start\":\"" + start
                + "\",\"end\":\"" + start.plusSeconds(7200) + "\"}";
    }

    /** GET with this Authorization header ("" none at all, null the operator's hub_admin token). */
    private HttpResponse<String> get(String service, String path, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(hub.url(service, path)))
                .header("Accept", "application/json")
                .GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (path.endsWith("/stream") || path.contains("/stream?")) {
            b.timeout(Duration.ofSeconds(5));
        }
        return hub.send(service, b);
    }

    private HttpResponse<String> post(String service, String path, String json, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(hub.url(service, path)))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return hub.send(service, b);
    }
}
