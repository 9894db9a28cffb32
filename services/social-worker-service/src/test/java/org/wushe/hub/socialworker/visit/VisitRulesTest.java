package org.wushe.hub.socialworker.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.events.socialworker.VisitOutcome;
import org.wushe.hub.platform.web.InvalidInputException;

class VisitRulesTest {

    static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    static Visit.RaisedNeed need(Category category, Instant start, Instant end, Integer amount) {
        return new Visit.RaisedNeed(
                UUID.randomUUID(),
                category,
                Urgency.SOON,
                BeneficiaryGroup.VERY_OLD,
                1,
                "t",
                null,
                null,
                start,
                end,
                amount,
                amount == null ? null : QuantityUnit.BOX,
                List.of(),
                List.of(),
                null);
    }

    @Test
    void aVisitIsRecordedAfterItHappenedWithinClockSkew() {
        assertThatCode(() -> VisitRules.requireVisit(NOW.plus(4, ChronoUnit.MINUTES), VisitOutcome.WELL, false, NOW))
                .doesNotThrowAnyException();
        assertThatThrownBy(
                        () -> VisitRules.requireVisit(NOW.plus(6, ChronoUnit.MINUTES), VisitOutcome.WELL, false, NOW))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("visitedAt"));
    }

    @Test
    void needFoundAndADescribedNeedGoTogether() {
        assertThatCode(() -> VisitRules.requireVisit(NOW, VisitOutcome.NEED_FOUND, true, NOW))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> VisitRules.requireVisit(NOW, VisitOutcome.NEED_FOUND, false, NOW))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("raisedNeed"));
        assertThatThrownBy(() -> VisitRules.requireVisit(NOW, VisitOutcome.NOT_REACHED, true, NOW))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("outcome"));
    }

    @Test
    void aRaisedNeedHasAWindowEndingAfterItsStartInTheFutureWithinAYearAndGoodsHaveAQuantity() {
        Instant start = NOW.plus(1, ChronoUnit.DAYS);
        assertThatCode(() -> VisitRules.requireNeed(
                        need(Category.HOME_REPAIR, start, start.plus(2, ChronoUnit.HOURS), null), NOW))
                .doesNotThrowAnyException();
        assertThatCode(() -> VisitRules.requireNeed(
                        need(Category.DAILY_GOODS, NOW.minus(1, ChronoUnit.DAYS), start, 2), NOW))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> VisitRules.requireNeed(need(Category.HOME_REPAIR, start, start, null), NOW))
                .hasMessageContaining("after start");
        assertThatThrownBy(() -> VisitRules.requireNeed(
                        need(Category.HOME_REPAIR, NOW.minus(3, ChronoUnit.HOURS), NOW, null), NOW))
                .hasMessageContaining("future");
        assertThatThrownBy(() -> VisitRules.requireNeed(
                        need(Category.HOME_REPAIR, start, start.plus(367, ChronoUnit.DAYS), null), NOW))
                .hasMessageContaining("366 days");
        assertThatThrownBy(() -> VisitRules.requireNeed(
                        need(Category.DAILY_GOODS, start, start.plus(2, ChronoUnit.HOURS), null), NOW))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("raisedNeed.quantity"));
    }
}
