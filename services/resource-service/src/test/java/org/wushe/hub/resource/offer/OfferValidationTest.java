package org.wushe.hub.resource.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.resource.OfferKind;
import org.wushe.hub.platform.web.InvalidInputException;
import org.wushe.hub.resource.common.CoarsePlace;
import org.wushe.hub.resource.common.WeeklySlot;
import org.wushe.hub.resource.common.Window;
import org.wushe.hub.resource.support.Offers;

/** What makes an offer valid: Bean Validation on the request, then the domain rules, each naming the field. */
class OfferValidationTest {

    static final Instant NOW = Instant.parse("2026-01-14T02:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 1, 14);
    static final Window JANUARY =
            new Window(Instant.parse("2025-12-31T16:00:00Z"), Instant.parse("2026-01-31T16:00:00Z"));
    static final CoarsePlace PLACE =
            new CoarsePlace(null, "110112", "110112104", null, null, "wx4g8kzz", 39.884612, 116.658876);

    final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void aGoodOfferIsAcceptedWithItsPlaceMadeCoarse() {
        Offer offer = OfferService.validated(
                goods(new CreateOfferRequest.GoodsDetails(100, QuantityUnit.BOX, TODAY), null), NOW, TODAY);

        assertThat(offer.kind()).isEqualTo(OfferKind.GOODS);
        assertThat(offer.goods()).isEqualTo(new Offer.Goods(100, QuantityUnit.BOX, TODAY));
        assertThat(offer.place().geohash()).isEqualTo("wx4g8k");
        assertThat(offer.place().latitude()).isEqualTo(39.88);
        assertThat(offer.place().longitude()).isEqualTo(116.66);
        assertThat(offer.status()).isEqualTo(OfferStatus.ACTIVE);
    }

    @Test
    void beanValidationNamesTheNestedField() {
        assertThat(fields(goods(new CreateOfferRequest.GoodsDetails(-3, QuantityUnit.BOX, null), null)))
                .containsExactly("goods.quantity");
        assertThat(fields(new CreateOfferRequest(
                        Offers.DONOR,
                        OfferKind.GOODS,
                        Category.DAILY_GOODS,
                        "奶".repeat(101),
                        null,
                        null,
                        null,
                        PLACE,
                        JANUARY,
                        new CreateOfferRequest.GoodsDetails(1, QuantityUnit.BOX, null),
                        null,
                        null,
                        null)))
                .containsExactly("title");
        assertThat(fields(new CreateOfferRequest(
                        Offers.DONOR,
                        OfferKind.GOODS,
                        Category.DAILY_GOODS,
                        "t",
                        null,
                        null,
                        null,
                        new CoarsePlace(null, "1101", null, null, null, null, null, null),
                        JANUARY,
                        new CreateOfferRequest.GoodsDetails(1, QuantityUnit.BOX, null),
                        null,
                        null,
                        null)))
                .containsExactly("place.districtCode");
    }

    @Test
    void theDomainRulesNameTheFieldAtFault() {
        assertField("availableWindow.end", goods(ok(), new Window(JANUARY.end(), JANUARY.start())));
        assertField("availableWindow.end", goods(ok(), new Window(NOW.minusSeconds(7200), NOW.minusSeconds(3600))));
        assertField(
                "goods.expiryDate",
                goods(new CreateOfferRequest.GoodsDetails(1, QuantityUnit.BOX, TODAY.minusDays(1)), null));
        assertField("goods.unit", goods(new CreateOfferRequest.GoodsDetails(1, QuantityUnit.UNKNOWN, null), null));
        assertField(
                "goods",
                new CreateOfferRequest(
                        Offers.DONOR,
                        OfferKind.GOODS,
                        Category.DAILY_GOODS,
                        "t",
                        null,
                        null,
                        null,
                        PLACE,
                        JANUARY,
                        null,
                        null,
                        new CreateOfferRequest.FundDetails(100L, null, null),
                        null));
        assertField(
                "fund",
                new CreateOfferRequest(
                        Offers.DONOR,
                        OfferKind.GOODS,
                        Category.DAILY_GOODS,
                        "t",
                        null,
                        null,
                        null,
                        PLACE,
                        JANUARY,
                        ok(),
                        null,
                        new CreateOfferRequest.FundDetails(100L, null, null),
                        null));
        assertField(
                "category",
                new CreateOfferRequest(
                        Offers.DONOR,
                        OfferKind.GOODS,
                        Category.UNKNOWN,
                        "t",
                        null,
                        null,
                        null,
                        PLACE,
                        JANUARY,
                        ok(),
                        null,
                        null,
                        null));
        assertField(
                "beneficiaryGroups[1]",
                new CreateOfferRequest(
                        Offers.DONOR,
                        OfferKind.GOODS,
                        Category.DAILY_GOODS,
                        "t",
                        null,
                        List.of(BeneficiaryGroup.DISABLED, BeneficiaryGroup.UNKNOWN),
                        null,
                        PLACE,
                        JANUARY,
                        ok(),
                        null,
                        null,
                        null));
        assertField(
                "fund.maxPerNeedFen",
                new CreateOfferRequest(
                        Offers.DONOR,
                        OfferKind.FUND,
                        Category.STUDY_SPACE,
                        "t",
                        null,
                        null,
                        null,
                        PLACE,
                        JANUARY,
                        null,
                        null,
                        new CreateOfferRequest.FundDetails(100L, 200L, null),
                        null));
        assertField(
                "venue.openingHours[1].end",
                new CreateOfferRequest(
                        Offers.DONOR,
                        OfferKind.VENUE,
                        Category.CULTURAL_EVENT,
                        "t",
                        null,
                        null,
                        null,
                        PLACE,
                        JANUARY,
                        null,
                        null,
                        null,
                        new CreateOfferRequest.VenueDetails(
                                40,
                                List.of(
                                        Offers.SATURDAY_MORNING,
                                        new WeeklySlot(DayOfWeek.SUNDAY, LocalTime.of(17, 0), LocalTime.of(14, 0))))));
    }

    @Test
    void weeklySlotsAreStoredAsTextAndReadBack() {
        assertThat(Offers.SATURDAY_MORNING.text()).isEqualTo("SATURDAY 09:00-11:30");
        assertThat(WeeklySlot.parse("SATURDAY 09:00-11:30")).isEqualTo(Offers.SATURDAY_MORNING);
    }

    private static CreateOfferRequest.GoodsDetails ok() {
        return new CreateOfferRequest.GoodsDetails(10, QuantityUnit.BOX, null);
    }

    private static CreateOfferRequest goods(CreateOfferRequest.GoodsDetails goods, Window window) {
        return new CreateOfferRequest(
                UUID.randomUUID(),
                OfferKind.GOODS,
                Category.DAILY_GOODS,
                "爱心牛奶",
                null,
                List.of(BeneficiaryGroup.ELDERLY_ALONE),
                List.of(),
                PLACE,
                window == null ? JANUARY : window,
                goods,
                null,
                null,
                null);
    }

    private List<String> fields(Object request) {
        Set<ConstraintViolation<Object>> violations = validator.validate(request);
        return violations.stream().map(v -> v.getPropertyPath().toString()).toList();
    }

    private static void assertField(String field, CreateOfferRequest request) {
        assertThatThrownBy(() -> OfferService.validated(request, NOW, TODAY))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
