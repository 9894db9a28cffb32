package org.wushe.hub.community.web;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.wushe.hub.platform.web.InvalidInputException;
import org.wushe.hub.platform.web.ProblemDetailsAdvice;

/**
 * A unique constraint hit by a concurrent request after the service checked it: 409 naming the
 * field, not 500. The constraint names are this service's own.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ServiceProblems {

    private static final Map<String, String> UNIQUE_FIELDS = Map.of(
            "community_name_unique", "name", "station_name_unique", "name", "grid_name_unique", "name",
            "resident_number_unique", "residentNumber", "resident_id_number_hmac_key", "idNumber");

    private final ProblemDetailsAdvice problems = new ProblemDetailsAdvice();

    @ExceptionHandler(DuplicateKeyException.class)
    public ResponseEntity<Object> duplicate(DuplicateKeyException ex) {
        String message = String.valueOf(ex.getMostSpecificCause().getMessage());
        String field = UNIQUE_FIELDS.entrySet().stream().filter(e -> message.contains(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("body");
        return problems.invalidInput(new InvalidInputException(field, "already registered 已存在", 409));
    }
}
