package org.wushe.hub.deploy.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Strimzi CRDs the manifests are written for, and JSON Schemas (draft 7) made from their
 * {@code openAPIV3Schema}.
 *
 * <p>The CRDs come from Maven Central: {@code io.strimzi:api} and {@code io.strimzi:crd-generator} (copied to
 * {@code target/strimzi} by the build) and Strimzi's generator run exactly as Strimzi's own build runs it for the
 * release's {@code packaging/install/cluster-operator/04x-Crd-*.yaml}. Each generated file must have the SHA-256
 * of that release file ({@link #RELEASE_SHA256}), so the schemas are the released ones, byte for byte.
 *
 * <p>From OpenAPI v3 (structural schemas) to JSON Schema: {@code nullable} adds {@code null} to the type,
 * {@code x-kubernetes-int-or-string} makes it integer or string, OpenAPI 3.0's boolean {@code exclusiveMinimum}
 * and {@code exclusiveMaximum} become draft 7's numbers, and every object with properties that neither declares
 * {@code additionalProperties} nor {@code x-kubernetes-preserve-unknown-fields} is closed: the API server would
 * prune an unknown field silently (or refuse it under strict field validation), which here is an error.
 * {@code metadata} is Kubernetes' ObjectMeta. CEL rules ({@code x-kubernetes-validations}) are not evaluated.
 */
public final class StrimziSchemas {

    public static final String VERSION = System.getProperty("wushe.strimzi.version", "1.2.0");
    public static final String API_VERSION = "kafka.strimzi.io/v1";

    /** SHA-256 of packaging/install/cluster-operator/&lt;file&gt; in the Strimzi 1.2.0 release (tag 1.2.0). */
    static final Map<String, String> RELEASE_SHA256 = Map.of(
            "040-Crd-kafka.yaml", "b5b27fc8d52068a77cde7c40d47c068023c7b4e92fc266c45200db2d2506392a",
            "041-Crd-kafkaconnect.yaml", "00339af1b873aefbfc4406ef251d03d0928a8d7f6a85c45bd322080e21d6f3be",
            "043-Crd-kafkatopic.yaml", "36390f0731c699448076d4ee739e8b7f331d083e91a7fb71500aaa830ab1127e",
            "044-Crd-kafkauser.yaml", "c7e91b9b027a516b43dc7d369e781ee23a6ea177ae15fe0c33af6f722e26e05f",
            "045-Crd-kafkanodepool.yaml", "411c1b32ef8c1a6408ac9d4fe791115a6ce2b41107204588f976a3ed19be2430",
            "047-Crd-kafkaconnector.yaml", "8050325edfec7ac90718f9e40f3f808b5489d7ae6c11b1634bc82426955b8fff");

    /** API class → CRD file, as in Strimzi's api/pom.xml. */
    private static final Map<String, String> CRDS = new LinkedHashMap<>();

    static {
        CRDS.put("io.strimzi.api.kafka.model.kafka.Kafka", "040-Crd-kafka.yaml");
        CRDS.put("io.strimzi.api.kafka.model.connect.KafkaConnect", "041-Crd-kafkaconnect.yaml");
        CRDS.put("io.strimzi.api.kafka.model.topic.KafkaTopic", "043-Crd-kafkatopic.yaml");
        CRDS.put("io.strimzi.api.kafka.model.user.KafkaUser", "044-Crd-kafkauser.yaml");
        CRDS.put("io.strimzi.api.kafka.model.nodepool.KafkaNodePool", "045-Crd-kafkanodepool.yaml");
        CRDS.put("io.strimzi.api.kafka.model.connector.KafkaConnector", "047-Crd-kafkaconnector.yaml");
    }

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Set<String> DROPPED = Set.of(
            "description",
            "format",
            "default",
            "x-kubernetes-validations",
            "x-kubernetes-list-type",
            "x-kubernetes-list-map-keys",
            "x-kubernetes-map-type",
            "x-kubernetes-embedded-resource",
            "x-kubernetes-int-or-string",
            "x-kubernetes-preserve-unknown-fields",
            "nullable",
            "exclusiveMinimum",
            "exclusiveMaximum");

    private final Map<String, JsonNode> crds = new LinkedHashMap<>();
    private final Map<String, ObjectNode> schemas = new LinkedHashMap<>();

    public StrimziSchemas(ObjectNode kubernetesDefinitions) {
        Path dir = Path.of("target", "strimzi-crds-" + VERSION).toAbsolutePath();
        generate(dir);
        for (String file : CRDS.values()) {
            JsonNode crd = Repo.readYaml(dir.resolve(file)).get(0).node();
            String kind = crd.path("spec").path("names").path("kind").asString();
            crds.put(kind, crd);
            for (JsonNode version : crd.path("spec").path("versions")) {
                String apiVersion = crd.path("spec").path("group").asString() + "/"
                        + version.path("name").asString();
                if (version.path("served").asBoolean(false)) {
                    schemas.put(
                            apiVersion + " " + kind,
                            rootSchema(
                                    version.path("schema").path("openAPIV3Schema"),
                                    apiVersion,
                                    kind,
                                    kubernetesDefinitions));
                }
            }
        }
    }

    public ObjectNode schemaOf(String apiVersion, String kind) {
        return schemas.get(apiVersion + " " + kind);
    }

    public Set<String> servedKinds() {
        return schemas.keySet();
    }

    public JsonNode crd(String kind) {
        return crds.get(kind);
    }

    private static void generate(Path dir) {
        try {
            if (!allMatchRelease(dir)) {
                Files.createDirectories(dir);
                Path jars = Path.of(System.getProperty("wushe.strimzi.jars", "target/strimzi"))
                        .toAbsolutePath();
                List<String> command = new ArrayList<>(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        Path.of("target", "test-classes").toAbsolutePath().toString(),
                        StrimziCrdGeneratorLauncher.class.getName(),
                        jars.resolve("strimzi-crd-generator.jar")
                                + java.io.File.pathSeparator
                                + jars.resolve("strimzi-api.jar"),
                        // Strimzi's api/pom.xml, execution generate-crd-co-install-v1
                        "--label",
                        "app:strimzi",
                        "--label",
                        "strimzi.io/crd-install:true",
                        "--target-kube",
                        "1.16+",
                        "--crd-api-version",
                        "v1",
                        "--api-versions",
                        "v1",
                        "--storage-version",
                        "v1",
                        "--yaml"));
                CRDS.forEach((type, file) -> command.add(type + "=" + dir.resolve(file)));
                Path log = dir.resolve("generator.log");
                Process process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                    process.destroyForcibly();
                    throw new IllegalStateException("Strimzi's CRD generator failed:\n" + Files.readString(log));
                }
            }
            for (String file : CRDS.values()) {
                String actual = sha256(dir.resolve(file));
                if (!actual.equals(RELEASE_SHA256.get(file))) {
                    throw new IllegalStateException(file + " generated from Strimzi " + VERSION + " has SHA-256 "
                            + actual + ", not the release file's " + RELEASE_SHA256.get(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean allMatchRelease(Path dir) throws IOException {
        for (String file : CRDS.values()) {
            if (!Files.isRegularFile(dir.resolve(file))
                    || !sha256(dir.resolve(file)).equals(RELEASE_SHA256.get(file))) {
                return false;
            }
        }
        return true;
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode rootSchema(
            JsonNode openApi, String apiVersion, String kind, ObjectNode kubernetesDefinitions) {
        ObjectNode converted = (ObjectNode) convert(openApi);
        ObjectNode props = (ObjectNode) converted.get("properties");
        props.putObject("apiVersion").put("const", apiVersion);
        props.putObject("kind").put("const", kind);
        props.putObject("metadata").put("$ref", "#/definitions/V1ObjectMeta");
        ArrayNode required =
                converted.has("required") ? (ArrayNode) converted.get("required") : converted.putArray("required");
        for (String r : List.of("apiVersion", "kind", "metadata")) {
            required.add(r);
        }
        converted.put("$schema", "http://json-schema.org/draft-07/schema#");
        converted.set("definitions", kubernetesDefinitions);
        return converted;
    }

    static JsonNode convert(JsonNode node) {
        if (!node.isObject()) {
            return node.deepCopy();
        }
        ObjectNode out = F.objectNode();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = e.getKey();
            JsonNode value = e.getValue();
            if (DROPPED.contains(key)) {
                continue;
            }
            switch (key) {
                case "properties" -> {
                    ObjectNode props = out.putObject("properties");
                    for (Map.Entry<String, JsonNode> p : value.properties()) {
                        props.set(p.getKey(), convert(p.getValue()));
                    }
                }
                case "items", "not" -> out.set(key, convert(value));
                case "additionalProperties" -> out.set(key, value.isBoolean() ? value.deepCopy() : convert(value));
                case "oneOf", "anyOf", "allOf" -> {
                    ArrayNode list = out.putArray(key);
                    value.forEach(v -> list.add(convert(v)));
                }
                default -> out.set(key, value.deepCopy());
            }
        }
        if (node.path("x-kubernetes-int-or-string").asBoolean(false)) {
            out.remove("type");
            out.putArray("type").add("integer").add("string");
        }
        for (String bound : List.of("Minimum", "Maximum")) {
            String limit = bound.toLowerCase();
            if (node.path("exclusive" + bound).asBoolean(false) && out.has(limit)) {
                out.set("exclusive" + bound, out.remove(limit));
            }
        }
        if (node.path("nullable").asBoolean(false) && out.has("type")) {
            JsonNode type = out.remove("type");
            ArrayNode types = out.putArray("type");
            if (type.isArray()) {
                type.forEach(types::add);
            } else {
                types.add(type);
            }
            types.add("null");
        }
        boolean preserveUnknown =
                node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if ("object".equals(out.path("type").asString(""))
                && out.has("properties")
                && !out.has("additionalProperties")
                && !preserveUnknown) {
            out.put("additionalProperties", false);
        }
        return out;
    }
}
