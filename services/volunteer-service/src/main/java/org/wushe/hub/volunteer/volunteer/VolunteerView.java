package org.wushe.hub.volunteer.volunteer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.volunteer.availability.Availability;
import org.wushe.hub.volunteer.stars.StarService;
import org.wushe.hub.volunteer.team.Membership;

/**
 * A volunteer as the API shows it. {@code name}, {@code phone}, {@code idNumber} (with the {@code age} read from
 * it) and {@code inHardship} are personal details:
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
        StarService.Star star,
        String idNumber,
        Integer age) {

    /** The volunteer with their {@code age} on {@code today}. */
    static VolunteerView of(
            Volunteer v, Availability availability, List<Membership> teams, StarService.Star star, LocalDate today) {
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
                star,
                v.idNumber(),
                v.age(today));
    }

    /** The same without name, phone, ID number, age and hardship flag. */
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
                star,
                null,
                null);
    }

    /** The same without name, phone, ID number and age (the flags just set are the caller's own words). */
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
                star,
                null,
                null);
    }
}
