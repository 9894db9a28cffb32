package org.wushe.hub.platform.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a service may rebuild from the topics with {@code POST /admin/replay}: the consumer that keeps
 * its read model (the name its {@code InboundEvents} consumers record processed events under), the
 * input bindings of that consumer, and the read-model tables they fill. Only read models of other
 * services' events belong here: the service's own state (its decisions, its ledger, its audit) is
 * never cleared. The bindings must form their own consumer group: the replay resets that group's
 * offsets, which Kafka allows only while the group has no members.
 *
 * <pre>{@code
 * @Bean ReadModelReplay readModelReplay() {
 *     return ReadModelReplay.of("volunteer-readmodel")
 *             .bindings("donors-in-0", "needs-in-0")
 *             .tables("donor", "need_category");
 * }
 * }</pre>
 *
 * <p>{@link #beforeReplay} runs before the bindings stop (e.g. hold back side effects that must not be
 * repeated); {@link #afterReplay} runs once the replay is done or has failed, with the bindings running
 * again (e.g. reload an in-memory index from the rebuilt tables).
 */
public final class ReadModelReplay {

    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String consumer;
    private final List<String> bindings = new ArrayList<>();
    private final List<String> tables = new ArrayList<>();
    private Runnable beforeReplay = () -> {};
    private Runnable afterReplay = () -> {};

    private ReadModelReplay(String consumer) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
    }

    /** The consumer name (as given to {@code InboundEvents.consumer(…)}) whose processed events are forgotten. */
    public static ReadModelReplay of(String consumer) {
        return new ReadModelReplay(consumer);
    }

    /** The input bindings to stop, rewind and start again, e.g. {@code needs-in-0}. */
    public ReadModelReplay bindings(String... names) {
        bindings.addAll(List.of(names));
        return this;
    }

    /** The tables the consumer fills from events, emptied in the transaction that forgets its processed events. */
    public ReadModelReplay tables(String... names) {
        for (String t : names) {
            if (!TABLE.matcher(t).matches()) {
                throw new IllegalArgumentException("not a plain table name: " + t);
            }
            tables.add(t);
        }
        return this;
    }

    public ReadModelReplay beforeReplay(Runnable hook) {
        this.beforeReplay = Objects.requireNonNull(hook);
        return this;
    }

    public ReadModelReplay afterReplay(Runnable hook) {
        this.afterReplay = Objects.requireNonNull(hook);
        return this;
    }

    public String consumer() {
        return consumer;
    }

    public List<String> bindings() {
        return List.copyOf(bindings);
    }

    public List<String> tables() {
        return List.copyOf(tables);
    }

    Runnable beforeHook() {
        return beforeReplay;
    }

    Runnable afterHook() {
        return afterReplay;
    }
}
