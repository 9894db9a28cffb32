package org.wushe.hub.portal;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Sign-in with the authorization code flow and PKCE at the issuer ({@code /oauth2/authorization/wushe});
 * the result is a session (cookie {@code WUSHE_SESSION}: HttpOnly, SameSite=Lax, Secure whenever the request
 * came over TLS) and the tokens stay in it, on the server. {@code /api/**} answers 401 rather than redirecting,
 * so the pages decide to sign in; the pages themselves are public files. CSRF: the token is in the
 * {@code XSRF-TOKEN} cookie and comes back in {@code X-XSRF-TOKEN} on every unsafe call, or as {@code _csrf} in the
 * sign-out form ({@link CookieCsrf}). Signing out ends the session here and at the issuer (OIDC RP-initiated logout, see
 * {@link IssuerSignOut}) and comes back to the portal's front page.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SecurityConfig.class);

    @Bean
    ClientRegistrationRepository clientRegistrations(PortalProperties props) {
        return new IssuerRegistrations(props);
    }

    @Bean
    SecurityFilterChain portal(HttpSecurity http, ClientRegistrationRepository registrations, PortalProperties props)
            throws Exception {
        java.net.URI issuer = props.issuer();
        String issuerOrigin = issuer.getScheme() + "://" + issuer.getRawAuthority();
        DefaultOAuth2AuthorizationRequestResolver pkce =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        IssuerSignOut atIssuer = new IssuerSignOut(registrations);
        RequestMatcher api = pathPattern("/api/**");
        http.authorizeHttpRequests(a -> a.requestMatchers(pathPattern("/api/**"))
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .oauth2Login(login -> login.authorizationEndpoint(e -> e.authorizationRequestResolver(pkce))
                        .defaultSuccessUrl("/", false)
                        .failureHandler(SecurityConfig::signInFailed))
                .oauth2Client(Customizer.withDefaults())
                .logout(l -> l.logoutSuccessHandler(atIssuer))
                .csrf(c -> c.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CookieCsrf()))
                .exceptionHandling(e ->
                        e.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
                                        // Signing out posts to /logout, which sends the browser on to the issuer's
                                        // end-session page.
                                        + "form-action 'self' " + issuerOrigin))
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * A sign-in the issuer, the token exchange or UserInfo refused: the reason in the log (never the code or a
     * token), and the person on the front page, which says so and waits for them ({@code signin=failed}) rather
     * than going round the issuer again.
     */
    private static void signInFailed(
            jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response,
            org.springframework.security.core.AuthenticationException failure)
            throws java.io.IOException {
        String reason = failure instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException oauth
                ? oauth.getError().getErrorCode() + ": " + oauth.getError().getDescription()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        log.warn("Sign-in at the issuer failed ({})", reason);
        response.sendRedirect(request.getContextPath() + "/?signin=failed");
    }

    /**
     * The double-submit cookie as it is: a page's script copies the {@code XSRF-TOKEN} cookie into the
     * {@code X-XSRF-TOKEN} header, and the sign-out form into {@code _csrf}, both unmasked (the token is never
     * written into a response body, so BREACH masking has nothing to protect). The cookie is set on every
     * response, so the first call of a page already has it.
     */
    static final class CookieCsrf extends CsrfTokenRequestAttributeHandler {
        @Override
        public void handle(
                jakarta.servlet.http.HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response,
                java.util.function.Supplier<CsrfToken> token) {
            super.handle(request, response, token);
            token.get();
        }
    }
}
