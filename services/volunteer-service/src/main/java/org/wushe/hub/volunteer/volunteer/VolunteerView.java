package org.wushe.hub.volunteer.volunteer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.volunteer.availability.Availability;
import org.wushe.hub.volunteer.stars.StarService;
import org.wushe.hub.volunteer.team.Membership;

/**
 * A volunteer as the API shows it. {@code name}, {@code phone} and {@code inHardship} are personal details:
 * absent from lists ({@link #withoutDetails()}); a single volunteer is read with them, and the read logged. {@code star}: their
 * star rating (星级志愿者) by cumulative hours.
 */
public record VolunteerView(
        UUID id,
        String name,
        String phone,
        UUID communityId,
        UUID organizationId,
        HomeArea homeArea,
        List<Skill> skills,
        List<String> languages,
        boolean youngOld,
        Boolean inHardship,
        Availability availability,
        List<Membership> teams,
        Instant registeredAt,
        StarService.Star star) {

    static VolunteerView of(Volunteer v, Availability availability, List<Membership> teams, StarService.Star star) {
        return new VolunteerView(
                v.id(),
                v.name(),
                v.phone(),
                v.communityId(),
                v.organizationId(),
                v.homeArea(),
                v.skills(),
                v.languages(),
                v.youngOld(),
                v.inHardship(),
                availability,
                teams,
                v.registeredAt(),
                star);
    }

    /** The same without name, phone and hardship flag. */
    public VolunteerView withoutDetails() {
        return new VolunteerView(
                id,
                null,
                null,
                communityId,
                organizationId,
                homeArea,
                skills,
                languages,
                youngOld,
                null,
                availability,
                teams,
                registeredAt,
                star);
    }

    /** The same without name and phone (the flags just set are the caller's own words). */
    public VolunteerView withoutNameAndPhone() {
        return new VolunteerView(
                id,
                null,
                null,
                communityId,
                organizationId,
                homeArea,
                skills,
                languages,
                youngOld,
                inHardship,
                availability,
                teams,
                registeredAt,
                star);
    }
}
