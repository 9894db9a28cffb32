package org.wushe.hub.resource.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.resource.ReservationFailure;
import org.wushe.hub.resource.common.Window;
import org.wushe.hub.resource.offer.Offer;
import org.wushe.hub.resource.offer.OfferStatus;
import org.wushe.hub.resource.support.Offers;

/** The pure rules: what a request takes from which period, and why an offer refuses it. */
class StockRulesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Wednesday 14 January 2026, 10:00 in Beijing. */
    static final Instant NOW = Instant.parse("2026-01-14T02:00:00Z");

    static final Window JANUARY =
            new Window(Instant.parse("2025-12-31T16:00:00Z"), Instant.parse("2026-01-31T16:00:00Z"));
    /** Saturday 17 January 2026, 09:30–09:45 in Beijing. */
    static final Window SATURDAY_0930 =
            new Window(Instant.parse("2026-01-17T01:30:00Z"), Instant.parse("2026-01-17T01:45:00Z"));

    @Test
    void goodsTakeTheirQuantityFromTheWholeWindow() {
        Offer milk = Offers.goods(100, QuantityUnit.BOX, null, JANUARY);

        StockRules.Plan plan =
                StockRules.plan(milk, new Requested(5, QuantityUnit.BOX, null, null, null), NOW, SHANGHAI);

        assertThat(plan).isEqualTo(new StockRules.Take(5, JANUARY, 100, null));
    }

    @Test
    void goodsRefuseAMissingQuantityAndAnotherUnit() {
        Offer milk = Offers.goods(100, QuantityUnit.BOX, null, JANUARY);

        assertThat(refusal(milk, new Requested(null, null, null, 1, null))).isEqualTo(ReservationFailure.OTHER);
        assertThat(((StockRules.Refuse) StockRules.plan(
                                milk, new Requested(2, QuantityUnit.BOTTLE, null, null, null), NOW, SHANGHAI))
                        .field())
                .isEqualTo("unit");
        assertThat(refusal(milk, new Requested(0, null, null, null, null))).isEqualTo(ReservationFailure.OTHER);
    }

    @Test
    void goodsAreGoodUntilTheEndOfTheirExpiryDateInChinaStandardTime() {
        Offer milk = Offers.goods(100, QuantityUnit.BOX, LocalDate.of(2026, 1, 14), JANUARY);
        Requested one = new Requested(1, null, null, null, null);

        assertThat(StockRules.plan(milk, one, Instant.parse("2026-01-14T15:59:59Z"), SHANGHAI))
                .isInstanceOf(StockRules.Take.class);
        assertThat(StockRules.plan(milk, one, Instant.parse("2026-01-14T16:00:00Z"), SHANGHAI))
                .isEqualTo(new StockRules.Refuse(
                        ReservationFailure.OFFER_EXPIRED, "offerId", "the goods are past their expiry date 物资已过期"));
        assertThat(StockRules.pastExpiryDate(milk, LocalDate.of(2026, 1, 14))).isFalse();
        assertThat(StockRules.pastExpiryDate(milk, LocalDate.of(2026, 1, 15))).isTrue();
    }

    @Test
    void anOfferPastItsWindowExpiredOrWithdrawnRefusesEverything() {
        Offer milk = Offers.goods(100, QuantityUnit.BOX, null, JANUARY);
        Requested one = new Requested(1, null, null, null, null);

        assertThat(refusal(milk, one, JANUARY.end())).isEqualTo(ReservationFailure.OFFER_EXPIRED);
        assertThat(refusal(Offers.withStatus(milk, OfferStatus.EXPIRED), one))
                .isEqualTo(ReservationFailure.OFFER_EXPIRED);
        assertThat(refusal(Offers.withStatus(milk, OfferStatus.WITHDRAWN), one))
                .isEqualTo(ReservationFailure.OFFER_WITHDRAWN);
    }

    @Test
    void fundsTakeFenWithinTheCapPerNeed() {
        Offer fund = Offers.fund(500_000L, 20_000L, JANUARY);

        assertThat(StockRules.plan(fund, new Requested(null, null, 20_000L, null, null), NOW, SHANGHAI))
                .isEqualTo(new StockRules.Take(20_000L, JANUARY, 500_000L, null));
        assertThat(refusal(fund, new Requested(null, null, 20_001L, null, null)))
                .isEqualTo(ReservationFailure.OTHER);
        assertThat(refusal(fund, new Requested(null, null, -1L, null, null))).isEqualTo(ReservationFailure.OTHER);
    }

    @Test
    void aScheduledServiceCountsAgainstTheOccurrenceOfTheSlotTheSessionFallsIn() {
        Offer clinic = Offers.service(20, List.of(Offers.SATURDAY_MORNING), JANUARY);

        StockRules.Plan plan =
                StockRules.plan(clinic, new Requested(null, null, null, null, SATURDAY_0930), NOW, SHANGHAI);

        Window saturday0900to1130 =
                new Window(Instant.parse("2026-01-17T01:00:00Z"), Instant.parse("2026-01-17T03:30:00Z"));
        assertThat(plan)
                .as("one person by default")
                .isEqualTo(new StockRules.Take(1, saturday0900to1130, 20, SATURDAY_0930));
    }

    @Test
    void aSessionOutsideTheScheduleOrTheWindowIsRefused() {
        Offer clinic = Offers.service(20, List.of(Offers.SATURDAY_MORNING), JANUARY);
        Window friday = new Window(
                SATURDAY_0930.start().minusSeconds(86_400), SATURDAY_0930.end().minusSeconds(86_400));
        Window pastClosing = new Window(Instant.parse("2026-01-17T03:15:00Z"), Instant.parse("2026-01-17T03:45:00Z"));
        Window february = new Window(Instant.parse("2026-02-07T01:30:00Z"), Instant.parse("2026-02-07T01:45:00Z"));

        assertThat(refusal(clinic, people(1, friday))).isEqualTo(ReservationFailure.OTHER);
        assertThat(refusal(clinic, people(1, pastClosing))).isEqualTo(ReservationFailure.OTHER);
        assertThat(refusal(clinic, people(1, null)))
                .as("a scheduled service needs the session")
                .isEqualTo(ReservationFailure.OTHER);
        assertThat(refusal(clinic, people(1, february))).isEqualTo(ReservationFailure.OFFER_EXPIRED);
        assertThat(refusal(clinic, people(0, SATURDAY_0930))).isEqualTo(ReservationFailure.OTHER);
    }

    @Test
    void aServiceWithoutScheduleCountsAgainstItsWholeWindow() {
        Offer talk = Offers.venue(40, List.of(), JANUARY);

        assertThat(StockRules.plan(talk, people(3, null), NOW, SHANGHAI))
                .isEqualTo(new StockRules.Take(3, JANUARY, 40, null));
    }

    @Test
    void runningShortIsInsufficientStockForGoodsAndFundsAndSlotTakenForServicesAndVenues() {
        assertThat(StockRules.shortage(Offers.goods(1, QuantityUnit.BOX, null, JANUARY)))
                .isEqualTo(ReservationFailure.INSUFFICIENT_STOCK);
        assertThat(StockRules.shortage(Offers.fund(1, null, JANUARY))).isEqualTo(ReservationFailure.INSUFFICIENT_STOCK);
        assertThat(StockRules.shortage(Offers.service(1, List.of(), JANUARY))).isEqualTo(ReservationFailure.SLOT_TAKEN);
        assertThat(StockRules.shortage(Offers.venue(1, List.of(), JANUARY))).isEqualTo(ReservationFailure.SLOT_TAKEN);
    }

    @Test
    void aStaffRefusalMapsToTheHttpStatusOfItsCause() {
        assertThat(ReservationService.httpStatus(
                        new ReservationService.Refused(ReservationFailure.OFFER_UNKNOWN, "offerId", "", null)))
                .isEqualTo(404);
        assertThat(ReservationService.httpStatus(
                        new ReservationService.Refused(ReservationFailure.INSUFFICIENT_STOCK, "quantity", "", null)))
                .isEqualTo(409);
        assertThat(ReservationService.httpStatus(
                        new ReservationService.Refused(ReservationFailure.OFFER_EXPIRED, "offerId", "", null)))
                .isEqualTo(409);
        assertThat(ReservationService.httpStatus(
                        new ReservationService.Refused(ReservationFailure.OTHER, "unit", "", null)))
                .isEqualTo(400);
        assertThat(ReservationService.httpStatus(
                        new ReservationService.Refused(ReservationFailure.OTHER, "matchId", "", null)))
                .isEqualTo(409);
    }

    private static Requested people(int n, Window window) {
        return new Requested(null, null, null, n, window);
    }

    private static ReservationFailure refusal(Offer offer, Requested requested) {
        return refusal(offer, requested, NOW);
    }

    private static ReservationFailure refusal(Offer offer, Requested requested, Instant now) {
        StockRules.Plan plan = StockRules.plan(offer, requested, now, SHANGHAI);
        assertThat(plan).isInstanceOf(StockRules.Refuse.class);
        return ((StockRules.Refuse) plan).reason();
    }
}
