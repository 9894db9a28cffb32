package org.wushe.hub.schemas;

import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;
import org.wushe.hub.events.common.Category;

/**
 * Avro 1.12 refuses to instantiate classes it does not trust (a guard against deserialization
 * gadgets), and that includes our generated enums when a generated builder materializes a default
 * such as an empty {@code array<Skill>} or {@code previousLevel = UNKNOWN}. {@link #install()} trusts
 * exactly the generated event packages, on top of whatever is trusted already. Call it once at
 * startup (the platform auto-configuration does) and in tests that build events.
 *
 * <p>{@link AvroEventCodec} does not need it: its data model resolves the event classes itself.
 */
public final class AvroTrust {

    public static final String EVENT_PACKAGE = "org.wushe.hub.events";

    private AvroTrust() {}

    /** Idempotent: does nothing when the event classes are trusted already. */
    public static synchronized void install() {
        if (isInstalled()) {
            return;
        }
        ClassSecurityPredicate events = type -> type.getName().startsWith(EVENT_PACKAGE + ".");
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), events));
    }

    /** Whether Avro's global allow-list trusts the generated event classes now. */
    public static boolean isInstalled() {
        return ClassSecurityValidator.getGlobal().isTrusted(Category.class);
    }
}
