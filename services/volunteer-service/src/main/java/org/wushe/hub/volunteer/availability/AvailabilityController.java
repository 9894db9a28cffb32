package org.wushe.hub.volunteer.availability;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "availability", description = "服务时间 When a volunteer can serve: weekly slots and one-off windows")
public class AvailabilityController {

    private final AvailabilityService service;

    private final AvailabilityService.Volunteers volunteers;

    public AvailabilityController(AvailabilityService service, AvailabilityService.Volunteers volunteers) {
        this.volunteers = volunteers;
        this.service = service;
    }

    @PutMapping("/volunteers/{id}/availability")
    @Operation(
            summary =
                    "Declare availability, replacing the previous one as a whole; publishes VolunteerAvailabilityDeclared")
    public Availability declare(@PathVariable UUID id, @Valid @RequestBody Availability availability) {
        return service.declare(id, availability);
    }

    @GetMapping("/volunteers/{id}/availability")
    @Operation(summary = "The volunteer's current availability")
    public Availability get(@PathVariable UUID id) {
        volunteers.requireSeen(id);
        return service.of(id);
    }
}
