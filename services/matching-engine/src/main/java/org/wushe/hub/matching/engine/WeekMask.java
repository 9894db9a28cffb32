package org.wushe.hub.matching.engine;

import java.util.Arrays;
import java.util.List;

/**
 * Weekly availability as a bitmask of the 336 half-hour slots of a week (bit 0: Monday 00:00–00:30). A slot
 * counts only when it is wholly inside a declared slot: 09:15–11:00 gives 09:30–11:00. Immutable and interned by
 * the read model, since volunteers share a few thousand patterns.
 */
final class WeekMask {

    static final WeekMask EMPTY = new WeekMask(new long[SlotCalendar.SLOTS_PER_WEEK / 64 + 1]);

    private final long[] bits;
    private final int hash;

    private WeekMask(long[] bits) {
        this.bits = bits;
        this.hash = Arrays.hashCode(bits);
    }

    static WeekMask of(List<WeeklySlot> slots) {
        long[] bits = new long[EMPTY.bits.length];
        for (WeeklySlot s : slots) {
            int day = s.day().getValue() - 1;
            int from = (s.startMinute() + SlotCalendar.SLOT_MINUTES - 1) / SlotCalendar.SLOT_MINUTES;
            int to = s.endMinute() / SlotCalendar.SLOT_MINUTES;
            for (int i = from; i < to; i++) {
                int bit = day * SlotCalendar.SLOTS_PER_DAY + i;
                bits[bit >>> 6] |= 1L << bit;
            }
        }
        return new WeekMask(bits);
    }

    boolean get(int weekSlot) {
        return (bits[weekSlot >>> 6] & 1L << weekSlot) != 0;
    }

    boolean isEmpty() {
        for (long b : bits) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeekMask other && hash == other.hash && Arrays.equals(bits, other.bits);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
