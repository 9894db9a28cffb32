package org.wushe.hub.schemas;

/**
 * A message that is not a valid event for this catalog: not single-object encoded, written with a
 * schema version the repository does not keep, or with a damaged body. Consumers send such messages
 * to the dead-letter topic with {@link #getMessage()} as the reason; retrying cannot help.
 */
public class UndecodableEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UndecodableEventException(String reason) {
        super(reason);
    }

    public UndecodableEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
