package org.wushe.hub.volunteer.matching;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.volunteer.volunteer.VolunteerLookups;
import org.wushe.hub.volunteer.web.Problems;

/**
 * A volunteer's matches and their answers to them. Only the volunteer {@code {id}} themself (token claim
 * {@code volunteer_id}; path rules in {@code VolunteerAccessRules}); a refusal is checked before anything is written.
 */
@RestController
@Tag(
        name = "assignments",
        description = "Matches proposed and accepted for a volunteer (from the matching service), and their answers")
public class AssignmentController {

    private final AssignmentRepository assignments;
    private final AssignmentAnswers answers;
    private final VolunteerLookups volunteers;

    public AssignmentController(
            AssignmentRepository assignments, AssignmentAnswers answers, VolunteerLookups volunteers) {
        this.assignments = assignments;
        this.answers = answers;
        this.volunteers = volunteers;
    }

    @GetMapping("/volunteers/{id}/assignments")
    @Operation(
            summary =
                    "The volunteer's matches, newest first: PROPOSED, ACCEPTED, CONFIRMED, DECLINED or COMPLETED, with times and the need's coarse place (geohash)")
    public List<Assignment> of(@PathVariable UUID id, @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        if (!volunteers.exists(id)) {
            throw Problems.notFound("id", Messages.text("volunteer.not-found", id));
        }
        return assignments.of(id, limit);
    }

    @PostMapping("/volunteers/{id}/assignments/{matchId}/confirm")
    @Operation(
            summary = "The volunteer confirms a proposed or accepted match (确认)",
            description =
                    "Publishes VolunteerAvailabilityDeclared with assignmentAnswer CONFIRMED. Repeating it changes nothing; "
                            + "409 naming matchId for a declined or completed one; 404 naming matchId when it is not theirs.")
    public Assignment confirm(@PathVariable UUID id, @PathVariable UUID matchId) {
        return answers.confirm(id, matchId);
    }

    @PostMapping("/volunteers/{id}/assignments/{matchId}/decline")
    @Operation(
            summary = "The volunteer declines a proposed, accepted or confirmed match (谢绝), with a reason",
            description =
                    "reason: required, at most 200 characters, kept here only; category (TIME_CONFLICT, TOO_FAR, NOT_SUITABLE, "
                            + "UNAVAILABLE, OTHER; default UNAVAILABLE) is published in VolunteerAvailabilityDeclared.assignmentAnswer, and the "
                            + "matching service declines the match and proposes the next candidate. Repeating it changes nothing; 409 naming "
                            + "matchId once completed or declined by staff.")
    public Assignment decline(
            @PathVariable UUID id, @PathVariable UUID matchId, @Valid @RequestBody DeclineRequest request) {
        return answers.decline(
                id,
                matchId,
                request.category() == null ? Assignment.DeclineCategory.UNAVAILABLE : request.category(),
                request.reason().strip());
    }
}
