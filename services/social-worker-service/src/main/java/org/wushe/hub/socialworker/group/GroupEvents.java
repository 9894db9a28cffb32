package org.wushe.hub.socialworker.group;

import java.time.Instant;
import java.util.UUID;
import org.wushe.hub.events.socialworker.GroupSessionHeld;

/** The Avro events of group work: a session held, with a participant count only. */
final class GroupEvents {

    private GroupEvents() {}

    /** GroupSessionHeld for session {@code number} of the group. */
    static GroupSessionHeld sessionHeld(WorkGroup g, WorkGroup.Session s, int number, Instant now) {
        return GroupSessionHeld.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setSessionId(s.id())
                .setGroupId(g.id())
                .setSocialWorkerId(g.socialWorkerId())
                .setStationId(g.stationId())
                .setCommunityId(g.communityId())
                .setTitle(g.title())
                .setCategory(g.category())
                .setBeneficiaryGroup(g.beneficiaryGroup())
                .setSessionNumber(number)
                .setPlannedSessions(g.plannedSessions())
                .setHeldAt(s.heldAt())
                .setMinutes(s.minutes())
                .setParticipantCount(s.participantCount())
                .build();
    }
}
