package org.wushe.hub.volunteer.certificate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.platform.core.Language;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.privacy.ReadReasons;
import org.wushe.hub.platform.security.Access;
import org.wushe.hub.platform.security.Caller;
import org.wushe.hub.platform.security.ForbiddenException;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.platform.web.InvalidInputException;
import org.wushe.hub.volunteer.VolunteerProperties;
import org.wushe.hub.volunteer.hours.HoursService;
import org.wushe.hub.volunteer.stars.StarService;
import org.wushe.hub.volunteer.volunteer.Volunteer;
import org.wushe.hub.volunteer.volunteer.VolunteerLookups;
import org.wushe.hub.volunteer.web.Problems;

/**
 * Volunteer service record certificates (志愿服务记录证明). Issued by the volunteer themself (issuer HUB) or by the staff
 * of a station the volunteer serves (issuer STATION, that station), over a period or all time: the hours from the hours
 * ledger (all time: {@link HoursService#totalMinutes}, a period: the records served in it), the records counted as the
 * hours export counts them, the star held ({@link StarService}). Issuing and each PDF open the volunteer's sealed name
 * (and, for the PDF, the ID number) and write the volunteer's access log in the same transaction. Anyone may verify a
 * code: the masked name, the totals and the issuer, nothing more.
 */
@Service
public class CertificateService {

    /** The access log's action for a certificate issued or made into a PDF. */
    static final String ACTION = "CERTIFICATE";

    private final CertificateRepository certificates;
    private final VolunteerLookups volunteers;
    private final HoursService hours;
    private final StarService stars;
    private final CertificatePdf pdf;
    private final CertificateProperties properties;
    private final VolunteerProperties volunteerProperties;
    private final OutboxWriter outbox;
    private final Clock clock;

    public CertificateService(
            CertificateRepository certificates,
            VolunteerLookups volunteers,
            HoursService hours,
            StarService stars,
            CertificatePdf pdf,
            CertificateProperties properties,
            VolunteerProperties volunteerProperties,
            OutboxWriter outbox,
            Clock clock) {
        this.certificates = certificates;
        this.volunteers = volunteers;
        this.hours = hours;
        this.stars = stars;
        this.pdf = pdf;
        this.properties = properties;
        this.volunteerProperties = volunteerProperties;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A certificate as the public verification shows it: no id, no full name, no ID number or phone. */
    public record Verification(
            String code,
            String maskedName,
            String hours,
            long totalMinutes,
            int serviceRecords,
            int stars,
            LocalDate periodFrom,
            LocalDate periodTo,
            Certificate.Issuer issuer,
            String issuedBy,
            LocalDate issuedOn) {}

    /** A PDF and its certificate. */
    public record Pdf(Certificate certificate, byte[] bytes) {}

    /**
     * Issues a certificate of volunteer {@code id} over {@code from} to {@code to} (days of service, either or both
     * omitted: from the first record, up to today): 403 naming {@code id} unless the caller is the volunteer or staff
     * of a station they serve; 400 naming {@code from} or {@code to} for a date that is not one, in the future, or
     * {@code to} before {@code from}; 404 naming {@code id} for a volunteer not registered (or erased).
     */
    @Transactional
    public Certificate issue(UUID id, String from, String to) {
        Caller caller = Access.caller();
        UUID station = issuingStation(caller, id);
        LocalDate today = LocalDate.ofInstant(clock.instant(), volunteerProperties.zone());
        LocalDate first = date("from", from, today);
        LocalDate last = date("to", to, today);
        if (first != null && last != null && last.isBefore(first)) {
            throw new InvalidInputException("to", Messages.text("certificate.to-before-from"));
        }
        pdf.requireFont();
        Volunteer v = volunteers
                .findForUpdate(id)
                .orElseThrow(() -> Problems.notFound("id", Messages.text("volunteer.not-found", id)));
        CertificateRepository.Totals totals = certificates.totals(id, first, last);
        long minutes = first == null && last == null ? hours.totalMinutes(id) : totals.minutes();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Certificate c = new Certificate(
                UUID.randomUUID(),
                newCode(),
                id,
                first,
                last,
                minutes,
                totals.records(),
                stars.of(id).stars(),
                station == null ? Certificate.Issuer.HUB : Certificate.Issuer.STATION,
                station,
                Masks.name(v.name()),
                caller.subject(),
                now);
        certificates.insert(c);
        volunteers.logAccess(
                id, caller.subject(), Messages.text(Language.ZH, "certificate.issued-reason", c.code()), ACTION, now);
        outbox.publish(Aggregate.VOLUNTEER, id.toString(), CertificateEvents.issued(c, now));
        return c;
    }

    /** The volunteer's certificates, newest first (whoever may see the volunteer). */
    @Transactional(readOnly = true)
    public List<Certificate> of(UUID id) {
        volunteers.requireSeen(id);
        if (volunteers.find(id).isEmpty()) {
            throw Problems.notFound("id", Messages.text("volunteer.not-found", id));
        }
        return certificates.of(id);
    }

    /**
     * The certificate {@code code} of volunteer {@code id} as a PDF, with their full name and masked ID number: the
     * volunteer themself, or staff of a station they serve stating {@code reason}; the read is written to the
     * volunteer's access log.
     */
    @Transactional
    public Pdf pdf(UUID id, String code, String reason) {
        Caller caller = Access.caller();
        boolean self = caller.holds(Roles.VOLUNTEER, id);
        issuingStation(caller, id);
        String why = self ? Messages.text(Language.ZH, "certificate.self-read") : ReadReasons.require("reason", reason);
        Certificate c = VerificationCodes.normalize(code)
                .flatMap(k -> certificates.of(id, k))
                .orElseThrow(
                        () -> Problems.notFound("code", Messages.text("certificate.of-volunteer-not-found", code, id)));
        Volunteer v = volunteers
                .find(id)
                .orElseThrow(() -> Problems.notFound("id", Messages.text("volunteer.not-found", id)));
        byte[] bytes = pdf.render(
                c,
                new CertificatePdf.Details(
                        v.name(), Masks.idNumber(v.idNumber()), issuer(c), properties.verifyUrl(c.code())),
                volunteerProperties.zone());
        volunteers.logAccess(id, caller.subject(), why, ACTION, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        return new Pdf(c, bytes);
    }

    /** The public verification of {@code code}: 404 naming {@code code} for one that was never issued. */
    @Transactional(readOnly = true)
    public Verification verify(String code) {
        Certificate c = VerificationCodes.normalize(code)
                .flatMap(certificates::byCode)
                .orElseThrow(() -> Problems.notFound("code", Messages.text("certificate.not-found", code)));
        return new Verification(
                c.code(),
                c.maskedName(),
                c.hours().toPlainString(),
                c.totalMinutes(),
                c.serviceRecords(),
                c.stars(),
                c.periodFrom(),
                c.periodTo(),
                c.issuer(),
                issuer(c),
                LocalDate.ofInstant(c.issuedAt(), volunteerProperties.zone()));
    }

    /** The issuer as the certificate prints it. */
    static String issuer(Certificate c) {
        return c.issuer() == Certificate.Issuer.STATION
                ? Messages.text(Language.ZH, "certificate.issuer.station", c.stationId())
                : Messages.text(Language.ZH, "certificate.issuer.hub");
    }

    /**
     * Null for the volunteer themself (the hub issues), the caller's station for its staff when the volunteer serves
     * it; 403 naming {@code id} for anyone else (the hub admin too: the PDF holds the volunteer's name and ID number).
     */
    private UUID issuingStation(Caller caller, UUID id) {
        if (caller.holds(Roles.VOLUNTEER, id)) {
            return null;
        }
        if (volunteers.servesStationOf(caller, id)) {
            return UUID.fromString(caller.tenantOf(Roles.STATION_STAFF).orElseThrow());
        }
        throw new ForbiddenException(
                "id",
                Messages.text("certificate.refused", caller.describeText(), id),
                "volunteer of " + id + " or station_staff of a station they serve");
    }

    private String newCode() {
        for (int i = 0; i < 5; i++) {
            String code = VerificationCodes.next();
            if (!certificates.codeTaken(code)) {
                return code;
            }
        }
        throw new IllegalStateException("no free verification code in 5 draws of 60 bits: the random source is broken");
    }

    private static LocalDate date(String field, String value, LocalDate today) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, Messages.text("certificate.not-a-date", value.strip()));
        }
        if (d.isAfter(today)) {
            throw new InvalidInputException(field, Messages.text("certificate.date-in-future", today));
        }
        return d;
    }
}
