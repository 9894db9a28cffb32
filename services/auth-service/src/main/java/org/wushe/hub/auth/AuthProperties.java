package org.wushe.hub.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code wushe.auth.*}: the issuer, the signing key's file, the first admin, the sample loader's client and
 * where the browser clients may be sent back after sign-in.
 */
@ConfigurationProperties("wushe.auth")
public record AuthProperties(String issuer, Path keyFile, String adminUsername, String adminPassword,
                             String loaderClientId, String loaderSecret, List<String> redirectUris, Duration accessTokenTtl) {

    public AuthProperties {
        redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        accessTokenTtl = accessTokenTtl == null ? Duration.ofHours(8) : accessTokenTtl;
    }

    /** The origins of the redirect URIs: the pages allowed to call the token endpoint from the browser (CORS). */
    public List<String> browserOrigins() {
        return redirectUris.stream().map(u -> java.net.URI.create(u)).map(u -> u.getScheme() + "://" + u.getAuthority()).distinct().toList();
    }
}
