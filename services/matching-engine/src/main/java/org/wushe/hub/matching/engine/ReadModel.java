package org.wushe.hub.matching.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.Skill;

/**
 * The engine's state: volunteers and offers, their index, and the holds of live matches. Not thread-safe:
 * {@link MatchEngine} calls the mutators under its write lock and searches under its read lock.
 */
final class ReadModel {

    private final MatchSettings settings;
    private final SlotCalendar calendar;
    private final Map<UUID, Volunteer> volunteers = new HashMap<>();
    private final Map<UUID, Offer> offers = new HashMap<>();
    private final Map<UUID, VolunteerLoad> volunteerLoads = new HashMap<>();
    private final Map<UUID, OfferLoad> offerLoads = new HashMap<>();
    private final Map<UUID, Hold> holds = new HashMap<>();
    private final GridIndex<Volunteer> allVolunteers = new GridIndex<>();
    private final List<GridIndex<Volunteer>> volunteersBySkill = new ArrayList<>();
    private final List<GridIndex<Offer>> offersByCategory = new ArrayList<>();
    private final Map<Earmark, List<Offer>> earmarkedFunds = new HashMap<>();
    private final Interner<WeekMask> masks = new Interner<>();
    private final Interner<Languages> languages = new Interner<>();
    private final Interner<UUID> communities = new Interner<>();
    private int unplacedVolunteers;

    ReadModel(MatchSettings settings, SlotCalendar calendar) {
        this.settings = settings;
        this.calendar = calendar;
        for (int i = 0; i < Skill.values().length; i++) {
            volunteersBySkill.add(new GridIndex<>());
        }
        for (int i = 0; i < Category.values().length; i++) {
            offersByCategory.add(new GridIndex<>());
        }
    }

    /** A fund earmarked for a community, by category. */
    record Earmark(UUID communityId, Category category) {}

    void putVolunteer(VolunteerSpec spec) {
        removeVolunteer(spec.volunteerId());
        Volunteer v = new Volunteer(
                spec,
                spec.communityId() == null ? null : communities.intern(spec.communityId()),
                languages.intern(Languages.of(spec.languages())),
                masks.intern(WeekMask.of(spec.weeklySlots())));
        v.load = volunteerLoads.get(v.id);
        volunteers.put(v.id, v);
        if (v.position == null) {
            unplacedVolunteers++;
            return;
        }
        allVolunteers.add(v.cell, v, v.skills);
        for (Skill s : SkillMask.list(v.skills)) {
            volunteersBySkill.get(s.ordinal()).add(v.cell, v, v.skills);
        }
    }

    void removeVolunteer(UUID id) {
        Volunteer v = volunteers.remove(id);
        if (v == null) {
            return;
        }
        if (v.position == null) {
            unplacedVolunteers--;
            return;
        }
        allVolunteers.remove(v.cell, v);
        for (Skill s : SkillMask.list(v.skills)) {
            volunteersBySkill.get(s.ordinal()).remove(v.cell, v);
        }
    }

    void putOffer(OfferSpec spec) {
        removeOffer(spec.offerId());
        Offer o = new Offer(spec, languages.intern(Languages.of(spec.languages())));
        o.load = offerLoads.get(spec.offerId());
        offers.put(spec.offerId(), o);
        if (o.earmarked) {
            for (UUID community : spec.communityIds()) {
                earmarkedFunds
                        .computeIfAbsent(new Earmark(community, spec.category()), k -> new ArrayList<>())
                        .add(o);
            }
        } else if (o.position != null) {
            offersByCategory.get(spec.category().ordinal()).add(o.cell, o);
        }
    }

    void removeOffer(UUID id) {
        Offer o = offers.remove(id);
        if (o == null) {
            return;
        }
        if (o.earmarked) {
            for (UUID community : o.spec.communityIds()) {
                Earmark key = new Earmark(community, o.spec.category());
                List<Offer> list = earmarkedFunds.get(key);
                list.remove(o);
                if (list.isEmpty()) {
                    earmarkedFunds.remove(key);
                }
            }
        } else if (o.position != null) {
            offersByCategory.get(o.spec.category().ordinal()).remove(o.cell, o);
        }
    }

    /** Sets an offer's stock; does nothing for an offer not (yet) known, whose OfferSpec will carry it. */
    void setRemaining(UUID offerId, long remaining) {
        if (remaining < 0) {
            throw new IllegalArgumentException("remaining must not be negative, got " + remaining);
        }
        Offer o = offers.get(offerId);
        if (o != null) {
            o.remaining = remaining;
        }
    }

    /**
     * Records a hold. With {@code onlyIfItFits} it is refused (false) unless the candidate is known and still has
     * the room: a live-match slot and a free window for a volunteer, the stock or places for an offer.
     * A hold already recorded under the match id is kept as it is (true).
     */
    boolean hold(Hold hold, boolean onlyIfItFits) {
        if (holds.containsKey(hold.matchId())) {
            return true;
        }
        if (onlyIfItFits && !fits(hold.candidate(), hold.allocation())) {
            return false;
        }
        holds.put(hold.matchId(), hold);
        Allocation a = hold.allocation();
        if (hold.candidate().kind() == CandidateKind.VOLUNTEER) {
            VolunteerLoad load = volunteerLoad(hold.candidate().id(), true);
            load.active++;
            if (a != null && a.window() != null) {
                load.booked.add(a.window());
            }
        } else if (a != null) {
            OfferLoad load = offerLoads.get(hold.candidate().id());
            if (load == null) {
                load = new OfferLoad();
                offerLoads.put(hold.candidate().id(), load);
                attach(hold.candidate().id(), load);
            }
            load.heldStock += stock(a);
            if (a.capacity() != null) {
                load.places.add(new OfferLoad.PlaceHold(a.window(), a.capacity()));
            }
        }
        return true;
    }

    void release(UUID matchId) {
        Hold hold = holds.remove(matchId);
        if (hold == null) {
            return;
        }
        UUID id = hold.candidate().id();
        Allocation a = hold.allocation();
        if (hold.candidate().kind() == CandidateKind.VOLUNTEER) {
            VolunteerLoad load = volunteerLoads.get(id);
            load.active--;
            if (a != null && a.window() != null) {
                load.booked.remove(a.window());
            }
            if (load.isIdle()) {
                volunteerLoads.remove(id);
                Volunteer v = volunteers.get(id);
                if (v != null) {
                    v.load = null;
                }
            }
        } else if (a != null) {
            OfferLoad load = offerLoads.get(id);
            load.heldStock -= stock(a);
            if (a.capacity() != null) {
                load.places.remove(new OfferLoad.PlaceHold(a.window(), a.capacity()));
            }
            if (load.isEmpty()) {
                offerLoads.remove(id);
                attach(id, null);
            }
        }
    }

    void recordCompleted(UUID volunteerId, int minutes, long atMillis, long now) {
        if (minutes < 0) {
            throw new IllegalArgumentException("minutes must not be negative, got " + minutes);
        }
        volunteerLoad(volunteerId, true)
                .complete(atMillis, minutes, now, settings.fairnessWindow().toMillis());
    }

    /** The volunteer's load; with {@code create}, a new one when they have none, linked to the volunteer if known. */
    private VolunteerLoad volunteerLoad(UUID id, boolean create) {
        VolunteerLoad load = volunteerLoads.get(id);
        if (load == null && create) {
            load = new VolunteerLoad();
            volunteerLoads.put(id, load);
            Volunteer v = volunteers.get(id);
            if (v != null) {
                v.load = load;
            }
        }
        return load;
    }

    private void attach(UUID offerId, OfferLoad load) {
        Offer o = offers.get(offerId);
        if (o != null) {
            o.load = load;
        }
    }

    private boolean fits(CandidateRef candidate, Allocation a) {
        if (candidate.kind() == CandidateKind.VOLUNTEER) {
            if (!volunteers.containsKey(candidate.id())) {
                return false;
            }
            VolunteerLoad load = volunteerLoads.get(candidate.id());
            return load == null
                    || load.active < settings.maxActiveMatchesPerVolunteer()
                            && (a == null || a.window() == null || !load.overlapsBooked(a.window()));
        }
        Offer o = offers.get(candidate.id());
        if (o == null || a == null) {
            return o != null;
        }
        OfferLoad load = offerLoads.get(candidate.id());
        long heldStock = load == null ? 0 : load.heldStock;
        if (stock(a) > o.remaining - heldStock) {
            return false;
        }
        if (a.capacity() != null) {
            Window occurrence = a.window() == null ? o.spec.available() : o.occurrenceOf(a.window(), calendar);
            long heldPlaces = load == null ? 0 : load.heldPlaces(occurrence);
            return a.capacity() <= o.remaining - heldPlaces;
        }
        return true;
    }

    private static long stock(Allocation a) {
        return (a.quantity() == null ? 0 : a.quantity()) + (a.amountFen() == null ? 0 : a.amountFen());
    }

    Volunteer volunteer(UUID id) {
        return volunteers.get(id);
    }

    GridIndex<Volunteer> allVolunteers() {
        return allVolunteers;
    }

    GridIndex<Volunteer> volunteersWith(Skill skill) {
        return volunteersBySkill.get(skill.ordinal());
    }

    GridIndex<Offer> offersOf(Category category) {
        return offersByCategory.get(category.ordinal());
    }

    List<Offer> fundsEarmarkedFor(UUID communityId, Category category) {
        return earmarkedFunds.getOrDefault(new Earmark(communityId, category), List.of());
    }

    EngineStats stats() {
        int cells = allVolunteers.cellCount();
        long entries = allVolunteers.entryCount();
        for (GridIndex<Volunteer> g : volunteersBySkill) {
            cells += g.cellCount();
            entries += g.entryCount();
        }
        for (GridIndex<Offer> g : offersByCategory) {
            cells += g.cellCount();
            entries += g.entryCount();
        }
        return new EngineStats(
                volunteers.size(), unplacedVolunteers, offers.size(), holds.size(), cells, entries, masks.size());
    }
}
