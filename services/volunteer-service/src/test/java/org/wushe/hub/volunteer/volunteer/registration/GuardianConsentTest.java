package org.wushe.hub.volunteer.volunteer.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.testing.TestTokens;
import org.wushe.hub.volunteer.support.Http;
import org.wushe.hub.volunteer.support.ServiceScenario;
import org.wushe.hub.volunteer.support.UpstreamEvents;

/** A minor volunteer signs up for nothing until staff of their community or station record a guardian's consent. */
class GuardianConsentTest extends ServiceScenario {

    private static final UUID STATION = UUID.fromString("6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d");

    private Http volunteer(UUID id) {
        return http().as(TestTokens.token("vol-" + id, Roles.VOLUNTEER, Roles.VOLUNTEER_ID, id));
    }

    private Http communityStaff(UUID community) {
        return http().as(TestTokens.token(
                "community-" + community, Roles.COMMUNITY_STAFF, Roles.COMMUNITY_ID, community));
    }

    private UUID selfRegistered(LocalDate birth) {
        UUID id = UUID.randomUUID();
        Http.Response r =
                volunteer(id).post("/volunteers/me", SelfRegistrationTest.details("小林", IdNumberTest.idNumber(birth)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return id;
    }

    /** An activity of the station with one position needing no skill; returns {activity, position}. */
    private UUID[] activity() {
        Instant start = clock.instant().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Map<String, Object> position = new LinkedHashMap<>();
        position.put("duty", "签到引导 welcome desk");
        position.put("places", 5);
        position.put("waitingListLimit", 0);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "NEIGHBOURHOOD_FESTIVAL");
        body.put("title", "邻里节 neighbourhood festival");
        body.put("communityId", UpstreamEvents.COMMUNITY.toString());
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(3, ChronoUnit.HOURS).toString());
        body.put("approvalRequired", false);
        body.put("positions", List.of(position));
        Http.Response r = http().as(
                        TestTokens.token("staff-" + STATION, Roles.STATION_STAFF, Roles.STATION_ID, STATION))
                .post("/activities", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new UUID[] {
            UUID.fromString(r.json().get("id").asText()),
            UUID.fromString(r.json().get("positions").get(0).get("id").asText())
        };
    }

    private Http.Response signUp(UUID volunteer, UUID[] activity) {
        return volunteer(volunteer)
                .post("/activities/" + activity[0] + "/sign-ups", Map.of("positionId", activity[1].toString()));
    }

    private static Map<String, Object> consent() {
        return Map.of("guardianName", "林国栋", "guardianPhone", randomPhone(), "relationship", "PARENT");
    }

    @Test
    void aMinorSignsUpOnlyAfterTheirCommunityRecordedAGuardiansConsent() {
        UUID minor = selfRegistered(today().minusYears(15));
        UUID[] activity = activity();

        Http.Response refused = signUp(minor, activity);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.problemField()).isEqualTo("guardianConsent");

        Map<String, Object> consent = consent();
        Http.Response recorded =
                communityStaff(UpstreamEvents.COMMUNITY).post("/volunteers/" + minor + "/guardian-consent", consent);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        assertThat(recorded.json().get("relationship").asText()).isEqualTo("PARENT");
        assertThat(recorded.body()).doesNotContain("林国栋").doesNotContain((String) consent.get("guardianPhone"));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM volunteer_guardian_consent WHERE volunteer_id = ?"
                                + " AND (encode(guardian_name_sealed, 'escape') LIKE ? OR encode(guardian_phone_sealed, 'escape') LIKE ?)",
                        Long.class,
                        minor,
                        "%林国栋%",
                        "%" + consent.get("guardianPhone") + "%"))
                .as("sealed at rest")
                .isZero();

        Http.Response accepted = signUp(minor, activity);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
    }

    @Test
    void theConsentIsReadBackWithoutTheGuardiansNameOrPhoneByItsStaffAndTheVolunteerOnly() {
        UUID minor = selfRegistered(today().minusYears(14));
        String path = "/volunteers/" + minor + "/guardian-consent";
        Http.Response none = communityStaff(UpstreamEvents.COMMUNITY).get(path);
        assertThat(none.status()).as(none.toString()).isEqualTo(404);
        assertThat(none.problemField()).isEqualTo("id");

        Map<String, Object> consent = consent();
        assertThat(communityStaff(UpstreamEvents.COMMUNITY).post(path, consent).status())
                .isEqualTo(201);

        for (Http reader : List.of(communityStaff(UpstreamEvents.COMMUNITY), volunteer(minor))) {
            Http.Response read = reader.get(path);
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.json().get("volunteerId").asText()).isEqualTo(minor.toString());
            assertThat(read.json().get("relationship").asText()).isEqualTo("PARENT");
            assertThat(read.json().get("recordedBy").asText()).isEqualTo("community-" + UpstreamEvents.COMMUNITY);
            assertThat(read.json().get("recordedAt").asText()).isNotBlank();
            assertThat(read.body()).doesNotContain("林国栋").doesNotContain((String) consent.get("guardianPhone"));
        }

        Http.Response otherCommunity = communityStaff(UUID.randomUUID()).get(path);
        assertThat(otherCommunity.status()).as(otherCommunity.toString()).isEqualTo(403);
        assertThat(otherCommunity.problemField()).isEqualTo("id");
        Http.Response otherStation = http().as(
                        TestTokens.token("staff-x", Roles.STATION_STAFF, Roles.STATION_ID, UUID.randomUUID()))
                .get(path);
        assertThat(otherStation.status()).as(otherStation.toString()).isEqualTo(403);
        Http.Response anotherVolunteer = volunteer(UUID.randomUUID()).get(path);
        assertThat(anotherVolunteer.status()).as(anotherVolunteer.toString()).isEqualTo(403);
    }

    @Test
    void anAdultSignsUpWithoutConsentAndNeedsNone() {
        UUID adult = selfRegistered(today().minusYears(18));
        Http.Response signedUp = signUp(adult, activity());
        assertThat(signedUp.status()).as(signedUp.toString()).isEqualTo(201);

        Http.Response consent =
                communityStaff(UpstreamEvents.COMMUNITY).post("/volunteers/" + adult + "/guardian-consent", consent());
        assertThat(consent.status()).as(consent.toString()).isEqualTo(409);
        assertThat(consent.problemField()).isEqualTo("id");
    }

    @Test
    void staffOfAnotherCommunityOrStationOrTheVolunteerThemselfMayNotRecordIt() {
        UUID minor = selfRegistered(today().minusYears(16));

        Http.Response otherCommunity =
                communityStaff(UUID.randomUUID()).post("/volunteers/" + minor + "/guardian-consent", consent());
        assertThat(otherCommunity.status()).as(otherCommunity.toString()).isEqualTo(403);
        assertThat(otherCommunity.problemField()).isEqualTo("id");

        Http.Response otherStation = http().as(
                        TestTokens.token("staff-x", Roles.STATION_STAFF, Roles.STATION_ID, UUID.randomUUID()))
                .post("/volunteers/" + minor + "/guardian-consent", consent());
        assertThat(otherStation.status()).as(otherStation.toString()).isEqualTo(403);

        Http.Response themself = volunteer(minor).post("/volunteers/" + minor + "/guardian-consent", consent());
        assertThat(themself.status()).as(themself.toString()).isEqualTo(403);

        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM volunteer_guardian_consent WHERE volunteer_id = ?", Long.class, minor))
                .isZero();
        assertThat(signUp(minor, activity()).problemField()).isEqualTo("guardianConsent");
    }

    @Test
    void aConsentNamesItsGuardianAndRelationship() {
        UUID minor = selfRegistered(today().minusYears(12));
        Http staff = communityStaff(UpstreamEvents.COMMUNITY);
        for (String field : List.of("guardianName", "guardianPhone", "relationship")) {
            Map<String, Object> body = new LinkedHashMap<>(consent());
            body.remove(field);
            Http.Response r = staff.post("/volunteers/" + minor + "/guardian-consent", body);
            assertThat(r.status()).as(field + " " + r).isEqualTo(400);
            assertThat(r.problemField()).isEqualTo(field);
        }
    }
}
