package org.wushe.hub.volunteer.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.wushe.hub.platform.core.Language;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.web.FilterProblems;
import org.wushe.hub.platform.web.InvalidInputException;

/**
 * A volunteer's id in a path is accepted only in its canonical form: 36 characters, lower-case hex, as the
 * service writes it ({@code 7c1e…-…}). Anything else (percent-encoded or padded, {@code %20<id>},
 * {@code <id>%00}, upper-case, with a path parameter) is a 400 problem naming the path variable before any
 * rule sees it, so a variant of the caller's own id cannot slip past "you cannot credit yourself" by being
 * spelt differently from the token's claim while still being read as the same UUID later.
 */
@Configuration(proxyBeanMethods = false)
public class CanonicalIds {

    /** Paths whose segments after these prefixes are ids, with the name of their path variable. */
    private static final Pattern VOLUNTEER = Pattern.compile("^/volunteers/([^/]*)(?:/assignments/([^/]*))?.*$");

    /** The signed-in volunteer's own record: no id in the path, the token's volunteer id. */
    private static final String SELF = "/volunteers/me";

    private static final Pattern ACCOUNT = Pattern.compile("^/points/accounts/([^/]*).*$");
    private static final Pattern MEMBER = Pattern.compile("^/teams/([^/]*)/members(?:/([^/]*))?.*$");
    public static final Pattern CANONICAL =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Bean
    FilterRegistrationBean<Filter> volunteerCanonicalIds(
            @Qualifier("handlerExceptionResolver") ObjectProvider<HandlerExceptionResolver> problems) {
        FilterRegistrationBean<Filter> registration =
                new FilterRegistrationBean<>(new Filter(problems::getIfAvailable));
        registration.setOrder(-300); // before the body size limit (-200) and Spring Security (-100)
        registration.addUrlPatterns("/volunteers/*", "/points/accounts/*", "/teams/*");
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {
        private final Supplier<HandlerExceptionResolver> problems;

        Filter(Supplier<HandlerExceptionResolver> problems) {
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            String refused = refused(path);
            if (refused != null) {
                // A filter may run before Spring's request context is set: the language from the request itself.
                Language language = Messages.language(request);
                FilterProblems.refuse(
                        request,
                        response,
                        problems,
                        new InvalidInputException(refused, Messages.text(language, "id.not-canonical")));
                return;
            }
            chain.doFilter(request, response);
        }

        /** The path variable that is not a canonical id, or null. */
        static String refused(String path) {
            if (path.equals(SELF)) {
                return null;
            }
            Matcher m = VOLUNTEER.matcher(path);
            if (m.matches()) {
                return !canonical(m.group(1)) ? "id" : m.group(2) != null && !canonical(m.group(2)) ? "matchId" : null;
            }
            m = ACCOUNT.matcher(path);
            if (m.matches()) {
                return canonical(m.group(1)) ? null : "id";
            }
            m = MEMBER.matcher(path);
            if (m.matches()) {
                return !canonical(m.group(1))
                        ? "id"
                        : m.group(2) != null && !canonical(m.group(2)) ? "volunteerId" : null;
            }
            return null;
        }

        private static boolean canonical(String segment) {
            return CANONICAL.matcher(segment).matches();
        }
    }
}
