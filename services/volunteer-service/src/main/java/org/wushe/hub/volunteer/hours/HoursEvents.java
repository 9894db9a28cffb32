package org.wushe.hub.volunteer.hours;

import java.time.Instant;
import java.util.UUID;
import org.wushe.hub.events.volunteer.ServiceHoursCredited;

/** What hours publish: one credit of service hours, with the volunteer's total after it, keyed by the volunteer. */
final class HoursEvents {

    private HoursEvents() {}

    /** The credit {@code h} just recorded; {@code totalMinutes} includes it. */
    static ServiceHoursCredited credited(ServiceHours h, long totalMinutes, Instant now) {
        return ServiceHoursCredited.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setCreditId(h.id())
                .setVolunteerId(h.volunteerId())
                .setMinutes(h.minutes())
                .setSource(org.wushe.hub.events.volunteer.HoursSource.valueOf(
                        h.source().name()))
                .setMatchId(h.matchId())
                .setStationId(h.stationId())
                .setCommunityId(h.communityId())
                .setCategory(h.category())
                .setDifficulty(org.wushe.hub.events.volunteer.ServiceDifficulty.valueOf(
                        h.difficulty().name()))
                .setServedOn(h.servedOn())
                .setTotalMinutes(totalMinutes)
                .setSignUpId(h.signUpId())
                .build();
    }
}
