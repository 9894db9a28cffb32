package org.wushe.hub.platform.security;

import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.wushe.hub.platform.i18n.Messages;

/**
 * Declarative access rules for request paths, used in a service's {@link WusheAccessRules}. Each denial
 * carries its reason ({@link Denied}), which the 403 problem body shows.
 *
 * <pre>{@code
 * registry.requestMatchers(HttpMethod.GET, "/stations/{stationId}/proposals")
 *         .access(Rules.tenant("stationId", Roles.STATION_STAFF));
 * }</pre>
 */
public final class Rules {

    private Rules() {}

    /** A refusal with the field it concerns and what would have been allowed. */
    public static final class Denied extends AuthorizationDecision {
        private final ForbiddenException refusal;

        public Denied(ForbiddenException refusal) {
            super(false);
            this.refusal = refusal;
        }

        public Denied(String field, String message, String required) {
            this(new ForbiddenException(field, message, required));
        }

        public ForbiddenException toException() {
            return refusal;
        }
    }

    /** The hub admin, or a caller holding one of {@code roles} (any tenant). */
    public static AuthorizationManager<RequestAuthorizationContext> roles(String... roles) {
        return (auth, context) -> decide(
                auth,
                caller -> Access.roleRefusal(
                        caller,
                        context.getRequest().getMethod() + " "
                                + context.getRequest().getRequestURI(),
                        roles));
    }

    /**
     * The hub admin, or a caller holding one of {@code roles} for the tenant named by the path variable
     * {@code variable} (e.g. {@code stationId} in {@code /stations/{stationId}/proposals}).
     */
    public static AuthorizationManager<RequestAuthorizationContext> tenant(String variable, String... roles) {
        return (auth, context) -> decide(
                auth,
                caller -> caller.isAdmin()
                        ? null
                        : Access.tenantRefusal(
                                caller, variable, context.getVariables().get(variable), "access.tenant-read", roles));
    }

    private interface Check {
        ForbiddenException apply(Caller caller);
    }

    private static AuthorizationResult decide(Supplier<? extends Authentication> auth, Check check) {
        Authentication a = auth.get();
        if (!(a instanceof JwtAuthenticationToken token)) {
            return new Denied("Authorization", Messages.text("auth.sign-in-first"), "a valid bearer token");
        }
        Caller caller = Caller.of(token.getToken());
        ForbiddenException refused = check.apply(caller);
        return refused == null ? new AuthorizationDecision(true) : new Denied(refused);
    }
}
