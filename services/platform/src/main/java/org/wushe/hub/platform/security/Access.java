package org.wushe.hub.platform.security;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;
import org.wushe.hub.platform.i18n.Messages;

/**
 * Checks in the service code, where the tenant is only known from the body or from a stored row (the
 * station of a match, the community of a resident). Each failing check throws {@link ForbiddenException},
 * a 403 naming the field. {@value Roles#HUB_ADMIN} passes every check here except where a service asks
 * with {@link #requireTenantOnly}.
 *
 * <pre>{@code
 * Access.requireTenant("communityId", request.communityId(), Roles.COMMUNITY_STAFF);
 * Access.requireTenant("stationId", match.stationId(), Roles.STATION_STAFF, Roles.CENTRE_MANAGER);
 * }</pre>
 */
public final class Access {

    private Access() {}

    /** The verified caller; 403 when the request carried no token (only public paths let such requests through). */
    public static Caller caller() {
        return Caller.current()
                .orElseThrow(() -> new ForbiddenException(
                        "Authorization", Messages.text("auth.sign-in-first"), "a valid bearer token"));
    }

    /** Passes for the hub admin or a caller holding any of {@code roles}. */
    public static Caller requireRole(String field, String... roles) {
        return passOrThrow(roleRefusal(caller(), field, roles));
    }

    /** Passes for the hub admin or a caller holding one of {@code roles} for the tenant {@code id}. */
    public static Caller requireTenant(String field, Object id, String... roles) {
        Caller caller = caller();
        return caller.isAdmin() ? caller : passOrThrow(tenantRefusal(caller, field, id, roles));
    }

    /** Like {@link #requireTenant} but the hub admin does not pass: for residents' personal details. */
    public static Caller requireTenantOnly(String field, Object id, String... roles) {
        return passOrThrow(tenantRefusal(caller(), field, id, roles));
    }

    /**
     * Why {@code caller} may not act with one of {@code roles} (the hub admin may), or null when it may. The one
     * decision and wording for these checks, in code and in path rules ({@link Rules#roles}).
     */
    public static ForbiddenException roleRefusal(Caller caller, String field, String... roles) {
        if (caller.isAdmin() || Arrays.stream(roles).anyMatch(caller::has)) {
            return null;
        }
        return new ForbiddenException(
                field,
                Messages.text("access.role-required", caller.describeText(), labelTexts(roles)),
                String.join(" or ", roles));
    }

    /**
     * Why {@code caller} does not hold one of {@code roles} for the tenant {@code id} (the hub admin is not
     * special here), or null when it does. Shared by the checks in code and {@link Rules#tenant}.
     */
    public static ForbiddenException tenantRefusal(Caller caller, String field, Object id, String... roles) {
        return tenantRefusal(caller, field, id, "access.tenant-act", roles);
    }

    /** The same, with the message's code given (a path rule says 只能访问… {@code access.tenant-read}, a write 只能操作…). */
    static ForbiddenException tenantRefusal(Caller caller, String field, Object id, String code, String... roles) {
        if (id != null && Arrays.stream(roles).anyMatch(r -> caller.holds(r, id))) {
            return null;
        }
        String needed = Arrays.stream(roles)
                .map(r -> r + " of " + Objects.toString(id, "?"))
                .collect(Collectors.joining(" or "));
        return new ForbiddenException(
                field,
                Messages.text(code, caller.describeText(), labelTexts(roles), field, Objects.toString(id, "?"), needed),
                needed);
    }

    /** "站点工作人员 station staff / 社区工作人员 community staff", in the request's language. */
    static String labels(String... roles) {
        return Arrays.stream(roles).map(Roles::label).collect(Collectors.joining(" / "));
    }

    /** The roles' names as texts, put into the language of the sentence around them. */
    static java.util.List<Object> labelTexts(String... roles) {
        return Arrays.stream(roles).map(Roles::labelText).toList();
    }

    private static Caller passOrThrow(ForbiddenException refusal) {
        if (refusal != null) {
            throw refusal;
        }
        return caller();
    }

    /** Whether the caller is the hub admin or holds one of {@code roles} for {@code id}; for filtering lists. */
    public static boolean may(Object id, String... roles) {
        Caller caller = Caller.current().orElse(null);
        return caller != null && (caller.isAdmin() || Arrays.stream(roles).anyMatch(r -> caller.holds(r, id)));
    }
}
