package org.wushe.hub.volunteer.qualification;

import java.time.Instant;
import java.util.UUID;
import org.wushe.hub.events.volunteer.QualificationSource;

/** A qualification a volunteer holds (or held): granted by a training's check-out or recorded by staff. */
public record VolunteerQualification(
        UUID id,
        UUID volunteerId,
        String code,
        QualificationSource source,
        Instant grantedAt,
        Instant validUntil,
        UUID activityId,
        UUID signUpId,
        byte[] certificateSealed,
        String recordedBy,
        Instant recordedAt) {}
