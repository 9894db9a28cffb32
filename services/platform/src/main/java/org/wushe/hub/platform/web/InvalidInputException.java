package org.wushe.hub.platform.web;

/**
 * Bad input found by domain rules (beyond Bean Validation), e.g. an unknown community or a time
 * window that ends before it starts. Answered as HTTP 400 (or the given status) with a problem body
 * naming the field.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final int status;

    public InvalidInputException(String field, String message) {
        this(field, message, 400);
    }

    public InvalidInputException(String field, String message, int status) {
        super(message);
        this.field = field;
        this.status = status;
    }

    public String field() {
        return field;
    }

    public int status() {
        return status;
    }
}
