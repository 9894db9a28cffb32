package org.wushe.hub.platform.actor;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.web.FilterProblems;
import org.wushe.hub.platform.web.InvalidInputException;

/**
 * Puts the request's actor ({@link ActorResolver}) into {@link Actor} for the request's thread. A
 * value that is not a valid account id (1–64 letters, digits or . _ @ -) is refused with the usual
 * 400 problem naming its source (the token's {@code sub}); a request that names nobody goes on with no actor (the
 * endpoints that need one say so themselves).
 */
public class ActorFilter extends OncePerRequestFilter {

    private final ActorResolver resolver;
    private final Supplier<HandlerExceptionResolver> problems;

    /** @param problems Spring MVC's exception resolver (so the refusal is the platform's problem body), looked up when needed */
    public ActorFilter(ActorResolver resolver, Supplier<HandlerExceptionResolver> problems) {
        this.resolver = resolver;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String raw = resolver.actorOf(request);
        if (raw == null || raw.isBlank()) {
            continueAs(null, request, response, chain);
            return;
        }
        String actor = raw.strip();
        if (!Actor.isValidPerson(actor)) {
            refuse(request, response);
            return;
        }
        continueAs(actor, request, response, chain);
    }

    private static void continueAs(
            String actor, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String before = Actor.swap(actor);
        try {
            chain.doFilter(request, response);
        } finally {
            Actor.swap(before);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        FilterProblems.refuse(
                request,
                response,
                problems,
                new InvalidInputException(
                        resolver.source(), Messages.text(Messages.language(request), "actor.malformed")));
    }
}
