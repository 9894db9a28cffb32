package org.wushe.hub.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Each KafkaConnector is deploy/connect/&lt;service&gt;.json as Strimzi wants it, and nothing else: the name is the
 * connector's name, connector.class and tasks.max are spec.class and spec.tasksMax, and every other key has the same
 * value, except the connection placeholders, which read the same settings through the worker's config providers:
 * <pre>
 * ${env:WUSHE_&lt;PARTY&gt;_DB_HOST}      → ${configmaps:wushe/&lt;party&gt;-cdc:database.hostname}
 * ${env:WUSHE_&lt;PARTY&gt;_CDC_USER}     → ${secrets:wushe/&lt;party&gt;-cdc:database.user}
 * ${env:WUSHE_&lt;PARTY&gt;_CDC_PASSWORD} → ${secrets:wushe/&lt;party&gt;-cdc:database.password}
 * </pre>
 * and the ConfigMap, the Secret template and the Connect worker's Role all name what the placeholders read.
 */
class ConnectorsMatchConnectFilesTest {

    private static final Pattern ENV = Pattern.compile("\\$\\{env:WUSHE_([A-Z]+)_(DB_HOST|CDC_USER|CDC_PASSWORD)\\}");
    private static final Pattern PROVIDER =
            Pattern.compile("\\$\\{(configmaps|secrets):wushe/([a-z0-9-]+):([a-z.]+)\\}");

    private static final List<Manifest> BASE = Kustomize.render(Repo.K8S.resolve("base"));
    private static final List<Manifest> SECRETS = Kustomize.render(Repo.K8S.resolve("secrets"));

    @ParameterizedTest
    @MethodSource("org.wushe.hub.deploy.k8s.Repo$Service#publishing")
    void connectorEqualsItsConnectFile(Repo.Service service) {
        JsonNode file = Repo.readJson(service.connectorFile());
        String name = file.path("name").asString();
        JsonNode config = file.path("config");
        Manifest connector =
                find("KafkaConnector", name).orElseThrow(() -> new AssertionError("no KafkaConnector " + name));

        assertThat(connector
                        .node()
                        .path("metadata")
                        .path("labels")
                        .path("strimzi.io/cluster")
                        .asString())
                .isEqualTo("wushe-connect");
        assertThat(connector.spec().path("class").asString())
                .isEqualTo(config.path("connector.class").asString());
        assertThat(connector.spec().path("tasksMax").asInt())
                .isEqualTo(Integer.parseInt(config.path("tasks.max").asString()));

        Map<String, String> expected = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : config.properties()) {
            if (!e.getKey().equals("connector.class") && !e.getKey().equals("tasks.max")) {
                expected.put(e.getKey(), viaProviders(e.getValue().asString()));
            }
        }
        Map<String, String> actual = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : connector.spec().path("config").properties()) {
            assertThat(e.getValue().isString())
                    .as(name + " config " + e.getKey() + " is a string, as in the JSON file")
                    .isTrue();
            actual.put(e.getKey(), e.getValue().asString());
        }
        assertThat(actual)
                .as(name + " config vs " + Repo.relative(service.connectorFile()))
                .containsExactlyEntriesOf(expected);
    }

    @ParameterizedTest
    @MethodSource("org.wushe.hub.deploy.k8s.Repo$Service#publishing")
    void whatThePlaceholdersReadExistsAndConnectMayReadIt(Repo.Service service) {
        JsonNode config = Repo.readJson(service.connectorFile()).path("config");
        JsonNode role = find("Role", "wushe-connect-cdc-config").orElseThrow().node();
        int placeholders = 0;
        for (Map.Entry<String, JsonNode> e : config.properties()) {
            Matcher env = ENV.matcher(e.getValue().asString());
            if (!env.matches()) {
                continue;
            }
            placeholders++;
            assertThat(env.group(1).toLowerCase())
                    .as("placeholders of " + service.id + " name its party")
                    .isEqualTo(service.party);
            Matcher provider = PROVIDER.matcher(viaProviders(e.getValue().asString()));
            assertThat(provider.matches()).isTrue();
            String kind = provider.group(1).equals("secrets") ? "Secret" : "ConfigMap";
            String resourceName = provider.group(2);
            String key = provider.group(3);
            Manifest holder = (kind.equals("Secret") ? SECRETS.stream() : BASE.stream())
                    .filter(m -> m.is(kind, resourceName))
                    .findFirst()
                    .orElseThrow(() ->
                            new AssertionError(kind + " " + resourceName + " (read by " + e.getKey() + ") is missing"));
            JsonNode data = kind.equals("Secret")
                    ? holder.node().path("stringData")
                    : holder.node().path("data");
            assertThat(data.has(key))
                    .as(kind + " " + resourceName + " has key " + key)
                    .isTrue();
            boolean allowed = false;
            for (JsonNode rule : role.path("rules")) {
                boolean resource = rule.path("resources")
                        .toString()
                        .contains("\"" + (kind.equals("Secret") ? "secrets" : "configmaps") + "\"");
                if (resource
                        && rule.path("resourceNames").toString().contains("\"" + resourceName + "\"")
                        && rule.path("verbs").toString().contains("\"get\"")) {
                    allowed = true;
                }
            }
            assertThat(allowed)
                    .as("Role wushe-connect-cdc-config lets Connect get " + kind + " " + resourceName)
                    .isTrue();
        }
        assertThat(placeholders).as(service.id + " connection placeholders").isEqualTo(3);
    }

    @ParameterizedTest
    @MethodSource("org.wushe.hub.deploy.k8s.Repo$Service#publishing")
    void theConnectorReadsTheDatabaseTheServiceWrites(Repo.Service service) {
        JsonNode config = Repo.readJson(service.connectorFile()).path("config");
        String url = find("ConfigMap", service.id + "-config")
                .orElseThrow()
                .node()
                .path("data")
                .path("SPRING_DATASOURCE_URL")
                .asString();
        Matcher jdbc = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+)\\?currentSchema=([a-z]+)(&.*)?")
                .matcher(url);
        assertThat(jdbc.matches()).as(url).isTrue();
        String host = find("ConfigMap", service.party + "-cdc")
                .orElseThrow()
                .node()
                .path("data")
                .path("database.hostname")
                .asString();
        assertThat(jdbc.group(1))
                .as("database host of " + service.id + " and of its connector")
                .isEqualTo(host);
        assertThat(jdbc.group(2)).isEqualTo(config.path("database.port").asString());
        assertThat(jdbc.group(3)).isEqualTo(config.path("database.dbname").asString());
        assertThat(config.path("table.include.list").asString()).isEqualTo(jdbc.group(4) + ".outbox");
        assertThat(service.applicationYml()
                        .path("spring")
                        .path("flyway")
                        .path("schemas")
                        .asString())
                .isEqualTo(jdbc.group(4));
    }

    @ParameterizedTest
    @MethodSource("org.wushe.hub.deploy.k8s.Repo$Service#publishing")
    void theConnectorVerifiesTheDatabasesCertificateAgainstTheMountedCa(Repo.Service service) {
        JsonNode config = Repo.readJson(service.connectorFile()).path("config");
        assertThat(config.path("database.sslmode").asString())
                .as(service.id + " connector")
                .isEqualTo("verify-full");
        String rootCert = config.path("database.sslrootcert").asString();
        JsonNode template =
                find("KafkaConnect", "wushe-connect").orElseThrow().spec().path("template");
        String volume = null;
        for (JsonNode mount : template.path("connectContainer").path("volumeMounts")) {
            if (rootCert.equals(mount.path("mountPath").asString() + "/ca.crt")) {
                volume = mount.path("name").asString();
            }
        }
        assertThat(volume).as(rootCert + " is mounted in the Connect workers").isNotNull();
        String secret = null;
        for (JsonNode v : template.path("pod").path("volumes")) {
            if (v.path("name").asString().equals(volume)) {
                secret = v.path("secret").path("secretName").asString();
            }
        }
        assertThat(secret).isEqualTo("wushe-postgres-ca");
        assertThat(SECRETS.stream()
                        .filter(m -> m.is("Secret", "wushe-postgres-ca"))
                        .findFirst()
                        .orElseThrow()
                        .node()
                        .path("stringData")
                        .has("ca.crt"))
                .isTrue();
    }

    static String viaProviders(String value) {
        Matcher env = ENV.matcher(value);
        if (!env.matches()) {
            return value;
        }
        String party = env.group(1).toLowerCase();
        return switch (env.group(2)) {
            case "DB_HOST" -> "${configmaps:wushe/" + party + "-cdc:database.hostname}";
            case "CDC_USER" -> "${secrets:wushe/" + party + "-cdc:database.user}";
            default -> "${secrets:wushe/" + party + "-cdc:database.password}";
        };
    }

    private static Optional<Manifest> find(String kind, String name) {
        return BASE.stream().filter(m -> m.is(kind, name)).findFirst();
    }
}
