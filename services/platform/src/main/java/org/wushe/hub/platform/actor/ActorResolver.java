package org.wushe.hub.platform.actor;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who makes an HTTP request. With the platform's OAuth2 resource server (every service) it is the
 * verified token's subject ({@code WusheSecurityAutoConfiguration}); {@link #HEADER}, the caller naming
 * itself in {@value Actor#HEADER}, is left for applications without Spring Security. Everything
 * downstream (events' {@code actor} header, audit, decisions) follows the one bean.
 */
@FunctionalInterface
public interface ActorResolver {

    /** The header until OAuth2: the raw value, validated by {@link ActorFilter}. */
    ActorResolver HEADER = request -> request.getHeader(Actor.HEADER);

    /** The actor's account id, or null when the request names nobody. */
    String actorOf(HttpServletRequest request);

    /** Where the id comes from, named in the 400 when it is not a valid account id. */
    default String source() {
        return Actor.HEADER;
    }

    /** A resolver reading {@code source} (e.g. the token's {@code sub}). */
    static ActorResolver of(String source, java.util.function.Function<HttpServletRequest, String> read) {
        return new ActorResolver() {
            @Override
            public String actorOf(HttpServletRequest request) {
                return read.apply(request);
            }

            @Override
            public String source() {
                return source;
            }
        };
    }
}
