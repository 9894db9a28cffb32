package org.wushe.hub.community.web;

import org.wushe.hub.platform.web.InvalidInputException;

/**
 * Who asks and why. Until OAuth2 arrives the caller names itself in the {@value #ACTOR_HEADER} header;
 * reads of personal data also state a reason. Both go to the resident access log.
 */
public final class Accountability {

    public static final String ACTOR_HEADER = "X-Wushe-Actor";
    /** An account id: HTTP header values are ASCII. */
    private static final java.util.regex.Pattern ACTOR = java.util.regex.Pattern.compile("[A-Za-z0-9._@:\\-]{1,100}");

    private Accountability() {
    }

    public static String actor(String header) {
        if (header == null || header.isBlank()) {
            throw new InvalidInputException(ACTOR_HEADER, "required header: who is asking 请注明操作人");
        }
        String actor = header.strip();
        if (!ACTOR.matcher(actor).matches()) {
            throw new InvalidInputException(ACTOR_HEADER, "must be an account id of 1 to 100 letters, digits and . _ @ : - (e.g. staff-li)");
        }
        return actor;
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
