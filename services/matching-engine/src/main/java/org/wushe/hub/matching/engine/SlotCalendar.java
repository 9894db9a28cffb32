package org.wushe.hub.matching.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * The half-hour grid of local time in the engine's zone. A slot is numbered by the half-hours of local time since
 * 1970-01-01T00:00 local, so the slot of the week is plain arithmetic. Exact for zones without daylight saving
 * (Asia/Shanghai has none since 1991); elsewhere a slot next to a change of offset may be off by that change.
 */
final class SlotCalendar {

    static final int SLOT_MINUTES = 30;
    static final long SLOT_MILLIS = SLOT_MINUTES * 60_000L;
    static final int SLOTS_PER_DAY = 24 * 60 / SLOT_MINUTES;
    static final int SLOTS_PER_WEEK = 7 * SLOTS_PER_DAY;
    /** 1970-01-01 was a Thursday: day 3 of a week that starts on Monday. */
    private static final int EPOCH_DAY_OF_WEEK = 3;

    private final ZoneId zone;
    private final ZoneRules rules;

    SlotCalendar(ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
    }

    ZoneId zone() {
        return zone;
    }

    /** The first slot that starts at or after the instant. */
    long slotAtOrAfter(long millis) {
        return Math.floorDiv(local(millis) + SLOT_MILLIS - 1, SLOT_MILLIS);
    }

    /** The slot that contains the instant (the last one that starts at or before it). */
    long slotAt(long millis) {
        return Math.floorDiv(local(millis), SLOT_MILLIS);
    }

    /** The instant the slot starts. */
    long slotStart(long slot) {
        long localMillis = slot * SLOT_MILLIS;
        LocalDateTime wall = LocalDateTime.ofEpochSecond(Math.floorDiv(localMillis, 1000), 0, ZoneOffset.UTC);
        return localMillis - rules.getOffset(wall).getTotalSeconds() * 1000L;
    }

    /** Position of the slot in its week, Monday 00:00 = 0. */
    static int weekSlot(long slot) {
        long day = Math.floorDiv(slot, SLOTS_PER_DAY);
        int dayOfWeek = (int) Math.floorMod(day + EPOCH_DAY_OF_WEEK, 7);
        return dayOfWeek * SLOTS_PER_DAY + (int) Math.floorMod(slot, SLOTS_PER_DAY);
    }

    LocalDate date(long millis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(millis), zone);
    }

    /** The instant of a local date and minute of the day (1440: the next midnight). */
    long at(LocalDate date, int minuteOfDay) {
        return date.atStartOfDay()
                .plusMinutes(minuteOfDay)
                .atZone(zone)
                .toInstant()
                .toEpochMilli();
    }

    private long local(long millis) {
        return millis + rules.getOffset(Instant.ofEpochMilli(millis)).getTotalSeconds() * 1000L;
    }
}
