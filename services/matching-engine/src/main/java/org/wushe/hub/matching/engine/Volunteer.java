package org.wushe.hub.matching.engine;

import java.util.UUID;

/** A volunteer in the read model: compact and immutable; their load lives in {@link VolunteerLoad}. */
final class Volunteer {

    private static final long[] NO_WINDOWS = {};

    final UUID id;
    final CandidateRef ref;
    final UUID communityId;
    /** Null when the volunteer has no position; then they are not in the geo index. */
    final GeoPoint position;

    final int cell;
    final long skills;
    final Languages languages;
    final WeekMask weekly;
    /** One-off windows as start, end pairs. */
    final long[] oneOff;
    /** -1 when the volunteer set no weekly cap. */
    final int maxMinutesPerWindow;
    /** The position's coordinates, so that the search reads them without another object (NaN without one). */
    final double latitude;

    final double longitude;
    /**
     * Their entry of the read model's loads, or null while they have none: the search reads it here instead of
     * looking their id up. Set and cleared by {@link ReadModel} under the engine's write lock.
     */
    VolunteerLoad load;

    Volunteer(VolunteerSpec spec, UUID communityId, Languages languages, WeekMask weekly) {
        this.id = spec.volunteerId();
        this.ref = CandidateRef.volunteer(id);
        this.communityId = communityId;
        this.position = Geo.position(spec.home(), spec.geohash());
        this.cell = position == null ? 0 : Geo.cell(position.latitude(), position.longitude());
        this.skills = SkillMask.of(spec.skills());
        this.languages = languages;
        this.weekly = weekly;
        this.latitude = position == null ? Double.NaN : position.latitude();
        this.longitude = position == null ? Double.NaN : position.longitude();
        this.oneOff = spec.oneOffWindows().isEmpty()
                ? NO_WINDOWS
                : new long[spec.oneOffWindows().size() * 2];
        for (int i = 0; i < spec.oneOffWindows().size(); i++) {
            oneOff[2 * i] = spec.oneOffWindows().get(i).startMillis();
            oneOff[2 * i + 1] = spec.oneOffWindows().get(i).endMillis();
        }
        this.maxMinutesPerWindow = spec.maxHoursPerWeek() == null ? -1 : spec.maxHoursPerWeek() * 60;
    }
}
