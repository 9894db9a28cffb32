package org.wushe.hub.organization.incubation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.wushe.hub.events.common.IncubationStage;

/** One step of an organization's incubation, as OrganizationStageChanged told it. */
public record IncubationChange(
        UUID organizationId,
        IncubationStage stage,
        IncubationStage previousStage,
        boolean hub,
        UUID hubOrganizationId,
        LocalDate changedOn,
        Instant recordedAt) {}
