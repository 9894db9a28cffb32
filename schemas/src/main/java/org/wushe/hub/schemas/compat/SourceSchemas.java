package org.wushe.hub.schemas.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParser;
import org.wushe.hub.schemas.HistoryLayout;
import org.wushe.hub.schemas.compat.CompatibilityChecker.Problem;

/**
 * The current event schemas of {@code src/main/avro}: each file outside {@code common/} is one
 * event, resolved against the shared types of {@code common/} into a self-contained schema, the
 * same one the generated class carries.
 */
final class SourceSchemas {

    private SourceSchemas() {}

    /**
     * @return event schemas by history path ({@code community/NeedPublished}), sorted; files that
     * cannot be parsed or break the layout are reported as problems and left out
     */
    static Map<String, Schema> parse(Path sourceRoot, List<Problem> problems) {
        List<Path> files = avscFiles(sourceRoot);
        List<Path> common = new ArrayList<>();
        List<Path> events = new ArrayList<>();
        for (Path file : files) {
            Path relative = sourceRoot.relativize(file);
            if (relative.getNameCount() != 2) {
                problems.add(new Problem(
                        relative.toString(),
                        null,
                        "schemas live one folder deep: common/<Type>.avsc or <party>/<Event>.avsc"));
            } else if (relative.getName(0).toString().equals(HistoryLayout.COMMON_FOLDER)) {
                common.add(file);
            } else {
                events.add(file);
            }
        }

        Map<String, Schema> result = new TreeMap<>();
        Map<String, String> definedIn = new HashMap<>();
        for (Path file : events) {
            String path = stripExtension(sourceRoot.relativize(file));
            Schema schema;
            try {
                // A fresh parser per event, fed the shared types first (they may refer to each other in any order).
                SchemaParser parser = new SchemaParser();
                for (Path shared : common) {
                    parser.parse(shared);
                }
                schema = parser.resolve(parser.parse(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (AvroRuntimeException e) {
                problems.add(new Problem(path, null, "does not parse: " + e.getMessage()));
                continue;
            }
            String expectedName = HistoryLayout.EVENT_NAMESPACE_PREFIX + path.replace('/', '.');
            if (schema.getType() != Schema.Type.RECORD || !schema.getFullName().equals(expectedName)) {
                problems.add(new Problem(
                        path,
                        null,
                        "must define the record " + expectedName + " (found "
                                + schema.getType().getName() + " " + schema.getFullName() + ")"));
                continue;
            }
            for (Schema named : namedTypesIn(schema)) {
                String name = named.getFullName();
                if (name.startsWith(HistoryLayout.EVENT_NAMESPACE_PREFIX + HistoryLayout.COMMON_FOLDER + ".")) {
                    continue;
                }
                String other = definedIn.putIfAbsent(name, path);
                if (other != null && !other.equals(path)) {
                    problems.add(new Problem(
                            path,
                            null,
                            "defines " + name + ", also defined by " + other
                                    + ": a type shared by several events belongs in common/"));
                }
            }
            result.put(path, schema);
        }
        return result;
    }

    /** Every named type (record, enum, fixed) reachable from the schema, itself included. */
    static List<Schema> namedTypesIn(Schema root) {
        List<Schema> found = new ArrayList<>();
        collect(root, found, Collections.newSetFromMap(new IdentityHashMap<>()));
        return found;
    }

    private static void collect(Schema schema, List<Schema> found, Set<Schema> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (seen.add(schema)) {
                    found.add(schema);
                    schema.getFields().forEach(f -> collect(f.schema(), found, seen));
                }
            }
            case ENUM, FIXED -> {
                if (seen.add(schema)) {
                    found.add(schema);
                }
            }
            case ARRAY -> collect(schema.getElementType(), found, seen);
            case MAP -> collect(schema.getValueType(), found, seen);
            case UNION -> schema.getTypes().forEach(t -> collect(t, found, seen));
            default -> {}
        }
    }

    private static List<Path> avscFiles(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("no schema folder " + root);
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p ->
                            Files.isRegularFile(p) && p.getFileName().toString().endsWith(".avsc"))
                    .sorted(Comparator.comparing(p -> root.relativize(p).toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stripExtension(Path relative) {
        String s = relative.toString().replace('\\', '/');
        return s.substring(0, s.length() - ".avsc".length());
    }
}
