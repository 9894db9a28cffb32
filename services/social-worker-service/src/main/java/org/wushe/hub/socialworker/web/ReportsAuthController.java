package org.wushe.hub.socialworker.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the centre reports page signs in: its OIDC issuer and public client, read by the hub's shared
 * sign-in script ({@code /wushe/signin.js}: authorization code with PKCE, no client secret). Public, like
 * the page itself ({@code /reports/**}). The same answer as the station console's {@code /console/auth.json}
 * of the matching service.
 *
 * <ul>
 * <li>{@code wushe.reports.issuer} ({@code WUSHE_REPORTS_ISSUER}): the issuer as the browser reaches it; by
 * default the resource server's {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}. Without one the
 * page cannot sign in by itself and says so; a token put in {@code sessionStorage} under
 * {@code wushe.reports.token} is still used.</li>
 * <li>{@code wushe.reports.client-id} ({@code WUSHE_REPORTS_CLIENT_ID}): the public client, {@code wushe-console},
 * whose redirect URIs include this page's folder ({@code …/reports/}).</li>
 * </ul>
 */
@RestController
@Tag(name = "reports page", description = "中心报表页登录配置 Where the centre reports page signs in")
public class ReportsAuthController {

    /** The page's sign-in settings; {@code issuer} is left out when none is configured. */
    public record PageAuth(String issuer, String clientId, String scope) {
    }

    private final PageAuth auth;

    public ReportsAuthController(@Value("${wushe.reports.issuer:${spring.security.oauth2.resourceserver.jwt.issuer-uri:}}") String issuer,
                                 @Value("${wushe.reports.client-id:wushe-console}") String clientId) {
        this.auth = new PageAuth(issuer == null || issuer.isBlank() ? null : issuer.strip(), clientId.strip(), "openid");
    }

    @GetMapping("/reports/auth.json")
    @Operation(summary = "报表页登录配置 The reports page's OIDC issuer and client", description = "Public: the page reads it before signing in.")
    public ResponseEntity<PageAuth> auth() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(auth);
    }
}
