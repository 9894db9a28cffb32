package org.wushe.hub.matching.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the station console signs in: its OIDC issuer and public client, read by the hub's shared sign-in script
 * ({@code /wushe/signin.js}, platform jar) that the console loads
 * (authorization code with PKCE, no client secret). Public, like the page itself ({@code /console/**}).
 *
 * <ul>
 * <li>{@code wushe.console.issuer} ({@code WUSHE_CONSOLE_ISSUER}): the issuer as the browser reaches it; by
 * default the resource server's {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}. Without one the
 * console cannot sign in by itself and says so; a token put in {@code sessionStorage} under
 * {@code wushe.console.token} is still used.</li>
 * <li>{@code wushe.console.client-id} ({@code WUSHE_CONSOLE_CLIENT_ID}): the public client, {@code wushe-console}.</li>
 * </ul>
 */
@RestController
@Tag(name = "console", description = "站点工作台登录配置 Where the station console signs in")
public class ConsoleAuthController {

    /** The console's sign-in settings; {@code issuer} is left out when none is configured. */
    public record ConsoleAuth(String issuer, String clientId, String scope) {
    }

    private final ConsoleAuth auth;

    public ConsoleAuthController(@Value("${wushe.console.issuer:${spring.security.oauth2.resourceserver.jwt.issuer-uri:}}") String issuer,
                                 @Value("${wushe.console.client-id:wushe-console}") String clientId) {
        this.auth = new ConsoleAuth(issuer == null || issuer.isBlank() ? null : issuer.strip(), clientId.strip(), "openid");
    }

    @GetMapping("/console/auth.json")
    @Operation(summary = "工作台登录配置 The console's OIDC issuer and client", description = "Public: the page reads it before signing in.")
    public ResponseEntity<ConsoleAuth> auth() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(auth);
    }
}
