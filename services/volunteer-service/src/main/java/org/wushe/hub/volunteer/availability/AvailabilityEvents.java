package org.wushe.hub.volunteer.availability;

import java.util.List;

import org.wushe.hub.events.common.DayOfWeek;
import org.wushe.hub.events.common.TimeWindow;

/** Availability as the Avro contract carries it. */
public final class AvailabilityEvents {

    private AvailabilityEvents() {
    }

    public static org.wushe.hub.events.common.Availability toAvro(Availability a) {
        List<org.wushe.hub.events.common.WeeklySlot> slots = a.weeklySlots().stream()
                .map(s -> org.wushe.hub.events.common.WeeklySlot.newBuilder()
                        .setDay(DayOfWeek.valueOf(s.day().name())).setStart(s.start()).setEnd(s.end()).build())
                .toList();
        List<TimeWindow> windows = a.oneOffWindows().stream()
                .map(w -> TimeWindow.newBuilder().setStart(w.start()).setEnd(w.end()).build())
                .toList();
        return org.wushe.hub.events.common.Availability.newBuilder()
                .setWeeklySlots(slots).setOneOffWindows(windows).setMaxHoursPerWeek(a.maxHoursPerWeek()).build();
    }
}
