package org.wushe.hub.matching.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.Allocation;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.Quantity;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.events.matching.Decider;
import org.wushe.hub.events.matching.DeclineReason;
import org.wushe.hub.events.matching.MatchAccepted;
import org.wushe.hub.events.matching.MatchCompleted;
import org.wushe.hub.events.matching.MatchDeclined;
import org.wushe.hub.events.resource.ReservationFailure;
import org.wushe.hub.events.resource.ResourceReservationFailed;
import org.wushe.hub.events.resource.ResourceReserved;
import org.wushe.hub.matching.support.MatchingScenario;
import org.wushe.hub.matching.support.Town;
import org.wushe.hub.platform.events.Aggregate;
import tools.jackson.databind.JsonNode;

/**
 * The saga of a goods match, with the resource service's answers travelling its real outbox: goods
 * expiring soonest go first; a failed reservation compensates and proposes the next offer; a reserved
 * one moves on; completion reports what was delivered.
 */
class GoodsSagaTest extends MatchingScenario {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aFailedReservationProposesTheNextOfferAndASuccessfulOneCompletes() {
        Place p = newPlace();
        LocalDate today = LocalDate.ofInstant(clock.instant(), SHANGHAI);
        UUID soon = offer(p, "牛奶（3天后到期）milk, 3 days left", 10, today.plusDays(3));
        UUID later = offer(p, "牛奶（60天后到期）milk, 60 days left", 10, today.plusDays(60));
        UUID needId = UUID.randomUUID();
        community()
                .publish(
                        Aggregate.NEED,
                        needId,
                        Town.need(
                                needId,
                                p.community(),
                                p.station(),
                                Category.DAILY_GOODS,
                                Urgency.URGENT,
                                BeneficiaryGroup.LOW_INCOME_FAMILY,
                                "困难家庭需要牛奶 milk for a family in hardship",
                                clock.instant(),
                                5,
                                2));

        JsonNode first = awaitLiveMatch(needId);
        assertThat(first.get("candidate").get("kind").asText()).isEqualTo("OFFER");
        assertThat(first.get("candidate").get("id").asText())
                .as("soonest expiry first")
                .isEqualTo(soon.toString());
        assertThat(first.get("allocation").get("quantity").asInt()).isEqualTo(2);
        UUID firstMatch = UUID.fromString(first.get("matchId").asText());
        assertThat(http().post("/matches/" + firstMatch + "/accept", Map.of()).status())
                .isEqualTo(200);
        MatchAccepted accepted = only(matchEvents(firstMatch, has(MatchAccepted.class)), MatchAccepted.class);
        assertThat(accepted.getOfferId()).isEqualTo(soon);
        assertThat(accepted.getAllocation().getQuantity().getAmount()).isEqualTo(2);

        // The resource service cannot reserve: the saga compensates and proposes the other offer.
        resources()
                .publish(
                        Aggregate.OFFER,
                        soon,
                        ResourceReservationFailed.newBuilder()
                                .setEventId(UUID.randomUUID())
                                .setOccurredAt(clock.instant())
                                .setOfferId(soon)
                                .setMatchId(firstMatch)
                                .setNeedId(needId)
                                .setRequested(boxes(2))
                                .setReason(ReservationFailure.INSUFFICIENT_STOCK)
                                .setAvailable(boxes(0))
                                .build());
        await().atMost(WAIT)
                .until(() -> http().get("/matches/" + firstMatch)
                        .json()
                        .get("status")
                        .asText()
                        .equals("FAILED"));
        MatchDeclined compensation = only(matchEvents(firstMatch, has(MatchDeclined.class)), MatchDeclined.class);
        assertThat(compensation.getDeclinedBy()).isEqualTo(Decider.SYSTEM);
        assertThat(compensation.getReason()).isEqualTo(DeclineReason.RESOURCE_UNAVAILABLE);
        JsonNode second = awaitLiveMatch(needId);
        assertThat(second.get("candidate").get("id").asText()).isEqualTo(later.toString());
        assertThat(second.get("rank").asInt()).isEqualTo(2);

        UUID secondMatch = UUID.fromString(second.get("matchId").asText());
        assertThat(http().post("/matches/" + secondMatch + "/accept", Map.of()).status())
                .isEqualTo(200);
        resources()
                .publish(
                        Aggregate.OFFER,
                        later,
                        ResourceReserved.newBuilder()
                                .setEventId(UUID.randomUUID())
                                .setOccurredAt(clock.instant())
                                .setReservationId(UUID.randomUUID())
                                .setOfferId(later)
                                .setMatchId(secondMatch)
                                .setNeedId(needId)
                                .setReserved(boxes(2))
                                .setRemaining(boxes(8))
                                .build());
        await().atMost(WAIT)
                .until(() -> http().get("/matches/" + secondMatch)
                        .json()
                        .get("status")
                        .asText()
                        .equals("RESERVED"));
        await().atMost(WAIT)
                .until(() ->
                        count("select (spec->>'remaining')::bigint from offer_view where offer_id = ?", later) == 8);

        assertThat(http().post(
                                "/matches/" + secondMatch + "/complete",
                                Map.of("serviceMinutes", 0, "deliveredQuantity", 2))
                        .status())
                .isEqualTo(200);
        List<SpecificRecord> events = matchEvents(secondMatch, has(MatchCompleted.class));
        MatchCompleted completed = only(events, MatchCompleted.class);
        assertThat(completed.getOfferId()).isEqualTo(later);
        assertThat(completed.getDelivered().getQuantity().getAmount()).isEqualTo(2);
    }

    private UUID offer(Place p, String title, int boxes, LocalDate expiry) {
        UUID id = UUID.randomUUID();
        resources()
                .publish(
                        Aggregate.OFFER,
                        id,
                        Town.goods(
                                id,
                                p.community(),
                                Category.DAILY_GOODS,
                                BeneficiaryGroup.LOW_INCOME_FAMILY,
                                title,
                                boxes,
                                expiry,
                                clock.instant()));
        await().atMost(WAIT).until(() -> count("select count(*) from offer_view where offer_id = ?", id) == 1);
        awaitEngineCaughtUp();
        return id;
    }

    private static Allocation boxes(int n) {
        return Allocation.newBuilder()
                .setQuantity(Quantity.newBuilder()
                        .setAmount(n)
                        .setUnit(QuantityUnit.BOX)
                        .build())
                .build();
    }
}
