package org.wushe.hub.matching.web;

import java.util.regex.Pattern;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.wushe.hub.events.matching.DeclineReason;
import org.wushe.hub.platform.actor.Actor;
import org.wushe.hub.platform.web.InvalidInputException;
import org.wushe.hub.platform.web.Known;

/** Request bodies of the decisions staff take, validated before anything is written. */
public final class Requests {

    /** Mainland mobile numbers and resident ID numbers: notes travel in events, so they may hold neither. */
    private static final Pattern PERSONAL = Pattern.compile("(?<!\\d)(1[3-9]\\d{9}|\\d{17}[\\dXx])(?!\\d)");

    private Requests() {
    }

    /** Accepting needs no body; an optional note is not kept. */
    public record Accept(@Size(max = 200) String note) {
    }

    public record Decline(@NotNull @Known DeclineReason reason, @Size(max = 200) String note) {
        /** The note, blank as none; one holding a phone or ID number is refused. */
        public String checkedNote() {
            if (note == null || note.isBlank()) {
                return null;
            }
            if (PERSONAL.matcher(note).find()) {
                throw new InvalidInputException("note", "must not contain a phone or ID number 备注不得包含电话或身份证号");
            }
            return note.strip();
        }
    }

    public record Complete(@NotNull @Min(0) @Max(1_440) Integer serviceMinutes, @Min(1) @Max(100_000) Integer peopleReached,
                           @Min(0) Integer deliveredQuantity, @Min(0) Long deliveredFen) {
    }

    /**
     * Who acts: the platform's {@link Actor} of the request, the verified token's subject (every request
     * that decides carries one); "station-staff" only where no request names anybody.
     */
    public static String actor() {
        return Actor.current().orElse("station-staff");
    }
}
