package org.wushe.hub.platform.security;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.wushe.hub.platform.actor.ActorResolver;

/**
 * Every service is an OAuth2 resource server: a request needs a valid JWT (signature, expiry, issuer)
 * except on the public paths (health, API docs, the static pages, whose data calls carry tokens).
 * Production names its OIDC issuer with {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}
 * ({@code SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI}); the embedded hub runs its own
 * (auth-service). Only access tokens count: the JWT header {@code typ} must be {@value #ACCESS_TOKEN_TYPE} (RFC 9068) and
 * {@code aud} must hold the hub's API audience ({@code wushe.security.audience}, default {@value #DEFAULT_AUDIENCE}); an ID
 * token of the same issuer (no such {@code typ}, its {@code aud} the client) is refused with 401. The token's subject is the {@link org.wushe.hub.platform.actor.Actor} written into every
 * event; its {@value Roles#CLAIM} and tenancy claims drive {@link Rules} and {@link Access}. Refusals are
 * problem bodies ({@link SecurityProblems}).
 */
@AutoConfiguration(
        before = org.wushe.hub.platform.autoconfigure.WushePlatformAutoConfiguration.class,
        beforeName = {
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({SecurityFilterChain.class, JwtDecoder.class})
@EnableWebSecurity
public class WusheSecurityAutoConfiguration {

    /**
     * Paths anyone may reach: health and metrics for the platform, the API docs, and the error page. The
     * people's pages are the portal's ({@code services/portal}); no service serves a page of its own.
     */
    public static final List<String> DEFAULT_PUBLIC_PATHS = List.of(
            "/actuator/health",
            "/actuator/health/**",
            "/actuator/info",
            "/actuator/prometheus",
            "/v3/api-docs",
            "/v3/api-docs/**",
            "/swagger-ui.html",
            "/swagger-ui/**",
            "/favicon.ico",
            "/error");

    /** The JWT header {@code typ} of an access token (RFC 9068); ID tokens carry {@code JWT} or none. */
    public static final String ACCESS_TOKEN_TYPE = "at+jwt";
    /** The hub's API audience: every access token the hub's issuer makes for the services names it in {@code aud}. */
    public static final String DEFAULT_AUDIENCE = "wushe-hub";

    static final String NO_ISSUER =
            "No token issuer is configured. Set spring.security.oauth2.resourceserver.jwt.issuer-uri "
                    + "(env SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI) to your OIDC issuer, e.g. the hub's auth-service "
                    + "http://127.0.0.1:9000, or jwk-set-uri / public-key-location.";

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain wusheResourceServer(
            HttpSecurity http,
            ObjectProvider<JwtDecoder> decoder,
            ObjectProvider<WusheAccessRules> rules,
            @Value("${wushe.security.public-paths:}") List<String> extraPublic)
            throws Exception {
        JwtDecoder jwt = decoder.getIfAvailable();
        if (jwt == null) {
            throw new IllegalStateException(NO_ISSUER);
        }
        SecurityProblems problems = new SecurityProblems();
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .authorizeHttpRequests(a -> {
                    a.requestMatchers(DEFAULT_PUBLIC_PATHS.toArray(String[]::new))
                            .permitAll();
                    if (!extraPublic.isEmpty()) {
                        a.requestMatchers(extraPublic.toArray(String[]::new)).permitAll();
                    }
                    a.requestMatchers("/admin/**", "/actuator/**").access(Rules.roles(Roles.HUB_ADMIN));
                    rules.orderedStream().forEach(r -> r.configure(a));
                    a.anyRequest().authenticated();
                })
                .oauth2ResourceServer(o -> o.jwt(j -> j.decoder(jwt).jwtAuthenticationConverter(roles()))
                        .bearerTokenResolver(bearerTokens())
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * Only RFC 9068 access tokens: Spring Boot adds every {@code OAuth2TokenValidator<Jwt>} bean to the decoder it makes
     * (issuer-uri, jwk-set-uri or public key), and this one takes the place of the default {@code typ} check (JWT or none).
     */
    @Bean
    @ConditionalOnMissingBean(JwtTypeValidator.class)
    JwtTypeValidator wusheAccessTokenType() {
        return new JwtTypeValidator(ACCESS_TOKEN_TYPE);
    }

    /** The token must be meant for the hub's services: {@code aud} holds {@code wushe.security.audience}. */
    @Bean
    @ConditionalOnMissingBean(JwtAudienceValidator.class)
    JwtAudienceValidator wusheAudience(@Value("${wushe.security.audience:" + DEFAULT_AUDIENCE + "}") String audience) {
        return new JwtAudienceValidator(audience);
    }

    /** The {@value Roles#CLAIM} claim becomes {@code ROLE_<role>} authorities; the name is the subject. */
    static Converter<Jwt, AbstractAuthenticationToken> roles() {
        return jwt -> new JwtAuthenticationToken(
                jwt,
                Caller.roles(jwt).stream()
                        .map(r -> new SimpleGrantedAuthority(Roles.authority(r)))
                        .toList(),
                jwt.getSubject());
    }

    /**
     * The Authorization header only: a token never rides in an address (browsers reach the live stream through
     * the portal, which relays the token in the header). A {@code ?access_token=} counts for nothing: such a request has no token (401).
     */
    static BearerTokenResolver bearerTokens() {
        return new DefaultBearerTokenResolver();
    }

    /**
     * Swagger UI's "Authorize" button and every operation's lock: the documents say a bearer JWT is needed
     * (public paths, such as health, are not in them).
     */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
    static class OpenApiBearer {
        @Bean
        org.springdoc.core.customizers.OpenApiCustomizer wusheBearerScheme() {
            return api -> {
                if (api.getComponents() == null) {
                    api.setComponents(new io.swagger.v3.oas.models.Components());
                }
                api.getComponents()
                        .addSecuritySchemes(
                                "bearer",
                                new io.swagger.v3.oas.models.security.SecurityScheme()
                                        .type(io.swagger.v3.oas.models.security.SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description(
                                                "A token from the hub's issuer (deploy/local: auth-service); roles and tenancy claims decide "
                                                        + "what it may do. 使用登录服务签发的令牌"));
                api.addSecurityItem(new io.swagger.v3.oas.models.security.SecurityRequirement().addList("bearer"));
            };
        }
    }

    /** The actor of a request is its token's subject (the X-Wushe-Actor header is no longer read). */
    @Bean
    ActorResolver jwtSubjectActor() {
        return ActorResolver.of(
                "sub",
                request ->
                        SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
                                ? token.getToken().getSubject()
                                : null);
    }
}
