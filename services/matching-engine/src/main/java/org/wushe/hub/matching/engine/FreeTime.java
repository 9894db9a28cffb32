package org.wushe.hub.matching.engine;

/**
 * When a volunteer is free inside a span: their weekly half-hour slots and one-off windows, minus the windows
 * their live holds book. Walks the half-hour slots of the span in order, so it stops at the first fit.
 */
final class FreeTime {

    private FreeTime() {}

    /**
     * The earliest time in the slots [firstSlot, endSlot) (a search computes them once from its span [from, to):
     * {@link SlotCalendar#slotAtOrAfter}(from), {@link SlotCalendar#slotAt}(to)) where the volunteer is free for
     * {@code neededMillis}: that long from the start of the first long-enough free run. When no run is that long,
     * the longest run of at least {@code shortestMillis} (the earliest of equal ones), whole. Null when there is
     * none. Walks the slots in order, but jumps over a stretch that neither the weekly mask nor a one-off window
     * makes free (found from the mask's bits), so a volunteer free one morning a week costs a few steps, not one
     * per half-hour of the need's window.
     */
    static Window first(
            SlotCalendar calendar,
            Volunteer v,
            VolunteerLoad load,
            long firstSlot,
            long endSlot,
            long neededMillis,
            long shortestMillis) {
        if (v.weekly.isEmpty() && v.oneOff.length == 0) {
            return null;
        }
        long[] oneOff = v.oneOff.length == 0 ? v.oneOff : slotRanges(calendar, v.oneOff, true);
        long[] booked = load == null || load.booked.isEmpty() ? null : bookedRanges(calendar, load);
        long neededSlots = (neededMillis + SlotCalendar.SLOT_MILLIS - 1) / SlotCalendar.SLOT_MILLIS;
        long runStart = -1;
        long bestStart = -1;
        long bestLength = 0;
        long slot = firstSlot;
        int week = SlotCalendar.weekSlot(slot);
        while (slot <= endSlot) {
            boolean free = slot < endSlot
                    && (v.weekly.get(week) || inAny(oneOff, slot))
                    && (booked == null || !inAny(booked, slot));
            if (free) {
                if (runStart < 0) {
                    runStart = slot;
                }
                if (slot - runStart + 1 >= neededSlots) {
                    long start = calendar.slotStart(runStart);
                    return new Window(start, start + neededMillis);
                }
                slot++;
                week = week + 1 == SlotCalendar.SLOTS_PER_WEEK ? 0 : week + 1;
                continue;
            }
            if (runStart >= 0) {
                if (slot - runStart > bestLength) {
                    bestStart = runStart;
                    bestLength = slot - runStart;
                }
                runStart = -1;
            }
            // no run is open now: the slots before the next one the mask or a one-off window makes free change nothing
            int nextWeek = week + 1 == SlotCalendar.SLOTS_PER_WEEK ? 0 : week + 1;
            long next = slot + 1 + Math.min(v.weekly.slotsUntilSet(nextWeek), slotsUntilIn(oneOff, slot + 1));
            if (next >= endSlot) {
                break;
            }
            slot = next;
            week = SlotCalendar.weekSlot(slot);
        }
        if (bestStart < 0 || bestLength * SlotCalendar.SLOT_MILLIS < shortestMillis) {
            return null;
        }
        return new Window(calendar.slotStart(bestStart), calendar.slotStart(bestStart + bestLength));
    }

    /** Slots from {@code slot} until one inside a range; {@link Integer#MAX_VALUE} when no range lies ahead. */
    private static long slotsUntilIn(long[] ranges, long slot) {
        long until = Integer.MAX_VALUE;
        for (int i = 0; i < ranges.length; i += 2) {
            if (slot < ranges[i + 1] && ranges[i] < ranges[i + 1]) {
                until = Math.min(until, Math.max(0, ranges[i] - slot));
            }
        }
        return until;
    }

    /** Windows as slot ranges [a, b): the slots wholly inside each window when {@code inside}, else those touching it. */
    private static long[] slotRanges(SlotCalendar calendar, long[] windows, boolean inside) {
        long[] out = new long[windows.length];
        for (int i = 0; i < windows.length; i += 2) {
            out[i] = inside ? calendar.slotAtOrAfter(windows[i]) : calendar.slotAt(windows[i]);
            out[i + 1] = inside ? calendar.slotAt(windows[i + 1]) : calendar.slotAtOrAfter(windows[i + 1]);
        }
        return out;
    }

    private static long[] bookedRanges(SlotCalendar calendar, VolunteerLoad load) {
        long[] windows = new long[load.booked.size() * 2];
        for (int i = 0; i < load.booked.size(); i++) {
            windows[2 * i] = load.booked.get(i).startMillis();
            windows[2 * i + 1] = load.booked.get(i).endMillis();
        }
        return slotRanges(calendar, windows, false);
    }

    private static boolean inAny(long[] ranges, long slot) {
        for (int i = 0; i < ranges.length; i += 2) {
            if (slot >= ranges[i] && slot < ranges[i + 1]) {
                return true;
            }
        }
        return false;
    }
}
