package org.wushe.hub.community.web;

import org.wushe.hub.platform.i18n.Messages;
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
            throw new InvalidInputException("reason", Messages.text("resident.reason-required"));
        }
        if (reason.length() > 200) {
            throw new InvalidInputException("reason", Messages.text("resident.reason-size"));
        }
        return reason.strip();
    }
}
