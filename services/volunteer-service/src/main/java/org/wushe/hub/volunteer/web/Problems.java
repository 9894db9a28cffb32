package org.wushe.hub.volunteer.web;

import java.util.List;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.web.InvalidInputException;

/** Bad input found by the service's own rules, as the platform's problem responses (texts from the catalogue). */
public final class Problems {

    private Problems() {}

    /** 400 naming the first violated field, if any, with its text in the request's language. */
    public static void rejectIfAny(List<RuleViolation> violations) {
        if (!violations.isEmpty()) {
            RuleViolation first = violations.get(0);
            throw new InvalidInputException(
                    first.field(), Messages.text(first.code(), first.args().toArray()));
        }
    }

    /** 404 naming {@code field}; {@code message} is a text of the catalogue ({@code Messages.text}). */
    public static InvalidInputException notFound(String field, String message) {
        return new InvalidInputException(field, message, 404);
    }

    /** 409 naming {@code field}; {@code message} is a text of the catalogue ({@code Messages.text}). */
    public static InvalidInputException conflict(String field, String message) {
        return new InvalidInputException(field, message, 409);
    }
}
