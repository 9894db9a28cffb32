package org.wushe.hub.resource.offer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.wushe.hub.events.common.Allocation;
import org.wushe.hub.events.common.Quantity;
import org.wushe.hub.events.resource.ExpiryReason;
import org.wushe.hub.events.resource.FundOffer;
import org.wushe.hub.events.resource.GoodsOffer;
import org.wushe.hub.events.resource.OfferKind;
import org.wushe.hub.events.resource.Provider;
import org.wushe.hub.events.resource.ProviderKind;
import org.wushe.hub.events.resource.ResourceExpired;
import org.wushe.hub.events.resource.ResourceOffered;
import org.wushe.hub.events.resource.ServiceOffer;
import org.wushe.hub.events.resource.VenueOffer;
import org.wushe.hub.resource.common.CommonEvents;
import org.wushe.hub.resource.common.Window;

/**
 * An offer as the contracts carry it: {@code ResourceOffered} when offered or changed, {@code ResourceExpired} when it
 * expires or is withdrawn, and its amounts as an {@code Allocation} (in the offer's measure), which the stock's events
 * carry too.
 */
public final class OfferEvents {

    private OfferEvents() {}

    /** The offer as first offered: revision 0, all of it available. */
    public static ResourceOffered offered(Offer o, UUID eventId, Instant at) {
        return offered(o, null, eventId, at);
    }

    /**
     * The offer as it now is, with its revision; {@code available} is what is left to reserve of goods or
     * funds after a change (null when first offered, and for services and venues).
     */
    public static ResourceOffered offered(Offer o, Allocation available, UUID eventId, Instant at) {
        ResourceOffered.Builder b = ResourceOffered.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(at)
                .setOfferId(o.id())
                .setProvider(Provider.newBuilder()
                        .setKind(ProviderKind.DONOR)
                        .setId(o.donorId())
                        .build())
                .setKind(o.kind())
                .setCategory(o.category())
                .setTitle(o.title())
                .setBeneficiaryGroups(o.beneficiaryGroups())
                .setCommunityIds(o.communityIds())
                .setPlace(CommonEvents.place(o.place()))
                .setAvailableWindow(CommonEvents.window(o.availableWindow()))
                .setRevision(o.revision())
                .setAvailable(available);
        if (o.goods() != null) {
            b.setGoods(GoodsOffer.newBuilder()
                    .setQuantity(Quantity.newBuilder()
                            .setAmount(o.goods().quantity())
                            .setUnit(o.goods().unit())
                            .build())
                    .setExpiryDate(o.goods().expiryDate())
                    .build());
        }
        if (o.service() != null) {
            b.setService(ServiceOffer.newBuilder()
                    .setSkills(o.service().skills())
                    .setLanguages(o.service().languages())
                    .setCapacity(o.service().capacity())
                    .setSessionMinutes(o.service().sessionMinutes())
                    .setSchedule(o.service().schedule().stream()
                            .map(CommonEvents::slot)
                            .toList())
                    .build());
        }
        if (o.fund() != null) {
            b.setFund(FundOffer.newBuilder()
                    .setAmountFen(o.fund().amountFen())
                    .setMaxPerNeedFen(o.fund().maxPerNeedFen())
                    .setPurpose(o.fund().purpose())
                    .build());
        }
        if (o.venue() != null) {
            b.setVenue(VenueOffer.newBuilder()
                    .setCapacity(o.venue().capacity())
                    .setOpeningHours(o.venue().openingHours().stream()
                            .map(CommonEvents::slot)
                            .toList())
                    .build());
        }
        return b.build();
    }

    public static ResourceExpired expired(
            UUID offerId,
            ExpiryReason reason,
            LocalDate expiryDate,
            Allocation withdrawn,
            List<UUID> releasedReservations,
            Instant at) {
        return ResourceExpired.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(at)
                .setOfferId(offerId)
                .setReason(reason)
                .setExpiryDate(expiryDate)
                .setWithdrawn(withdrawn)
                .setReleasedReservationIds(releasedReservations)
                .build();
    }

    /** An amount of the offer in the contract's terms ({@code Allocation}): quantity, fen, or people with a window. */
    public static Allocation allocation(Offer offer, long amount, Window window) {
        Allocation.Builder b = Allocation.newBuilder();
        switch (offer.kind()) {
            case GOODS ->
                b.setQuantity(Quantity.newBuilder()
                        .setAmount(Math.toIntExact(amount))
                        .setUnit(offer.goods().unit())
                        .build());
            case FUND -> b.setAmountFen(amount);
            default ->
                b.setCapacity(Math.toIntExact(amount)).setWindow(window == null ? null : CommonEvents.window(window));
        }
        return b.build();
    }

    /** What is left: no window for goods and funds, the slot for services and venues. */
    public static Allocation remaining(Offer offer, long available, Window period) {
        return allocation(
                offer, available, offer.kind() == OfferKind.GOODS || offer.kind() == OfferKind.FUND ? null : period);
    }

    /** The amount an allocation names in the offer's measure, or null when it names none. */
    public static Long amountOf(Offer offer, Allocation a) {
        if (a == null) {
            return null;
        }
        return switch (offer.kind()) {
            case GOODS ->
                a.getQuantity() == null ? null : Long.valueOf(a.getQuantity().getAmount());
            case FUND -> a.getAmountFen();
            default -> a.getCapacity() == null ? null : Long.valueOf(a.getCapacity());
        };
    }
}
