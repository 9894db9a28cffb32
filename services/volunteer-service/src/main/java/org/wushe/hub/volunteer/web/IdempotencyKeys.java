package org.wushe.hub.volunteer.web;

import org.wushe.hub.platform.web.InvalidInputException;

/**
 * The {@code Idempotency-Key} request header: a retried request with the same key gets the first
 * result instead of spending points again.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";

    private IdempotencyKeys() {
    }

    public static String require(String key) {
        if (key == null || key.isBlank()) {
            throw new InvalidInputException(HEADER, "required: a key unique to this request (e.g. a UUID), so a retry cannot spend twice");
        }
        if (key.length() > 100 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidInputException(HEADER, "must be 1 to 100 printable ASCII characters without spaces");
        }
        return key;
    }
}
