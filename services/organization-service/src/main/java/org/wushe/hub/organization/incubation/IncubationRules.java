package org.wushe.hub.organization.incubation;

import java.util.List;
import org.wushe.hub.events.common.IncubationStage;
import org.wushe.hub.organization.organization.Organization;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.web.InvalidInputException;

/**
 * How an organization moves through incubation. Stages go forward one at a time (萌芽型 → 初创型 →
 * 成长型 → 成熟型): an assessment that finds an organization ready moves it to the next stage, never
 * past one, never back. Only a mature organization (成熟型) leads others as a hub (枢纽型), and a hub
 * that still incubates organizations cannot give that role up.
 */
public final class IncubationRules {

    /** The stages in the order an organization passes them. */
    public static final List<IncubationStage> ORDER = List.of(
            IncubationStage.SPROUTING, IncubationStage.START_UP, IncubationStage.GROWING, IncubationStage.MATURE);

    private IncubationRules() {}

    /** @throws InvalidInputException 409 naming {@code stage} unless {@code target} is the stage right after {@code current} */
    public static void requireNextStage(IncubationStage current, IncubationStage target) {
        int from = ORDER.indexOf(current);
        int to = ORDER.indexOf(target);
        if (to < 0) {
            throw new InvalidInputException("stage", Messages.text("incubation.stage-unknown", ORDER));
        }
        if (to == from) {
            throw new InvalidInputException("stage", Messages.text("incubation.stage-already", current), 409);
        }
        if (to < from) {
            throw new InvalidInputException("stage", Messages.text("incubation.stage-backwards", current, target), 409);
        }
        if (to > from + 1) {
            throw new InvalidInputException(
                    "stage",
                    Messages.text("incubation.stage-skips", current, target, ORDER.subList(from + 1, to)),
                    409);
        }
    }

    public static boolean mayLead(IncubationStage stage) {
        return stage == IncubationStage.MATURE;
    }

    /** @throws InvalidInputException naming {@code hub} when an organization below MATURE would be a hub */
    public static void requireHubMayBe(IncubationStage stage, boolean hub, int status) {
        if (hub && !mayLead(stage)) {
            throw new InvalidInputException("hub", Messages.text("organization.hub-must-be-mature", stage), status);
        }
    }

    /** @throws InvalidInputException 409 naming {@code hub} when a hub would stop being one while it incubates others */
    public static void requireMayStopLeading(int incubated) {
        if (incubated > 0) {
            throw new InvalidInputException("hub", Messages.text("incubation.still-incubates", incubated), 409);
        }
    }

    /** @throws InvalidInputException 400 naming {@code hubOrganizationId} when the organization is no hub */
    public static void requireHub(Organization candidate) {
        if (!candidate.hub()) {
            throw new InvalidInputException("hubOrganizationId", Messages.text("organization.no-hub", candidate.id()));
        }
    }
}
