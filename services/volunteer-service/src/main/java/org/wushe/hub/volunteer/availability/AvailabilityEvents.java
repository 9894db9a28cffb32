package org.wushe.hub.volunteer.availability;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.wushe.hub.events.common.DayOfWeek;
import org.wushe.hub.events.common.TimeWindow;
import org.wushe.hub.events.volunteer.VolunteerAvailabilityDeclared;

/** Availability as the Avro contract carries it, and the event of a new declaration (keyed by the volunteer). */
public final class AvailabilityEvents {

    private AvailabilityEvents() {}

    static VolunteerAvailabilityDeclared declared(UUID volunteerId, Availability declared, Instant now) {
        return VolunteerAvailabilityDeclared.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setVolunteerId(volunteerId)
                .setAvailability(toAvro(declared))
                .build();
    }

    public static org.wushe.hub.events.common.Availability toAvro(Availability a) {
        List<org.wushe.hub.events.common.WeeklySlot> slots = a.weeklySlots().stream()
                .map(s -> org.wushe.hub.events.common.WeeklySlot.newBuilder()
                        .setDay(DayOfWeek.valueOf(s.day().name()))
                        .setStart(s.start())
                        .setEnd(s.end())
                        .build())
                .toList();
        List<TimeWindow> windows = a.oneOffWindows().stream()
                .map(w -> TimeWindow.newBuilder()
                        .setStart(w.start())
                        .setEnd(w.end())
                        .build())
                .toList();
        return org.wushe.hub.events.common.Availability.newBuilder()
                .setWeeklySlots(slots)
                .setOneOffWindows(windows)
                .setMaxHoursPerWeek(a.maxHoursPerWeek())
                .build();
    }
}
