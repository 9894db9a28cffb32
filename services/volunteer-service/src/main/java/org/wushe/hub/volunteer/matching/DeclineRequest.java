package org.wushe.hub.volunteer.matching;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Why the volunteer declines: {@code reason} in their own words (required, at most 200 characters, kept
 * in this service only) and optionally its {@code category} (default UNAVAILABLE), which is published.
 */
public record DeclineRequest(
        @Schema(example = "那天要去医院复查 I have a hospital appointment that day") @NotBlank @Size(max = 200)
        String reason,

        @Schema(example = "TIME_CONFLICT") Assignment.DeclineCategory category) {}
