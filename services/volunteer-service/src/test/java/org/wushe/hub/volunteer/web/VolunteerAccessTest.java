package org.wushe.hub.volunteer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.resource.DonorKind;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.testing.Problems;
import org.wushe.hub.testing.TestTokens;
import org.wushe.hub.volunteer.support.Http;
import org.wushe.hub.volunteer.support.ServiceScenario;
import tools.jackson.databind.JsonNode;

/**
 * Who may do what, over real HTTP with signed tokens: a volunteer sees and changes only themself, never
 * sets their own flags nor credits their own hours; station staff register volunteers, credit hours and
 * run teams; the catalogue and the rules are the hub admin's. Every refusal is a 403 problem naming the
 * field and who would be allowed, and changes nothing.
 */
class VolunteerAccessTest extends ServiceScenario {

    private static final UUID STATION = UUID.fromString("5b6a9d0e-8f2c-4c1d-b3a4-2e7f9c8d1a22");

    private Http volunteer(UUID id) {
        return http().as(TestTokens.token("vol-" + id, Roles.VOLUNTEER, Roles.VOLUNTEER_ID, id));
    }

    private Http stationStaff() {
        return http().as(TestTokens.token("staff-li", Roles.STATION_STAFF, Roles.STATION_ID, STATION));
    }

    private static Map<String, Object> sundayAfternoon() {
        return Map.of("weeklySlots", List.of(Map.of("day", "SUNDAY", "start", "14:00", "end", "17:00")));
    }

    private static void assertForbidden(Http.Response r, String field, String required) {
        Problems.assertForbidden(
                r.status(), r.header("Content-Type").orElse(""), r.json(), r.toString(), field, required);
    }

    @Test
    void aVolunteerReadsAndChangesTheirOwnAvailabilityAndIsRefusedAnotherVolunteers() {
        UUID a = registerVolunteer(false, false);
        UUID b = registerVolunteer(false, false);
        Http asA = volunteer(a);

        assertThat(asA.get("/volunteers/" + a).json().get("id").asText()).isEqualTo(a.toString());
        Http.Response declared = asA.put("/volunteers/" + a + "/availability", sundayAfternoon());
        assertThat(declared.status()).as(declared.toString()).isEqualTo(200);
        assertThat(asA.get("/volunteers/" + a + "/availability")
                        .json()
                        .get("weeklySlots")
                        .get(0)
                        .get("day")
                        .asText())
                .isEqualTo("SUNDAY");
        assertThat(asA.get("/volunteers/" + a + "/hours").status()).isEqualTo(200);
        assertThat(asA.get("/volunteers/" + a + "/assignments").status()).isEqualTo(200);
        assertThat(asA.get("/points/accounts/" + a).json().get("accountId").asText())
                .isEqualTo(a.toString());
        assertThat(asA.get("/points/accounts/" + a + "/transactions").status()).isEqualTo(200);

        Http.Response changeB = asA.put("/volunteers/" + b + "/availability", sundayAfternoon());
        assertForbidden(changeB, "id", "volunteer of " + b);
        assertThat(changeB.json().get("detail").asText()).contains("vol-" + a).contains(b.toString());
        assertThat(http().get("/volunteers/" + b + "/availability")
                        .json()
                        .get("weeklySlots")
                        .get(0)
                        .get("day")
                        .asText())
                .as("B's availability unchanged")
                .isEqualTo("SATURDAY");

        assertForbidden(asA.get("/volunteers/" + b), "id", "volunteer of " + b + " or station_staff");
        assertForbidden(asA.get("/volunteers/" + b + "/availability"), "id", "volunteer of " + b + " or station_staff");
        assertForbidden(asA.get("/volunteers/" + b + "/hours"), "id", "volunteer of " + b + " or station_staff");
        assertForbidden(asA.get("/volunteers/" + b + "/assignments"), "id", "volunteer of " + b);
        assertForbidden(asA.get("/points/accounts/" + b), "id", "volunteer of " + b);
        assertForbidden(asA.get("/points/accounts/" + b + "/transactions"), "id", "volunteer of " + b);
        assertForbidden(asA.get("/volunteers"), "GET /volunteers", "station_staff");
    }

    @Test
    void aVolunteerCannotSetTheirOwnFlagsNorCreditTheirOwnHoursButStationStaffCan() {
        UUID a = UUID.fromString(stationStaff()
                .post("/volunteers", registration("张建国", false, false))
                .json()
                .get("id")
                .asText());
        Map<String, Object> hours =
                Map.of("minutes", 60, "servedOn", today().toString(), "stationId", STATION.toString());

        assertForbidden(
                volunteer(a).put("/volunteers/" + a + "/flags", Map.of("youngOld", true, "inHardship", true)),
                "PUT /volunteers/" + a + "/flags",
                "station_staff");
        assertForbidden(
                volunteer(a).post("/volunteers/" + a + "/hours", hours),
                "POST /volunteers/" + a + "/hours",
                "station_staff");
        Http staffAndVolunteerA = http().as(TestTokens.token(
                "staff-a",
                List.of(Roles.STATION_STAFF, Roles.VOLUNTEER),
                Map.of(Roles.STATION_ID, STATION.toString(), Roles.VOLUNTEER_ID, a.toString())));
        assertForbidden(
                staffAndVolunteerA.put("/volunteers/" + a + "/flags", Map.of("youngOld", true, "inHardship", true)),
                "id",
                "station_staff, not volunteer " + a);
        assertForbidden(
                staffAndVolunteerA.post("/volunteers/" + a + "/hours", hours),
                "id",
                "station_staff, not volunteer " + a);

        JsonNode unchanged = http().get("/volunteers/" + a + "?reason=test").json();
        assertThat(unchanged.get("youngOld").asBoolean()).isFalse();
        assertThat(unchanged.get("inHardship").asBoolean()).isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM service_hours WHERE volunteer_id = ?", Long.class, a))
                .isZero();
        assertThat(balance(a)).isZero();

        Http.Response flagged =
                stationStaff().put("/volunteers/" + a + "/flags", Map.of("youngOld", true, "inHardship", false));
        assertThat(flagged.status()).as(flagged.toString()).isEqualTo(200);
        assertThat(flagged.json().get("youngOld").asBoolean()).isTrue();
        Http.Response credited = stationStaff().post("/volunteers/" + a + "/hours", hours);
        assertThat(credited.status()).as(credited.toString()).isEqualTo(201);
        assertThat(stationStaff().get("/volunteers/" + a + "?reason=test").status())
                .as("station staff read a volunteer")
                .isEqualTo(200);
        assertThat(stationStaff()
                        .get("/volunteers/" + a + "/hours")
                        .json()
                        .get("totalMinutes")
                        .asLong())
                .isEqualTo(60);
        assertForbidden(stationStaff().get("/points/accounts/" + a), "id", "volunteer of " + a);
    }

    @Test
    void aVolunteerRedeemsAndGivesOnlyFromTheirOwnAccount() {
        UUID a = registerVolunteer(false, false);
        UUID b = registerVolunteer(false, false);
        logHours(a, 300, today());
        logHours(b, 300, today());
        UUID reward = reward(caringShop("爱心理发店 Caring Barber", DonorKind.CARING_SHOP), 10, null);
        Http asA = volunteer(a);

        Http.Response fromB = asA.post(
                "/points/accounts/" + b + "/redemptions",
                Map.of("rewardId", reward.toString(), "quantity", 1),
                "Idempotency-Key",
                "access-" + UUID.randomUUID());
        assertForbidden(fromB, "id", "volunteer of " + b);
        Http.Response giftFromB = asA.post(
                "/points/accounts/" + b + "/gifts",
                Map.of("toAccountId", a.toString(), "points", 5),
                "Idempotency-Key",
                "access-" + UUID.randomUUID());
        assertForbidden(giftFromB, "id", "volunteer of " + b);
        assertThat(balance(b)).isEqualTo(50);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM points_transaction WHERE kind <> 'AWARD' AND (account_id = ? OR counter_account_id = ?)",
                        Long.class,
                        b,
                        b))
                .as("nothing spent from or given by B")
                .isZero();

        Http.Response own = asA.post(
                "/points/accounts/" + a + "/redemptions",
                Map.of("rewardId", reward.toString(), "quantity", 1),
                "Idempotency-Key",
                "access-" + UUID.randomUUID());
        assertThat(own.status()).as(own.toString()).isEqualTo(201);
        Http.Response gift = asA.post(
                "/points/accounts/" + a + "/gifts",
                Map.of("toAccountId", b.toString(), "points", 5),
                "Idempotency-Key",
                "access-" + UUID.randomUUID());
        assertThat(gift.status()).as(gift.toString()).isEqualTo(201);
        assertThat(balance(a)).isEqualTo(35);
        assertThat(balance(b)).isEqualTo(55);
    }

    @Test
    void stationStaffRegisterVolunteersAndRunTeamsTheCatalogueAndRulesAreTheHubAdmins() {
        Http asVolunteer = volunteer(UUID.randomUUID());
        assertForbidden(
                asVolunteer.post("/volunteers", registration("李四", false, false)), "POST /volunteers", "station_staff");
        Http.Response registered = stationStaff().post("/volunteers", registration("李四", false, false));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        UUID v = UUID.fromString(registered.json().get("id").asText());
        assertThat(stationStaff().get("/volunteers?limit=5").status()).isEqualTo(200);

        Map<String, Object> team =
                Map.of("name", "巡逻队 patrol", "communityId", UUID.randomUUID().toString());
        assertForbidden(asVolunteer.post("/teams", team), "POST /teams", "station_staff");
        Http.Response created = stationStaff().post("/teams", team);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String teamId = created.json().get("id").asText();
        assertForbidden(
                volunteer(v).put("/teams/" + teamId + "/members/" + v, Map.of("role", "MEMBER")),
                "PUT /teams/" + teamId + "/members/" + v,
                "station_staff");
        assertThat(volunteer(v).get("/teams/" + teamId + "/members").json())
                .as("nobody joined")
                .isEmpty();
        assertThat(stationStaff()
                        .put("/teams/" + teamId + "/members/" + v, Map.of("role", "MEMBER"))
                        .status())
                .isEqualTo(201);
        assertThat(volunteer(v).get("/teams/" + teamId).status())
                .as("any token reads teams")
                .isEqualTo(200);

        UUID shop = caringShop("爱心面馆 Caring Noodles", DonorKind.CARING_SHOP);
        long rewards = jdbc.queryForObject("SELECT count(*) FROM reward WHERE donor_id = ?", Long.class, shop);
        assertForbidden(
                stationStaff().post("/rewards", Map.of("donorId", shop.toString(), "title", "一碗面", "pointsCost", 10)),
                "POST /rewards",
                "hub_admin");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM reward WHERE donor_id = ?", Long.class, shop))
                .isEqualTo(rewards);
        UUID reward = reward(shop, 10, null);
        assertForbidden(stationStaff().delete("/rewards/" + reward), "DELETE /rewards/" + reward, "hub_admin");
        assertThat(volunteer(v).get("/rewards/" + reward).json().get("active").asBoolean())
                .isTrue();
        assertForbidden(
                stationStaff().post("/points/rules", Map.of("pointsPerHour", 1000)), "POST /points/rules", "hub_admin");
        assertForbidden(
                stationStaff()
                        .post(
                                "/points/time-bank-accounts",
                                Map.of("holder", "RELATIVE", "sponsorVolunteerId", v.toString())),
                "POST /points/time-bank-accounts",
                "hub_admin");
        assertThat(volunteer(v).get("/points/rules/current").status()).isEqualTo(200);
        assertThat(volunteer(v).get("/donors/" + shop).status()).isEqualTo(200);
        assertForbidden(stationStaff().post("/admin/replay", Map.of()), "POST /admin/replay", "hub_admin");
    }

    @Test
    void withoutAValidTokenEverythingButHealthIs401() {
        UUID a = registerVolunteer(false, false);
        for (Http caller : List.of(
                http().anonymous(), http().as(TestTokens.expired("vol-a")), http().as(TestTokens.foreign("vol-a")))) {
            Http.Response r = caller.get("/volunteers/" + a);
            assertThat(r.status()).as(r.toString()).isEqualTo(401);
            assertThat(r.header("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(r.problemField()).isEqualTo("Authorization");
            assertThat(caller.get("/rewards").status()).isEqualTo(401);
        }
        Http.Response anonymousFlags =
                http().anonymous().put("/volunteers/" + a + "/flags", Map.of("youngOld", true, "inHardship", true));
        assertThat(anonymousFlags.status()).isEqualTo(401);
        assertThat(http().get("/volunteers/" + a + "?reason=test")
                        .json()
                        .get("youngOld")
                        .asBoolean())
                .isFalse();
        assertThat(http().anonymous().get("/actuator/health").status()).isEqualTo(200);
    }
}
