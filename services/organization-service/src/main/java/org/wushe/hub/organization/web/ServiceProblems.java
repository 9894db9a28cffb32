package org.wushe.hub.organization.web;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.wushe.hub.platform.web.InvalidInputException;
import org.wushe.hub.platform.web.ProblemDetailsAdvice;

/**
 * Conflicts with concurrent requests found by the database after the service checked: 409 naming the
 * field, not 500. The constraint names are this service's own.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ServiceProblems {

    private static final Map<String, String> UNIQUE_FIELDS = Map.of(
            "organization_name_unique", "name", "organization_credit_code_unique", "unifiedSocialCreditCode");

    private final ProblemDetailsAdvice problems = new ProblemDetailsAdvice();

    @ExceptionHandler(DuplicateKeyException.class)
    public ResponseEntity<Object> duplicate(DuplicateKeyException ex) {
        String message = String.valueOf(ex.getMostSpecificCause().getMessage());
        String field = UNIQUE_FIELDS.entrySet().stream().filter(e -> message.contains(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("body");
        return problems.invalidInput(new InvalidInputException(field, "already registered 已存在", 409));
    }

    /** Two requests changed the same organizations the other way round at once; one of them lost. */
    @ExceptionHandler(PessimisticLockingFailureException.class)
    public ResponseEntity<Object> concurrent(PessimisticLockingFailureException ex) {
        return problems.invalidInput(new InvalidInputException("body", "changed concurrently by another request; try again 请重试", 409));
    }
}
