package org.wushe.hub.organization.incubation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.events.common.IncubationStage;
import org.wushe.hub.organization.organization.Organization;
import org.wushe.hub.platform.web.Known;

@RestController
@RequestMapping("/organizations/{id}")
@Tag(name = "incubation", description = "培育 Incubation: 萌芽型 → 初创型 → 成长型 → 成熟型; 枢纽型 hub organizations incubate others")
public class IncubationController {

    /** {@code changedOn}: date of the assessment; today when left out. */
    public record StageChange(@NotNull @Known IncubationStage stage, LocalDate changedOn) {}

    public record HubChange(@NotNull Boolean hub, LocalDate changedOn) {}

    /** {@code hubOrganizationId} null ends the incubation by a hub. */
    public record IncubatorChange(UUID hubOrganizationId, LocalDate changedOn) {}

    private final IncubationService service;

    public IncubationController(IncubationService service) {
        this.service = service;
    }

    @PostMapping("/stage")
    @Operation(summary = "Move the organization to its next stage; publishes OrganizationStageChanged")
    public Organization stage(@PathVariable UUID id, @Valid @RequestBody StageChange change) {
        return service.moveTo(id, change.stage(), change.changedOn());
    }

    @PostMapping("/hub")
    @Operation(
            summary =
                    "Designate a mature organization a hub (枢纽型), or end that role; publishes OrganizationStageChanged")
    public Organization hub(@PathVariable UUID id, @Valid @RequestBody HubChange change) {
        return service.lead(id, change.hub(), change.changedOn());
    }

    @PostMapping("/incubator")
    @Operation(summary = "Put the organization under a hub's incubation, or end it; publishes OrganizationStageChanged")
    public Organization incubator(@PathVariable UUID id, @Valid @RequestBody IncubatorChange change) {
        return service.incubateUnder(id, change.hubOrganizationId(), change.changedOn());
    }

    @GetMapping("/incubation")
    @Operation(summary = "Every incubation step of the organization, oldest first")
    public List<IncubationChange> history(@PathVariable UUID id) {
        return service.history(id);
    }
}
