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
import java.util.List;
import java.util.UUID;
import org.wushe.hub.events.common.ActivityKind;
import org.wushe.hub.platform.web.Known;
import org.wushe.hub.volunteer.activity.ActivityRequest.CoHost;
import org.wushe.hub.volunteer.activity.ActivityRequest.PositionRequest;
import org.wushe.hub.volunteer.activity.ActivityRequest.Publisher;
import org.wushe.hub.volunteer.activity.ActivityRequest.ServedCount;

/**
 * An activity recorded after it was held (活动补录): the publish body ({@link ActivityRequest}), why it is entered
 * afterwards, and who attended when.
 *
 * @param reason      why it is recorded afterwards (e.g. 系统上线前举办 held before the hub was in use), kept with each
 *                    attendance as its staff record
 * @param attendances who attended which position from when to when, each volunteer once
 */
public record HeldActivityRequest(
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
        String grantsQualification,

        @NotBlank @Size(max = 200) String reason,
        @NotNull @Size(max = 1000) List<@NotNull @Valid HeldAttendance> attendances) {

    public HeldActivityRequest {
        startsAt = ActivityRequest.millis(startsAt);
        endsAt = ActivityRequest.millis(endsAt);
    }

    /**
     * One volunteer's attendance, as the staff's record says.
     *
     * @param position     the position's index in {@code positions} (0 first; may be left out when there is one position).
     *                     Positions are created by this request, so they have no id to name yet
     * @param checkedInAt  when they came, within the position's time (give or take 2 hours)
     * @param checkedOutAt when they left, after checkedInAt and within the position's time (give or take 2 hours)
     */
    @Schema(description = "An attendance recorded afterwards: position index, volunteer, check-in and check-out")
    public record HeldAttendance(
            @Min(0) @Max(49) Integer position,
            @NotNull UUID volunteerId,
            @NotNull Instant checkedInAt,
            @NotNull Instant checkedOutAt) {

        public HeldAttendance {
            checkedInAt = ActivityRequest.millis(checkedInAt);
            checkedOutAt = ActivityRequest.millis(checkedOutAt);
        }
    }

    /** The activity as it would be published. */
    ActivityRequest activity() {
        return new ActivityRequest(
                publisher,
                kind,
                title,
                description,
                communityId,
                startsAt,
                endsAt,
                venueOfferId,
                coHosts,
                residentsServed,
                approvalRequired,
                positions,
                grantsQualification);
    }

    /** What the request was, to tell a repeat (same Idempotency-Key, same request) from another request. */
    String fingerprint() {
        return kind + " " + title + " " + startsAt + "–" + endsAt + ", " + positions.size() + " positions, "
                + attendances.size() + " attendances";
    }
}
