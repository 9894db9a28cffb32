package org.wushe.hub.volunteer.hours;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.volunteer.points.ServiceDifficulty;

/**
 * One credit of service hours (服务时长) to a volunteer. Minutes are more than 0, but for a staff correction of an
 * activity's attendance that takes time back (source ACTIVITY, less than 0).
 */
public record ServiceHours(
        UUID id,
        UUID volunteerId,
        int minutes,
        HoursSource source,
        UUID matchId,
        UUID stationId,
        UUID communityId,
        Category category,
        ServiceDifficulty difficulty,
        LocalDate servedOn,
        String loggedBy,
        String note,
        String idempotencyKey,
        Instant creditedAt,
        UUID signUpId) {}
