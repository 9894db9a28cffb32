package org.wushe.hub.organization.capacity;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.web.InvalidInputException;

/** What makes weekly slots and a period of service capacity sensible; each broken rule names its field. */
public final class CapacityRules {

    /** An offer is renewed at least every few years, so that stale capacity leaves the indexes. */
    public static final int MAX_YEARS = 3;

    private CapacityRules() {}

    /** Slots end after they start and do not overlap another slot of the same day. */
    public static void requireSlots(List<ServiceCapacity.Slot> slots) {
        for (int i = 0; i < slots.size(); i++) {
            ServiceCapacity.Slot s = slots.get(i);
            if (!s.end().isAfter(s.start())) {
                throw new InvalidInputException(
                        "weeklySlots[" + i + "].end", Messages.text("capacity.slot-end", s.start()));
            }
            for (int j = 0; j < i; j++) {
                ServiceCapacity.Slot o = slots.get(j);
                if (o.day() == s.day()
                        && s.start().isBefore(o.end())
                        && o.start().isBefore(s.end())) {
                    throw new InvalidInputException(
                            "weeklySlots[" + i + "]", Messages.text("capacity.slot-overlap", j, s.day()));
                }
            }
        }
    }

    /** A session fits in at least one slot. */
    public static void requireSessionFits(Integer sessionMinutes, List<ServiceCapacity.Slot> slots) {
        if (sessionMinutes == null) {
            return;
        }
        long longest = slots.stream()
                .mapToLong(s -> Duration.between(s.start(), s.end()).toMinutes())
                .max()
                .orElse(0);
        if (sessionMinutes > longest) {
            throw new InvalidInputException(
                    "sessionMinutes", Messages.text("capacity.session-fits-nowhere", sessionMinutes, longest));
        }
    }

    public static void requirePeriod(LocalDate from, LocalDate until, LocalDate today) {
        if (until.isBefore(from)) {
            throw new InvalidInputException("validUntil", Messages.text("capacity.until-before-from", from));
        }
        if (until.isBefore(today)) {
            throw new InvalidInputException("validUntil", Messages.text("capacity.until-past", today));
        }
        if (until.isAfter(from.plusYears(MAX_YEARS))) {
            throw new InvalidInputException("validUntil", Messages.text("capacity.too-long", MAX_YEARS));
        }
    }
}
