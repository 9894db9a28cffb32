package org.wushe.hub.matching.support;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.wushe.hub.events.common.Availability;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.NeedDetails;
import org.wushe.hub.events.common.NeedSource;
import org.wushe.hub.events.common.Place;
import org.wushe.hub.events.common.Quantity;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.TimeWindow;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.events.common.WeeklySlot;
import org.wushe.hub.events.community.NeedPublished;
import org.wushe.hub.events.community.StationLevel;
import org.wushe.hub.events.community.StationRegistered;
import org.wushe.hub.events.resource.GoodsOffer;
import org.wushe.hub.events.resource.OfferKind;
import org.wushe.hub.events.resource.Provider;
import org.wushe.hub.events.resource.ProviderKind;
import org.wushe.hub.events.resource.ResourceOffered;
import org.wushe.hub.events.volunteer.VolunteerRegistered;
import org.wushe.hub.platform.place.Geohashes;

/**
 * The other parties' events for a small town in Tongzhou, as their services write them: stations,
 * needs, volunteers, offers. Places are coarse like the real events (geohash of 6, 2 decimals).
 */
public final class Town {

    /** A grid of 胡各庄 community, Tongzhou; and one about 3 km east, and one about 30 km away. */
    public static final double[] HERE = {39.88, 116.66};

    public static final double[] EAST_3KM = {39.88, 116.70};
    public static final double[] FAR = {40.10, 116.90};

    private Town() {}

    public static Place place(UUID community, double[] at) {
        return Place.newBuilder()
                .setDistrictCode("110112")
                .setStreetCode("110112104")
                .setCommunityId(community)
                .setGeohash(geohash(at[0], at[1]))
                .setLatitude(at[0])
                .setLongitude(at[1])
                .build();
    }

    public static StationRegistered station(
            UUID stationId, String name, StationLevel level, UUID parent, UUID community) {
        return StationRegistered.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setStationId(stationId)
                .setName(name)
                .setLevel(level)
                .setParentStationId(parent)
                .setCommunityId(community)
                .setServedCommunityIds(community == null ? List.of() : List.of(community))
                .setPlace(place(community, HERE))
                .build();
    }

    /** A need whose window covers the next {@code days} days. */
    public static NeedPublished need(
            UUID needId,
            UUID community,
            UUID station,
            Category category,
            Urgency urgency,
            BeneficiaryGroup group,
            String title,
            Instant now,
            int days,
            Integer quantity,
            Skill... skills) {
        Instant start = now.truncatedTo(ChronoUnit.MILLIS);
        return NeedPublished.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(start)
                .setNeedId(needId)
                .setCommunityId(community)
                .setStationId(station)
                .setRevision(1)
                .setDetails(NeedDetails.newBuilder()
                        .setSource(NeedSource.NEED_LIST)
                        .setCategory(category)
                        .setUrgency(urgency)
                        .setBeneficiaryGroup(group)
                        .setTitle(title)
                        .setPlace(place(community, HERE))
                        .setTimeWindow(TimeWindow.newBuilder()
                                .setStart(start)
                                .setEnd(start.plus(days, ChronoUnit.DAYS))
                                .build())
                        .setQuantity(
                                quantity == null
                                        ? null
                                        : Quantity.newBuilder()
                                                .setAmount(quantity)
                                                .setUnit(QuantityUnit.BOX)
                                                .build())
                        .setRequiredSkills(Arrays.asList(skills))
                        .setEstimatedMinutes(60)
                        .build())
                .build();
    }

    /** The engine's view of a routine need like {@link #need}, for asking the engine directly. */
    public static org.wushe.hub.matching.engine.NeedSpec needSpec(
            UUID needId, UUID community, UUID station, Category category, Instant now, Skill... skills) {
        NeedPublished n = need(
                needId,
                community,
                station,
                category,
                Urgency.SOON,
                BeneficiaryGroup.ELDERLY_ALONE,
                "probe",
                now,
                7,
                null,
                skills);
        return org.wushe.hub.matching.readmodel.Specs.need(
                needId, community, station, n.getDetails(), now.toEpochMilli());
    }

    /** A volunteer free every day 08:00–20:00 (Asia/Shanghai). */
    public static VolunteerRegistered volunteer(UUID volunteerId, UUID community, double[] home, Skill... skills) {
        List<WeeklySlot> everyDay = Arrays.stream(DayOfWeek.values())
                .map(d -> WeeklySlot.newBuilder()
                        .setDay(org.wushe.hub.events.common.DayOfWeek.valueOf(d.name()))
                        .setStart(LocalTime.of(8, 0))
                        .setEnd(LocalTime.of(20, 0))
                        .build())
                .toList();
        return VolunteerRegistered.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setVolunteerId(volunteerId)
                .setCommunityId(community)
                .setHomeArea(place(community, home))
                .setSkills(Arrays.asList(skills))
                .setLanguages(List.of("zh"))
                .setYoungOld(false)
                .setInHardship(false)
                .setAvailability(Availability.newBuilder()
                        .setWeeklySlots(everyDay)
                        .setOneOffWindows(List.of())
                        .setMaxHoursPerWeek(10)
                        .build())
                .build();
    }

    /** Goods of a caring shop for {@code category}, available for 30 days. */
    public static ResourceOffered goods(
            UUID offerId,
            UUID community,
            Category category,
            BeneficiaryGroup forWhom,
            String title,
            int boxes,
            LocalDate expiry,
            Instant now) {
        Instant start = now.truncatedTo(ChronoUnit.MILLIS);
        return ResourceOffered.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(start)
                .setOfferId(offerId)
                .setProvider(Provider.newBuilder()
                        .setKind(ProviderKind.DONOR)
                        .setId(UUID.randomUUID())
                        .build())
                .setKind(OfferKind.GOODS)
                .setCategory(category)
                .setTitle(title)
                .setBeneficiaryGroups(List.of(forWhom))
                .setCommunityIds(List.of(community))
                .setPlace(place(community, HERE))
                .setAvailableWindow(TimeWindow.newBuilder()
                        .setStart(start.minus(1, ChronoUnit.DAYS))
                        .setEnd(start.plus(30, ChronoUnit.DAYS))
                        .build())
                .setGoods(GoodsOffer.newBuilder()
                        .setQuantity(Quantity.newBuilder()
                                .setAmount(boxes)
                                .setUnit(QuantityUnit.BOX)
                                .build())
                        .setExpiryDate(expiry)
                        .build())
                .build();
    }

    /** Geohash of 6 characters (about 1.2 km × 0.6 km), as the services coarsen places. */
    public static String geohash(double lat, double lon) {
        return Geohashes.encode(lat, lon, Geohashes.MAX_LENGTH);
    }
}
