package org.wushe.hub.deploy.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The repository as the tests see it: deploy/k8s, the services' settings, README's topic catalogue, deploy/connect. */
public final class Repo {

    public static final Path ROOT = Path.of(System.getProperty("wushe.repo.root", "../.."))
            .toAbsolutePath()
            .normalize();
    public static final Path K8S = ROOT.resolve("deploy/k8s");

    /**
     * The seven services: name, the party that names its database (and, for those that publish, CDC secret and
     * connector), its schema; whether it publishes events through an outbox connector (notification-service does not).
     */
    public enum Service {
        COMMUNITY("community-service", "community", true),
        ORGANIZATION("organization-service", "organization", true),
        SOCIAL_WORKER("social-worker-service", "socialworker", true),
        VOLUNTEER("volunteer-service", "volunteer", true),
        RESOURCE("resource-service", "resource", true),
        MATCHING("matching-service", "matching", true),
        NOTIFICATION("notification-service", "notification", false);

        public final String id;
        public final String party;
        public final boolean publishes;

        Service(String id, String party, boolean publishes) {
            this.id = id;
            this.party = party;
            this.publishes = publishes;
        }

        /** The services with an outbox connector (deploy/connect/&lt;id&gt;.json). */
        public static List<Service> publishing() {
            return java.util.Arrays.stream(values()).filter(s -> s.publishes).toList();
        }

        public JsonNode applicationYml() {
            return Repo.readYaml(ROOT.resolve("services/" + id + "/src/main/resources/application.yml"))
                    .get(0)
                    .node();
        }

        public Path connectorFile() {
            return ROOT.resolve("deploy/connect/" + id + ".json");
        }
    }

    public static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Repo() {}

    public static String relative(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(ROOT) ? ROOT.relativize(abs).toString() : abs.toString();
    }

    /** Every document of a YAML file; empty documents (a lone comment, a trailing ---) are skipped. */
    public static List<Manifest> readYaml(Path file) {
        List<Manifest> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            int index = 0;
            while (it.hasNextValue()) {
                JsonNode node = it.nextValue();
                if (node == null || node.isNull() || node.isMissingNode()) {
                    continue;
                }
                if (!node.isObject()) {
                    throw new IllegalArgumentException(
                            relative(file) + " document " + (index + 1) + " is not a mapping");
                }
                docs.add(new Manifest(file, index++, (ObjectNode) node));
            }
        }
        return docs;
    }

    public static JsonNode readJson(Path file) {
        return JSON.readTree(file.toFile());
    }

    /** Every YAML file under deploy/k8s that is a manifest or a kustomization (the module's build and tests excluded). */
    public static List<Path> k8sYamlFiles() {
        try (Stream<Path> files = Files.walk(K8S)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !K8S.relativize(p).startsWith("target")
                            && !K8S.relativize(p).startsWith("src"))
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** README's "Topics" table: topic → events, in the order of the table. */
    public static Map<String, String> readmeTopics() {
        String readme;
        try {
            readme = Files.readString(ROOT.resolve("README.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = readme.indexOf("### Topics");
        if (start < 0) {
            throw new IllegalStateException("README.md has no \"### Topics\" section");
        }
        Map<String, String> topics = new LinkedHashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `(wushe\\.[a-z]+\\.[a-z]+)` \\| ([^|]+)\\|")
                .matcher(readme);
        row.region(start, readme.length());
        while (row.find()) {
            topics.put(row.group(1), row.group(2).trim());
        }
        return topics;
    }
}
