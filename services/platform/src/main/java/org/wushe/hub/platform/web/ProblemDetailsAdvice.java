package org.wushe.hub.platform.web;

import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.wushe.hub.platform.Outages;
import org.wushe.hub.platform.i18n.Messages;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * RFC 9457 problem responses for every kind of bad input, each naming the offending field in an
 * {@code errors} list ({@code [{"field": "quantity", "message": "must be greater than 0"}]}).
 * Titles and messages come from the catalogue ({@link Messages}): Chinese first with English beside them, as
 * station staff read them, or English alone when the request asks for English ({@code Accept-Language}).
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    public static final URI INVALID_INPUT = URI.create("urn:wushe:problem:invalid-input");
    public static final URI MALFORMED_BODY = URI.create("urn:wushe:problem:malformed-body");
    public static final URI INTERNAL = URI.create("urn:wushe:problem:internal");
    public static final URI UNAVAILABLE = URI.create("urn:wushe:problem:unavailable");

    public record FieldProblem(String field, String message) {}

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError fe : ex.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(fe.getField(), fe.getDefaultMessage()));
        }
        ex.getBindingResult()
                .getGlobalErrors()
                .forEach(ge -> errors.add(new FieldProblem(ge.getObjectName(), ge.getDefaultMessage())));
        return problem(HttpStatus.BAD_REQUEST, INVALID_INPUT, errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(r -> {
            String name = r.getMethodParameter().getParameterName();
            for (MessageSourceResolvable e : r.getResolvableErrors()) {
                String field = e instanceof FieldError fe ? fe.getField() : name;
                errors.add(new FieldProblem(field, e.getDefaultMessage()));
            }
        });
        return problem(HttpStatus.BAD_REQUEST, INVALID_INPUT, errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // The most specific cause may be the target type's own exception (a bad Instant or UUID), which
        // has no path: the field is named by the Jackson exception that wraps it.
        for (Throwable t = ex.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof BodySizeFilter.TooLarge) {
                return problem(
                        HttpStatus.CONTENT_TOO_LARGE,
                        MALFORMED_BODY,
                        List.of(new FieldProblem("body", t.getMessage())));
            }
        }
        JacksonException outermost = null;
        for (Throwable t = ex.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof UnrecognizedPropertyException unknown) {
                return problem(
                        HttpStatus.BAD_REQUEST,
                        MALFORMED_BODY,
                        List.of(new FieldProblem(
                                path(unknown),
                                Messages.text(
                                        "field.unknown",
                                        unknown.getKnownPropertyIds().stream()
                                                .map(String::valueOf)
                                                .sorted()
                                                .collect(Collectors.joining(", "))))));
            }
            if (t instanceof JacksonException je) {
                if (!je.getPath().isEmpty()) {
                    return problem(
                            HttpStatus.BAD_REQUEST,
                            MALFORMED_BODY,
                            List.of(new FieldProblem(
                                    path(je), Messages.text("field.wrong-type", je.getOriginalMessage()))));
                }
                if (outermost == null) {
                    outermost = je;
                }
            }
        }
        String message = outermost != null
                ? Messages.text("body.malformed-json", outermost.getOriginalMessage())
                : Messages.text("body.not-json");
        return problem(HttpStatus.BAD_REQUEST, MALFORMED_BODY, List.of(new FieldProblem("body", message)));
    }

    private static String path(JacksonException je) {
        return je.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    /** Method validation on a {@code @Validated} bean or controller. */
    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
        List<FieldProblem> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldProblem(leaf(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(java.util.Comparator.comparing(FieldProblem::field))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, INVALID_INPUT, errors);
    }

    private static String leaf(String propertyPath) {
        // "create.arg0.title" or "create.need.title": drop the method and parameter segments
        String[] parts = propertyPath.split("\\.");
        return parts.length > 2
                ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
                : parts[parts.length - 1];
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(
                HttpStatus.CONTENT_TOO_LARGE,
                INVALID_INPUT,
                List.of(new FieldProblem("file", Messages.text("file.too-large"))));
    }

    @ExceptionHandler(MultipartException.class)
    public ResponseEntity<Object> notMultipart(MultipartException ex) {
        return problem(
                HttpStatus.BAD_REQUEST,
                INVALID_INPUT,
                List.of(new FieldProblem("file", Messages.text("file.not-multipart"))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return problem(
                HttpStatus.BAD_REQUEST,
                INVALID_INPUT,
                List.of(new FieldProblem(
                        ex.getName(),
                        Messages.text(
                                "param.type-mismatch",
                                String.valueOf(ex.getValue()),
                                ex.getRequiredType() == null
                                        ? "?"
                                        : ex.getRequiredType().getSimpleName()))));
    }

    /** The caller may not do this (its role or tenancy): 403 naming the field and who may. */
    @ExceptionHandler(org.wushe.hub.platform.security.ForbiddenException.class)
    public ResponseEntity<Object> forbidden(org.wushe.hub.platform.security.ForbiddenException ex) {
        log.info("403: {}", ex.getMessage());
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(org.wushe.hub.platform.security.SecurityProblems.forbidden(ex));
    }

    @ExceptionHandler(InvalidInputException.class)
    public ResponseEntity<Object> invalidInput(InvalidInputException ex) {
        return problem(
                HttpStatus.valueOf(ex.status()), INVALID_INPUT, List.of(new FieldProblem(ex.field(), ex.getMessage())));
    }

    /**
     * The database is not answering (restarting, down, out of connections; see {@link Outages}): the
     * client may try again. 503 with Retry-After, not a 500.
     */
    private static ResponseEntity<Object> unavailable(Exception ex) {
        log.warn("Database unavailable: {}", ex.getMessage());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, Messages.text("problem.unavailable.detail"));
        body.setType(UNAVAILABLE);
        body.setTitle(Messages.text("problem.unavailable.title"));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .body(body);
    }

    /** A bug, not bad input: logged with its stack, answered without internals. */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> unexpected(Exception ex) {
        if (Outages.isOutage(ex)) {
            return unavailable(ex); // e.g. "JDBC rollback failed" when the connection died mid-transaction
        }
        log.error("Unexpected error", ex);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, Messages.text("problem.internal.detail"));
        body.setType(INTERNAL);
        body.setTitle(Messages.text("problem.internal.title"));
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(body);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, URI type, List<FieldProblem> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(type);
        body.setTitle(
                status.is4xxClientError() ? Messages.text("problem.invalid-input.title") : status.getReasonPhrase());
        body.setProperty(
                "errors",
                errors.stream()
                        .map(e -> Map.of("field", e.field(), "message", String.valueOf(e.message())))
                        .toList());
        return ResponseEntity.status(status).body(body);
    }
}
