package org.wushe.hub.volunteer.matching;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.volunteer.volunteer.VolunteerRepository;
import org.wushe.hub.volunteer.web.Problems;

@RestController
@Tag(name = "assignments", description = "Matches accepted for a volunteer (from the matching service)")
public class AssignmentController {

    private final AssignmentRepository assignments;
    private final VolunteerRepository volunteers;

    public AssignmentController(AssignmentRepository assignments, VolunteerRepository volunteers) {
        this.assignments = assignments;
        this.volunteers = volunteers;
    }

    @GetMapping("/volunteers/{id}/assignments")
    @Operation(summary = "The volunteer's accepted and completed matches, newest first")
    public List<Assignment> of(@PathVariable UUID id, @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        if (!volunteers.exists(id)) {
            throw Problems.notFound("id", "volunteer " + id);
        }
        return assignments.of(id, limit);
    }
}
