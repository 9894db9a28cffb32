package org.wushe.hub.matching.engine;

import java.util.Comparator;
import java.util.List;
import org.wushe.hub.events.common.BeneficiaryGroup;

/** An offer in the read model. Only {@link #remaining} changes, under the engine's write lock. */
final class Offer {

    final OfferSpec spec;
    final CandidateRef ref;
    /** Null when the offer has no position; then only an earmarked fund can be found. */
    final GeoPoint position;

    final int cell;
    final long skills;
    final Languages languages;
    /** Bitmask of the beneficiary groups it is meant for; 0: anyone. */
    final long groups;
    /** A fund limited to listed communities: found through them, wherever it is. */
    final boolean earmarked;
    /** Weekly slots by day and start, so occurrences come out in time order. */
    final List<WeeklySlot> slots;

    // Copies of the spec's fields every search reads, so that rejecting an offer touches this object only.
    final OfferKind kind;
    /** 1 << the kind's ordinal. */
    final int kindBit;
    /** Limited to the communities of its spec, and found by distance (not an earmarked fund). */
    final boolean limited;
    /** SERVICE or CAPACITY: languages and skills are checked. */
    final boolean service;
    /** Counted in places per occurrence rather than in stock. */
    final boolean byPlaces;

    final long availableStart;
    final long availableEnd;
    /** NaN without a position. */
    final double latitude;

    final double longitude;

    long remaining;
    /** Its entry of the read model's loads, or null: see {@link Volunteer#load}. */
    OfferLoad load;

    Offer(OfferSpec spec, Languages languages) {
        this.spec = spec;
        this.ref = spec.ref();
        this.position = Geo.position(spec.place(), spec.geohash());
        this.cell = position == null ? 0 : Geo.cell(position.latitude(), position.longitude());
        this.skills = SkillMask.of(spec.skills());
        this.languages = languages;
        long g = 0;
        for (BeneficiaryGroup b : spec.beneficiaryGroups()) {
            g |= 1L << b.ordinal();
        }
        this.groups = spec.beneficiaryGroups().contains(BeneficiaryGroup.ALL_RESIDENTS) ? 0 : g;
        this.earmarked = spec.kind() == OfferKind.FUND && !spec.communityIds().isEmpty();
        this.slots = spec.weeklySlots().stream()
                .sorted(Comparator.comparing(WeeklySlot::day).thenComparingInt(WeeklySlot::startMinute))
                .toList();
        this.remaining = spec.remaining();
        this.kind = spec.kind();
        this.kindBit = 1 << kind.ordinal();
        this.limited = !earmarked && !spec.communityIds().isEmpty();
        this.service = kind == OfferKind.SERVICE || kind == OfferKind.CAPACITY;
        this.byPlaces = kind == OfferKind.SERVICE || kind == OfferKind.VENUE || kind == OfferKind.CAPACITY;
        this.availableStart = spec.available().startMillis();
        this.availableEnd = spec.available().endMillis();
        this.latitude = position == null ? Double.NaN : position.latitude();
        this.longitude = position == null ? Double.NaN : position.longitude();
    }

    OfferKind kind() {
        return kind;
    }

    boolean serves(BeneficiaryGroup group) {
        return groups == 0 || (groups & 1L << group.ordinal()) != 0;
    }

    boolean targets(BeneficiaryGroup group) {
        return groups != 0 && (groups & 1L << group.ordinal()) != 0;
    }

    /**
     * The occurrence a session belongs to: the weekly slot occurrence that contains its start, or the whole
     * available window when the offer has no weekly slots (or the session lies in none).
     */
    Window occurrenceOf(Window session, SlotCalendar calendar) {
        var date = calendar.date(session.startMillis());
        for (WeeklySlot s : slots) {
            if (s.day() == date.getDayOfWeek()) {
                Window occurrence = new Window(calendar.at(date, s.startMinute()), calendar.at(date, s.endMinute()));
                if (occurrence.startMillis() <= session.startMillis()
                        && session.startMillis() < occurrence.endMillis()) {
                    return occurrence;
                }
            }
        }
        return spec.available();
    }

    boolean byPlaces() {
        return byPlaces;
    }
}
