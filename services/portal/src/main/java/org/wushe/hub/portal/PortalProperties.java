package org.wushe.hub.portal;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code wushe.portal.*}: the issuer people sign in at, the portal's client at that issuer, and where each
 * service is. {@code services} maps the path segment after {@code /api/} to the service's base URL, e.g.
 * {@code community → http://127.0.0.1:8081}: {@code /api/community/needs} is relayed to
 * {@code http://127.0.0.1:8081/needs} with the signed-in person's access token.
 */
@ConfigurationProperties("wushe.portal")
public record PortalProperties(URI issuer, String clientId, String clientSecret, Map<String, URI> services) {

    public PortalProperties {
        services = services == null ? Map.of() : new TreeMap<>(services);
        if (issuer == null) {
            throw new IllegalArgumentException(
                    "wushe.portal.issuer (WUSHE_PORTAL_ISSUER) must name the OIDC issuer people sign in at");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException(
                    "wushe.portal.client-id (WUSHE_PORTAL_CLIENT_ID) must name the portal's client at " + issuer);
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException(
                    "wushe.portal.client-secret (WUSHE_PORTAL_CLIENT_SECRET) must hold the portal client's secret at "
                            + issuer);
        }
    }
}
