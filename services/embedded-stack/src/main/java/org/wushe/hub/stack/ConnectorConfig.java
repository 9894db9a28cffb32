package org.wushe.hub.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Kafka Connect connector configuration, in the JSON a Kafka Connect cluster accepts
 * ({@code {"name": ..., "config": {...}}}). The files in {@code deploy/connect/} are the single source:
 * production posts them to Kafka Connect; the local stack runs the same configuration in the
 * Debezium engine after pointing the connection at the embedded database.
 */
public record ConnectorConfig(String name, Map<String, String> config) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ConnectorConfig {
        Objects.requireNonNull(name, "name");
        config = Map.copyOf(config);
    }

    public static ConnectorConfig parse(InputStream json) {
        try {
            JsonNode root = JSON.readTree(json);
            JsonNode name = root.get("name");
            JsonNode config = root.get("config");
            if (name == null || !name.isTextual() || config == null || !config.isObject()) {
                throw new IllegalArgumentException("a connector file needs a text \"name\" and an object \"config\"");
            }
            Map<String, String> values = new LinkedHashMap<>();
            config.fields()
                    .forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
            return new ConnectorConfig(name.asText(), values);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable connector configuration: " + e.getMessage(), e);
        }
    }

    public static ConnectorConfig fromClasspath(String resource) {
        try (InputStream in = ConnectorConfig.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no connector configuration on the classpath at " + resource);
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String get(String key) {
        return config.get(key);
    }

    public String get(String key, String fallback) {
        return config.getOrDefault(key, fallback);
    }

    /** The outbox table this connector captures, e.g. {@code community.outbox}. */
    public String outboxTable() {
        String table = config.get("table.include.list");
        if (table == null || table.isBlank() || table.contains(",")) {
            throw new IllegalStateException(
                    name + ": an outbox connector captures exactly one table (table.include.list)");
        }
        return table.trim();
    }

    /** A copy with these keys set (or replaced). */
    public ConnectorConfig with(Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>(config);
        values.putAll(overrides);
        return new ConnectorConfig(name, values);
    }

    /** The same connector pointed at the local database, with production-only settings made local. */
    public ConnectorConfig forLocal(EmbeddedDatabase database, int replicationFactor) {
        Map<String, String> local = new LinkedHashMap<>();
        local.put("database.hostname", "127.0.0.1");
        local.put("database.port", String.valueOf(database.port()));
        local.put("database.user", EmbeddedDatabase.USER);
        local.put("database.password", database.password());
        local.put("database.dbname", database.database());
        local.put("topic.creation.default.replication.factor", String.valueOf(replicationFactor));
        // The local stack creates the publication itself, holding the outbox table once a migration creates it (see
        // OutboxCdc), so the connector can start before the owning service has migrated.
        local.put("publication.autocreate.mode", "disabled");
        // The embedded database listens on 127.0.0.1 only and has no certificate: no TLS (production verifies
        // the server's certificate, sslmode=verify-full, against the CA mounted at database.sslrootcert).
        local.put("database.sslmode", "disable");
        config.keySet().stream()
                .filter(k -> k.startsWith("topic.creation.default.") && k.endsWith("min.insync.replicas"))
                .forEach(k -> local.put(k, "1"));
        Map<String, String> values = new LinkedHashMap<>(with(local).config());
        values.remove("database.sslrootcert");
        return new ConnectorConfig(name, values);
    }
}
