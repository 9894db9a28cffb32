package org.wushe.hub.socialworker.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.socialworker.GroupSessionHeld;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.socialworker.support.ServiceScenario;
import org.wushe.hub.testing.Http;

/** A mutual-aid group of two planned sessions: each session held is a GroupSessionHeld with a participant count. */
class GroupWorkTest extends ServiceScenario {

    @Test
    void aGroupHoldsItsPlannedSessionsInOrderEachAnEvent() {
        KnownStation station = communityStation(null);
        UUID worker = workerAt(station);
        Http.Response started = http().post(
                        "/groups",
                        Http.map(
                                "socialWorkerId",
                                worker.toString(),
                                "title",
                                "独居老人互助小组 mutual-aid group",
                                "category",
                                "COMPANIONSHIP",
                                "beneficiaryGroup",
                                "ELDERLY_ALONE",
                                "plannedSessions",
                                2));
        assertThat(started.status()).as(started.text()).isEqualTo(201);
        String id = started.json().get("id").asText();
        Instant first = Instant.now().minus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant second = first.plus(7, ChronoUnit.DAYS).minus(1, ChronoUnit.HOURS);

        assertThat(http().post(
                                "/groups/" + id + "/sessions",
                                Http.map(
                                        "heldAt",
                                        first.toString(),
                                        "minutes",
                                        90,
                                        "participantCount",
                                        11,
                                        "notes",
                                        "破冰 ice-breaking"))
                        .status())
                .isEqualTo(201);
        Http.Response before = http().post(
                        "/groups/" + id + "/sessions",
                        Http.map("heldAt", first.minus(1, ChronoUnit.DAYS).toString(), "participantCount", 9));
        assertThat(before.status()).isEqualTo(400);
        assertThat(before.problemField()).isEqualTo("heldAt");
        Http.Response held = http().post(
                        "/groups/" + id + "/sessions",
                        Http.map("heldAt", second.toString(), "minutes", 60, "participantCount", 9));
        assertThat(held.status()).as(held.text()).isEqualTo(201);
        assertThat(held.json().get("sessions")).hasSize(2);
        Http.Response third = http().post(
                        "/groups/" + id + "/sessions",
                        Http.map("heldAt", Instant.now().minusSeconds(60).toString(), "participantCount", 9));
        assertThat(third.status()).isEqualTo(409);

        List<GroupSessionHeld> sessions = ofType(events(Aggregate.SOCIAL_WORKER, worker, 3), GroupSessionHeld.class);
        assertThat(sessions).extracting(GroupSessionHeld::getSessionNumber).containsExactly(1, 2);
        assertThat(sessions).extracting(GroupSessionHeld::getParticipantCount).containsExactly(11, 9);
        assertThat(sessions).extracting(GroupSessionHeld::getHeldAt).containsExactly(first, second);
        GroupSessionHeld s = sessions.get(0);
        assertThat(s.getGroupId()).isEqualTo(UUID.fromString(id));
        assertThat(s.getTitle()).isEqualTo("独居老人互助小组 mutual-aid group");
        assertThat(s.getCategory()).isEqualTo(Category.COMPANIONSHIP);
        assertThat(s.getBeneficiaryGroup()).isEqualTo(BeneficiaryGroup.ELDERLY_ALONE);
        assertThat(s.getPlannedSessions()).isEqualTo(2);
        assertThat(s.getMinutes()).isEqualTo(90);
        assertThat(s.getStationId()).isEqualTo(station.id());
        assertThat(s.getCommunityId()).isEqualTo(station.community());
        assertThat(http().get("/groups?stationId=" + station.id()).json()).hasSize(1);
    }
}
