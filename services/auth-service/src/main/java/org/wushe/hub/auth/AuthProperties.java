package org.wushe.hub.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code wushe.auth.*}: the issuer, the signing key's file, the first admin, the sample loader's client,
 * where the public (PKCE) client may be sent back after sign-in, and the portal's confidential client: its id,
 * secret (no secret, no client) and the portal's base URLs ({@code portalUris}, e.g. {@code http://127.0.0.1:8090}),
 * which come back to {@code <base>/login/oauth2/code/wushe} after sign-in and to {@code <base>/} after sign-out.
 */
@ConfigurationProperties("wushe.auth")
public record AuthProperties(
        String issuer,
        Path keyFile,
        String adminUsername,
        String adminPassword,
        String loaderClientId,
        String loaderSecret,
        List<String> redirectUris,
        Duration accessTokenTtl,
        String portalClientId,
        String portalSecret,
        List<String> portalUris,
        String audience,
        SignIn signIn,
        Integer passwordHistory,
        boolean bootstrapApproval) {

    /**
     * {@code wushe.auth.sign-in.*}: after {@code maxFailures} failed sign-ins for one username, or {@code maxFailuresPerIp}
     * from one client address, within {@code lockout}, that username (or address) is locked for {@code lockout}.
     */
    public record SignIn(Integer maxFailures, Integer maxFailuresPerIp, Duration lockout) {
        public SignIn {
            maxFailures = maxFailures == null ? 5 : maxFailures;
            maxFailuresPerIp = maxFailuresPerIp == null ? 30 : maxFailuresPerIp;
            lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
        }
    }

    public AuthProperties {
        audience = audience == null || audience.isBlank() ? "wushe-hub" : audience;
        signIn = signIn == null ? new SignIn(null, null, null) : signIn;
        passwordHistory = passwordHistory == null ? 5 : passwordHistory;
        redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        accessTokenTtl = accessTokenTtl == null ? Duration.ofHours(8) : accessTokenTtl;
        portalClientId = portalClientId == null || portalClientId.isBlank() ? "wushe-portal" : portalClientId;
        portalUris = portalUris == null
                ? List.of()
                : portalUris.stream()
                        .map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u)
                        .toList();
    }

    /** The origins of the redirect URIs: the pages allowed to call the token endpoint from the browser (CORS). */
    public List<String> browserOrigins() {
        return redirectUris.stream()
                .map(u -> java.net.URI.create(u))
                .map(u -> u.getScheme() + "://" + u.getAuthority())
                .distinct()
                .toList();
    }
}
