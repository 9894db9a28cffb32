package org.wushe.hub.resource.support;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.resource.OfferKind;
import org.wushe.hub.resource.common.CoarsePlace;
import org.wushe.hub.resource.common.WeeklySlot;
import org.wushe.hub.resource.common.Window;
import org.wushe.hub.resource.offer.Offer;
import org.wushe.hub.resource.offer.OfferStatus;

/** Offers built in memory, for unit tests of the pure rules. */
public final class Offers {

    public static final UUID DONOR = UUID.fromString("3d2b1c0a-0000-4000-8000-000000000001");
    public static final CoarsePlace PLACE =
            new CoarsePlace("梨园镇社会工作服务中心", "110112", "110112104", Samples.COMMUNITY, null, "wx4g8k", 39.88, 116.66);
    public static final WeeklySlot SATURDAY_MORNING =
            new WeeklySlot(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(11, 30));

    private Offers() {}

    public static Offer goods(int quantity, QuantityUnit unit, LocalDate expiry, Window window) {
        return offer(
                OfferKind.GOODS,
                Category.DAILY_GOODS,
                window,
                new Offer.Goods(quantity, unit, expiry),
                null,
                null,
                null);
    }

    public static Offer fund(long amountFen, Long cap, Window window) {
        return offer(
                OfferKind.FUND,
                Category.STUDY_SPACE,
                window,
                null,
                null,
                new Offer.Fund(amountFen, cap, "学习空间改造"),
                null);
    }

    public static Offer service(int capacity, List<WeeklySlot> schedule, Window window) {
        return offer(
                OfferKind.SERVICE,
                Category.HEALTH,
                window,
                null,
                new Offer.ServiceDetails(List.of(Skill.MEDICAL), List.of("en"), capacity, 15, schedule),
                null,
                null);
    }

    public static Offer venue(int capacity, List<WeeklySlot> openingHours, Window window) {
        return offer(
                OfferKind.VENUE,
                Category.CULTURAL_EVENT,
                window,
                null,
                null,
                null,
                new Offer.Venue(capacity, openingHours));
    }

    public static Offer withStatus(Offer o, OfferStatus status) {
        return new Offer(
                o.id(),
                o.donorId(),
                o.kind(),
                o.category(),
                o.title(),
                o.description(),
                o.beneficiaryGroups(),
                o.communityIds(),
                o.place(),
                o.availableWindow(),
                status,
                o.goods(),
                o.service(),
                o.fund(),
                o.venue(),
                o.createdAt(),
                o.expiredAt());
    }

    private static Offer offer(
            OfferKind kind,
            Category category,
            Window window,
            Offer.Goods goods,
            Offer.ServiceDetails service,
            Offer.Fund fund,
            Offer.Venue venue) {
        return new Offer(
                UUID.randomUUID(),
                DONOR,
                kind,
                category,
                "测试 test " + kind,
                null,
                List.of(BeneficiaryGroup.ELDERLY_ALONE),
                List.of(),
                PLACE,
                window,
                OfferStatus.ACTIVE,
                goods,
                service,
                fund,
                venue,
                Instant.parse("2026-01-01T00:00:00Z"),
                null);
    }
}
