package org.wushe.hub.platform.web;

import java.sql.SQLException;
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
import org.wushe.hub.platform.i18n.Messages;

/**
 * Conflicts with concurrent requests that the database finds after the service checked: 409 problems naming
 * the field, not 500. A duplicate names the field its unique constraint guards (the service's
 * {@link UniqueFields}); a lock, deadlock or lost optimistic check names {@code body}, and the request may
 * simply be sent again. The platform registers this advice for every service that declares its
 * {@link UniqueFields}; it answers before {@link ProblemDetailsAdvice}, which answers everything else.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ServiceProblems {

    /** PostgreSQL's lock_not_available: a NOWAIT lock, or a wait longer than {@code lock_timeout}. */
    static final String LOCK_NOT_AVAILABLE = "55P03";

    private static final Logger log = LoggerFactory.getLogger(ServiceProblems.class);

    private final UniqueFields unique;
    private final ProblemDetailsAdvice problems = new ProblemDetailsAdvice();

    public ServiceProblems(UniqueFields unique) {
        this.unique = unique;
    }

    @ExceptionHandler(DuplicateKeyException.class)
    public ResponseEntity<Object> duplicate(DuplicateKeyException ex) {
        String field = unique.fieldIn(ex.getMostSpecificCause().getMessage());
        return problems.invalidInput(new InvalidInputException(field, Messages.text("row.duplicate"), 409));
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
        log.info(
                "Concurrent change refused with 409: {}",
                ex.getMostSpecificCause().getMessage());
        return problems.invalidInput(new InvalidInputException("body", Messages.text("row.concurrent"), 409));
    }
}
