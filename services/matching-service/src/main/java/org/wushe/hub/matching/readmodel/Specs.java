package org.wushe.hub.matching.readmodel;

import java.time.LocalTime;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.wushe.hub.events.common.Allocation;
import org.wushe.hub.events.common.Availability;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.NeedDetails;
import org.wushe.hub.events.common.Place;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.TimeWindow;
import org.wushe.hub.events.organization.ServiceCapacityOffered;
import org.wushe.hub.events.resource.OfferKind;
import org.wushe.hub.events.resource.ResourceOffered;
import org.wushe.hub.events.volunteer.VolunteerRegistered;
import org.wushe.hub.matching.engine.GeoPoint;
import org.wushe.hub.matching.engine.NeedSpec;
import org.wushe.hub.matching.engine.OfferSpec;
import org.wushe.hub.matching.engine.VolunteerSpec;
import org.wushe.hub.matching.engine.WeeklySlot;
import org.wushe.hub.matching.engine.Window;

/** The engine's view of the parties' events: only what matching needs, nothing personal (events carry nothing personal). */
public final class Specs {

    private Specs() {}

    public static NeedSpec need(UUID needId, UUID communityId, UUID stationId, NeedDetails d, long publishedAtMillis) {
        return new NeedSpec(
                needId,
                communityId,
                stationId,
                d.getCategory(),
                d.getUrgency(),
                d.getBeneficiaryGroup(),
                d.getBeneficiaryCount(),
                point(d.getPlace()),
                d.getPlace().getGeohash(),
                window(d.getTimeWindow()),
                d.getQuantity() == null ? null : d.getQuantity().getAmount(),
                d.getQuantity() == null ? null : d.getQuantity().getUnit(),
                skills(d.getRequiredSkills()),
                Set.copyOf(d.getRequiredLanguages()),
                d.getEstimatedMinutes(),
                publishedAtMillis);
    }

    public static VolunteerSpec volunteer(VolunteerRegistered v) {
        return withAvailability(
                new VolunteerSpec(
                        v.getVolunteerId(),
                        v.getCommunityId(),
                        point(v.getHomeArea()),
                        v.getHomeArea().getGeohash(),
                        skills(v.getSkills()),
                        Set.copyOf(v.getLanguages()),
                        v.getYoungOld(),
                        v.getInHardship(),
                        List.of(),
                        List.of(),
                        null),
                v.getAvailability());
    }

    public static VolunteerSpec withAvailability(VolunteerSpec v, Availability a) {
        VolunteerAvailability x = availability(a);
        return new VolunteerSpec(
                v.volunteerId(),
                v.communityId(),
                v.home(),
                v.geohash(),
                v.skills(),
                v.languages(),
                v.youngOld(),
                v.inHardship(),
                x.weeklySlots(),
                x.oneOffWindows(),
                x.maxHoursPerWeek());
    }

    /**
     * The part of a volunteer's spec that a declaration of availability sets. Its components have the names of
     * {@link VolunteerSpec}'s, so its JSON replaces those properties of a stored spec ({@link ReadModel#putAvailability}).
     */
    public record VolunteerAvailability(
            List<WeeklySlot> weeklySlots, List<Window> oneOffWindows, Integer maxHoursPerWeek) {

        /** The properties of {@link VolunteerSpec} this record replaces. */
        static final List<String> PROPERTIES = List.of("weeklySlots", "oneOffWindows", "maxHoursPerWeek");
    }

    public static VolunteerAvailability availability(Availability a) {
        return new VolunteerAvailability(
                slots(a.getWeeklySlots()),
                a.getOneOffWindows().stream().map(Specs::window).toList(),
                a.getMaxHoursPerWeek());
    }

    public static org.wushe.hub.matching.engine.OfferKind kind(OfferKind kind) {
        return switch (kind) {
            case GOODS -> org.wushe.hub.matching.engine.OfferKind.GOODS;
            case SERVICE -> org.wushe.hub.matching.engine.OfferKind.SERVICE;
            case FUND -> org.wushe.hub.matching.engine.OfferKind.FUND;
            case VENUE -> org.wushe.hub.matching.engine.OfferKind.VENUE;
            default -> throw new IllegalArgumentException("offer kind " + kind + " is not known to this service");
        };
    }

    public static OfferSpec offer(ResourceOffered o) {
        org.wushe.hub.matching.engine.OfferKind kind = kind(o.getKind());
        long remaining;
        List<WeeklySlot> slots = List.of();
        Set<Skill> skills = Set.of();
        Set<String> languages = Set.of();
        Integer sessionMinutes = null;
        Long maxPerNeed = null;
        java.time.LocalDate expiry = null;
        org.wushe.hub.events.common.QuantityUnit unit = null;
        switch (kind) {
            case GOODS -> {
                remaining = required(o.getGoods(), "goods").getQuantity().getAmount();
                unit = o.getGoods().getQuantity().getUnit();
                expiry = o.getGoods().getExpiryDate();
            }
            case SERVICE -> {
                remaining = required(o.getService(), "service").getCapacity();
                slots = slots(o.getService().getSchedule());
                skills = skills(o.getService().getSkills());
                languages = Set.copyOf(o.getService().getLanguages());
                sessionMinutes = o.getService().getSessionMinutes();
            }
            case FUND -> {
                remaining = required(o.getFund(), "fund").getAmountFen();
                maxPerNeed = o.getFund().getMaxPerNeedFen();
            }
            case VENUE -> {
                remaining = required(o.getVenue(), "venue").getCapacity();
                slots = slots(o.getVenue().getOpeningHours());
            }
            default -> throw new IllegalStateException();
        }
        // A changed offer (a later revision) says what is still available of goods and funds.
        Long available = remaining(kind, o.getAvailable());
        if (available != null) {
            remaining = available;
        }
        return new OfferSpec(
                o.getOfferId(),
                o.getProvider().getId(),
                kind,
                o.getCategory(),
                groups(o.getBeneficiaryGroups()),
                Set.copyOf(o.getCommunityIds()),
                point(o.getPlace()),
                o.getPlace().getGeohash(),
                window(o.getAvailableWindow()),
                remaining,
                unit,
                expiry,
                maxPerNeed,
                skills,
                languages,
                slots,
                sessionMinutes);
    }

    public static OfferSpec capacity(ServiceCapacityOffered c) {
        return new OfferSpec(
                c.getCapacityId(),
                c.getOrganizationId(),
                org.wushe.hub.matching.engine.OfferKind.CAPACITY,
                c.getCategory(),
                groups(c.getBeneficiaryGroups()),
                Set.copyOf(c.getServedCommunityIds()),
                point(c.getPlace()),
                c.getPlace().getGeohash(),
                window(c.getPeriod()),
                c.getCapacityPerSlot(),
                null,
                null,
                null,
                skills(c.getSkills()),
                Set.copyOf(c.getLanguages()),
                slots(c.getWeeklySlots()),
                c.getSessionMinutes());
    }

    /** The stock an allocation of the resource service reports as left, in the engine's unit of the offer's kind; null if none applies. */
    public static Long remaining(org.wushe.hub.matching.engine.OfferKind kind, Allocation a) {
        if (a == null) {
            return null;
        }
        return switch (kind) {
            case GOODS ->
                a.getQuantity() == null ? null : (long) a.getQuantity().getAmount();
            case FUND -> a.getAmountFen();
            // Places of services and venues are per slot occurrence; the engine books them by its own holds.
            default -> null;
        };
    }

    public static Window window(TimeWindow w) {
        return new Window(w.getStart().toEpochMilli(), w.getEnd().toEpochMilli());
    }

    public static GeoPoint point(Place p) {
        return p.getLatitude() == null || p.getLongitude() == null
                ? null
                : new GeoPoint(p.getLatitude(), p.getLongitude());
    }

    static List<WeeklySlot> slots(List<org.wushe.hub.events.common.WeeklySlot> slots) {
        return slots.stream()
                .filter(s -> s.getDay() != org.wushe.hub.events.common.DayOfWeek.UNKNOWN)
                .map(s -> new WeeklySlot(
                        java.time.DayOfWeek.valueOf(s.getDay().name()), minute(s.getStart()), endMinute(s.getEnd())))
                .toList();
    }

    private static int minute(LocalTime t) {
        return t.getHour() * 60 + t.getMinute();
    }

    /** 00:00 as an end means midnight at the end of the day. */
    private static int endMinute(LocalTime t) {
        int m = minute(t);
        return m == 0 ? 24 * 60 : m;
    }

    static Set<Skill> skills(List<Skill> skills) {
        Set<Skill> s = EnumSet.noneOf(Skill.class);
        skills.stream().filter(k -> k != Skill.UNKNOWN).forEach(s::add);
        return s;
    }

    static Set<BeneficiaryGroup> groups(List<BeneficiaryGroup> groups) {
        return new LinkedHashSet<>(groups);
    }

    private static <T> T required(T part, String name) {
        if (part == null) {
            throw new IllegalArgumentException("offer without its " + name + " part");
        }
        return part;
    }
}
