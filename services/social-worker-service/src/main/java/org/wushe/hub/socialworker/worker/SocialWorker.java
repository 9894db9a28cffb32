package org.wushe.hub.socialworker.worker;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.wushe.hub.events.common.CertificationLevel;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.socialworker.Employment;

/**
 * A social worker: a member of staff, whose name this service keeps for colleagues and never
 * publishes (events carry the id only).
 */
public record SocialWorker(
        UUID id,
        String name,
        Employment employment,
        CertificationLevel certificationLevel,
        LocalDate certifiedOn,
        UUID stationId,
        UUID supervisorId,
        boolean trainedLocally,
        List<Skill> skills,
        List<String> languages,
        LocalDate assignedOn,
        Instant createdAt,
        Instant updatedAt) {

    public boolean certified() {
        return CertificationRules.isCertified(certificationLevel);
    }
}
