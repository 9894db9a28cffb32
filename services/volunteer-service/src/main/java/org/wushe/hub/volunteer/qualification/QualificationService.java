package org.wushe.hub.volunteer.qualification;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.events.volunteer.QualificationSource;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.privacy.PersonalDataScreen;
import org.wushe.hub.platform.security.Access;
import org.wushe.hub.platform.security.Caller;
import org.wushe.hub.platform.web.InvalidInputException;
import org.wushe.hub.volunteer.VolunteerProperties;
import org.wushe.hub.volunteer.volunteer.VolunteerDetailsCipher;
import org.wushe.hub.volunteer.volunteer.VolunteerLookups;
import org.wushe.hub.volunteer.web.Problems;

/**
 * Qualifications (资质): the catalogue (code, names, validity in months), kept by centre managers and station staff and
 * read by anyone signed in; the qualifications volunteers hold, granted once per attendance by checking out of a
 * TRAINING activity that grants one ({@link #grantForTraining}), or recorded by the staff of a station the volunteer
 * serves from a certificate obtained elsewhere (its number sealed like the volunteer's other details). Each grant is
 * written with its {@code QualificationGranted} (key the volunteer id, no certificate number) in one transaction. A
 * grant is valid from {@code grantedAt} until {@code grantedAt} plus the validity's months (calendar months in the
 * service's zone).
 */
@Service
public class QualificationService {

    /** The pattern of a catalogue code, as positions and trainings name it. */
    public static final String CODE = "[A-Z][A-Z0-9_]{1,39}";

    private final QualificationRepository repository;
    private final VolunteerLookups volunteers;
    private final VolunteerDetailsCipher cipher;
    private final VolunteerProperties settings;
    private final OutboxWriter outbox;
    private final Clock clock;

    public QualificationService(
            QualificationRepository repository,
            VolunteerLookups volunteers,
            VolunteerDetailsCipher cipher,
            VolunteerProperties settings,
            OutboxWriter outbox,
            Clock clock) {
        this.repository = repository;
        this.volunteers = volunteers;
        this.cipher = cipher;
        this.settings = settings;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A qualification added to the catalogue. */
    public record NewQualification(
            @NotBlank @Pattern(regexp = CODE, message = "{qualification.code-format}")
            String code,

            @NotBlank @Size(max = 60) String nameZh,
            @NotBlank @Size(max = 80) String nameEn,

            @NotNull @Min(1) @Max(600) @Schema(description = "How long a grant stays valid, in calendar months")
            Integer validityMonths) {}

    /**
     * A qualification obtained elsewhere, recorded by staff.
     *
     * @param grantedAt         when it was obtained (the certificate's date), not in the future; valid from then for the
     *                          catalogue's validity
     * @param certificateNumber the certificate's number, kept sealed; never published nor listed
     */
    public record Recorded(
            @NotBlank @Pattern(regexp = CODE, message = "{qualification.code-format}")
            String code,

            @NotNull Instant grantedAt,
            @NotBlank @Size(max = 60) String certificateNumber) {}

    /** A volunteer's qualification as listed: the catalogue's names, validity, where from (no certificate number). */
    public record Held(
            UUID id,
            String code,
            String nameZh,
            String nameEn,
            QualificationSource source,
            Instant grantedAt,
            Instant validUntil,
            boolean valid,
            UUID activityId,
            boolean certificateRecorded) {}

    @Transactional(readOnly = true)
    public List<Qualification> catalogue() {
        return repository.all();
    }

    @Transactional(readOnly = true)
    public Qualification find(String code) {
        return repository
                .find(code)
                .orElseThrow(() -> Problems.notFound("code", Messages.text("qualification.not-found", code)));
    }

    /** Adds a qualification to the catalogue; 409 naming {@code code} when it is there already. */
    @Transactional
    public Qualification create(NewQualification r) {
        Caller caller = Access.caller();
        Qualification q = new Qualification(
                r.code(),
                PersonalDataScreen.screen("nameZh", r.nameZh().strip()),
                PersonalDataScreen.screen("nameEn", r.nameEn().strip()),
                r.validityMonths(),
                caller.subject(),
                now());
        if (!repository.insert(q)) {
            throw Problems.conflict("code", Messages.text("qualification.code-taken", r.code()));
        }
        return q;
    }

    /** 400 naming {@code field} unless {@code code} is in the catalogue (null passes). */
    @Transactional(readOnly = true)
    public void requireCatalogued(String field, String code) {
        if (code != null && repository.find(code).isEmpty()) {
            throw new InvalidInputException(field, Messages.text("qualification.not-catalogued", code));
        }
    }

    /**
     * When the volunteer's qualification {@code code} stays valid until, counting the grants obtained by {@code at};
     * empty when they never had it.
     */
    @Transactional(readOnly = true)
    public Optional<Instant> validUntil(UUID volunteerId, String code, Instant at) {
        return repository.validUntil(volunteerId, code, at);
    }

    /**
     * Grants {@code code} for attending a TRAINING activity, checked out at {@code checkedOutAt}: valid until then
     * plus the validity. Once per sign-up: a second call (another check-out, a correction, a retry) grants nothing more
     * and publishes nothing. In the caller's transaction.
     */
    @Transactional
    public void grantForTraining(
            UUID volunteerId, String code, UUID activityId, UUID signUpId, Instant checkedOutAt, String by) {
        Qualification q = repository
                .find(code)
                .orElseThrow(() -> new IllegalStateException(
                        "activity " + activityId + " grants " + code + ", which is not in the catalogue"));
        Instant now = now();
        VolunteerQualification g = new VolunteerQualification(
                UUID.randomUUID(),
                volunteerId,
                code,
                QualificationSource.TRAINING,
                checkedOutAt,
                validUntil(q, checkedOutAt),
                activityId,
                signUpId,
                null,
                by,
                now);
        if (repository.insert(g)) {
            outbox.publish(Aggregate.VOLUNTEER, volunteerId.toString(), QualificationEvents.granted(g, now));
        }
    }

    /**
     * Staff record a qualification obtained elsewhere: the staff of a station the volunteer serves (or the hub admin;
     * 403 naming {@code id} otherwise). 400 naming {@code code} when not catalogued, {@code grantedAt} when in the
     * future or already expired.
     */
    @Transactional
    public Held record(UUID volunteerId, Recorded r) {
        Caller caller = volunteers.requireSeen(volunteerId);
        if (!volunteers.exists(volunteerId)) {
            throw Problems.notFound("id", Messages.text("volunteer.not-found", volunteerId));
        }
        Qualification q = repository
                .find(r.code())
                .orElseThrow(() ->
                        new InvalidInputException("code", Messages.text("qualification.not-catalogued", r.code())));
        Instant now = now();
        Instant grantedAt = r.grantedAt().truncatedTo(ChronoUnit.MILLIS);
        if (grantedAt.isAfter(now)) {
            throw new InvalidInputException("grantedAt", Messages.text("qualification.granted-in-future"));
        }
        Instant validUntil = validUntil(q, grantedAt);
        if (!validUntil.isAfter(now)) {
            throw new InvalidInputException(
                    "grantedAt", Messages.text("qualification.expired", validUntil, q.validityMonths()));
        }
        UUID id = UUID.randomUUID();
        VolunteerQualification g = new VolunteerQualification(
                id,
                volunteerId,
                q.code(),
                QualificationSource.RECORDED,
                grantedAt,
                validUntil,
                null,
                null,
                cipher.sealCertificate(volunteerId, id, r.certificateNumber().strip()),
                caller.subject(),
                now);
        repository.insert(g);
        outbox.publish(Aggregate.VOLUNTEER, volunteerId.toString(), QualificationEvents.granted(g, now));
        return held(g, q, now);
    }

    /** The volunteer's qualifications, the latest valid first: for the volunteer themself or staff of their station. */
    @Transactional(readOnly = true)
    public List<Held> of(UUID volunteerId) {
        volunteers.requireSeen(volunteerId);
        if (!volunteers.exists(volunteerId)) {
            throw Problems.notFound("id", Messages.text("volunteer.not-found", volunteerId));
        }
        Instant now = now();
        java.util.Map<String, Qualification> catalogue = new java.util.HashMap<>();
        repository.all().forEach(q -> catalogue.put(q.code(), q));
        return repository.of(volunteerId).stream()
                .map(g -> held(g, catalogue.get(g.code()), now))
                .toList();
    }

    private static Held held(VolunteerQualification g, Qualification q, Instant now) {
        return new Held(
                g.id(),
                g.code(),
                q == null ? null : q.nameZh(),
                q == null ? null : q.nameEn(),
                g.source(),
                g.grantedAt(),
                g.validUntil(),
                g.validUntil().isAfter(now),
                g.activityId(),
                g.certificateSealed() != null);
    }

    private Instant validUntil(Qualification q, Instant from) {
        return from.atZone(settings.zone()).plusMonths(q.validityMonths()).toInstant();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
