package org.wushe.hub.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.util.UrlUtils;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One sign-out for the portal and the issuer (OIDC RP-initiated logout). The session here is already gone when
 * this runs; the browser is then sent on to the issuer's {@code end_session_endpoint} with a <em>form post</em>
 * (which the specification allows beside GET), so the ID token it must carry as {@code id_token_hint} never
 * appears in a URL, the browser's history, a Referer or an access log. A small script from the portal
 * ({@code /signout.js}, allowed by the page's CSP) submits the form; without scripts a button does. Nobody
 * signed in, or an issuer without an end-session endpoint: straight back to the front page.
 */
final class IssuerSignOut implements LogoutSuccessHandler {

    static final String SCRIPT = "document.getElementById('signout').submit();\n";

    private final ClientRegistrationRepository registrations;

    IssuerSignOut(ClientRegistrationRepository registrations) {
        this.registrations = registrations;
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        String home = UriComponentsBuilder.fromUriString(UrlUtils.buildFullRequestUrl(request))
                .replacePath(request.getContextPath() + "/")
                .replaceQuery(null)
                .fragment(null)
                .build()
                .toUriString();
        String endSession = null;
        String idToken = null;
        String clientId = null;
        if (authentication instanceof OAuth2AuthenticationToken token
                && token.getPrincipal() instanceof OidcUser user) {
            ClientRegistration registration =
                    registrations.findByRegistrationId(token.getAuthorizedClientRegistrationId());
            Object endpoint = registration == null
                    ? null
                    : registration
                            .getProviderDetails()
                            .getConfigurationMetadata()
                            .get("end_session_endpoint");
            endSession = endpoint == null ? null : endpoint.toString();
            idToken = user.getIdToken().getTokenValue();
            clientId = registration == null ? null : registration.getClientId();
        }
        if (endSession == null) {
            response.sendRedirect(home);
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id_token_hint", idToken);
        fields.put("client_id", clientId);
        fields.put("post_logout_redirect_uri", home);
        StringBuilder html = new StringBuilder("""
                <!doctype html>
                <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>正在退出 Signing out</title></head>
                <body><main>
                """);
        html.append("<form id=\"signout\" method=\"post\" action=\"")
                .append(HtmlUtils.htmlEscape(endSession))
                .append("\">\n");
        fields.forEach((name, value) -> html.append("<input type=\"hidden\" name=\"")
                .append(name)
                .append("\" value=\"")
                .append(HtmlUtils.htmlEscape(value))
                .append("\">\n"));
        html.append("""
                <p>正在退出登录… Signing out…</p>
                <button type="submit">继续退出 Continue signing out</button>
                </form>
                <script src="/signout.js"></script>
                </main></body></html>
                """);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(html.toString().getBytes(StandardCharsets.UTF_8));
    }
}
