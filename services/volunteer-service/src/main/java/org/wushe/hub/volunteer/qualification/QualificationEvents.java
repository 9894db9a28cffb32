package org.wushe.hub.volunteer.qualification;

import java.time.Instant;
import java.util.UUID;
import org.wushe.hub.events.volunteer.QualificationGranted;

/** What the qualification feature publishes, keyed by the volunteer; codes, ids and times only. */
final class QualificationEvents {

    private QualificationEvents() {}

    /** {@code QualificationGranted}: never the certificate number. */
    static QualificationGranted granted(VolunteerQualification g, Instant now) {
        return QualificationGranted.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setGrantId(g.id())
                .setVolunteerId(g.volunteerId())
                .setQualificationCode(g.code())
                .setGrantedAt(g.grantedAt())
                .setValidUntil(g.validUntil())
                .setSource(g.source())
                .setActivityId(g.activityId())
                .setSignUpId(g.signUpId())
                .build();
    }
}
