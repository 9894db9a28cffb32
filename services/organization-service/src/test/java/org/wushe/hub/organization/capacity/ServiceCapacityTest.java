package org.wushe.hub.organization.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.DayOfWeek;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.WeeklySlot;
import org.wushe.hub.events.organization.ServiceCapacityOffered;
import org.wushe.hub.events.organization.ServiceCapacityWithdrawn;
import org.wushe.hub.events.organization.WithdrawalReason;
import org.wushe.hub.organization.support.ServiceScenario;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.testing.Http;

/**
 * Service capacity offered to matching: the whole offer on every change with the next revision, and
 * a withdrawal that ends it.
 */
class ServiceCapacityTest extends ServiceScenario {

    static Map<String, Object> saturdayMediation(UUID community, Object... overrides) {
        return override(
                Http.map(
                        "title",
                        "周六上午矛盾调解与法律咨询 mediation and legal advice",
                        "category",
                        "MEDIATION",
                        "skills",
                        List.of("MEDIATION", "LEGAL"),
                        "languages",
                        List.of("en"),
                        "beneficiaryGroups",
                        List.of("ALL_RESIDENTS"),
                        "capacityPerSlot",
                        6,
                        "sessionMinutes",
                        30,
                        "weeklySlots",
                        List.of(
                                Map.of("day", "SATURDAY", "start", "09:00", "end", "11:30"),
                                Map.of("day", "WEDNESDAY", "start", "14:00", "end", "16:00")),
                        "validFrom",
                        today().toString(),
                        "validUntil",
                        today().plusDays(180).toString(),
                        "servedCommunityIds",
                        List.of(community.toString())),
                overrides);
    }

    @Test
    void offeredChangedAndWithdrawnEachTheWholeOfferWithItsRevision() {
        UUID organization = organizationId();
        UUID community = UUID.randomUUID();
        Http.Response offered =
                http().post("/organizations/" + organization + "/capacities", saturdayMediation(community));
        assertThat(offered.status()).as(offered.text()).isEqualTo(201);
        UUID id = UUID.fromString(offered.json().get("id").asText());
        assertThat(offered.json().get("revision").asInt()).isEqualTo(1);

        Http.Response changed = http().put(
                        "/capacities/" + id, saturdayMediation(community, "capacityPerSlot", 10, "geohash", "wx4g0c"));
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.json().get("revision").asInt()).isEqualTo(2);
        Http.Response withdrawn =
                http().post("/capacities/" + id + "/withdraw", Http.map("reason", "CAPACITY_EXHAUSTED"));
        assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(200);
        assertThat(withdrawn.json().get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(http().post("/capacities/" + id + "/withdraw", Http.map("reason", "OTHER"))
                        .status())
                .isEqualTo(409);
        Http.Response afterwards = http().put("/capacities/" + id, saturdayMediation(community));
        assertThat(afterwards.status()).isEqualTo(409);
        assertThat(afterwards.problemField()).isEqualTo("capacityId");

        List<SpecificRecord> events = events(Aggregate.ORGANIZATION, organization, 4);
        assertThat(events)
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly(
                        "OrganizationRegistered",
                        "ServiceCapacityOffered",
                        "ServiceCapacityOffered",
                        "ServiceCapacityWithdrawn");
        ServiceCapacityOffered first = (ServiceCapacityOffered) events.get(1);
        assertThat(first.getCapacityId()).isEqualTo(id);
        assertThat(first.getOrganizationId()).isEqualTo(organization);
        assertThat(first.getRevision()).isEqualTo(1);
        assertThat(first.getTitle()).isEqualTo("周六上午矛盾调解与法律咨询 mediation and legal advice");
        assertThat(first.getCategory()).isEqualTo(Category.MEDIATION);
        assertThat(first.getSkills()).containsExactly(Skill.MEDIATION, Skill.LEGAL);
        assertThat(first.getLanguages()).containsExactly("en");
        assertThat(first.getBeneficiaryGroups()).containsExactly(BeneficiaryGroup.ALL_RESIDENTS);
        assertThat(first.getCapacityPerSlot()).isEqualTo(6);
        assertThat(first.getSessionMinutes()).isEqualTo(30);
        assertThat(first.getWeeklySlots())
                .containsExactly(
                        new WeeklySlot(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(11, 30)),
                        new WeeklySlot(DayOfWeek.WEDNESDAY, LocalTime.of(14, 0), LocalTime.of(16, 0)));
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        assertThat(first.getPeriod().getStart())
                .isEqualTo(today().atStartOfDay(shanghai).toInstant());
        assertThat(first.getPeriod().getEnd())
                .isEqualTo(today().plusDays(181).atStartOfDay(shanghai).toInstant());
        assertThat(first.getPlace().getCommunityId()).isEqualTo(community);
        assertThat(first.getPlace().getGeohash()).isEqualTo("wx4g0b");
        assertThat(first.getServedCommunityIds()).containsExactly(community);
        ServiceCapacityOffered second = (ServiceCapacityOffered) events.get(2);
        assertThat(second.getRevision()).isEqualTo(2);
        assertThat(second.getCapacityPerSlot()).isEqualTo(10);
        assertThat(second.getPlace().getGeohash()).isEqualTo("wx4g0c");
        ServiceCapacityWithdrawn last = (ServiceCapacityWithdrawn) events.get(3);
        assertThat(last.getCapacityId()).isEqualTo(id);
        assertThat(last.getRevision()).isEqualTo(3);
        assertThat(last.getReason()).isEqualTo(WithdrawalReason.CAPACITY_EXHAUSTED);

        assertThat(http().get("/capacities?communityId=" + community).json())
                .extracting(c -> c.get("id").asText())
                .containsExactly(id.toString());
        assertThat(http().get("/capacities?communityId=" + community + "&status=OFFERED")
                        .json())
                .isEmpty();
    }

    @Test
    void slotsThatOverlapOrEndBeforeTheyStartAndSessionsThatFitNoSlotAreProblemsOfTheirField() {
        UUID organization = organizationId();
        UUID community = UUID.randomUUID();
        Http.Response overlap = http().post(
                        "/organizations/" + organization + "/capacities",
                        saturdayMediation(
                                community,
                                "weeklySlots",
                                List.of(
                                        Map.of("day", "SATURDAY", "start", "09:00", "end", "11:30"),
                                        Map.of("day", "SATURDAY", "start", "11:00", "end", "12:00"))));
        assertThat(overlap.status()).isEqualTo(400);
        assertThat(overlap.problemField()).isEqualTo("weeklySlots[1]");
        Http.Response backwards = http().post(
                        "/organizations/" + organization + "/capacities",
                        saturdayMediation(
                                community,
                                "weeklySlots",
                                List.of(Map.of("day", "SATURDAY", "start", "11:00", "end", "09:00"))));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.problemField()).isEqualTo("weeklySlots[0].end");
        Http.Response tooLong = http().post(
                        "/organizations/" + organization + "/capacities",
                        saturdayMediation(community, "sessionMinutes", 180));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.problemField()).isEqualTo("sessionMinutes");
        Http.Response until = http().post(
                        "/organizations/" + organization + "/capacities",
                        saturdayMediation(
                                community, "validUntil", today().minusDays(1).toString()));
        assertThat(until.status()).isEqualTo(400);
        assertThat(until.problemField()).isEqualTo("validUntil");

        assertThat(http().get("/organizations/" + organization + "/capacities").json())
                .isEmpty();
    }
}
