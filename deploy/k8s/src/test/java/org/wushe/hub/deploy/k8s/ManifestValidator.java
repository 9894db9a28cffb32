package org.wushe.hub.deploy.k8s;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates one manifest: against the JSON Schema of its apiVersion and kind (Kubernetes' own kinds from
 * {@link KubernetesSchemas}, Strimzi's from {@link StrimziSchemas}; a kind with neither is an error), then the
 * rules the API server or the Strimzi operator enforce that the schemas do not say.
 */
public final class ManifestValidator {

    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Set<String> CONNECTOR_FORBIDDEN =
            Set.of("name", "connector.class", "tasks.max", "connector.plugin.version");
    /** Strimzi resources that belong to a Kafka or KafkaConnect named by the strimzi.io/cluster label. */
    private static final Set<String> CLUSTER_LABELLED =
            Set.of("KafkaNodePool", "KafkaTopic", "KafkaUser", "KafkaConnector");

    private static ManifestValidator shared;

    private final KubernetesSchemas kubernetes;
    private final StrimziSchemas strimzi;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private final Map<String, Schema> compiled = new HashMap<>();

    private ManifestValidator() {
        kubernetes = new KubernetesSchemas();
        strimzi = new StrimziSchemas(kubernetes.definitions());
    }

    /** One per test JVM: building the schemas (and generating the CRDs on a clean build) takes seconds. */
    public static synchronized ManifestValidator get() {
        if (shared == null) {
            shared = new ManifestValidator();
        }
        return shared;
    }

    public StrimziSchemas strimzi() {
        return strimzi;
    }

    /** Every problem of the manifest, each prefixed by where it is; empty when it is valid. */
    public List<String> problems(Manifest m) {
        List<String> problems = new ArrayList<>();
        if (MonitoringModels.handles(m)) {
            problems.addAll(MonitoringModels.problems(m));
            rules(m, problems);
            return problems;
        }
        Schema schema = schemaOf(m.apiVersion(), m.kind());
        if (schema == null) {
            problems.add(m.where() + ": no Kubernetes or Strimzi " + StrimziSchemas.VERSION
                    + " schema for apiVersion \"" + m.apiVersion() + "\", kind \"" + m.kind() + "\"");
            return problems;
        }
        for (Error error : schema.validate(m.node())) {
            problems.add(m.where() + ": " + error);
        }
        rules(m, problems);
        return problems;
    }

    /**
     * A strategic-merge patch is a fragment: what it says must fit the schema (no unknown field, no wrong type),
     * but what it leaves out is the base's; so missing required properties are not errors here. What the patch
     * renders to is validated in full.
     */
    public List<String> patchProblems(Manifest m) {
        List<String> problems = new ArrayList<>();
        if (MonitoringModels.handles(m)) {
            return MonitoringModels.problems(m);
        }
        Schema schema = schemaOf(m.apiVersion(), m.kind());
        if (schema == null) {
            problems.add(m.where() + ": no Kubernetes or Strimzi " + StrimziSchemas.VERSION
                    + " schema for apiVersion \"" + m.apiVersion() + "\", kind \"" + m.kind() + "\"");
            return problems;
        }
        for (Error error : schema.validate(m.node())) {
            if (!"required".equals(error.getKeyword())) {
                problems.add(m.where() + ": " + error);
            }
        }
        return problems;
    }

    private synchronized Schema schemaOf(String apiVersion, String kind) {
        String key = apiVersion + " " + kind;
        if (!compiled.containsKey(key)) {
            ObjectNode node = kubernetes.schemaOf(apiVersion, kind);
            if (node == null) {
                node = strimzi.schemaOf(apiVersion, kind);
            }
            compiled.put(key, node == null ? null : registry.getSchema(node));
        }
        return compiled.get(key);
    }

    private static void rules(Manifest m, List<String> problems) {
        String name = m.name();
        if (name.isEmpty()) {
            problems.add(m.where() + ": metadata.name is required");
        } else if (name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
            problems.add(m.where() + ": metadata.name \"" + name + "\" is not a DNS subdomain name (RFC 1123)");
        }
        if (CLUSTER_LABELLED.contains(m.kind())
                && m.apiVersion().startsWith("kafka.strimzi.io/")
                && m.node()
                        .path("metadata")
                        .path("labels")
                        .path("strimzi.io/cluster")
                        .asString("")
                        .isEmpty()) {
            problems.add(m.where()
                    + ": the strimzi.io/cluster label is required; without it no operator picks the resource up");
        }
        if (m.kind().equals("KafkaConnector") && m.apiVersion().startsWith("kafka.strimzi.io/")) {
            JsonNode spec = m.spec();
            if (spec.path("class").asString("").isEmpty()) {
                problems.add(
                        m.where()
                                + ": spec.class is required (the connector's class; the operator cannot create the connector without it)");
            }
            for (String key : spec.path("config").propertyNames()) {
                if (CONNECTOR_FORBIDDEN.contains(key)) {
                    problems.add(m.where() + ": spec.config." + key + " is not allowed (Strimzi: " + CONNECTOR_FORBIDDEN
                            + "; use metadata.name, spec.class, spec.tasksMax)");
                }
            }
        }
    }
}
