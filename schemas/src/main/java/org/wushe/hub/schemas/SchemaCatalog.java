package org.wushe.hub.schemas;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every event schema version kept in the repository, by fingerprint and by full name, and the
 * generated class that reads each event today.
 *
 * <p>The fingerprint is the CRC-64-AVRO of the schema's parsing canonical form, as in Avro
 * single-object encoding. Immutable and thread-safe once built.
 */
public final class SchemaCatalog {

    private final Map<Long, Schema> byFingerprint;
    private final Map<String, List<Schema>> versionsByFullName;
    private final SortedSet<String> fullNames;
    private final EventSpecificData model;
    private final ConcurrentMap<String, Class<? extends SpecificRecord>> currentClasses = new ConcurrentHashMap<>();

    private SchemaCatalog(Map<String, List<Schema>> versionsByFullName, ClassLoader classLoader) {
        Map<Long, Schema> fingerprints = new LinkedHashMap<>();
        Map<String, List<Schema>> versions = new TreeMap<>();
        versionsByFullName.forEach((fullName, list) -> {
            List<Schema> distinct = new ArrayList<>();
            for (Schema schema : list) {
                if (!schema.getFullName().equals(fullName)) {
                    throw new IllegalArgumentException("version of " + fullName + " is named " + schema.getFullName());
                }
                long fingerprint = fingerprintOf(schema);
                Schema known = fingerprints.putIfAbsent(fingerprint, schema);
                if (known == null) {
                    distinct.add(schema);
                } else if (!SchemaNormalization.toParsingForm(known)
                        .equals(SchemaNormalization.toParsingForm(schema))) {
                    throw new IllegalArgumentException(String.format(
                            "fingerprint collision 0x%016x between %s and %s",
                            fingerprint, known.getFullName(), fullName));
                }
            }
            versions.put(fullName, List.copyOf(distinct));
        });
        this.byFingerprint = Map.copyOf(fingerprints);
        this.versionsByFullName = Map.copyOf(versions);
        this.fullNames = Collections.unmodifiableSortedSet(new TreeSet<>(versions.keySet()));
        this.model = new EventSpecificData(classLoader);
    }

    /** The catalog of the schema versions packaged with this module, read from the classpath index. */
    public static SchemaCatalog load() {
        return load(SchemaCatalog.class.getClassLoader());
    }

    /** As {@link #load()}, with the class loader that holds the history resources and generated classes. */
    public static SchemaCatalog load(ClassLoader classLoader) {
        Map<String, TreeMap<Integer, Schema>> byPath = new TreeMap<>();
        for (String entry : readIndex(classLoader)) {
            int slash = entry.lastIndexOf('/');
            String path = entry.substring(0, slash);
            int version = HistoryLayout.versionOf(entry.substring(slash + 1))
                    .orElseThrow(() -> new IllegalStateException("not a history file in the index: " + entry));
            byPath.computeIfAbsent(path, p -> new TreeMap<>()).put(version, parseResource(classLoader, entry));
        }
        Map<String, List<Schema>> versions = new LinkedHashMap<>();
        byPath.forEach((path, numbered) -> {
            Schema newest = numbered.lastEntry().getValue();
            if (!HistoryLayout.historyPath(newest).equals(path)) {
                throw new IllegalStateException("history folder " + path + " holds " + newest.getFullName());
            }
            versions.put(newest.getFullName(), List.copyOf(numbered.values()));
        });
        return new SchemaCatalog(versions, classLoader);
    }

    /**
     * A catalog of the given schemas, in the order given (oldest version of each event first); for
     * tests and tools. Generated classes are looked up with this class's class loader.
     */
    public static SchemaCatalog of(Collection<Schema> versionsOldestFirst) {
        Map<String, List<Schema>> versions = new LinkedHashMap<>();
        for (Schema schema : versionsOldestFirst) {
            versions.computeIfAbsent(schema.getFullName(), n -> new ArrayList<>())
                    .add(schema);
        }
        return new SchemaCatalog(versions, SchemaCatalog.class.getClassLoader());
    }

    public static SchemaCatalog of(Schema... versionsOldestFirst) {
        return of(List.of(versionsOldestFirst));
    }

    /** The schema a message was written with, by the fingerprint in its header. */
    public Optional<Schema> writerSchema(long fingerprint) {
        return Optional.ofNullable(byFingerprint.get(fingerprint));
    }

    /** Every kept version of an event, oldest first; empty for an unknown name. */
    public List<Schema> versions(String fullName) {
        return versionsByFullName.getOrDefault(fullName, List.of());
    }

    /** Full names of all events in the catalog, sorted. */
    public SortedSet<String> fullNames() {
        return fullNames;
    }

    /**
     * The generated class that reads this event now: data of any kept version resolves into it.
     *
     * @throws IllegalArgumentException when the event is unknown or has no generated record class
     */
    public Class<? extends SpecificRecord> currentClass(String fullName) {
        return currentClasses.computeIfAbsent(fullName, this::findClass);
    }

    /** CRC-64-AVRO fingerprint of the schema's parsing canonical form. */
    public long fingerprint(Schema schema) {
        return fingerprintOf(schema);
    }

    /** The data model that reads and writes the generated classes, shared by the codec. */
    SpecificData model() {
        return model;
    }

    static long fingerprintOf(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(Objects.requireNonNull(schema, "schema"));
    }

    private Class<? extends SpecificRecord> findClass(String fullName) {
        List<Schema> versions = versions(fullName);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("unknown event type " + fullName + ": not in the schema catalog");
        }
        Class<?> found = model.getClass(versions.get(versions.size() - 1));
        if (found == null || !SpecificRecord.class.isAssignableFrom(found)) {
            throw new IllegalArgumentException("no generated record class for " + fullName + " on the classpath");
        }
        return found.asSubclass(SpecificRecord.class);
    }

    private static List<String> readIndex(ClassLoader classLoader) {
        try (InputStream in = classLoader.getResourceAsStream(HistoryLayout.INDEX_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + HistoryLayout.INDEX_RESOURCE
                        + " on the classpath: the wushe-schemas jar is missing or was built without its history index");
            }
            List<String> entries = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String entry = line.strip();
                    if (!entry.isEmpty() && !entry.startsWith("#")) {
                        entries.add(entry);
                    }
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + HistoryLayout.INDEX_RESOURCE, e);
        }
    }

    private static Schema parseResource(ClassLoader classLoader, String entry) {
        String resource = HistoryLayout.RESOURCE_ROOT + entry;
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "the history index lists " + resource + " but it is not on the classpath");
            }
            // A fresh parser per file: the versions of one event share its full name.
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
