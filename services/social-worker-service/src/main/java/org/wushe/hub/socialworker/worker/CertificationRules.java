package org.wushe.hub.socialworker.worker;

import java.time.LocalDate;
import java.util.List;
import org.wushe.hub.events.common.CertificationLevel;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.web.InvalidInputException;

/**
 * The national social work qualification (社会工作者职业资格): none, 助理社会工作师 (assistant), 社会工作师
 * (intermediate), 高级社会工作师 (senior). A certificate has a date; a worker only ever moves up; the
 * national exams began in 2008. Supervisors (督导) hold at least the intermediate level.
 */
public final class CertificationRules {

    /** From no certificate to the highest. */
    public static final List<CertificationLevel> LADDER = List.of(
            CertificationLevel.NONE,
            CertificationLevel.ASSISTANT,
            CertificationLevel.INTERMEDIATE,
            CertificationLevel.SENIOR);

    public static final LocalDate FIRST_EXAMS = LocalDate.of(2008, 1, 1);
    public static final CertificationLevel SUPERVISOR_MINIMUM = CertificationLevel.INTERMEDIATE;

    private CertificationRules() {}

    public static boolean isCertified(CertificationLevel level) {
        return LADDER.indexOf(level) > 0;
    }

    public static boolean maySupervise(CertificationLevel level) {
        return LADDER.indexOf(level) >= LADDER.indexOf(SUPERVISOR_MINIMUM);
    }

    /** A worker registered with a certificate gives its date; one without gives none. */
    public static void requireRegistration(CertificationLevel level, LocalDate certifiedOn, LocalDate today) {
        if (!isCertified(level)) {
            if (certifiedOn != null) {
                throw new InvalidInputException("certifiedOn", Messages.text("certification.none-no-date"));
            }
            return;
        }
        if (certifiedOn == null) {
            throw new InvalidInputException("certifiedOn", Messages.text("certification.date-required", level));
        }
        requireDate(certifiedOn, today);
    }

    /** A new certificate is a higher level than the one held, dated on or after it. */
    public static void requireUpgrade(
            CertificationLevel held,
            LocalDate heldSince,
            CertificationLevel level,
            LocalDate certifiedOn,
            LocalDate today) {
        if (!isCertified(level)) {
            throw new InvalidInputException(
                    "level", Messages.text("certification.level-unknown", LADDER.subList(1, LADDER.size())));
        }
        if (LADDER.indexOf(level) <= LADDER.indexOf(held)) {
            throw new InvalidInputException("level", Messages.text("certification.held-already", held), 409);
        }
        requireDate(certifiedOn, today);
        if (heldSince != null && certifiedOn.isBefore(heldSince)) {
            throw new InvalidInputException("certifiedOn", Messages.text("certification.before-held", held, heldSince));
        }
    }

    private static void requireDate(LocalDate certifiedOn, LocalDate today) {
        if (certifiedOn.isAfter(today)) {
            throw new InvalidInputException("certifiedOn", Messages.text("date.in-future", today));
        }
        if (certifiedOn.isBefore(FIRST_EXAMS)) {
            throw new InvalidInputException("certifiedOn", Messages.text("certification.before-exams"));
        }
    }
}
