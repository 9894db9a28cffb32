package org.wushe.hub.schemas.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityResult;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.wushe.hub.schemas.HistoryLayout;

/**
 * Checks the current schemas ({@code src/main/avro}) against every version kept in the history
 * ({@code src/main/history/<folder>/<Event>/vN.avsc}).
 *
 * <p>A problem is reported when
 * <ul>
 *   <li>the current schema, as reader, cannot read data written with some kept version
 *       (BACKWARD_TRANSITIVE, {@link SchemaCompatibility#checkReaderWriterCompatibility});</li>
 *   <li>the current schema's parsing canonical form differs from the newest kept version: the
 *       change must be recorded as vN+1 so that readers can resolve the new fingerprint;</li>
 *   <li>a kept version was removed (versions run v1..vN without gaps), an event has no history yet,
 *       or history remains for an event whose schema was deleted;</li>
 *   <li>a file breaks the layout or does not parse.</li>
 * </ul>
 */
public final class CompatibilityChecker {

    /** One thing wrong with one schema; {@code version} is null when no single version is at fault. */
    public record Problem(String schema, String version, String detail) {
        @Override
        public String toString() {
            return schema + (version == null ? "" : " " + version) + ": " + detail;
        }
    }

    private static final String RECORD_HINT = " (./mvnw -pl schemas compile exec:java@record-schema-history writes it)";

    private final Path sourceRoot;
    private final Path historyRoot;

    public CompatibilityChecker(Path sourceRoot, Path historyRoot) {
        this.sourceRoot = sourceRoot;
        this.historyRoot = historyRoot;
    }

    /** @return every problem found, empty when the schemas and their history are in order */
    public List<Problem> check() {
        List<Problem> problems = new ArrayList<>();
        Map<String, Schema> current = SourceSchemas.parse(sourceRoot, problems);
        Map<String, SortedMap<Integer, Path>> history = scanHistory(problems);
        current.forEach(
                (path, schema) -> checkEvent(path, schema, history.getOrDefault(path, new TreeMap<>()), problems));
        history.forEach((path, versions) -> {
            if (!current.containsKey(path)) {
                problems.add(new Problem(
                        path,
                        null,
                        "the schema was deleted from src/main/avro but v1..v" + versions.lastKey()
                                + " were published: data of this event may still be read; restore it"));
            }
        });
        return problems;
    }

    /**
     * Writes the current schema as the next version of every event whose current form is not
     * recorded yet (v1 for a new event).
     *
     * @return the files written
     */
    public List<Path> recordNewVersions() {
        List<Problem> ignored = new ArrayList<>();
        Map<String, Schema> current = SourceSchemas.parse(sourceRoot, ignored);
        Map<String, SortedMap<Integer, Path>> history = scanHistory(ignored);
        List<Path> written = new ArrayList<>();
        current.forEach((path, schema) -> {
            SortedMap<Integer, Path> versions = history.getOrDefault(path, new TreeMap<>());
            if (!versions.isEmpty() && sameCanonicalForm(schema, versions.get(versions.lastKey()))) {
                return;
            }
            int next = versions.isEmpty() ? 1 : versions.lastKey() + 1;
            Path file = historyRoot.resolve(path).resolve(HistoryLayout.versionFileName(next));
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, schema.toString(true) + System.lineSeparator(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            written.add(file);
        });
        return written;
    }

    private void checkEvent(String path, Schema current, SortedMap<Integer, Path> versions, List<Problem> problems) {
        if (versions.isEmpty()) {
            problems.add(new Problem(path, null, "no version recorded: record it as v1.avsc" + RECORD_HINT));
            return;
        }
        int newest = versions.lastKey();
        for (int v = 1; v < newest; v++) {
            if (!versions.containsKey(v)) {
                problems.add(new Problem(
                        path,
                        "v" + v,
                        "history version v" + v + " was removed: every published"
                                + " version stays, readers may still meet its data"));
            }
        }
        Schema newestSchema = null;
        for (Map.Entry<Integer, Path> entry : versions.entrySet()) {
            String version = "v" + entry.getKey();
            Optional<Schema> parsed = parseHistoryFile(path, version, entry.getValue(), problems);
            if (parsed.isEmpty()) {
                continue;
            }
            Schema writer = parsed.get();
            if (entry.getKey() == newest) {
                newestSchema = writer;
            }
            if (!writer.getFullName().equals(current.getFullName())) {
                problems.add(new Problem(
                        path, version, "is " + writer.getFullName() + ", expected " + current.getFullName()));
                continue;
            }
            SchemaCompatibilityResult result = SchemaCompatibility.checkReaderWriterCompatibility(current, writer)
                    .getResult();
            if (result.getCompatibility() != SchemaCompatibilityType.COMPATIBLE) {
                for (Incompatibility incompatibility : result.getIncompatibilities()) {
                    problems.add(new Problem(
                            path,
                            version,
                            "the current schema cannot read data written with " + version + ": "
                                    + describe(incompatibility, current)));
                }
            }
        }
        if (newestSchema != null && !canonical(current).equals(canonical(newestSchema))) {
            problems.add(new Problem(
                    path,
                    "v" + newest,
                    "the current schema differs from v" + newest + ", the newest recorded version: record it as v"
                            + (newest + 1) + ".avsc" + RECORD_HINT));
        }
    }

    private Optional<Schema> parseHistoryFile(String path, String version, Path file, List<Problem> problems) {
        try {
            // Self-contained by construction: parse each version on its own.
            return Optional.of(new Schema.Parser().parse(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (AvroRuntimeException e) {
            problems.add(new Problem(
                    path, version, "does not parse on its own (history files are self-contained): " + e.getMessage()));
            return Optional.empty();
        }
    }

    private boolean sameCanonicalForm(Schema current, Path recorded) {
        try {
            return canonical(current).equals(canonical(new Schema.Parser().parse(recorded.toFile())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (AvroRuntimeException e) {
            return false;
        }
    }

    private static String canonical(Schema schema) {
        return SchemaNormalization.toParsingForm(schema);
    }

    /** History files by event path and version number. */
    private Map<String, SortedMap<Integer, Path>> scanHistory(List<Problem> problems) {
        Map<String, SortedMap<Integer, Path>> history = new TreeMap<>();
        if (!Files.isDirectory(historyRoot)) {
            return history;
        }
        try (Stream<Path> walk = Files.walk(historyRoot)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                Path relative = historyRoot.relativize(file);
                String fileName = relative.getFileName().toString();
                Optional<Integer> version = HistoryLayout.versionOf(fileName);
                if (fileName.startsWith(".")) {
                    continue;
                }
                if (relative.getNameCount() != 3 || version.isEmpty()) {
                    problems.add(new Problem(
                            relative.toString().replace('\\', '/'),
                            null,
                            "unexpected file in the history: versions are kept as <folder>/<Event>/vN.avsc"));
                    continue;
                }
                String path = relative.getParent().toString().replace('\\', '/');
                history.computeIfAbsent(path, p -> new TreeMap<>()).put(version.get(), file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return history;
    }

    /** "field details.urgency: MISSING_ENUM_SYMBOLS [CANCELLED] ..." with the field path in the reader. */
    static String describe(Incompatibility incompatibility, Schema reader) {
        String field = fieldPath(reader, incompatibility.getLocation());
        String what = switch (incompatibility.getType()) {
            case READER_FIELD_MISSING_DEFAULT_VALUE ->
                "the field was added without a default, so data written"
                        + " before it cannot be read: give it a default";
            case TYPE_MISMATCH -> "the type changed incompatibly: " + incompatibility.getMessage();
            case MISSING_ENUM_SYMBOLS ->
                "symbols " + incompatibility.getMessage() + " were removed from enum "
                        + incompatibility.getReaderFragment().getFullName() + ", which has no default to read them as";
            case MISSING_UNION_BRANCH -> "a union branch was removed: " + incompatibility.getMessage();
            case NAME_MISMATCH ->
                "a named type was renamed: " + incompatibility.getMessage() + " (keep the name or add an alias)";
            case FIXED_SIZE_MISMATCH -> "the fixed size changed: " + incompatibility.getMessage();
        };
        return (field.isEmpty() ? "record " + reader.getName() : "field " + field) + " (" + incompatibility.getType()
                + "): " + what;
    }

    /** Follows a JSON-pointer location such as /fields/6/type/fields/2/type to "details.urgency". */
    static String fieldPath(Schema reader, String location) {
        List<String> names = new ArrayList<>();
        Schema schema = reader;
        String[] steps = location == null ? new String[0] : location.split("/");
        for (int i = 0; i < steps.length && schema != null; i++) {
            String step = steps[i];
            switch (step) {
                case "", "type", "name", "size", "symbols" -> {}
                case "fields" -> {
                    if (i + 1 < steps.length && schema.getType() == Schema.Type.RECORD) {
                        Schema.Field f = schema.getFields().get(Integer.parseInt(steps[++i]));
                        names.add(f.name());
                        schema = f.schema();
                    }
                }
                case "items" -> schema = schema.getType() == Schema.Type.ARRAY ? schema.getElementType() : null;
                case "values" -> schema = schema.getType() == Schema.Type.MAP ? schema.getValueType() : null;
                default -> {
                    // A union branch index: follow it when it points into this union.
                    if (schema.getType() == Schema.Type.UNION
                            && step.chars().allMatch(Character::isDigit)
                            && Integer.parseInt(step) < schema.getTypes().size()) {
                        schema = schema.getTypes().get(Integer.parseInt(step));
                    }
                }
            }
        }
        return String.join(".", names);
    }

    /**
     * Fails (throws) with every problem when the history is not in order; silent otherwise.
     * Arguments: {@code [--record] <src/main/avro> <src/main/history>}.
     */
    public static void main(String[] args) {
        boolean record = args.length == 3 && args[0].equals("--record");
        if (args.length != (record ? 3 : 2)) {
            throw new IllegalArgumentException(
                    "usage: CompatibilityChecker [--record] <schema folder> <history folder>");
        }
        int first = record ? 1 : 0;
        CompatibilityChecker checker = new CompatibilityChecker(Path.of(args[first]), Path.of(args[first + 1]));
        if (record) {
            checker.recordNewVersions().forEach(file -> System.out.println("recorded " + file));
        }
        List<Problem> problems = checker.check();
        if (!problems.isEmpty()) {
            String report = problems.stream()
                    .map(p -> "  - " + p)
                    .collect(Collectors.joining(
                            System.lineSeparator(),
                            "Avro schema history check failed with " + problems.size() + " problem(s):"
                                    + System.lineSeparator(),
                            ""));
            throw new IllegalStateException(report);
        }
    }
}
