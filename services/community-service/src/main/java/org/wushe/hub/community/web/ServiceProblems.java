package org.wushe.hub.community.web;

import java.sql.SQLException;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.UncategorizedSQLException;
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
            "community_name_unique", "name", "station_name_unique", "name", "grid_name_unique", "name",
            "resident_number_unique", "residentNumber", "resident_id_number_hmac_key", "idNumber");

    private static final Logger log = LoggerFactory.getLogger(ServiceProblems.class);

    /** PostgreSQL's lock_not_available: a NOWAIT lock, or a wait longer than {@code lock_timeout}. */
    static final String LOCK_NOT_AVAILABLE = "55P03";

    private final ProblemDetailsAdvice problems = new ProblemDetailsAdvice();

    @ExceptionHandler(DuplicateKeyException.class)
    public ResponseEntity<Object> duplicate(DuplicateKeyException ex) {
        String message = String.valueOf(ex.getMostSpecificCause().getMessage());
        String field = UNIQUE_FIELDS.entrySet().stream().filter(e -> message.contains(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("body");
        return problems.invalidInput(new InvalidInputException(field, "already registered 已存在", 409));
    }

    /**
     * Another transaction held or changed the same rows: a lock that could not be had (55P03), a
     * deadlock the database broke by failing this request (40P01), a serialization failure (40001), or
     * an optimistic-lock check that lost. Nothing was changed; the request may simply be sent again.
     */
    @ExceptionHandler(ConcurrencyFailureException.class)
    public ResponseEntity<Object> concurrent(ConcurrencyFailureException ex) {
        return conflict(ex);
    }

    /**
     * Spring's default translation (by SQLState class) leaves PostgreSQL's lock_not_available
     * uncategorized instead of a CannotAcquireLockException: the same conflict. Anything else
     * uncategorized stays an internal error.
     */
    @ExceptionHandler(UncategorizedSQLException.class)
    public ResponseEntity<Object> uncategorized(UncategorizedSQLException ex) {
        SQLException sql = ex.getSQLException();
        return sql != null && LOCK_NOT_AVAILABLE.equals(sql.getSQLState()) ? conflict(ex) : problems.unexpected(ex);
    }

    private ResponseEntity<Object> conflict(DataAccessException ex) {
        log.info("Concurrent change refused with 409: {}", ex.getMostSpecificCause().getMessage());
        return problems.invalidInput(new InvalidInputException("body", "changed concurrently by another request; try again 请重试", 409));
    }
}
