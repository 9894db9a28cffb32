package org.wushe.hub.organization.project;

import java.time.LocalDate;
import org.wushe.hub.events.organization.ProjectOutcome;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.web.InvalidInputException;

/** Dates and money of projects; each broken rule names the field it is about. */
public final class ProjectRules {

    /** Public-benefit projects run for months, a few years at most. */
    public static final int MAX_YEARS = 5;

    private ProjectRules() {}

    public static void requirePeriod(LocalDate startsOn, LocalDate endsOn, LocalDate today) {
        if (endsOn.isBefore(startsOn)) {
            throw new InvalidInputException("endsOn", Messages.text("project.ends-before-start", startsOn));
        }
        if (endsOn.isAfter(startsOn.plusYears(MAX_YEARS))) {
            throw new InvalidInputException("endsOn", Messages.text("project.too-long", MAX_YEARS));
        }
        if (endsOn.isBefore(today)) {
            throw new InvalidInputException("endsOn", Messages.text("project.over", today));
        }
    }

    /** A grant comes while the project runs, and all grants together stay within its budget. */
    public static void requireGrant(Project p, long amountFen, LocalDate awardedOn, LocalDate today) {
        if (p.status() != Project.Status.ACTIVE) {
            throw new InvalidInputException("projectId", Messages.text("project.closed"), 409);
        }
        if (awardedOn.isAfter(today)) {
            throw new InvalidInputException("awardedOn", Messages.text("date.in-future", today));
        }
        if (p.budgetFen() != null && p.grantedFen() + amountFen > p.budgetFen()) {
            throw new InvalidInputException(
                    "amountFen", Messages.text("project.over-budget", p.grantedFen() + amountFen, p.budgetFen()));
        }
    }

    /** COMPLETED once its period is run; ENDED_EARLY before that. */
    public static void requireClosing(Project p, ProjectOutcome outcome, LocalDate closedOn, LocalDate today) {
        if (p.status() != Project.Status.ACTIVE) {
            throw new InvalidInputException("projectId", Messages.text("project.closed-already"), 409);
        }
        if (closedOn.isAfter(today)) {
            throw new InvalidInputException("closedOn", Messages.text("date.in-future", today));
        }
        if (closedOn.isBefore(p.startsOn())) {
            throw new InvalidInputException("closedOn", Messages.text("project.closed-before-start", p.startsOn()));
        }
        boolean early = closedOn.isBefore(p.endsOn());
        if (outcome == ProjectOutcome.COMPLETED && early) {
            throw new InvalidInputException("outcome", Messages.text("project.ended-early", p.endsOn()));
        }
        if (outcome == ProjectOutcome.ENDED_EARLY && !early) {
            throw new InvalidInputException("outcome", Messages.text("project.completed"));
        }
    }
}
