package org.wushe.hub.community.subsidy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Help with subsidy applications (补助申请): kind and status only; no amount, no income. */
@RestController
@Tag(name = "subsidy applications", description = "补助申请 Help with subsidy applications: kind, submitted, decided")
public class SubsidyController {

    public record OpenApplication(
            @NotNull UUID residentId,
            @NotNull SubsidyApplication.Kind kind,
            @Size(max = 500) String note) {}

    public record Move(@NotNull SubsidyApplication.Status status, LocalDate on) {}

    private final SubsidyService service;

    public SubsidyController(SubsidyService service) {
        this.service = service;
    }

    @PostMapping("/grids/{gridId}/subsidy-applications")
    @Operation(
            summary =
                    "Start helping a resident of the grid with an application (PREPARING); publishes SubsidyApplicationChanged")
    public ResponseEntity<SubsidyApplication> open(@PathVariable UUID gridId, @Valid @RequestBody OpenApplication r) {
        SubsidyApplication a = service.open(gridId, r.residentId(), r.kind(), r.note());
        return ResponseEntity.created(URI.create("/subsidy-applications/" + a.id()))
                .body(a);
    }

    @PostMapping("/subsidy-applications/{id}/status")
    @Operation(
            summary =
                    "Submitted, approved, rejected or withdrawn, on a day (today if left out); publishes SubsidyApplicationChanged")
    public SubsidyApplication move(@PathVariable UUID id, @Valid @RequestBody Move r) {
        return service.move(id, r.status(), r.on());
    }

    @GetMapping("/grids/{gridId}/subsidy-applications")
    @Operation(summary = "The grid's applications, the latest changed first")
    public List<SubsidyApplication> ofGrid(@PathVariable UUID gridId) {
        return service.ofGrid(gridId);
    }
}
