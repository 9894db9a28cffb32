package org.wushe.hub.platform.actor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.TestStack;
import org.wushe.hub.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The platform's resource server on a real service: tokens are verified (signature, expiry), the
 * public paths stay open, a path rule and the in-code checks refuse other tenants with a 403 problem
 * naming the field and the role that would be needed.
 */
@SpringBootTest(
        classes = ActorTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.application.name=access-test-service",
            "spring.flyway.locations=classpath:db/pipeline-test",
            "spring.cloud.function.definition=needs",
            "spring.cloud.stream.bindings.needs-in-0.destination=wushe.community.need",
            "spring.cloud.stream.bindings.needs-in-0.group=access-test"
        })
class AccessRulesTest {

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        TestStack.register(registry, "community");
    }

    @Autowired
    Environment env;

    final UUID station = UUID.randomUUID();
    final UUID otherStation = UUID.randomUUID();

    @Test
    void healthAndApiDocsNeedNoTokenButDataDoes() {
        assertThat(http().anonymous().get("/actuator/health").status()).isEqualTo(200);
        Http.Response anonymous = http().anonymous().get("/stations/" + station + "/proposals");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.problemField()).isEqualTo("Authorization");
    }

    @Test
    void anExpiredTokenOrOneSignedByAnotherKeyIs401() {
        for (String token : List.of(TestTokens.expired("li"), TestTokens.foreign("li"), "not.a.jwt")) {
            Http.Response r = http().as(token).get("/stations/" + station + "/proposals");
            assertThat(r.status()).as(token).isEqualTo(401);
            assertThat(r.json().get("type").asText()).isEqualTo("urn:wushe:problem:unauthenticated");
        }
    }

    @Test
    void onlyAnAccessTokenForTheHubCountsAnIdTokenOrAnotherAudienceIs401() {
        String path = "/stations/" + station + "/proposals";
        Map<String, String> tenancy = Map.of(Roles.STATION_ID, station.toString());
        assertThat(http().as(TestTokens.token("staff-li", List.of(Roles.STATION_STAFF), tenancy))
                        .get(path)
                        .status())
                .isEqualTo(200);
        for (String token : List.of(
                TestTokens.idToken("staff-li", List.of(Roles.STATION_STAFF), tenancy),
                TestTokens.otherAudience("staff-li", List.of(Roles.STATION_STAFF), tenancy))) {
            Http.Response r = http().as(token).get(path);
            assertThat(r.status()).as(token).isEqualTo(401);
            assertThat(r.json().get("type").asText()).isEqualTo("urn:wushe:problem:unauthenticated");
        }
    }

    @Test
    void stationStaffSeeTheirOwnStationAndAre403dElsewhereWithTheFieldAndTheRoleNamed() {
        Http li = http().as(TestTokens.token("staff-li", Roles.STATION_STAFF, Roles.STATION_ID, station));

        assertThat(li.get("/stations/" + station + "/proposals").text()).isEqualTo("proposals of " + station);

        Http.Response other = li.get("/stations/" + otherStation + "/proposals");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.contentType()).startsWith("application/problem+json");
        JsonNode body = other.json();
        assertThat(body.get("type").asText()).isEqualTo("urn:wushe:problem:forbidden");
        assertThat(body.get("title").asText()).contains("无权访问").contains("Forbidden");
        assertThat(other.problemField()).isEqualTo("stationId");
        assertThat(body.get("required").asText())
                .isEqualTo("station_staff of " + otherStation + " or centre_manager of " + otherStation);
        assertThat(body.get("detail").asText()).contains("staff-li").contains(otherStation.toString());
    }

    @Test
    void aRoleWithoutTheTenantClaimOrAnotherRoleIsRefused() {
        Http noClaim = http().as(TestTokens.token("staff-wang", List.of(Roles.STATION_STAFF), Map.of()));
        assertThat(noClaim.get("/stations/" + station + "/proposals").status()).isEqualTo(403);
        Http volunteer = http().as(TestTokens.token("vol-1", Roles.VOLUNTEER, Roles.VOLUNTEER_ID, station));
        assertThat(volunteer.get("/stations/" + station + "/proposals").status())
                .isEqualTo(403);
        assertThat(http().get("/stations/" + otherStation + "/proposals").status())
                .as("the hub admin")
                .isEqualTo(200);
    }

    @Test
    void organizationStaffPostOnlyForTheirOrganization() {
        UUID org = UUID.randomUUID();
        Http staff = http().as(TestTokens.token("org-zhao", Roles.ORGANIZATION_STAFF, Roles.ORGANIZATION_ID, org));

        assertThat(staff.post("/offers", Map.of("organizationId", org.toString()))
                        .status())
                .isEqualTo(200);
        Http.Response other =
                staff.post("/offers", Map.of("organizationId", UUID.randomUUID().toString()));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.problemField()).isEqualTo("organizationId");
    }

    @Test
    void residentDetailsAreForTheirCommunityOrStationStaffAndNotEvenForTheHubAdmin() {
        UUID community = UUID.randomUUID();
        Http communityStaff =
                http().as(TestTokens.token("sq-he", Roles.COMMUNITY_STAFF, Roles.COMMUNITY_ID, community));

        assertThat(communityStaff.get("/residents/" + community).status()).isEqualTo(200);
        assertThat(communityStaff.get("/residents/" + UUID.randomUUID()).status())
                .isEqualTo(403);
        Http.Response admin = http().get("/residents/" + community);
        assertThat(admin.status()).isEqualTo(403);
        assertThat(admin.problemField()).isEqualTo("communityId");
    }

    @Test
    void operatorEndpointsNeedTheHubAdmin() {
        Http staff = http().as(TestTokens.token("staff-li", Roles.STATION_STAFF, Roles.STATION_ID, station));
        Http.Response r = staff.get("/actuator/env");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("required").asText()).isEqualTo("hub_admin");
    }

    private Http http() {
        return new Http(Integer.parseInt(env.getProperty("local.server.port")));
    }
}
