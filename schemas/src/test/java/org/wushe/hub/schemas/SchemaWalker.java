package org.wushe.hub.schemas;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/** Every named type reachable from the current event schemas, each once, by full name. */
final class SchemaWalker {

    private SchemaWalker() {}

    /** The current (generated) schema of every event in the catalog. */
    static List<Schema> currentEvents(SchemaCatalog catalog) {
        List<Schema> events = new ArrayList<>();
        for (String fullName : catalog.fullNames()) {
            events.add(SpecificData.get().getSchema(catalog.currentClass(fullName)));
        }
        return events;
    }

    static Map<String, Schema> namedTypes(List<Schema> roots) {
        Map<String, Schema> found = new LinkedHashMap<>();
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        roots.forEach(root -> collect(root, found, seen));
        return found;
    }

    static Map<String, Schema> records(List<Schema> roots) {
        Map<String, Schema> records = new LinkedHashMap<>();
        namedTypes(roots).forEach((name, schema) -> {
            if (schema.getType() == Schema.Type.RECORD) {
                records.put(name, schema);
            }
        });
        return records;
    }

    private static void collect(Schema schema, Map<String, Schema> found, Set<Schema> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (seen.add(schema)) {
                    found.putIfAbsent(schema.getFullName(), schema);
                    schema.getFields().forEach(f -> collect(f.schema(), found, seen));
                }
            }
            case ENUM, FIXED -> found.putIfAbsent(schema.getFullName(), schema);
            case ARRAY -> collect(schema.getElementType(), found, seen);
            case MAP -> collect(schema.getValueType(), found, seen);
            case UNION -> schema.getTypes().forEach(t -> collect(t, found, seen));
            default -> {}
        }
    }
}
