package org.wushe.hub.volunteer.volunteer;

import java.time.Instant;
import java.util.UUID;
import org.wushe.hub.events.common.Place;
import org.wushe.hub.events.volunteer.VolunteerRegistered;
import org.wushe.hub.volunteer.availability.Availability;
import org.wushe.hub.volunteer.availability.AvailabilityEvents;

/** What the volunteer feature publishes, keyed by the volunteer; each event a new id. */
final class VolunteerEvents {

    private VolunteerEvents() {}

    /**
     * {@code VolunteerRegistered} with the volunteer's state as it is now: never their name or phone, only
     * what matching and the reports need.
     */
    static VolunteerRegistered registered(Volunteer v, Availability declared, Instant now) {
        return VolunteerRegistered.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setVolunteerId(v.id())
                .setCommunityId(v.communityId())
                .setOrganizationId(v.organizationId())
                .setHomeArea(place(v.homeArea()))
                .setSkills(v.skills())
                .setLanguages(v.languages())
                .setYoungOld(v.youngOld())
                .setInHardship(v.inHardship())
                .setAvailability(AvailabilityEvents.toAvro(declared))
                .build();
    }

    static Place place(HomeArea h) {
        return Place.newBuilder()
                .setDistrictCode(h.districtCode())
                .setStreetCode(h.streetCode())
                .setCommunityId(h.communityId())
                .setGridId(h.gridId())
                .setGeohash(h.geohash())
                .build();
    }

    /** An erased account: the id and who erased it, nothing else. */
    static org.wushe.hub.events.volunteer.VolunteerLeft left(
            UUID id, org.wushe.hub.events.volunteer.ErasedBy by, Instant now) {
        return org.wushe.hub.events.volunteer.VolunteerLeft.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setVolunteerId(id)
                .setErasedBy(by)
                .build();
    }
}
