package org.wushe.hub.volunteer.volunteer.registration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "volunteers", description = "志愿者 Volunteers: self-registration, profile, flags that change points")
public class GuardianConsentController {

    private final GuardianConsentService service;

    public GuardianConsentController(GuardianConsentService service) {
        this.service = service;
    }

    @PostMapping("/volunteers/{id}/guardian-consent")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Record a guardian's consent (监护人同意) for a minor volunteer (under 18 by their ID number), by staff "
                            + "of the volunteer's home community or of a station they serve; the guardian's name and phone are sealed; "
                            + "until then the minor's sign-ups are refused with 409 naming guardianConsent; 409 for an adult")
    public GuardianConsent.Recorded record(@PathVariable UUID id, @Valid @RequestBody GuardianConsent consent) {
        return service.record(id, consent);
    }

    @GetMapping("/volunteers/{id}/guardian-consent")
    @Operation(
            summary = "The guardian's consent recorded for a minor volunteer: relationship, by whom, when (监护人同意记录)",
            description = "Never the guardian's name or phone. For the staff who may record it and for the volunteer "
                    + "themself; 403 naming id for anyone else; 404 naming id when none is recorded.")
    public GuardianConsent.Recorded read(@PathVariable UUID id) {
        return service.read(id);
    }
}
