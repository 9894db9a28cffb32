package org.wushe.hub.volunteer.volunteer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.volunteer.ErasedBy;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.privacy.ReadReasons;
import org.wushe.hub.platform.security.Access;
import org.wushe.hub.platform.security.Caller;
import org.wushe.hub.platform.security.ForbiddenException;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.platform.web.InvalidInputException;
import org.wushe.hub.volunteer.availability.Availability;
import org.wushe.hub.volunteer.availability.AvailabilityService;
import org.wushe.hub.volunteer.points.PointsAccounts;
import org.wushe.hub.volunteer.stars.StarService;
import org.wushe.hub.volunteer.team.Membership;
import org.wushe.hub.volunteer.team.TeamService;
import org.wushe.hub.volunteer.volunteer.registration.ResidentIdNumber;
import org.wushe.hub.volunteer.web.Problems;
import org.wushe.hub.volunteer.web.RuleViolation;

@Service
public class VolunteerService {

    private final VolunteerRepository volunteers;
    private final VolunteerLookups lookups;
    private final AvailabilityService availability;
    private final TeamService teams;
    private final PointsAccounts accounts;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final StarService stars;
    private final ApplicationEventPublisher events;

    public VolunteerService(
            VolunteerRepository volunteers,
            VolunteerLookups lookups,
            AvailabilityService availability,
            TeamService teams,
            PointsAccounts accounts,
            OutboxWriter outbox,
            Clock clock,
            StarService stars,
            ApplicationEventPublisher events) {
        this.volunteers = volunteers;
        this.lookups = lookups;
        this.availability = availability;
        this.teams = teams;
        this.accounts = accounts;
        this.outbox = outbox;
        this.clock = clock;
        this.stars = stars;
        this.events = events;
    }

    /** Registers the volunteer, opens their points account and publishes {@code VolunteerRegistered}. */
    @Transactional
    public VolunteerView register(RegisterVolunteer r) {
        UUID station = Caller.current()
                .filter(c -> !c.isAdmin())
                .flatMap(c -> c.tenantOf(Roles.STATION_STAFF))
                .map(VolunteerLookups::uuidOrNull)
                .orElse(null);
        return register(UUID.randomUUID(), r, station);
    }

    /**
     * The signed-in volunteer registers themself under the volunteer id of their token ({@value Roles#VOLUNTEER_ID}):
     * 409 naming {@code id} when that volunteer is registered already. No station registered them.
     */
    @Transactional
    public VolunteerView registerSelf(RegisterVolunteer r) {
        UUID id = self();
        if (volunteers.exists(id)) {
            throw Problems.conflict("id", Messages.text("volunteer.registered-already", id));
        }
        return register(id, r, null);
    }

    /** The signed-in volunteer's own record; the read is written to their access log. */
    @Transactional
    public VolunteerView readSelf() {
        UUID id = self();
        Volunteer v = require(id);
        volunteers.logAccess(id, Access.caller().subject(), SELF_READ, READ, clock.instant());
        return view(v, availability.load(id), teams.membershipsOf(id), stars.of(id));
    }

    /** The signed-in volunteer erases their account ({@link #erase}); 404 naming {@code id} when not registered. */
    @Transactional
    public void eraseSelf() {
        erase(self(), ErasedBy.SELF);
    }

    /**
     * Erases the volunteer's account: their sealed details destroyed, no longer found or listed, their live sign-ups for
     * positions not yet started withdrawn ({@link VolunteerErased}); an empty {@code VolunteerAvailabilityDeclared} tells
     * matching they are available for nothing (no personal data); their hours, points account and ledger stay, as
     * anonymous totals. 404 naming {@code id} when there is no such volunteer (or they were erased already).
     */
    @Transactional
    public void erase(UUID id) {
        erase(id, ErasedBy.ADMIN);
    }

    /**
     * The erasure itself. Besides the above: their team memberships end, the features that hold something of theirs let
     * go of it ({@link VolunteerErased}: sign-ups withdrawn, open assignments declined), and {@code VolunteerLeft} tells
     * the other services, last.
     */
    private void erase(UUID id, ErasedBy by) {
        require(id);
        // Available for nothing from now on (VolunteerAvailabilityDeclared, empty): matching proposes them no more.
        availability.declare(id, Availability.none());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (!volunteers.erase(id, now)) {
            throw Problems.notFound("id", Messages.text("volunteer.not-found", id));
        }
        teams.forget(id);
        events.publishEvent(new VolunteerErased(id, Access.caller().subject(), now));
        outbox.publish(Aggregate.VOLUNTEER, id.toString(), VolunteerEvents.left(id, by, now));
    }

    /** The volunteer id the caller's token carries; 403 naming {@code Authorization} without one. */
    private static UUID self() {
        Caller caller = Access.caller();
        return caller.tenantOf(Roles.VOLUNTEER)
                .map(VolunteerLookups::uuidOrNull)
                .orElseThrow(() -> new ForbiddenException(
                        "Authorization",
                        Messages.text("volunteer.no-volunteer-id", caller.describeText()),
                        "volunteer with a volunteer_id"));
    }

    private VolunteerView register(UUID id, RegisterVolunteer r, UUID station) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Availability declared = r.availability() == null ? Availability.none() : r.availability();
        List<RuleViolation> violations = new ArrayList<>();
        HomeArea home = r.homeArea();
        if (home.streetCode() != null && !home.streetCode().startsWith(home.districtCode())) {
            violations.add(
                    new RuleViolation("homeArea.streetCode", "volunteer.street-outside-district", home.districtCode()));
        }
        List<Skill> skills =
                r.skills() == null ? List.of() : r.skills().stream().distinct().toList();
        if (skills.contains(Skill.UNKNOWN)) {
            violations.add(
                    new RuleViolation("skills[" + r.skills().indexOf(Skill.UNKNOWN) + "]", "volunteer.skill-unknown"));
        }
        List<String> languages = r.languages() == null
                ? List.of()
                : r.languages().stream()
                        .map(l -> l.toLowerCase(Locale.ROOT))
                        .distinct()
                        .toList();
        violations.addAll(declared.violations(now, "availability."));
        Problems.rejectIfAny(violations);
        LocalDate today = LocalDate.ofInstant(now, VolunteerRepository.SHANGHAI);
        ResidentIdNumber idNumber =
                r.idNumber() == null ? null : ResidentIdNumber.require("idNumber", r.idNumber(), today);
        boolean youngOld = Boolean.TRUE.equals(r.youngOld());
        if (idNumber != null) {
            youngOld = ResidentIdNumber.youngOld(idNumber.birthDate(), today);
            if (r.youngOld() != null && r.youngOld() != youngOld) {
                throw new InvalidInputException("youngOld", Messages.text("volunteer.young-old-follows", youngOld));
            }
            if (volunteers.idNumberTaken(idNumber.value())) {
                throw new InvalidInputException("idNumber", Messages.text("volunteer.id-number-taken"), 409);
            }
        }
        if (r.phone() != null && volunteers.phoneTaken(r.phone())) {
            throw new InvalidInputException("phone", Messages.text("volunteer.phone-taken"), 409);
        }
        Volunteer v = new Volunteer(
                id,
                r.name().strip(),
                r.phone(),
                idNumber == null ? null : idNumber.value(),
                idNumber == null ? null : idNumber.birthDate(),
                r.communityId(),
                r.organizationId(),
                home,
                skills,
                languages,
                youngOld,
                Boolean.TRUE.equals(r.inHardship()),
                now,
                now);
        volunteers.insert(v, station);
        availability.replace(v.id(), declared);
        accounts.openForVolunteer(v.id(), now);
        publishRegistered(v, declared, now);
        return view(v, declared, List.of(), stars.of(v.id()));
    }

    /**
     * The volunteer changes their own skills (replaced as a whole) and, when given, their languages. A change
     * is published as the volunteer's {@code VolunteerRegistered} once more (a new event id, the same
     * volunteer id as key): the topic holds each volunteer's state and matching reads it as an upsert. A
     * call that changes nothing (the same skills and languages, in any order) writes and publishes nothing.
     */
    @Transactional
    public VolunteerView changeSkills(UUID id, ChangeSkills change) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Volunteer current = volunteers
                .findForUpdate(id)
                .orElseThrow(() -> Problems.notFound("id", Messages.text("volunteer.not-found", id)));
        List<RuleViolation> violations = new ArrayList<>();
        if (change.skills().contains(Skill.UNKNOWN)) {
            violations.add(new RuleViolation(
                    "skills[" + change.skills().indexOf(Skill.UNKNOWN) + "]", "volunteer.skill-unknown"));
        }
        Problems.rejectIfAny(violations);
        List<Skill> skills = change.skills().stream().distinct().toList();
        List<String> languages = change.languages() == null
                ? current.languages()
                : change.languages().stream()
                        .map(l -> l.toLowerCase(Locale.ROOT))
                        .distinct()
                        .toList();
        Availability declared = availability.load(id);
        if (Set.copyOf(skills).equals(Set.copyOf(current.skills()))
                && Set.copyOf(languages).equals(Set.copyOf(current.languages()))) {
            return view(current, declared, teams.membershipsOf(id), stars.of(id));
        }
        volunteers.updateSkills(id, skills, languages, now);
        Volunteer changed = new Volunteer(
                current.id(),
                current.name(),
                current.phone(),
                current.idNumber(),
                current.birthDate(),
                current.communityId(),
                current.organizationId(),
                current.homeArea(),
                skills,
                languages,
                current.youngOld(),
                current.inHardship(),
                current.registeredAt(),
                now);
        publishRegistered(changed, declared, now);
        return view(changed, declared, teams.membershipsOf(id), stars.of(id));
    }

    /** {@code VolunteerRegistered} with the volunteer's state as it is now ({@link VolunteerEvents#registered}). */
    private void publishRegistered(Volunteer v, Availability declared, Instant now) {
        outbox.publish(Aggregate.VOLUNTEER, v.id().toString(), VolunteerEvents.registered(v, declared, now));
    }

    /**
     * Changes the flags that raise points (young-old, in hardship). Only points credited afterwards
     * change; the ledger is never rewritten.
     */
    @Transactional
    public VolunteerView changeFlags(UUID id, boolean youngOld, boolean inHardship) {
        lookups.requireSeen(id);
        Volunteer current = require(id);
        if (current.birthDate() != null && current.youngOld() != youngOld) {
            throw new InvalidInputException(
                    "youngOld", Messages.text("volunteer.young-old-follows", current.youngOld()));
        }
        volunteers.updateFlags(id, youngOld, inHardship, clock.instant());
        Volunteer v = require(id);
        return view(v, availability.load(id), teams.membershipsOf(id), stars.of(id))
                .withoutNameAndPhone();
    }

    /**
     * The volunteer with their details (name, phone, hardship flag). The volunteer reads themself freely; anyone
     * else (station staff of a station the volunteer serves, the hub admin) states {@code reason}, and the read
     * is written to the access log with who read and why, in this transaction.
     */
    @Transactional
    public VolunteerView read(UUID id, String reason) {
        Caller caller = lookups.requireSeen(id);
        Volunteer v = require(id);
        if (!caller.holds(Roles.VOLUNTEER, id)) {
            volunteers.logAccess(id, caller.subject(), ReadReasons.require("reason", reason), READ, clock.instant());
        }
        return view(v, availability.load(id), teams.membershipsOf(id), stars.of(id));
    }

    /** Who read the volunteer's details, when and why (the volunteer themself and the hub admin). */
    @Transactional(readOnly = true)
    public List<VolunteerRepository.Access> accessLog(UUID id) {
        require(id);
        return volunteers.accessLog(id);
    }

    /**
     * Volunteers by community, skill and team, without their details (name, phone, hardship flag: read one
     * volunteer with a reason). Station staff see only the volunteers who serve their station; the hub admin all.
     */
    @Transactional(readOnly = true)
    public List<VolunteerView> search(UUID communityId, Skill skill, UUID teamId, int limit, int offset) {
        Caller caller = Access.caller();
        UUID station = null;
        if (!caller.isAdmin()) {
            station = caller.tenantOf(Roles.STATION_STAFF)
                    .map(VolunteerLookups::uuidOrNull)
                    .orElseThrow(() -> new ForbiddenException(
                            "GET /volunteers",
                            Messages.text("volunteer.list-no-station", caller.describeText()),
                            "station_staff of a station"));
        }
        return volunteers.search(communityId, skill, teamId, station, limit, offset).stream()
                .map(v -> view(v, availability.load(v.id()), teams.membershipsOf(v.id()), stars.of(v.id()))
                        .withoutDetails())
                .toList();
    }

    private VolunteerView view(
            Volunteer v, Availability declared, List<Membership> memberships, StarService.Star star) {
        return VolunteerView.of(
                v, declared, memberships, star, LocalDate.ofInstant(clock.instant(), VolunteerRepository.SHANGHAI));
    }

    static final String READ = "READ";
    static final String SELF_READ = "本人查看 read by the volunteer themself";

    public Volunteer require(UUID id) {
        return volunteers.find(id).orElseThrow(() -> Problems.notFound("id", Messages.text("volunteer.not-found", id)));
    }
}
