package org.wushe.hub.matching.engine;

import java.util.UUID;

/** A volunteer in the read model: compact and immutable; their load lives in {@link VolunteerLoad}. */
final class Volunteer {

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

    Volunteer(VolunteerSpec spec, UUID communityId, Languages languages, WeekMask weekly) {
        this.id = spec.volunteerId();
        this.ref = CandidateRef.volunteer(id);
        this.communityId = communityId;
        this.position = Geo.position(spec.home(), spec.geohash());
        this.cell = position == null ? 0 : Geo.cell(position.latitude(), position.longitude());
        this.skills = SkillMask.of(spec.skills());
        this.languages = languages;
        this.weekly = weekly;
        this.oneOff = new long[spec.oneOffWindows().size() * 2];
        for (int i = 0; i < spec.oneOffWindows().size(); i++) {
            oneOff[2 * i] = spec.oneOffWindows().get(i).startMillis();
            oneOff[2 * i + 1] = spec.oneOffWindows().get(i).endMillis();
        }
        this.maxMinutesPerWindow = spec.maxHoursPerWeek() == null ? -1 : spec.maxHoursPerWeek() * 60;
    }
}
