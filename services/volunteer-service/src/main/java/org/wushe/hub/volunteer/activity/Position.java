package org.wushe.hub.volunteer.activity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.wushe.hub.events.common.Skill;

/** A position (岗位) of an activity: what to do, how many places, what it needs, when. */
public record Position(
        UUID id,
        UUID activityId,
        int ordinal,
        String duty,
        int places,
        int waitingListLimit,
        List<Skill> skills,
        String qualification,
        Instant startsAt,
        Instant endsAt) {}
