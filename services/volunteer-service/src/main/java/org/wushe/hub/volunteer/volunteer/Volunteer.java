package org.wushe.hub.volunteer.volunteer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.volunteer.points.VolunteerFlag;
import org.wushe.hub.volunteer.volunteer.registration.ResidentIdNumber;

/**
 * A registered community volunteer (社区志愿者). Name, phone and ID number are personal data and stay in this
 * service. {@code birthDate} is read from the ID number (null without one); {@code youngOld} then follows from it on
 * the day the volunteer is read, else it is what staff set.
 */
public record Volunteer(
        UUID id,
        String name,
        String phone,
        String idNumber,
        LocalDate birthDate,
        UUID communityId,
        UUID organizationId,
        HomeArea homeArea,
        List<Skill> skills,
        List<String> languages,
        boolean youngOld,
        boolean inHardship,
        Instant registeredAt,
        Instant updatedAt) {

    /** Full years of age on {@code day}, when the volunteer gave an ID number. */
    public Integer age(LocalDate day) {
        return birthDate == null ? null : ResidentIdNumber.age(birthDate, day);
    }

    /** Under 18 on {@code day} by the ID number; a volunteer without one is not known to be a minor. */
    public boolean minor(LocalDate day) {
        return birthDate != null && ResidentIdNumber.minor(birthDate, day);
    }

    public Set<VolunteerFlag> flags() {
        Set<VolunteerFlag> flags = EnumSet.noneOf(VolunteerFlag.class);
        if (youngOld) {
            flags.add(VolunteerFlag.YOUNG_OLD);
        }
        if (inHardship) {
            flags.add(VolunteerFlag.IN_HARDSHIP);
        }
        return flags;
    }
}
