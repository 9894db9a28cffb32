package org.wushe.hub.community.need;

import org.wushe.hub.platform.web.InvalidInputException;

/** One broken rule of a need, naming the field as the REST API spells it (e.g. {@code quantity.amount}). */
public record Violation(String field, String message) {

    public InvalidInputException asException() {
        return new InvalidInputException(field, message);
    }
}
