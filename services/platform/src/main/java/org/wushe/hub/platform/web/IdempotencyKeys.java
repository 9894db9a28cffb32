package org.wushe.hub.platform.web;

import org.wushe.hub.platform.i18n.Messages;

/**
 * The {@code Idempotency-Key} request header: the client sends a key unique to one request (a UUID, say) and the
 * same key again on every retry of it; a repeat gets the first request's result instead of doing the work twice
 * (reserving stock twice, spending points twice). How a service remembers its keys is its own: resource-service
 * claims each in an {@code idempotency_key} table in the request's transaction, volunteer-service keeps it on the
 * ledger row it wrote, unique per account. What they share is here: the header's name, what a key may be, and
 * the answers for a key that is missing, malformed or used before for a different request.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    /** Response header: {@code true} when the answer is the first request's result, replayed for a repeat. */
    public static final String REPLAYED = "Idempotent-Replayed";

    public static final int MAX_LENGTH = 100;

    private IdempotencyKeys() {}

    /**
     * The key of a request that must have one, without surrounding blanks: 400 naming the header when it is
     * missing or blank, longer than {@value #MAX_LENGTH} characters, or not printable ASCII without spaces.
     */
    public static String require(String key) {
        if (key == null || key.isBlank()) {
            throw new InvalidInputException(HEADER, Messages.text("idempotency.required"));
        }
        String k = key.strip();
        if (k.length() > MAX_LENGTH || !k.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidInputException(HEADER, Messages.text("idempotency.malformed", String.valueOf(MAX_LENGTH)));
        }
        return k;
    }

    /** The key where a request may have one: null without the header, else as {@link #require}. */
    public static String optional(String key) {
        return key == null ? null : require(key);
    }

    /**
     * 422 naming the header: the key was used before for a different request.
     *
     * @param earlierRequest what the earlier request was, as the client may recognise it (e.g. {@code 60 minutes on
     *                       2026-11-23}); null to say nothing about it
     */
    public static InvalidInputException reused(String earlierRequest) {
        return new InvalidInputException(
                HEADER,
                Messages.text("idempotency.reused", earlierRequest == null ? "" : " (" + earlierRequest + ")"),
                422);
    }
}
