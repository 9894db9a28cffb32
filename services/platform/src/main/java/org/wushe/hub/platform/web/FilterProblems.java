package org.wushe.hub.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * How a servlet filter refuses a request: with the platform's problem body ({@link ProblemDetailsAdvice},
 * through Spring MVC's exception resolver), or, without that resolver, a plain one of the same shape.
 */
public final class FilterProblems {

    private FilterProblems() {}

    public static void refuse(
            HttpServletRequest request,
            HttpServletResponse response,
            Supplier<HandlerExceptionResolver> problems,
            InvalidInputException problem)
            throws IOException {
        HandlerExceptionResolver resolver = problems == null ? null : problems.get();
        ModelAndView handled = resolver == null ? null : resolver.resolveException(request, response, null, problem);
        if (handled != null) {
            return;
        }
        response.setStatus(problem.status());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"type\":\"urn:wushe:problem:invalid-input\",\"status\":" + problem.status()
                        + ",\"errors\":[{\"field\":\"" + problem.field() + "\",\"message\":\"" + problem.getMessage()
                        + "\"}]}");
    }
}
