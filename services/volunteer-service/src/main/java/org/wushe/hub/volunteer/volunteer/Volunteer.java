package org.wushe.hub.volunteer.volunteer;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.volunteer.points.VolunteerFlag;

/** A registered community volunteer (社区志愿者). Name and phone are personal data and stay in this service. */
public record Volunteer(
        UUID id,
        String name,
        String phone,
        UUID communityId,
        UUID organizationId,
        HomeArea homeArea,
        List<Skill> skills,
        List<String> languages,
        boolean youngOld,
        boolean inHardship,
        Instant registeredAt,
        Instant updatedAt) {

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
