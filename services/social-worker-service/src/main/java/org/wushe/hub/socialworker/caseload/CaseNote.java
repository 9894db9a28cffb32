package org.wushe.hub.socialworker.caseload;

import java.time.Instant;
import java.util.UUID;

/** A note of a case, kept in this service only: never in an event. */
public record CaseNote(UUID id, UUID caseId, UUID authorId, Kind kind, String text, Instant writtenAt) {

    /** ASSESSMENT 预估 at opening; SESSION 会谈记录; CLOSING 结案小结. */
    public enum Kind {
        ASSESSMENT,
        SESSION,
        CLOSING
    }
}
