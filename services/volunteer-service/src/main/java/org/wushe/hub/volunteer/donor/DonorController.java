package org.wushe.hub.volunteer.donor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.events.resource.DonorKind;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.volunteer.web.Problems;

@RestController
@RequestMapping("/donors")
@Tag(
        name = "donors",
        description = "Donors known from the resource service (read model); caring shops (爱心商家) offer rewards")
public class DonorController {

    private final DonorRepository donors;

    public DonorController(DonorRepository donors) {
        this.donors = donors;
    }

    @GetMapping
    @Operation(summary = "Known donors, by kind and community")
    public List<Donor> list(
            @RequestParam(required = false) DonorKind kind,
            @RequestParam(required = false) UUID communityId,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return donors.list(kind, communityId, limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One donor")
    public Donor get(@PathVariable UUID id) {
        return donors.find(id).orElseThrow(() -> Problems.notFound("id", Messages.text("reward.donor-not-found", id)));
    }
}
