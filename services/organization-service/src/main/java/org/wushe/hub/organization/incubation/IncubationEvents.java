package org.wushe.hub.organization.incubation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.wushe.hub.events.common.IncubationStage;
import org.wushe.hub.events.organization.OrganizationStageChanged;
import org.wushe.hub.organization.organization.Organization;

/** The Avro events of incubation: a stage or hub change. */
final class IncubationEvents {

    private IncubationEvents() {}

    /** OrganizationStageChanged: the new stage beside the previous one ({@code o} as it was). */
    static OrganizationStageChanged stageChanged(
            Organization o, IncubationStage stage, boolean hub, UUID hubOrganizationId, LocalDate on, Instant now) {
        return OrganizationStageChanged.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setOrganizationId(o.id())
                .setStage(stage)
                .setPreviousStage(o.stage())
                .setHub(hub)
                .setHubOrganizationId(hubOrganizationId)
                .setChangedOn(on)
                .build();
    }
}
