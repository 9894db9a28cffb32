package org.wushe.hub.socialworker.worker;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.UUID;
import org.wushe.hub.events.common.CertificationLevel;
import org.wushe.hub.events.socialworker.SocialWorkerAssigned;
import org.wushe.hub.events.socialworker.SocialWorkerCertified;
import org.wushe.hub.events.socialworker.SocialWorkerRegistered;

/** The Avro events of a social worker: registration, certificate and assignment (no name). */
final class WorkerEvents {

    private WorkerEvents() {}

    /** SocialWorkerRegistered: employment, certificate, skills and languages. */
    static SocialWorkerRegistered registered(SocialWorker w, Instant now) {
        return SocialWorkerRegistered.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setSocialWorkerId(w.id())
                .setStationId(w.stationId())
                .setEmployment(w.employment())
                .setCertificationLevel(w.certificationLevel())
                .setTrainedLocally(w.trainedLocally())
                .setSkills(new ArrayList<>(w.skills()))
                .setLanguages(new ArrayList<>(w.languages()))
                .build();
    }

    /** SocialWorkerCertified: the new level beside the previous one ({@code w} as it was). */
    static SocialWorkerCertified certified(
            SocialWorker w, CertificationLevel level, LocalDate certifiedOn, Instant now) {
        return SocialWorkerCertified.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setSocialWorkerId(w.id())
                .setStationId(w.stationId())
                .setLevel(level)
                .setPreviousLevel(w.certificationLevel())
                .setCertifiedOn(certifiedOn)
                .build();
    }

    /** SocialWorkerAssigned: the station and supervisor now, the station before. */
    static SocialWorkerAssigned assigned(SocialWorker w, UUID previousStationId, Instant now) {
        return SocialWorkerAssigned.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setSocialWorkerId(w.id())
                .setStationId(w.stationId())
                .setPreviousStationId(previousStationId)
                .setSupervisorId(w.supervisorId())
                .setAssignedOn(w.assignedOn())
                .build();
    }
}
