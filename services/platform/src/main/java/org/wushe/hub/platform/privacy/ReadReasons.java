package org.wushe.hub.platform.privacy;

import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.web.InvalidInputException;

/**
 * The reason a person gives for reading someone's personal data (e.g. 入户探访 home visit), which the
 * service writes to its access log with who read whose data: required, at most {@value #MAX} characters;
 * a missing one is a 400 naming {@code field}.
 */
public final class ReadReasons {

    public static final int MAX = 200;

    private ReadReasons() {}

    /** The stripped reason; 400 naming {@code field} when it is missing, blank or too long. */
    public static String require(String field, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(field, Messages.text("privacy.reason-required"));
        }
        String r = reason.strip();
        if (r.length() > MAX) {
            throw new InvalidInputException(field, "size must be between 1 and " + MAX);
        }
        return r;
    }
}
