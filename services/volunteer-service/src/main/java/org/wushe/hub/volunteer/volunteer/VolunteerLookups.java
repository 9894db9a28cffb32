package org.wushe.hub.volunteer.volunteer;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.security.Access;
import org.wushe.hub.platform.security.Caller;
import org.wushe.hub.platform.security.ForbiddenException;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.volunteer.availability.AvailabilityService;
import org.wushe.hub.volunteer.team.TeamService;
import org.wushe.hub.volunteer.web.Problems;

/**
 * Registered volunteers as the other features read them (they do not read this one's tables): plain lookups over
 * {@link VolunteerRepository}, in the caller's transaction, and who may see a volunteer. Availability and team, which
 * {@link VolunteerService} builds on, ask through interfaces of their own ({@link AvailabilityService.Volunteers},
 * {@link TeamService.Volunteers}) that this bean answers: a bean apart from {@code VolunteerService}, so that their
 * services, which {@code VolunteerService} uses, do not need it back.
 */
@Service
public class VolunteerLookups implements AvailabilityService.Volunteers, TeamService.Volunteers {

    private final VolunteerRepository volunteers;

    public VolunteerLookups(VolunteerRepository volunteers) {
        this.volunteers = volunteers;
    }

    @Override
    public boolean exists(UUID id) {
        return volunteers.exists(id);
    }

    /** Whether this volunteer was registered here and has erased their account. */
    public boolean erased(UUID id) {
        return volunteers.erased(id);
    }

    public Optional<Volunteer> find(UUID id) {
        return volunteers.find(id);
    }

    /** The volunteer, with their row locked until the transaction ends: changes of one volunteer one after the other. */
    public Optional<Volunteer> findForUpdate(UUID id) {
        return volunteers.findForUpdate(id);
    }

    /** Writes one read of the volunteer's details to their access log (who, why, what), as the service's own reads do. */
    public void logAccess(UUID id, String actor, String reason, String action, java.time.Instant at) {
        volunteers.logAccess(id, actor, reason, action, at);
    }

    /**
     * Passes for the volunteer {@code id} themself, the hub admin, and the staff of a station the volunteer
     * serves (registered there, or matched or credited hours there); 403 naming {@code id} otherwise.
     */
    @Override
    public Caller requireSeen(UUID id) {
        Caller caller = Access.caller();
        if (caller.isAdmin() || caller.holds(Roles.VOLUNTEER, id)) {
            return caller;
        }
        UUID station = caller.tenantOf(Roles.STATION_STAFF)
                .map(VolunteerLookups::uuidOrNull)
                .orElse(null);
        if (station != null && volunteers.serves(id, station)) {
            return caller;
        }
        throw new ForbiddenException(
                "id",
                station == null
                        ? Messages.text("volunteer.not-served-refused", caller.describeText(), id)
                        : Messages.text("volunteer.not-serving-station-refused", caller.describeText(), id, station),
                "volunteer of " + id + " or station_staff of a station they serve");
    }

    /** The zone a volunteer's age is counted in. */
    public static final ZoneId ZONE = VolunteerRepository.SHANGHAI;

    /** Whether the caller is station staff of a station the volunteer serves. */
    public boolean servesStationOf(Caller caller, UUID id) {
        UUID station = caller.tenantOf(Roles.STATION_STAFF)
                .map(VolunteerLookups::uuidOrNull)
                .orElse(null);
        return station != null && volunteers.serves(id, station);
    }

    /**
     * Passes for an adult, and for a minor (under 18 on {@code day} by their ID number) once staff recorded a
     * guardian's consent; 409 naming {@code guardianConsent} otherwise.
     */
    public void requireGuardianConsentIfMinor(Volunteer v, LocalDate day) {
        if (v.minor(day) && !volunteers.hasGuardianConsent(v.id())) {
            throw Problems.conflict("guardianConsent", Messages.text("guardian.consent-required", v.id()));
        }
    }

    static UUID uuidOrNull(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
