package org.wushe.hub.matching.engine;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.wushe.hub.events.common.Skill;

/**
 * A registered volunteer with their declared availability, as the read model keeps it.
 *
 * @param communityId     home community, or null; only used to say "lives in the same community"
 * @param home            coarse home position; when null the centre of {@code geohash} is used; a volunteer
 *                        with neither is kept but cannot be found by the geo index
 * @param youngOld        低龄老人 (double points); not used for matching
 * @param inHardship      困境人群 (double points); not used for matching
 * @param weeklySlots     when they serve every week, local time of the engine's zone
 * @param oneOffWindows   one-off windows besides the weekly slots
 * @param maxHoursPerWeek upper bound they asked for over the fairness window (7 days by default), or null
 */
public record VolunteerSpec(
        UUID volunteerId,
        UUID communityId,
        GeoPoint home,
        String geohash,
        Set<Skill> skills,
        Set<String> languages,
        boolean youngOld,
        boolean inHardship,
        List<WeeklySlot> weeklySlots,
        List<Window> oneOffWindows,
        Integer maxHoursPerWeek) {

    public VolunteerSpec {
        Objects.requireNonNull(volunteerId, "volunteerId");
        if (maxHoursPerWeek != null && maxHoursPerWeek < 0) {
            throw new IllegalArgumentException("maxHoursPerWeek must not be negative, got " + maxHoursPerWeek);
        }
        skills = skills == null ? Set.of() : Set.copyOf(skills);
        languages = languages == null ? Set.of() : Set.copyOf(languages);
        weeklySlots = weeklySlots == null ? List.of() : List.copyOf(weeklySlots);
        oneOffWindows = oneOffWindows == null ? List.of() : List.copyOf(oneOffWindows);
    }
}
