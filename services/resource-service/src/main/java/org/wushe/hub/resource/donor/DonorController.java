package org.wushe.hub.resource.donor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.events.resource.DonorKind;

@RestController
@RequestMapping("/donors")
@Tag(
        name = "donors",
        description =
                "Institutions that give (捐赠方): enterprises, foundations, caring shops, hospitals, banks, law firms, community funds…")
public class DonorController {

    private final DonorService donors;

    public DonorController(DonorService donors) {
        this.donors = donors;
    }

    @PostMapping
    @Operation(summary = "Register a donor", description = "Publishes DonorRegistered on wushe.resource.donor.")
    public ResponseEntity<Donor> register(@Valid @RequestBody RegisterDonorRequest request) {
        Donor donor = donors.register(request);
        return ResponseEntity.created(URI.create("/donors/" + donor.id())).body(donor);
    }

    @GetMapping("/{donorId}")
    @Operation(summary = "One donor")
    public Donor get(@PathVariable UUID donorId) {
        return donors.get(donorId);
    }

    @GetMapping
    @Operation(summary = "Donors, oldest first")
    public List<Donor> list(
            @RequestParam(required = false) DonorKind kind,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return donors.list(kind, limit, offset);
    }
}
