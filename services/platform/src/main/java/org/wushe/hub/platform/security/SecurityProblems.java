package org.wushe.hub.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.wushe.hub.platform.i18n.Messages;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 bodies for 401 (no or bad token) and 403 (a token that may not do this), in the platform's
 * shape: an {@code errors} list naming the field, plus {@code required} saying who may.
 */
public final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    public static final URI UNAUTHENTICATED = URI.create("urn:wushe:problem:unauthenticated");
    public static final URI FORBIDDEN = URI.create("urn:wushe:problem:forbidden");
    private static final Logger log = LoggerFactory.getLogger(SecurityProblems.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The 403 body of a refusal. */
    public static ProblemDetail forbidden(ForbiddenException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        body.setType(FORBIDDEN);
        body.setTitle(Messages.text("problem.forbidden.title"));
        body.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        body.setProperty("required", e.required());
        return body;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean badToken = e instanceof InvalidBearerTokenException
                || e.getClass().getSimpleName().contains("OAuth2");
        String message = badToken
                ? Messages.text(Messages.language(request), "auth.token-invalid", e.getMessage())
                : Messages.text(Messages.language(request), "auth.token-missing");
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, message);
        body.setType(UNAUTHENTICATED);
        body.setTitle(Messages.text(Messages.language(request), "problem.unauthenticated.title"));
        body.setProperty("errors", List.of(Map.of("field", "Authorization", "message", message)));
        response.setHeader("WWW-Authenticate", badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
        write(request, response, body);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        ForbiddenException refusal =
                e instanceof AuthorizationDeniedException ade && ade.getAuthorizationResult() instanceof Rules.Denied d
                        ? d.toException()
                        : new ForbiddenException(
                                request.getMethod() + " " + request.getRequestURI(),
                                Messages.text(Messages.language(request), "access.not-allowed"),
                                "another role");
        log.info("403 {} {}: {}", request.getMethod(), request.getRequestURI(), refusal.getMessage());
        write(request, response, forbidden(refusal));
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail body)
            throws IOException {
        body.setInstance(URI.create(request.getRequestURI()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", body.getType().toString());
        json.put("title", body.getTitle());
        json.put("status", body.getStatus());
        json.put("detail", body.getDetail());
        json.put("instance", request.getRequestURI());
        if (body.getProperties() != null) {
            json.putAll(body.getProperties());
        }
        response.setStatus(body.getStatus());
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getOutputStream().write(JSON.writeValueAsBytes(json));
    }
}
