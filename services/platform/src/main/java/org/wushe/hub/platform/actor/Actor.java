package org.wushe.hub.platform.actor;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Who is acting on the current thread: a person's account id for an HTTP request (from
 * {@link ActorResolver}: the verified token's subject), {@code system:<consumer>} while an
 * inbound event is handled ({@code InboundEvents}), {@code system:<service>} in a scheduled job
 * ({@code ActorTaskDecorator}). {@code OutboxWriter} writes it into every event's {@code actor}
 * column, which Debezium carries as the Kafka header {@code actor}. An account id, never a name.
 *
 * <p>A person's id is 1 to 64 letters, digits or {@code . _ @ -}: no colon, so nobody can name
 * themselves {@code system:…} over HTTP.
 */
public final class Actor {

    /** The request header that names the person acting, read only where Spring Security is absent (tokens name them everywhere else). */
    public static final String HEADER = "X-Wushe-Actor";

    public static final String SYSTEM_PREFIX = "system:";
    public static final int MAX_LENGTH = 64;

    private static final Pattern PERSON = Pattern.compile("[\\p{L}\\p{N}._@-]{1," + MAX_LENGTH + "}");
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private Actor() {}

    /** The actor of the current thread, if any. */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The actor of the current thread, or null. */
    public static String currentOrNull() {
        return CURRENT.get();
    }

    /** Runs {@code work} as {@code actor} (null: as nobody), then restores whoever acted before. */
    public static <T> T call(String actor, Supplier<T> work) {
        String before = CURRENT.get();
        set(actor);
        try {
            return work.get();
        } finally {
            set(before);
        }
    }

    /** Runs {@code work} as {@code actor} (null: as nobody), then restores whoever acted before. */
    public static void run(String actor, Runnable work) {
        call(actor, () -> {
            work.run();
            return null;
        });
    }

    /** Sets the thread's actor and answers the one before, for a caller that restores it in a finally block. */
    static String swap(String actor) {
        String before = CURRENT.get();
        set(actor);
        return before;
    }

    /** The actor of the service itself: {@code system:<name>} (a consumer or the service's name). */
    public static String system(String name) {
        return SYSTEM_PREFIX + name;
    }

    /** Whether {@code id} is a valid person's account id (1–64 letters, digits or . _ @ -). */
    public static boolean isValidPerson(String id) {
        return id != null && PERSON.matcher(id).matches();
    }

    private static void set(String actor) {
        if (actor == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(actor);
        }
    }
}
