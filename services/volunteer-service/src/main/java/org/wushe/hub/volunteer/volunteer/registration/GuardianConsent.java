package org.wushe.hub.volunteer.volunteer.registration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/**
 * A guardian's consent (监护人同意) to a minor volunteer's service, recorded by staff.
 *
 * @param guardianName  the guardian's name; sealed, never published
 * @param guardianPhone the guardian's mainland mobile number; sealed, never published
 * @param relationship  how the guardian is related to the volunteer
 */
public record GuardianConsent(
        @NotBlank @Size(max = 30) String guardianName,

        @NotBlank @Pattern(regexp = "1[3-9]\\d{9}", message = "{volunteer.phone-format}")
        String guardianPhone,

        @NotNull GuardianRelationship relationship) {

    /** The consent as recorded, without the guardian's name and phone. */
    public record Recorded(
            UUID volunteerId, GuardianRelationship relationship, String recordedBy, Instant recordedAt) {}
}
