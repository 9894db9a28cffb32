package org.wushe.hub.schemas;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The Avro data model of the hub's generated events.
 *
 * <p>Avro 1.12 loads classes named by a schema only when a global allow-list trusts them
 * ({@code org.apache.avro.SERIALIZABLE_PACKAGES}, read once per JVM). This model resolves the
 * generated classes of {@code org.wushe.hub.events.*} itself, so decoding needs no JVM-wide
 * setting and changes no global state; any other name goes through Avro's check as usual.
 * (Generated builders use their own model and need {@link AvroTrust#install()}.)
 */
final class EventSpecificData extends SpecificData {

    private final ConcurrentMap<String, Optional<Class<?>>> eventClasses = new ConcurrentHashMap<>();

    EventSpecificData(ClassLoader classLoader) {
        super(classLoader);
        // The logical types the contracts use; the round-trip test of every event guards this list.
        addLogicalTypeConversion(new Conversions.UUIDConversion());
        addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        addLogicalTypeConversion(new TimeConversions.DateConversion());
        addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class getClass(Schema schema) {
        Schema.Type type = schema.getType();
        if ((type == Schema.Type.RECORD || type == Schema.Type.ENUM)
                && schema.getFullName().startsWith(HistoryLayout.EVENT_NAMESPACE_PREFIX)) {
            return eventClasses
                    .computeIfAbsent(schema.getFullName(), this::loadEventClass)
                    .orElse(null);
        }
        return super.getClass(schema);
    }

    private Optional<Class<?>> loadEventClass(String fullName) {
        try {
            Class<?> found = Class.forName(fullName, false, getClassLoader());
            // Only generated types: a record class or an enum of the events' namespace.
            return SpecificRecord.class.isAssignableFrom(found) || found.isEnum()
                    ? Optional.of(found)
                    : Optional.empty();
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }
}
