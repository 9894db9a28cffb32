package org.wushe.hub.volunteer.volunteer.registration;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.security.Access;
import org.wushe.hub.platform.security.Caller;
import org.wushe.hub.platform.security.ForbiddenException;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.volunteer.volunteer.Volunteer;
import org.wushe.hub.volunteer.volunteer.VolunteerDetailsCipher;
import org.wushe.hub.volunteer.volunteer.VolunteerLookups;
import org.wushe.hub.volunteer.web.Problems;

/** Guardians' consents for minor volunteers: recorded by the staff of the volunteer's home community or station. */
@Service
public class GuardianConsentService {

    private final JdbcClient jdbc;
    private final VolunteerLookups volunteers;
    private final VolunteerDetailsCipher cipher;
    private final Clock clock;

    public GuardianConsentService(
            JdbcClient jdbc, VolunteerLookups volunteers, VolunteerDetailsCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.volunteers = volunteers;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * Records (or replaces) the consent. The caller is the hub admin, community staff of the volunteer's home
     * community, or station staff of a station the volunteer serves; 403 naming {@code id} otherwise. 409 naming
     * {@code id} for a volunteer who is not a minor by their ID number.
     */
    @Transactional
    public GuardianConsent.Recorded record(UUID id, GuardianConsent consent) {
        Caller caller = Access.caller();
        Volunteer v = volunteers
                .findForUpdate(id)
                .orElseThrow(() -> Problems.notFound("id", Messages.text("volunteer.not-found", id)));
        requireStaffOf(caller, v, "guardian.record-refused");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (!v.minor(LocalDate.ofInstant(now, VolunteerLookups.ZONE))) {
            throw Problems.conflict("id", Messages.text("guardian.not-a-minor", id));
        }
        jdbc.sql("INSERT INTO volunteer_guardian_consent (volunteer_id, guardian_name_sealed, guardian_phone_sealed,"
                        + " relationship, recorded_by, recorded_at) VALUES (:id, :name, :phone, :relationship, :by, :at)"
                        + " ON CONFLICT (volunteer_id) DO UPDATE SET guardian_name_sealed = EXCLUDED.guardian_name_sealed,"
                        + " guardian_phone_sealed = EXCLUDED.guardian_phone_sealed, relationship = EXCLUDED.relationship,"
                        + " recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at")
                .param("id", id)
                .param(
                        "name",
                        cipher.sealGuardianName(id, consent.guardianName().strip()))
                .param("phone", cipher.sealGuardianPhone(id, consent.guardianPhone()))
                .param("relationship", consent.relationship().name())
                .param("by", caller.subject())
                .param("at", Timestamp.from(now))
                .update();
        return new GuardianConsent.Recorded(id, consent.relationship(), caller.subject(), now);
    }

    /**
     * The consent recorded for the volunteer, without the guardian's name and phone: for the staff who may record it
     * and for the volunteer themself (403 naming {@code id} for anyone else); 404 naming {@code id} when there is no
     * such volunteer or no consent recorded for them.
     */
    @Transactional(readOnly = true)
    public GuardianConsent.Recorded read(UUID id) {
        Caller caller = Access.caller();
        Volunteer v = volunteers
                .find(id)
                .orElseThrow(() -> Problems.notFound("id", Messages.text("volunteer.not-found", id)));
        if (!caller.holds(Roles.VOLUNTEER, id)) {
            requireStaffOf(caller, v, "guardian.read-refused");
        }
        return jdbc.sql("SELECT relationship, recorded_by, recorded_at FROM volunteer_guardian_consent"
                        + " WHERE volunteer_id = :id")
                .param("id", id)
                .query((rs, n) -> new GuardianConsent.Recorded(
                        id,
                        GuardianRelationship.valueOf(rs.getString("relationship")),
                        rs.getString("recorded_by"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .optional()
                .orElseThrow(() -> Problems.notFound("id", Messages.text("guardian.none", id)));
    }

    /**
     * The hub admin, community staff of the volunteer's home community, or station staff of a station the volunteer
     * serves; 403 naming {@code id} otherwise, with the text {@code refusal}.
     */
    private void requireStaffOf(Caller caller, Volunteer v, String refusal) {
        if (!caller.isAdmin()
                && !caller.holds(Roles.COMMUNITY_STAFF, v.communityId())
                && !caller.holds(Roles.COMMUNITY_STAFF, v.homeArea().communityId())
                && !volunteers.servesStationOf(caller, v.id())) {
            throw new ForbiddenException(
                    "id",
                    Messages.text(refusal, caller.describeText(), v.id()),
                    "community_staff of " + v.communityId() + " or station_staff of a station volunteer " + v.id()
                            + " serves");
        }
    }
}
