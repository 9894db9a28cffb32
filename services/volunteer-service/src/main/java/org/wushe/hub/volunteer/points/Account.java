package org.wushe.hub.volunteer.points;

import java.time.Instant;
import java.util.UUID;

/**
 * A points account. A volunteer's account has the volunteer's id; a time-bank account (时间银行) holds
 * points given to a relative (sponsored by a volunteer) or an elder in hardship (a resident, known here
 * only by the community service's opaque {@code residentRef}).
 */
public record Account(
        UUID id,
        AccountKind kind,
        UUID volunteerId,
        Holder holder,
        UUID sponsorVolunteerId,
        UUID residentRef,
        String label,
        Instant createdAt) {

    public enum AccountKind {
        VOLUNTEER,
        TIME_BANK,
        SYSTEM
    }

    /** Who the account is for. */
    public enum Holder {
        VOLUNTEER,
        RELATIVE,
        ELDER_IN_HARDSHIP,
        ISSUANCE,
        REDEMPTION,
        EXPIRY
    }

    public boolean isSystem() {
        return kind == AccountKind.SYSTEM;
    }
}
