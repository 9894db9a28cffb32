package org.wushe.hub.volunteer.volunteer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.wushe.hub.events.common.Skill;
import org.wushe.hub.volunteer.availability.Availability;
import org.wushe.hub.volunteer.team.Membership;

/** A volunteer as the API shows it. */
public record VolunteerView(UUID id, String name, String phone, UUID communityId, UUID organizationId, HomeArea homeArea,
                            List<Skill> skills, List<String> languages, boolean youngOld, boolean inHardship,
                            Availability availability, List<Membership> teams, Instant registeredAt) {

    static VolunteerView of(Volunteer v, Availability availability, List<Membership> teams) {
        return new VolunteerView(v.id(), v.name(), v.phone(), v.communityId(), v.organizationId(), v.homeArea(), v.skills(),
                v.languages(), v.youngOld(), v.inHardship(), availability, teams, v.registeredAt());
    }
}
