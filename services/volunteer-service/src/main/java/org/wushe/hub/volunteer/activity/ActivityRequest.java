package org.wushe.hub.volunteer.activity;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.wushe.hub.events.common.ActivityKind;
import org.wushe.hub.events.common.ActivityPublisherKind;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.platform.web.Known;

/**
 * An activity as published, or as it is to be after a change (replaced as a whole; positions with an {@code id} are
 * the activity's own, positions without one are new, positions left out are removed).
 *
 * @param publisher        who publishes: decided by the token's tenancy; give it only when the token holds more than one
 *                         publishing role (or as the hub admin); it must be the caller's own
 * @param title            public, screened for phone and ID numbers
 * @param description      public, screened for phone and ID numbers
 * @param venueOfferId     a venue offer of the resource service, reserved for the activity's window through the saga
 *                         ({@link ActivityVenues})
 * @param residentsServed  the residents it serves, as counts per beneficiary group only
 * @param approvalRequired sign-ups wait for the organizer's approval (default false)
 * @param grantsQualification a TRAINING only: the catalogue code of the qualification (资质) granted to each volunteer who
 *                         checks in and out (e.g. FIRST_AID; GET /qualifications)
 */
public record ActivityRequest(
        @Valid Publisher publisher,
        @NotNull @Known ActivityKind kind,
        @NotBlank @Size(max = 80) String title,
        @Size(max = 2000) String description,
        UUID communityId,
        @NotNull Instant startsAt,
        @NotNull Instant endsAt,
        UUID venueOfferId,
        @Size(max = 20) List<@NotNull @Valid CoHost> coHosts,
        @Size(max = 20) List<@NotNull @Valid ServedCount> residentsServed,
        Boolean approvalRequired,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid PositionRequest> positions,

        @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "{qualification.code-format}")
        String grantsQualification) {

    public ActivityRequest {
        startsAt = millis(startsAt);
        endsAt = millis(endsAt);
    }

    @Schema(
            description =
                    "The publisher: STATION (station_staff), COMMUNITY (community_staff), ORGANIZATION (organization_staff), SOCIAL_WORKER (social_worker)")
    public record Publisher(
            @NotNull @Known ActivityPublisherKind kind,
            @NotNull UUID id) {}

    public enum CoHostKind {
        /** A social organization (社会组织). */
        ORGANIZATION,
        /** A donor of the resource service (a property manager, a hospital, a caring shop…). */
        DONOR
    }

    public record CoHost(@NotNull CoHostKind kind, @NotNull UUID id) {}

    public record ServedCount(
            @NotNull @Known BeneficiaryGroup group,
            @NotNull @Min(1) @Max(100_000) Integer count) {}

    /**
     * A position (岗位).
     *
     * @param id               the position's id when changing an activity; none when publishing or adding one
     * @param duty             what to do, public, screened for phone and ID numbers
     * @param places           how many volunteers it takes
     * @param waitingListLimit how many more may wait for a place (default {@code wushe.volunteer.activities.default-waiting-list-limit})
     * @param skills           skills a volunteer must have declared, all of them
     * @param qualification    catalogue code of a qualification it requires (e.g. FIRST_AID): a volunteer signs up only
     *                         holding it valid through the position's end
     * @param startsAt         within the activity; default its start
     * @param endsAt           within the activity; default its end
     */
    public record PositionRequest(
            UUID id,
            @NotBlank @Size(max = 200) String duty,
            @NotNull @Min(1) @Max(1000) Integer places,

            @Min(0) @Max(ActivityProperties.MAX_WAITING_LIST)
            Integer waitingListLimit,

            @Size(max = 10) List<@NotNull @Known Skill> skills,

            @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "{qualification.code-format}")
            String qualification,

            Instant startsAt,
            Instant endsAt) {

        public PositionRequest {
            startsAt = millis(startsAt);
            endsAt = millis(endsAt);
        }
    }

    /** The contract carries instants in milliseconds. */
    static Instant millis(Instant i) {
        return i == null ? null : i.truncatedTo(ChronoUnit.MILLIS);
    }
}
