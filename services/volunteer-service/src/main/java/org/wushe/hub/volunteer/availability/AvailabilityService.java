package org.wushe.hub.volunteer.availability;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.security.Caller;
import org.wushe.hub.volunteer.web.Problems;

@Service
public class AvailabilityService {

    /**
     * What availability asks of the volunteers, answered by the volunteer feature ({@code VolunteerLookups}). Declared
     * here because the volunteer feature builds on this one (a volunteer declares availability when registering, and
     * their view shows it): availability depends on nothing of it, so the two features do not depend on each other.
     */
    public interface Volunteers {

        boolean exists(UUID id);

        /** The caller, when they may see the volunteer (themself, the hub admin, staff of a station they serve); 403 naming id. */
        Caller requireSeen(UUID id);
    }

    private final AvailabilityRepository availability;
    private final Volunteers volunteers;
    private final OutboxWriter outbox;
    private final Clock clock;

    public AvailabilityService(
            AvailabilityRepository availability, Volunteers volunteers, OutboxWriter outbox, Clock clock) {
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
            throw Problems.notFound("id", Messages.text("volunteer.not-found", volunteerId));
        }
        Problems.rejectIfAny(declared.violations(now, ""));
        availability.replace(volunteerId, declared);
        outbox.publish(
                Aggregate.VOLUNTEER, volunteerId.toString(), AvailabilityEvents.declared(volunteerId, declared, now));
        return availability.load(volunteerId);
    }

    @Transactional(readOnly = true)
    public Availability of(UUID volunteerId) {
        if (!volunteers.exists(volunteerId)) {
            throw Problems.notFound("id", Messages.text("volunteer.not-found", volunteerId));
        }
        return availability.load(volunteerId);
    }

    // For the other features, which do not read this one's tables: plain reads and writes in the caller's transaction.

    /** The volunteer's availability as stored (none declared: empty). */
    public Availability load(UUID volunteerId) {
        return availability.load(volunteerId);
    }

    /** Replaces the volunteer's availability as a whole, publishing nothing (registration publishes it in VolunteerRegistered). */
    public void replace(UUID volunteerId, Availability declared) {
        availability.replace(volunteerId, declared);
    }
}
