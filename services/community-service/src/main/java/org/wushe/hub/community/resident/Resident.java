package org.wushe.hub.community.resident;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A resident: the only place in the hub with personal data. {@code residentRef} is what others see. */
public final class Resident {

    /** What may be shown without a reason: no personal data. */
    public record Summary(
            UUID id, UUID residentRef, UUID communityId, UUID gridId, String residentNumber, Instant createdAt) {}

    /** Personal data, returned only with an actor and a reason, and logged. */
    public record Details(
            UUID id,
            UUID residentRef,
            UUID communityId,
            UUID gridId,
            String residentNumber,
            String name,
            String phone,
            String idNumber,
            String address,
            Set<BeneficiaryFlag> flags,
            Instant createdAt) {}

    /**
     * A resident found by name ({@code POST /residents/search}): what the details show the same staff, but
     * the phone masked ({@code 138****5678}) and without the address and ID number. Logged like a read.
     */
    public record Match(
            UUID id,
            UUID residentRef,
            UUID communityId,
            UUID gridId,
            String residentNumber,
            String name,
            String maskedPhone,
            Set<BeneficiaryFlag> flags,
            Instant createdAt) {}

    /** One line of the access log: who read which resident's data, when and why. */
    public record Access(UUID residentId, String actor, String reason, String action, Instant accessedAt) {}

    /** The sealed row as stored. */
    record Sealed(
            UUID id,
            UUID residentRef,
            UUID communityId,
            UUID gridId,
            String residentNumber,
            byte[] name,
            byte[] phone,
            byte[] idNumber,
            byte[] idNumberHash,
            byte[] address,
            byte[] flags,
            String createdBy,
            Instant createdAt) {
        Summary summary() {
            return new Summary(id, residentRef, communityId, gridId, residentNumber, createdAt);
        }
    }

    private Resident() {}
}
