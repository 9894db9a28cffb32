package org.wushe.hub.platform.security;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.i18n.Text;

/**
 * The person (or client) behind the current request, read from its verified token: the subject, the
 * roles ({@value Roles#CLAIM}) and the tenancy claims ({@code station_id}, {@code community_id}, …).
 */
public record Caller(String subject, Set<String> roles, Map<String, String> tenancy) {

    public Caller {
        roles = Set.copyOf(roles);
        tenancy = Map.copyOf(tenancy);
    }

    /** The caller of the current request, if it carried a valid token. */
    public static Optional<Caller> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken token) {
            return Optional.of(of(token.getToken()));
        }
        return Optional.empty();
    }

    /** Reads a verified token's subject, roles and tenancy claims (strings or single-element lists). */
    public static Caller of(Jwt jwt) {
        Map<String, String> tenancy = new TreeMap<>();
        for (String claim : Roles.TENANCY.values()) {
            Object value = jwt.getClaims().get(claim);
            if (value instanceof Collection<?> c && c.size() == 1) {
                value = c.iterator().next();
            }
            if (value != null && !(value instanceof Collection<?>)) {
                tenancy.put(claim, value.toString());
            }
        }
        return new Caller(jwt.getSubject(), roles(jwt), tenancy);
    }

    static Set<String> roles(Jwt jwt) {
        Object raw = jwt.getClaims().get(Roles.CLAIM);
        if (raw instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
        }
        if (raw instanceof String s && !s.isBlank()) {
            return Set.of(s.trim().split("[\\s,]+"));
        }
        return Set.of();
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Roles.HUB_ADMIN);
    }

    /** Whether the caller holds {@code role} for the tenant {@code id} (its claim for that role equals the id). */
    public boolean holds(String role, Object id) {
        String claim = Roles.TENANCY.get(role);
        return has(role) && claim != null && id != null && id.toString().equalsIgnoreCase(tenancy.get(claim));
    }

    /** The tenant id the caller holds {@code role} for, e.g. its station for {@code station_staff}. */
    public Optional<String> tenantOf(String role) {
        String claim = Roles.TENANCY.get(role);
        return has(role) && claim != null ? Optional.ofNullable(tenancy.get(claim)) : Optional.empty();
    }

    /**
     * "staff-li (站点工作人员 station staff of 7c1…)" for a message written as one string in both languages; the role
     * names in the request's language. A message of the catalogue takes {@link #describeText()} instead.
     */
    public String describe() {
        if (roles.isEmpty()) {
            return subject + " (" + Messages.text("access.no-role") + ")";
        }
        return subject + " ("
                + roles.stream()
                        .sorted()
                        .map(r -> Roles.label(r)
                                + tenantOf(r).map(t -> " of " + t).orElse(""))
                        .collect(Collectors.joining(", "))
                + ")";
    }

    /** The caller as a text of the catalogue: its subject and its roles, each with the tenant it holds it for. */
    public Text describeText() {
        if (roles.isEmpty()) {
            return Text.of("access.caller-no-role", subject);
        }
        return Text.of(
                "access.caller",
                subject,
                roles.stream()
                        .sorted()
                        .map(r -> tenantOf(r)
                                .<Object>map(t -> Text.of("access.role-of", Roles.labelText(r), t))
                                .orElse(Roles.labelText(r)))
                        .toList());
    }
}
