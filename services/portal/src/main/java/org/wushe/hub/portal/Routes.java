package org.wushe.hub.portal;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.removeRequestHeader;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.setPath;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.stripPrefix;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.filter.TokenRelayFilterFunctions.tokenRelay;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.cloud.gateway.server.mvc.predicate.GatewayRequestPredicates.path;

import java.net.URI;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * One route per service: {@code /api/<service>/**} goes to the service with the prefix stripped and the
 * signed-in person's access token as a bearer token (TokenRelay, refreshed when it has expired). The browser's
 * cookies and CSRF header stay here: the services see only the token, and never a session of the portal.
 * Server-Sent Events (the station's live proposals) pass through as they come: the gateway flushes each
 * chunk of a {@code text/event-stream} response.
 */
@Configuration(proxyBeanMethods = false)
class Routes {

    @Bean
    RouterFunction<ServerResponse> serviceRoutes(PortalProperties props) {
        RouterFunction<ServerResponse> all = null;
        for (Map.Entry<String, URI> service : props.services().entrySet()) {
            RouterFunction<ServerResponse> one = route("api-" + service.getKey())
                    .route(path("/api/" + service.getKey() + "/**"), http())
                    .before(uri(service.getValue()))
                    .before(stripPrefix(2))
                    .before(removeRequestHeader("Cookie"))
                    .before(removeRequestHeader("X-XSRF-TOKEN"))
                    .filter(tokenRelay())
                    .build();
            all = all == null ? one : all.and(one);
        }
        return all != null ? all : request -> java.util.Optional.empty();
    }

    /**
     * A volunteer closes their own sign-in account at the issuer after erasing their record ({@code DELETE
     * /api/issuer/accounts/me} → the issuer's {@code DELETE /accounts/me}, with their token, like the services' routes):
     * only that method and path, so the issuer's admin API is not reachable through the portal. An issuer without that
     * endpoint answers 404 or 405, which the page takes as "close it at the issuer".
     */
    @Bean
    RouterFunction<ServerResponse> closeOwnAccount(PortalProperties props) {
        URI issuer = props.issuer();
        String base = issuer.getPath() == null ? "" : issuer.getPath().replaceAll("/+$", "");
        return route("issuer-close-own-account")
                .DELETE("/api/issuer/accounts/me", http())
                .before(uri(URI.create(issuer.getScheme() + "://" + issuer.getRawAuthority())))
                .before(setPath(base + "/accounts/me"))
                // A call from the portal's server, not a cross-origin one from the page: the issuer's CORS rules (its
                // pages' origins only) would refuse the browser's Origin with 403.
                .before(removeRequestHeader("Origin"))
                .before(removeRequestHeader("Referer"))
                .before(removeRequestHeader("Cookie"))
                .before(removeRequestHeader("X-XSRF-TOKEN"))
                .filter(tokenRelay())
                .build();
    }

    /**
     * The public verification page of a volunteer service record certificate (志愿服务记录证明), which its QR opens:
     * {@code GET /verify/<code>} goes to volunteer-service's page of the same path, signed in or not, and never with the
     * person's token or the portal's cookies.
     */
    @Bean
    RouterFunction<ServerResponse> certificateVerification(PortalProperties props) {
        URI volunteer = props.services().get("volunteer");
        if (volunteer == null) {
            return request -> java.util.Optional.empty();
        }
        return route("verify-certificate")
                .GET("/verify/{code}", http())
                .before(uri(volunteer))
                .before(removeRequestHeader("Cookie"))
                .before(removeRequestHeader("Authorization"))
                .before(removeRequestHeader("X-XSRF-TOKEN"))
                .build();
    }
}
