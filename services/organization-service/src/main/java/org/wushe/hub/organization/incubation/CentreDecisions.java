package org.wushe.hub.organization.incubation;

import org.wushe.hub.organization.organization.Organization;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.i18n.Text;
import org.wushe.hub.platform.security.Access;
import org.wushe.hub.platform.security.Caller;
import org.wushe.hub.platform.security.ForbiddenException;
import org.wushe.hub.platform.security.Roles;

/**
 * Incubation steps and a project's grants and closing are decided by the managers of the organization's own
 * centre ({@code centre_id} of the token equals the organization's {@code centreId}), or the hub admin. A
 * manager of another centre, or of any centre for an organization registered without one, is refused: a 403
 * naming {@code organizationId} and who may, checked before anything is stored or published.
 */
public final class CentreDecisions {

    public static final String FIELD = "organizationId";

    private CentreDecisions() {}

    public static Caller require(Organization o) {
        Caller caller = Access.caller();
        if (caller.isAdmin() || caller.holds(Roles.CENTRE_MANAGER, o.centreId())) {
            return caller;
        }
        String needed = o.centreId() == null ? Roles.HUB_ADMIN : Roles.CENTRE_MANAGER + " of " + o.centreId();
        throw new ForbiddenException(
                FIELD,
                o.centreId() == null
                        ? Messages.text(
                                "incubation.centre-none", caller.describeText(), o.id(), Roles.labelText(needed))
                        : Messages.text(
                                "incubation.centre-only",
                                caller.describeText(),
                                o.id(),
                                o.centreId(),
                                Text.of("access.role-of", Roles.labelText(Roles.CENTRE_MANAGER), o.centreId())),
                needed);
    }
}
