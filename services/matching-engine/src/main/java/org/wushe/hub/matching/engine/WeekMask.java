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
    private final boolean empty;

    private WeekMask(long[] bits) {
        this.bits = bits;
        this.hash = Arrays.hashCode(bits);
        boolean none = true;
        for (long b : bits) {
            none &= b == 0;
        }
        this.empty = none;
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
        return empty;
    }

    /**
     * How many slots from {@code weekSlot} on, going round the week, until the first slot of the mask: 0 when
     * {@code weekSlot} is one; {@link Integer#MAX_VALUE} for an empty mask.
     */
    int slotsUntilSet(int weekSlot) {
        int next = nextSetBit(weekSlot);
        if (next >= 0) {
            return next - weekSlot;
        }
        return empty ? Integer.MAX_VALUE : SlotCalendar.SLOTS_PER_WEEK - weekSlot + nextSetBit(0);
    }

    /** The first slot of the mask at or after {@code from} in the same week, or -1. */
    private int nextSetBit(int from) {
        int i = from >>> 6;
        if (i >= bits.length) {
            return -1;
        }
        long word = bits[i] & -1L << from;
        while (true) {
            if (word != 0) {
                return i * 64 + Long.numberOfTrailingZeros(word);
            }
            if (++i == bits.length) {
                return -1;
            }
            word = bits[i];
        }
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
