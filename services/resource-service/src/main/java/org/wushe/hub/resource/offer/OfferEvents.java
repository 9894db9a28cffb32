package org.wushe.hub.resource.offer;

import java.time.Instant;
import java.util.UUID;

import org.wushe.hub.events.common.Quantity;
import org.wushe.hub.events.resource.FundOffer;
import org.wushe.hub.events.resource.GoodsOffer;
import org.wushe.hub.events.resource.Provider;
import org.wushe.hub.events.resource.ProviderKind;
import org.wushe.hub.events.resource.ResourceOffered;
import org.wushe.hub.events.resource.ServiceOffer;
import org.wushe.hub.events.resource.VenueOffer;
import org.wushe.hub.resource.common.WeeklySlot;

/** An offer as the contract {@code ResourceOffered} carries it. */
public final class OfferEvents {

    private OfferEvents() {
    }

    /** The offer as first offered: revision 0, all of it available. */
    public static ResourceOffered offered(Offer o, UUID eventId, Instant at) {
        return offered(o, null, eventId, at);
    }

    /**
     * The offer as it now is, with its revision; {@code available} is what is left to reserve of goods or
     * funds after a change (null when first offered, and for services and venues).
     */
    public static ResourceOffered offered(Offer o, org.wushe.hub.events.common.Allocation available, UUID eventId, Instant at) {
        ResourceOffered.Builder b = ResourceOffered.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(at)
                .setOfferId(o.id())
                .setProvider(Provider.newBuilder().setKind(ProviderKind.DONOR).setId(o.donorId()).build())
                .setKind(o.kind())
                .setCategory(o.category())
                .setTitle(o.title())
                .setBeneficiaryGroups(o.beneficiaryGroups())
                .setCommunityIds(o.communityIds())
                .setPlace(o.place().toAvro())
                .setAvailableWindow(o.availableWindow().toAvro())
                .setRevision(o.revision())
                .setAvailable(available);
        if (o.goods() != null) {
            b.setGoods(GoodsOffer.newBuilder()
                    .setQuantity(Quantity.newBuilder().setAmount(o.goods().quantity()).setUnit(o.goods().unit()).build())
                    .setExpiryDate(o.goods().expiryDate())
                    .build());
        }
        if (o.service() != null) {
            b.setService(ServiceOffer.newBuilder()
                    .setSkills(o.service().skills())
                    .setLanguages(o.service().languages())
                    .setCapacity(o.service().capacity())
                    .setSessionMinutes(o.service().sessionMinutes())
                    .setSchedule(o.service().schedule().stream().map(WeeklySlot::toAvro).toList())
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
                    .setOpeningHours(o.venue().openingHours().stream().map(WeeklySlot::toAvro).toList())
                    .build());
        }
        return b.build();
    }
}
