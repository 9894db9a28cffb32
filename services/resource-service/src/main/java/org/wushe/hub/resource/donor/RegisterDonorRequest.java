package org.wushe.hub.resource.donor;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.wushe.hub.events.resource.DonorKind;
import org.wushe.hub.resource.common.CoarsePlace;

/** Registers an institution that gives (a donor). */
public record RegisterDonorRequest(
        @Schema(example = "梨园镇爱心超市") @NotBlank @Size(max = 100)
        String name,

        @Schema(example = "CARING_SHOP") @NotNull DonorKind kind,

        @Schema(description = "统一社会信用代码, 18 characters", example = "91110112MA01ABCD2X")
        @Pattern(
                regexp = "[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}",
                message = "must be an 18-character unified social credit code")
        String unifiedSocialCreditCode,

        @Schema(description = "Community the donor is rooted in, e.g. a caring shop's community")
        UUID communityId,

        @Size(max = 500) String description,

        @Size(max = 200) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        String website,

        @NotNull @Valid CoarsePlace place) {}
