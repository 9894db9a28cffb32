package org.wushe.hub.community.web;

import org.wushe.hub.platform.security.Access;
import org.wushe.hub.platform.web.InvalidInputException;

/**
 * Who asks and why. The caller is the subject of the verified token (an account id; the platform
 * refuses a token whose subject is not one with a 400 naming {@code sub}); reads of personal data also
 * state a reason. Both go to the resident access log.
 */
public final class Accountability {

    private Accountability() {}

    /** The account id of the caller: its token's subject. */
    public static String actor() {
        return Access.caller().subject();
    }

    public static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "required: why the resident's details are read 请注明查阅事由");
        }
        if (reason.length() > 200) {
            throw new InvalidInputException("reason", "size must be between 1 and 200");
        }
        return reason.strip();
    }
}
