package org.wushe.hub.organization.project;

import java.time.LocalDate;
import org.wushe.hub.events.organization.ProjectOutcome;
import org.wushe.hub.platform.web.InvalidInputException;

/** Dates and money of projects; each broken rule names the field it is about. */
public final class ProjectRules {

    /** Public-benefit projects run for months, a few years at most. */
    public static final int MAX_YEARS = 5;

    private ProjectRules() {}

    public static void requirePeriod(LocalDate startsOn, LocalDate endsOn, LocalDate today) {
        if (endsOn.isBefore(startsOn)) {
            throw new InvalidInputException("endsOn", "ends before it starts (" + startsOn + ")");
        }
        if (endsOn.isAfter(startsOn.plusYears(MAX_YEARS))) {
            throw new InvalidInputException("endsOn", "a project runs at most " + MAX_YEARS + " years");
        }
        if (endsOn.isBefore(today)) {
            throw new InvalidInputException(
                    "endsOn", "is in the past: the project is over already (today is " + today + ")");
        }
    }

    /** A grant comes while the project runs, and all grants together stay within its budget. */
    public static void requireGrant(Project p, long amountFen, LocalDate awardedOn, LocalDate today) {
        if (p.status() != Project.Status.ACTIVE) {
            throw new InvalidInputException("projectId", "the project is closed", 409);
        }
        if (awardedOn.isAfter(today)) {
            throw new InvalidInputException("awardedOn", "is in the future (today is " + today + ")");
        }
        if (p.budgetFen() != null && p.grantedFen() + amountFen > p.budgetFen()) {
            throw new InvalidInputException(
                    "amountFen",
                    "grants would total " + (p.grantedFen() + amountFen) + " fen, above the project's budget of "
                            + p.budgetFen() + " fen");
        }
    }

    /** COMPLETED once its period is run; ENDED_EARLY before that. */
    public static void requireClosing(Project p, ProjectOutcome outcome, LocalDate closedOn, LocalDate today) {
        if (p.status() != Project.Status.ACTIVE) {
            throw new InvalidInputException("projectId", "the project is closed already", 409);
        }
        if (closedOn.isAfter(today)) {
            throw new InvalidInputException("closedOn", "is in the future (today is " + today + ")");
        }
        if (closedOn.isBefore(p.startsOn())) {
            throw new InvalidInputException("closedOn", "is before the project started (" + p.startsOn() + ")");
        }
        boolean early = closedOn.isBefore(p.endsOn());
        if (outcome == ProjectOutcome.COMPLETED && early) {
            throw new InvalidInputException(
                    "outcome", "a project closed before its end (" + p.endsOn() + ") ended early: ENDED_EARLY");
        }
        if (outcome == ProjectOutcome.ENDED_EARLY && !early) {
            throw new InvalidInputException("outcome", "the project ran its whole period: COMPLETED");
        }
    }
}
