package org.wushe.hub.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wushe.hub.notification.outbox.NotificationKind;
import org.wushe.hub.notification.outbox.Notifications;
import org.wushe.hub.notification.outbox.Recipient;
import org.wushe.hub.notification.support.ServiceScenario;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.TestTokens;

/**
 * Each caller sees and marks only the notifications of the tenancies its token holds: another volunteer's is 404,
 * never revealed; station staff see their station's only; a role without its tenancy claim holds no inbox.
 */
class TenancyTest extends ServiceScenario {

    @Autowired
    Notifications notifications;

    @Test
    void anotherVolunteersNotificationIsNotFoundAndStaffSeeOnlyTheirStation() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID station = UUID.randomUUID();
        UUID otherStation = UUID.randomUUID();
        notifications.notify(
                Recipient.volunteer(alice),
                NotificationKind.CERTIFICATE_READY,
                "certificate:" + UUID.randomUUID(),
                "notification.certificate.body",
                List.of("ALICE001", "3.0"),
                "/verify/ALICE001");
        notifications.notify(
                Recipient.station(station),
                NotificationKind.PROPOSAL_DEADLINE,
                "match:" + UUID.randomUUID(),
                "notification.deadline.body",
                List.of("m-1", "2026-12-09 10:00"),
                "/station");
        notifications.notify(
                Recipient.station(otherStation),
                NotificationKind.PROPOSAL_DEADLINE,
                "match:" + UUID.randomUUID(),
                "notification.deadline.body",
                List.of("m-2", "2026-12-09 11:00"),
                "/station");
        UUID alices = notificationOf("volunteer", alice, "CERTIFICATE_READY");

        Http bobs = asVolunteer(bob);
        assertThat(inbox(bobs).get("items")).isEmpty();
        assertProblem("another's notification", bobs.post("/notifications/" + alices + "/read", Map.of()), 404, "id");
        assertProblem(
                "no such notification",
                bobs.post("/notifications/" + UUID.randomUUID() + "/read", Map.of()),
                404,
                "id");
        bobs.post("/notifications/me/read-all", Map.of());
        assertThat(jdbc.queryForObject("SELECT read_at IS NULL FROM notification WHERE id = ?", Boolean.class, alices))
                .isTrue();

        // The role alone holds no inbox: a volunteer token without its volunteer_id claim sees nothing, marks nothing.
        Http unclaimed = http().as(TestTokens.token("v-nobody", List.of(Roles.VOLUNTEER), Map.of()));
        assertThat(inbox(unclaimed).get("items")).isEmpty();
        assertThat(unclaimed
                        .post("/notifications/" + alices + "/read", Map.of())
                        .status())
                .isEqualTo(404);

        Http alicesOwn = asVolunteer(alice);
        assertThat(inbox(alicesOwn).get("unread").asLong()).isEqualTo(1);
        assertThat(alicesOwn
                        .post("/notifications/" + alices + "/read", Map.of())
                        .status())
                .isEqualTo(204);
        assertThat(inbox(alicesOwn).get("unread").asLong()).isZero();
        assertThat(alicesOwn.get("/notifications/me?unreadOnly=true").json().get("items"))
                .isEmpty();
        assertThat(inbox(alicesOwn).get("items").get(0).get("readAt").isNull()).isFalse();

        Http staff = asStaff(station);
        var items = inbox(staff).get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("body").asText()).contains("m-1");
        assertThat(items.get(0).get("recipientKind").asText()).isEqualTo("station");
        assertThat(staff.post("/notifications/me/read-all", Map.of()).status()).isEqualTo(204);
        assertThat(inbox(staff).get("unread").asLong()).isZero();
        assertThat(inbox(asStaff(otherStation)).get("unread").asLong()).isEqualTo(1);

        // A caller who is both a volunteer and station staff sees both of theirs.
        Http both = http().as(TestTokens.token(
                "both-" + alice,
                List.of(Roles.VOLUNTEER, Roles.STATION_STAFF),
                Map.of(Roles.VOLUNTEER_ID, alice.toString(), Roles.STATION_ID, otherStation.toString())));
        assertThat(inbox(both).get("items")).hasSize(2);
    }
}
