package org.wushe.hub.platform.actor;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who makes an HTTP request. Today the caller names itself in {@value Actor#HEADER}; when OAuth2
 * arrives, a service (or the platform) declares one bean instead, e.g.
 * {@code @Bean ActorResolver jwtSubject() { return request -> request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName(); }}
 * and everything downstream (events' {@code actor} header, audit, decisions) follows unchanged.
 */
@FunctionalInterface
public interface ActorResolver {

    /** The header until OAuth2: the raw value, validated by {@link ActorFilter}. */
    ActorResolver HEADER = request -> request.getHeader(Actor.HEADER);

    /** The actor's account id, or null when the request names nobody. */
    String actorOf(HttpServletRequest request);
}
