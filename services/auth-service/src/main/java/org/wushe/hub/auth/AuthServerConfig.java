package org.wushe.hub.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Three filter chains: the OAuth2 / OIDC protocol endpoints (Spring Authorization Server), the admin
 * API {@code /accounts} (bearer tokens with {@code hub_admin}), and the sign-in form for everything else.
 *
 * <p>Clients: {@code wushe-console}, public, authorization code with PKCE, for the station console and the
 * reports page; the sample loader ({@code wushe.auth.loader-client-id}), confidential, client credentials,
 * its tokens carrying {@code roles: [hub_admin]}. A person's token carries their account's roles and
 * tenancy claims ({@code station_id}, …), which the services enforce.
 */
@Configuration(proxyBeanMethods = false)
public class AuthServerConfig {

    public static final String CONSOLE_CLIENT = "wushe-console";
    /** The JWT header typ of an access token (RFC 9068): what the services require, and what ID tokens do not carry. */
    public static final String ACCESS_TOKEN_TYPE = "at+jwt";

    static final String CLIENT_ROLES = "wushe.roles";
    private static final Logger log = LoggerFactory.getLogger(AuthServerConfig.class);

    @Bean
    @Order(1)
    SecurityFilterChain protocolEndpoints(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(Customizer.withDefaults());
                })
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .cors(Customizer.withDefaults())
                // A browser that is not signed in goes to the sign-in page; API clients get 401.
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain accountsApi(HttpSecurity http, JWKSource<SecurityContext> keys, AuthProperties props)
            throws Exception {
        JwtAuthenticationConverter roles = new JwtAuthenticationConverter();
        roles.setJwtGrantedAuthoritiesConverter(jwt -> {
            Object raw = jwt.getClaims().get("roles");
            Collection<?> list = raw instanceof Collection<?> c ? c : List.of();
            return list.stream()
                    .map(r -> new SimpleGrantedAuthority("ROLE_" + r))
                    .map(a -> (org.springframework.security.core.GrantedAuthority) a)
                    .toList();
        });
        http.securityMatcher("/accounts", "/accounts/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        // Pending requests: the hub admins, and centre managers for the requests naming their centre.
                        .requestMatchers("/accounts/requests", "/accounts/requests/**")
                        .hasAnyRole("hub_admin", "centre_manager")
                        // Residents' accounts: the staff of the resident's community (checked against the body in
                        // AccountChanges).
                        .requestMatchers(
                                org.springframework.http.HttpMethod.POST,
                                "/accounts/residents",
                                "/accounts/residents/*/password-reset")
                        .hasRole("community_staff")
                        // A volunteer closes their own account; VolunteerAccounts.close checks the roles.
                        .requestMatchers(org.springframework.http.HttpMethod.DELETE, "/accounts/me")
                        .authenticated()
                        .anyRequest()
                        .hasRole("hub_admin"))
                .oauth2ResourceServer(o -> o.jwt(
                                j -> j.decoder(accessTokens(keys, props)).jwtAuthenticationConverter(roles))
                        .authenticationEntryPoint((request, response, e) -> problem(
                                response,
                                401,
                                "urn:wushe:problem:unauthenticated",
                                Texts.text(request, "problem.unauthenticated.title"),
                                "Authorization",
                                Texts.text(request, "auth.token-required", e.getMessage()),
                                null))
                        .accessDeniedHandler((request, response, e) -> refused(request, response)))
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, ex) -> refused(request, response)));
        return http.build();
    }

    private static void refused(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath();
        String required = path.startsWith("/accounts/requests")
                ? "hub_admin or centre_manager"
                : path.startsWith("/accounts/residents") ? "community_staff" : "hub_admin";
        String what = request.getMethod() + " " + path;
        problem(
                response,
                403,
                "urn:wushe:problem:forbidden",
                Texts.text(request, "problem.forbidden.title"),
                "Authorization",
                path.startsWith("/accounts/requests")
                        ? Texts.text(request, "auth.requests-only", what, required)
                        : path.startsWith("/accounts/residents")
                                ? Texts.text(request, "auth.residents-only", what, required)
                                : Texts.text(request, "auth.admin-only", what, required),
                required);
    }

    private static void problem(
            HttpServletResponse response,
            int status,
            String type,
            String title,
            String field,
            String message,
            String required)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        String json = "{\"type\":" + quote(type) + ",\"title\":" + quote(title) + ",\"status\":" + status
                + ",\"detail\":" + quote(field + ": " + message)
                + (required == null ? "" : ",\"required\":" + quote(required))
                + ",\"errors\":[{\"field\":" + quote(field) + ",\"message\":" + quote(message) + "}]}";
        response.getWriter().write(json);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The admin API, like every service, takes this issuer's access tokens only: typ at+jwt, aud holding the hub's audience. */
    static JwtDecoder accessTokens(JWKSource<SecurityContext> keys, AuthProperties props) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys)
                .jwtProcessorCustomizer(
                        p -> p.setJWSTypeVerifier(new com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier<>(
                                new com.nimbusds.jose.JOSEObjectType(ACCESS_TOKEN_TYPE))))
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(List.of(
                new JwtIssuerValidator(props.issuer()),
                new JwtTypeValidator(ACCESS_TOKEN_TYPE),
                new JwtAudienceValidator(props.audience()))));
        return decoder;
    }

    @Bean
    @Order(3)
    SecurityFilterChain signIn(HttpSecurity http, SignInThrottle throttle) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler back = new SavedRequestAwareAuthenticationSuccessHandler();
        http.authorizeHttpRequests(a -> a.requestMatchers(
                                "/login",
                                "/volunteer-sign-up",
                                "/actuator/health",
                                "/actuator/health/**",
                                "/actuator/info",
                                "/error",
                                "/favicon.ico")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                // A locked username or address: the form is answered without checking the password.
                .addFilterBefore(
                        new OncePerRequestFilter() {
                            @Override
                            protected boolean shouldNotFilter(HttpServletRequest request) {
                                return !"POST".equals(request.getMethod())
                                        || !"/login".equals(request.getServletPath());
                            }

                            @Override
                            protected void doFilterInternal(
                                    HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                                    throws ServletException, IOException {
                                if (throttle.lockedUntil(request.getParameter("username"), request.getRemoteAddr())
                                        != null) {
                                    response.sendRedirect(request.getContextPath() + "/login?error&locked");
                                    return;
                                }
                                chain.doFilter(request, response);
                            }
                        },
                        UsernamePasswordAuthenticationFilter.class)
                .formLogin(f -> f.loginPage("/login")
                        .successHandler((request, response, authentication) -> {
                            throttle.succeeded(authentication.getName());
                            back.onAuthenticationSuccess(request, response, authentication);
                        })
                        .failureHandler((request, response, exception) -> {
                            boolean locked = throttle.failed(request.getParameter("username"), request.getRemoteAddr());
                            response.sendRedirect(
                                    request.getContextPath() + "/login?error" + (locked ? "&locked" : ""));
                        }));
        return http.build();
    }

    /** The time the throttle and the audit trail read (tests move it). */
    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    RegisteredClientRepository clients(AuthProperties props, PasswordEncoder passwords) {
        List<RegisteredClient> clients = new ArrayList<>();
        RegisteredClient.Builder console = RegisteredClient.withId(
                        UUID.nameUUIDFromBytes(CONSOLE_CLIENT.getBytes()).toString())
                .clientId(CONSOLE_CLIENT)
                .clientName("站点工作台 Station console")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(props.accessTokenTtl())
                        .build());
        // The pages come back to themselves after signing in, and after signing out at the issuer (OIDC RP-initiated
        // logout).
        props.redirectUris().forEach(uri -> console.redirectUri(uri).postLogoutRedirectUri(uri));
        clients.add(console.build());
        if (props.portalSecret() != null && !props.portalSecret().isBlank()) {
            // The portal: a confidential client (a backend-for-frontend), code + PKCE, refresh tokens kept on its
            // server.
            RegisteredClient.Builder portal = RegisteredClient.withId(
                            UUID.nameUUIDFromBytes(props.portalClientId().getBytes())
                                    .toString())
                    .clientId(props.portalClientId())
                    .clientSecret(passwords.encode(props.portalSecret()))
                    .clientName("五社联动门户 Wushe portal")
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    .scope(OidcScopes.OPENID)
                    .scope(OidcScopes.PROFILE)
                    .clientSettings(ClientSettings.builder()
                            .requireProofKey(true)
                            .requireAuthorizationConsent(false)
                            .build())
                    .tokenSettings(TokenSettings.builder()
                            .accessTokenTimeToLive(props.accessTokenTtl())
                            .build());
            props.portalUris()
                    .forEach(base -> portal.redirectUri(base + "/login/oauth2/code/wushe")
                            .postLogoutRedirectUri(base + "/"));
            clients.add(portal.build());
        }
        if (props.loaderSecret() != null && !props.loaderSecret().isBlank()) {
            clients.add(RegisteredClient.withId(
                            UUID.nameUUIDFromBytes(props.loaderClientId().getBytes())
                                    .toString())
                    .clientId(props.loaderClientId())
                    .clientSecret(passwords.encode(props.loaderSecret()))
                    .clientName("样例数据加载 Sample loader")
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .clientSettings(ClientSettings.builder()
                            .setting(CLIENT_ROLES, List.of("hub_admin"))
                            .build())
                    .tokenSettings(TokenSettings.builder()
                            .accessTokenTimeToLive(props.accessTokenTtl())
                            .build())
                    .build());
        }
        return new InMemoryRegisteredClientRepository(clients);
    }

    /** typ and aud of access tokens; roles and tenancy into the access token (and the ID token, for the pages): from the account, or the client's roles. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> rolesAndTenancy(AccountStore accounts, AuthProperties props) {
        return context -> {
            boolean access = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            boolean id = "id_token".equals(context.getTokenType().getValue());
            if (!access && !id) {
                return;
            }
            if (access) {
                // An access token says so (RFC 9068) and names the hub's services as its audience besides the client;
                // an ID token keeps typ JWT and aud = the client, so no service takes it.
                context.getJwsHeader().type(ACCESS_TOKEN_TYPE);
                context.getClaims()
                        .audience(
                                claimList(List.of(context.getRegisteredClient().getClientId(), props.audience())));
            }
            if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                List<String> roles =
                        context.getRegisteredClient().getClientSettings().getSetting(CLIENT_ROLES);
                context.getClaims().claim("roles", claimList(roles == null ? List.of() : roles));
                return;
            }
            accounts.find(context.getPrincipal().getName())
                    .filter(account -> !account.enabled())
                    .ifPresent(account -> {
                        // A closed or disabled account whose issuer session is still alive gets no token.
                        throw new org.springframework.security.oauth2.core.OAuth2AuthenticationException(
                                new org.springframework.security.oauth2.core.OAuth2Error(
                                        "invalid_grant", "the account is closed or disabled", null));
                    });
            accounts.find(context.getPrincipal().getName()).ifPresent(account -> {
                context.getClaims().claim("roles", claimList(account.roles()));
                context.getClaims().claim("name", account.displayName());
                account.tenancy().forEach((claim, value) -> context.getClaims().claim(claim, value));
            });
        };
    }

    /**
     * A list claim as an {@link ArrayList}: the token's claims are stored with its authorization
     * ({@link Authorizations}) as JSON with type ids, and read back only for types the framework's Jackson allowlist
     * names; {@code List.of(…)} and {@code Stream.toList()} make JDK-internal list types it refuses (userinfo answered
     * 400 "could not resolve type id 'java.util.ImmutableCollections$List12'").
     */
    static List<String> claimList(List<String> values) {
        return new ArrayList<>(values);
    }

    /** The browser pages that sign in here call the discovery, token and key endpoints from their own origin. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(AuthProperties props) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(props.browserOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type"));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        // The end-session endpoint is a page the browser is sent to by a form (the portal's sign-out), not called by a
        // script: no CORS check there (a cross-origin form post carries Origin: null, which it refused with 403).
        return request ->
                "/connect/logout".equals(request.getServletPath()) ? null : source.getCorsConfiguration(request);
    }

    /** The signing key, kept in {@code wushe.auth.key-file} so tokens outlive a restart; made on first start. */
    @Bean
    JWKSource<SecurityContext> jwkSource(AuthProperties props) {
        return new ImmutableJWKSet<>(new JWKSet(signingKey(props.keyFile())));
    }

    /**
     * What the protocol endpoints that take a bearer token (OIDC UserInfo) decode it with: this issuer's access
     * tokens (typ at+jwt, the hub's audience), as the admin API and the services do. The portal's sign-in asks
     * UserInfo with the access token it has just been given, so a decoder that wanted typ JWT would refuse every sign-in.
     */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys, AuthProperties props) {
        return accessTokens(keys, props);
    }

    static RSAKey signingKey(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                return RSAKey.parse(Files.readString(file));
            }
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "signing-key", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the directory's ACL applies.
            }
            Files.writeString(tmp, key.toJSONString());
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            log.info("New signing key {} in {}", key.getKeyID(), file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("cannot read or make the signing key " + file + ": " + e.getMessage(), e);
        }
    }

    /** The first hub admin, from {@code wushe.auth.admin-password} (no password set: no account made). */
    @Bean
    ApplicationRunner firstAdmin(
            AuthProperties props,
            AccountStore accounts,
            AuditTrail audit,
            org.springframework.transaction.support.TransactionTemplate tx) {
        return args -> {
            if (props.adminPassword() == null || props.adminPassword().isBlank()) {
                log.info("No wushe.auth.admin-password: no admin account made");
                return;
            }
            Account admin = new Account(
                    props.adminUsername(), "平台管理员 Hub admin", List.of("hub_admin"), java.util.Map.of(), true);
            if (accounts.find(admin.username()).filter(admin::equals).isPresent()
                    && accounts.hasPassword(admin.username(), props.adminPassword())) {
                log.info("Admin account '{}' ready", props.adminUsername());
                return;
            }
            // The operator's configuration, not a second person: recorded as such in the audit trail.
            tx.executeWithoutResult(s -> {
                boolean created = accounts.save(admin, props.adminPassword());
                audit.append(
                        "bootstrap (wushe.auth.admin-password)",
                        created ? "ACCOUNT_CREATED" : "ACCOUNT_CHANGED",
                        admin.username(),
                        AccountChanges.describe(admin) + "; password from the configuration",
                        null);
            });
            log.info("Admin account '{}' ready", props.adminUsername());
        };
    }
}
