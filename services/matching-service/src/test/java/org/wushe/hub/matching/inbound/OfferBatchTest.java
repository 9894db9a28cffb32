package org.wushe.hub.matching.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.resource.ResourceOffered;
import org.wushe.hub.matching.support.MatchingScenario;
import org.wushe.hub.matching.support.Town;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.events.EventEnvelope;

/**
 * The offers binding in batch mode keeps the revision rule: revisions of one offer published back to back (so
 * that they mostly come in one batch), the newest in the middle, leave the newest in offer_view, and every one
 * of them is recorded as processed once.
 */
class OfferBatchTest extends MatchingScenario {

    @Test
    void anOlderRevisionInTheSameBatchNeverOverwritesANewerOne() {
        Place p = newPlace();
        UUID offer = UUID.randomUUID();
        List<EventEnvelope> published = List.of(
                resources().publish(Aggregate.OFFER, offer, revision(offer, p, 0, "米 rice r0")),
                resources().publish(Aggregate.OFFER, offer, revision(offer, p, 2, "米 rice r2")),
                resources().publish(Aggregate.OFFER, offer, revision(offer, p, 1, "米 rice r1")));

        await().atMost(WAIT)
                .until(() -> published.stream()
                        .allMatch(e -> count(
                                        "select count(*) from processed_event where consumer = 'matching-service'"
                                                + " and event_id = ?",
                                        e.eventId())
                                == 1));
        Map<String, Object> row =
                jdbc.queryForMap("select revision, title, active from offer_view where offer_id = ?", offer);
        assertThat(row)
                .containsEntry("revision", 2)
                .containsEntry("title", "米 rice r2")
                .containsEntry("active", true);
    }

    private ResourceOffered revision(UUID offer, Place p, int revision, String title) {
        ResourceOffered o = Town.goods(
                offer,
                p.community(),
                Category.DAILY_GOODS,
                BeneficiaryGroup.ELDERLY_ALONE,
                title,
                20,
                LocalDate.now().plusMonths(3),
                clock.instant());
        return ResourceOffered.newBuilder(o).setRevision(revision).build();
    }
}
