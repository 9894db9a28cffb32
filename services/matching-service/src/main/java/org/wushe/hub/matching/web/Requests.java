package org.wushe.hub.matching.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.wushe.hub.events.matching.DeclineReason;
import org.wushe.hub.platform.actor.Actor;
import org.wushe.hub.platform.privacy.PersonalDataScreen;
import org.wushe.hub.platform.web.Known;

/** Request bodies of the decisions staff take, validated before anything is written. */
public final class Requests {

    private Requests() {}

    /** Accepting needs no body; an optional note is not kept. */
    public record Accept(@Size(max = 200) String note) {}

    public record Decline(
            @NotNull @Known DeclineReason reason,
            @Size(max = 200) String note) {
        /** The note, blank as none; one holding a phone or ID number is refused. */
        public String checkedNote() {
            if (note == null || note.isBlank()) {
                return null;
            }
            // Notes travel in events: the platform's one screen (full-width, separated digits too).
            return PersonalDataScreen.screen("note", note);
        }
    }

    public record Complete(
            @NotNull @Min(0) @Max(1_440) Integer serviceMinutes,
            @Min(1) @Max(100_000) Integer peopleReached,
            @Min(0) Integer deliveredQuantity,
            @Min(0) Long deliveredFen) {}

    /**
     * Who acts: the platform's {@link Actor} of the request, the verified token's subject (every request
     * that decides carries one); "station-staff" only where no request names anybody.
     */
    public static String actor() {
        return Actor.current().orElse("station-staff");
    }
}
