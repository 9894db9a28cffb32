package org.wushe.hub.volunteer.availability;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.wushe.hub.volunteer.web.RuleViolation;

/**
 * When a volunteer can serve: weekly slots plus one-off windows, and an optional weekly maximum. A new
 * declaration replaces the previous one as a whole.
 */
public record Availability(
        @Size(max = 28) List<@NotNull @Valid WeeklySlot> weeklySlots,
        @Size(max = 60) List<@NotNull @Valid OneOffWindow> oneOffWindows,
        @Min(1) @Max(168) Integer maxHoursPerWeek) {

    public static final Duration LONGEST_WINDOW = Duration.ofDays(7);
    public static final Duration FURTHEST_AHEAD = Duration.ofDays(366);

    public Availability {
        weeklySlots = weeklySlots == null ? List.of() : List.copyOf(weeklySlots);
        oneOffWindows = oneOffWindows == null ? List.of() : List.copyOf(oneOffWindows);
    }

    public static Availability none() {
        return new Availability(List.of(), List.of(), null);
    }

    /** What Bean Validation cannot see: order of times, overlaps, windows in the past or too far ahead. */
    public List<RuleViolation> violations(Instant now, String prefix) {
        List<RuleViolation> v = new ArrayList<>();
        for (int i = 0; i < weeklySlots.size(); i++) {
            WeeklySlot s = weeklySlots.get(i);
            if (!s.end().isAfter(s.start())) {
                v.add(new RuleViolation(prefix + "weeklySlots[" + i + "].end", "availability.slot-end-before-start"));
            }
        }
        List<WeeklySlot> slots = weeklySlots.stream()
                .sorted(Comparator.comparing(WeeklySlot::day).thenComparing(WeeklySlot::start))
                .toList();
        for (int i = 1; i < slots.size(); i++) {
            WeeklySlot a = slots.get(i - 1);
            WeeklySlot b = slots.get(i);
            if (a.day() == b.day() && b.start().isBefore(a.end())) {
                v.add(new RuleViolation(
                        prefix + "weeklySlots[" + weeklySlots.indexOf(b) + "]",
                        "availability.slot-overlap",
                        b.day(),
                        a.start(),
                        a.end()));
            }
        }
        for (int i = 0; i < oneOffWindows.size(); i++) {
            OneOffWindow w = oneOffWindows.get(i);
            String f = prefix + "oneOffWindows[" + i + "]";
            if (!w.end().isAfter(w.start())) {
                v.add(new RuleViolation(f + ".end", "availability.window-end-before-start"));
            } else if (Duration.between(w.start(), w.end()).compareTo(LONGEST_WINDOW) > 0) {
                v.add(new RuleViolation(f + ".end", "availability.window-too-long"));
            }
            if (!w.end().isAfter(now)) {
                v.add(new RuleViolation(f + ".end", "availability.window-past"));
            }
            if (w.start().isAfter(now.plus(FURTHEST_AHEAD))) {
                v.add(new RuleViolation(f + ".start", "availability.window-too-far"));
            }
        }
        List<OneOffWindow> windows = oneOffWindows.stream()
                .sorted(Comparator.comparing(OneOffWindow::start))
                .toList();
        for (int i = 1; i < windows.size(); i++) {
            if (windows.get(i).start().isBefore(windows.get(i - 1).end())) {
                v.add(new RuleViolation(
                        prefix + "oneOffWindows[" + oneOffWindows.indexOf(windows.get(i)) + "]",
                        "availability.window-overlap"));
            }
        }
        return v;
    }
}
