package org.wushe.hub.volunteer.web;

import java.util.List;
import org.wushe.hub.platform.web.InvalidInputException;

/** Bad input found by the service's own rules, as the platform's problem responses. */
public final class Problems {

    private Problems() {}

    /** 400 naming the first violated field, if any. */
    public static void rejectIfAny(List<RuleViolation> violations) {
        if (!violations.isEmpty()) {
            RuleViolation first = violations.get(0);
            throw new InvalidInputException(first.field(), first.message());
        }
    }

    public static InvalidInputException notFound(String field, String what) {
        return new InvalidInputException(field, "no " + what + " 未找到", 404);
    }

    public static InvalidInputException conflict(String field, String message) {
        return new InvalidInputException(field, message, 409);
    }
}
