package org.wushe.hub.notification.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wushe.hub.notification.support.Events;
import org.wushe.hub.notification.support.ServiceScenario;
import org.wushe.hub.platform.events.Aggregate;
import tools.jackson.databind.JsonNode;

/**
 * A proposal about to pass its deadline, nothing decided: the station's staff are told once; a declined one, or one
 * still far from its deadline, tells nobody.
 */
class DeadlineTest extends ServiceScenario {

    @Autowired
    Watches watches;

    @Test
    void theStationIsWarnedOnceOfAnUndecidedProposalNearItsDeadline() {
        Instant now = Instant.now();
        UUID undecidedStation = UUID.randomUUID();
        UUID declinedStation = UUID.randomUUID();
        UUID farStation = UUID.randomUUID();
        UUID undecided = UUID.randomUUID();
        UUID declined = UUID.randomUUID();
        UUID far = UUID.randomUUID();

        publish(
                Aggregate.MATCH,
                undecided,
                Events.proposed(undecided, undecidedStation, now.plus(Duration.ofMinutes(90))));
        publish(
                Aggregate.MATCH,
                declined,
                Events.proposed(declined, declinedStation, now.plus(Duration.ofMinutes(90))));
        publish(Aggregate.MATCH, far, Events.proposed(far, farStation, now.plus(Duration.ofHours(5))));
        awaitProcessed(publish(Aggregate.MATCH, declined, Events.declined(declined, declinedStation)));
        org.awaitility.Awaitility.await()
                .atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM watched_proposal WHERE match_id IN (?, ?, ?)",
                                Integer.class,
                                undecided,
                                declined,
                                far)
                        == 3);

        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        watches.warn(clock);
        watches.warn(Clock.offset(clock, Duration.ofMinutes(30)));

        assertThat(count("station", undecidedStation, "PROPOSAL_DEADLINE")).isEqualTo(1);
        assertThat(count("station", declinedStation, "PROPOSAL_DEADLINE")).isZero();
        assertThat(count("station", farStation, "PROPOSAL_DEADLINE")).isZero();
        List<JsonNode> warnings = inbox(asStaff(undecidedStation), "PROPOSAL_DEADLINE");
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).get("body").asText()).contains(undecided.toString());
        assertThat(warnings.get(0).get("link").asText()).isEqualTo("/station");
        assertThat(inbox(asStaff(declinedStation), "PROPOSAL_DEADLINE")).isEmpty();

        // Later, within its window, the far one is warned of too, once.
        watches.warn(Clock.offset(clock, Duration.ofHours(4)));
        assertThat(count("station", farStation, "PROPOSAL_DEADLINE")).isEqualTo(1);
        assertThat(count("station", undecidedStation, "PROPOSAL_DEADLINE")).isEqualTo(1);
    }
}
