package org.wushe.hub.organization.capacity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import org.wushe.hub.events.common.TimeWindow;
import org.wushe.hub.events.common.WeeklySlot;
import org.wushe.hub.events.organization.ServiceCapacityOffered;
import org.wushe.hub.events.organization.ServiceCapacityWithdrawn;
import org.wushe.hub.events.organization.WithdrawalReason;
import org.wushe.hub.organization.organization.Organization;
import org.wushe.hub.platform.core.Calendar;
import org.wushe.hub.platform.place.CoarsePlaces;

/** The Avro events of a service capacity: offered as a whole with its revision, or withdrawn. */
final class CapacityEvents {

    private CapacityEvents() {}

    /** ServiceCapacityWithdrawn with the withdrawal's revision and reason. */
    static ServiceCapacityWithdrawn withdrawn(
            ServiceCapacity c, ServiceCapacity withdrawn, WithdrawalReason reason, Instant now) {
        return ServiceCapacityWithdrawn.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setCapacityId(c.id())
                .setOrganizationId(c.organizationId())
                .setRevision(withdrawn.revision())
                .setReason(reason)
                .build();
    }

    /** ServiceCapacityOffered: the whole capacity, placed at {@code community} (or none) within the organization's area. */
    static ServiceCapacityOffered offered(ServiceCapacity c, Organization o, UUID community, Instant now) {
        return ServiceCapacityOffered.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setCapacityId(c.id())
                .setOrganizationId(o.id())
                .setRevision(c.revision())
                .setTitle(c.title())
                .setCategory(c.category())
                .setSkills(new ArrayList<>(c.skills()))
                .setLanguages(new ArrayList<>(c.languages()))
                .setBeneficiaryGroups(new ArrayList<>(c.beneficiaryGroups()))
                .setCapacityPerSlot(c.capacityPerSlot())
                .setSessionMinutes(c.sessionMinutes())
                .setWeeklySlots(c.weeklySlots().stream()
                        .map(s -> WeeklySlot.newBuilder()
                                .setDay(org.wushe.hub.events.common.DayOfWeek.valueOf(
                                        s.day().name()))
                                .setStart(s.start())
                                .setEnd(s.end())
                                .build())
                        .toList())
                .setPeriod(TimeWindow.newBuilder()
                        .setStart(Calendar.startOf(c.validFrom()))
                        .setEnd(Calendar.startOf(c.validUntil().plusDays(1)))
                        .build())
                .setPlace(CoarsePlaces.of(o.districtCode(), o.streetCode(), community, null, c.geohash()))
                .setServedCommunityIds(new ArrayList<>(c.servedCommunityIds()))
                .build();
    }
}
