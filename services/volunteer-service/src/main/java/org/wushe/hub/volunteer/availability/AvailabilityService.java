package org.wushe.hub.volunteer.availability;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.events.volunteer.VolunteerAvailabilityDeclared;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.volunteer.volunteer.VolunteerRepository;
import org.wushe.hub.volunteer.web.Problems;

@Service
public class AvailabilityService {

    private final AvailabilityRepository availability;
    private final VolunteerRepository volunteers;
    private final OutboxWriter outbox;
    private final Clock clock;

    public AvailabilityService(AvailabilityRepository availability, VolunteerRepository volunteers, OutboxWriter outbox, Clock clock) {
        this.availability = availability;
        this.volunteers = volunteers;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Replaces the volunteer's availability and publishes {@code VolunteerAvailabilityDeclared}. */
    @Transactional
    public Availability declare(UUID volunteerId, Availability declared) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (!volunteers.exists(volunteerId)) {
            throw Problems.notFound("id", "volunteer " + volunteerId);
        }
        Problems.rejectIfAny(declared.violations(now, ""));
        availability.replace(volunteerId, declared);
        outbox.publish(Aggregate.VOLUNTEER, volunteerId.toString(), VolunteerAvailabilityDeclared.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setVolunteerId(volunteerId)
                .setAvailability(AvailabilityEvents.toAvro(declared))
                .build());
        return availability.load(volunteerId);
    }

    @Transactional(readOnly = true)
    public Availability of(UUID volunteerId) {
        if (!volunteers.exists(volunteerId)) {
            throw Problems.notFound("id", "volunteer " + volunteerId);
        }
        return availability.load(volunteerId);
    }
}
