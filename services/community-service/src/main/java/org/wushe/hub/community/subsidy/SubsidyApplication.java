package org.wushe.hub.community.subsidy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * A subsidy application a grid worker helps a resident with: its kind and where it stands. The hub keeps no amount
 * and no income: those are between the resident and the civil affairs office.
 */
public record SubsidyApplication(
        UUID id,
        UUID gridId,
        UUID communityId,
        UUID residentId,
        Kind kind,
        Status status,
        LocalDate submittedOn,
        LocalDate decidedOn,
        String note,
        int revision,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    public enum Kind {
        /** 生活补助金. */
        LIVING_ALLOWANCE,
        /** 最低生活保障 (低保). */
        MINIMUM_LIVING,
        /** 临时救助. */
        TEMPORARY_ASSISTANCE,
        /** 高龄津贴. */
        ELDERLY_ALLOWANCE,
        /** 残疾人两项补贴. */
        DISABILITY_ALLOWANCE,
        /** 取暖补贴. */
        HEATING_SUBSIDY,
        OTHER
    }

    /** PREPARING → SUBMITTED → APPROVED or REJECTED; PREPARING or SUBMITTED → WITHDRAWN. */
    public enum Status {
        PREPARING,
        SUBMITTED,
        APPROVED,
        REJECTED,
        WITHDRAWN;

        public boolean canMoveTo(Status next) {
            return switch (this) {
                case PREPARING -> next == SUBMITTED || next == WITHDRAWN;
                case SUBMITTED -> next == APPROVED || next == REJECTED || next == WITHDRAWN;
                default -> false;
            };
        }

        public Set<Status> next() {
            return java.util.Arrays.stream(values())
                    .filter(this::canMoveTo)
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        }
    }

    SubsidyApplication moved(Status to, LocalDate on, Instant at) {
        return new SubsidyApplication(
                id,
                gridId,
                communityId,
                residentId,
                kind,
                to,
                to == Status.SUBMITTED ? on : submittedOn,
                to == Status.APPROVED || to == Status.REJECTED ? on : decidedOn,
                note,
                revision + 1,
                createdBy,
                createdAt,
                at);
    }
}
