package org.wushe.hub.organization.capacity;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.organization.WithdrawalReason;

/** Service capacity one organization offers: people per session in weekly slots, from one date to another. */
public record ServiceCapacity(
        UUID id,
        UUID organizationId,
        int revision,
        Status status,
        String title,
        Category category,
        List<Skill> skills,
        List<String> languages,
        List<BeneficiaryGroup> beneficiaryGroups,
        int capacityPerSlot,
        Integer sessionMinutes,
        List<Slot> weeklySlots,
        LocalDate validFrom,
        LocalDate validUntil,
        String geohash,
        List<UUID> servedCommunityIds,
        WithdrawalReason withdrawalReason,
        Instant createdAt,
        Instant updatedAt) {

    public enum Status {
        OFFERED,
        WITHDRAWN
    }

    /** Every week on {@code day}, from {@code start} to {@code end}, local time (Asia/Shanghai). */
    public record Slot(DayOfWeek day, LocalTime start, LocalTime end) {}
}
