package org.wushe.hub.platform.security;

/**
 * The caller is known but may not do this: HTTP 403 with a problem body naming the field (the path
 * variable or body field whose tenant the caller does not hold) and the role that would be needed.
 */
public class ForbiddenException extends RuntimeException {

    private final String field;
    private final String required;

    public ForbiddenException(String field, String message, String required) {
        super(message);
        this.field = field;
        this.required = required;
    }

    public String field() {
        return field;
    }

    /** What would be allowed, e.g. "station_staff of station 7c1…". */
    public String required() {
        return required;
    }
}
