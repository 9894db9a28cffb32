package org.wushe.hub.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The KafkaTopics are README's catalogue (each with its .dlt) plus Connect's internal topics, sized as the
 * services and connectors expect; each KafkaUser may do what its service's bindings (application.yml) need, and no
 * more; the Connect worker writes the catalogue and never a dead-letter topic.
 */
class TopicsAndUsersTest {

    private static final List<Manifest> BASE = Kustomize.render(Repo.K8S.resolve("base"));
    private static final Set<String> CONNECT_TOPICS =
            Set.of("wushe-connect-configs", "wushe-connect-offsets", "wushe-connect-status");

    @Test
    void theTopicsAreReadmesCatalogueWithTheirDeadLettersAndConnectsOwn() {
        Map<String, String> catalogue = Repo.readmeTopics();
        assertThat(catalogue).hasSize(10);
        Set<String> expected = new TreeSet<>(CONNECT_TOPICS);
        catalogue.keySet().forEach(t -> {
            expected.add(t);
            expected.add(t + ".dlt");
        });
        Set<String> actual = new TreeSet<>();
        for (Manifest m : of("KafkaTopic")) {
            String topic = m.spec().path("topicName").asString(m.name());
            actual.add(topic);
            JsonNode spec = m.spec();
            assertThat(m.node()
                            .path("metadata")
                            .path("labels")
                            .path("strimzi.io/cluster")
                            .asString())
                    .isEqualTo("wushe-kafka");
            assertThat(spec.path("replicas").asInt()).as(topic + " replicas").isEqualTo(3);
            assertThat(spec.path("config").path("min.insync.replicas").asInt())
                    .as(topic + " min.insync.replicas")
                    .isEqualTo(2);
            if (topic.endsWith(".dlt")) {
                assertThat(spec.path("partitions").asInt()).as(topic).isEqualTo(1);
            } else if (catalogue.containsKey(topic)) {
                assertThat(spec.path("partitions").asInt()).as(topic).isEqualTo(6);
            } else {
                assertThat(spec.path("config").path("cleanup.policy").asString())
                        .as(topic)
                        .isEqualTo("compact");
            }
        }
        assertThat(actual).isEqualTo(expected);
        System.out.printf(
                "%d KafkaTopics: %d catalogue topics, %d dead-letter topics, %d of Kafka Connect%n",
                actual.size(), catalogue.size(), catalogue.size(), CONNECT_TOPICS.size());
    }

    @Test
    void connectorsWriteTheCatalogueTopicsWithTheSameSizes() {
        for (Repo.Service service : Repo.Service.publishing()) {
            JsonNode config = Repo.readJson(service.connectorFile()).path("config");
            assertThat(config.path("transforms.outbox.route.topic.replacement").asString())
                    .isEqualTo("wushe.${routedByValue}");
            assertThat(config.path("topic.creation.default.partitions").asInt()).isEqualTo(6);
            assertThat(config.path("topic.creation.default.replication.factor").asInt())
                    .isEqualTo(3);
            assertThat(config.path("topic.creation.default.min.insync.replicas").asInt())
                    .isEqualTo(2);
        }
    }

    @Test
    void theBrokersMatchTheTopicsAndRefuseToCreateAny() {
        Manifest kafka = of("Kafka").get(0);
        JsonNode config = kafka.spec().path("kafka").path("config");
        assertThat(config.path("auto.create.topics.enable").asBoolean(true)).isFalse();
        assertThat(config.path("default.replication.factor").asInt()).isEqualTo(3);
        assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(2);
        int nodes = 0;
        for (Manifest pool : of("KafkaNodePool")) {
            assertThat(pool.node()
                            .path("metadata")
                            .path("labels")
                            .path("strimzi.io/cluster")
                            .asString())
                    .isEqualTo(kafka.name());
            List<String> roles = new ArrayList<>();
            pool.spec().path("roles").forEach(r -> roles.add(r.asString()));
            assertThat(roles).contains("broker");
            nodes += pool.spec().path("replicas").asInt();
        }
        assertThat(nodes).as("brokers").isEqualTo(3);
        JsonNode listeners = kafka.spec().path("kafka").path("listeners");
        assertThat(listeners).hasSize(1);
        assertThat(listeners.get(0).path("tls").asBoolean()).isTrue();
        assertThat(listeners.get(0).path("authentication").path("type").asString())
                .isEqualTo("scram-sha-512");
        assertThat(kafka.spec().path("kafka").path("authorization").path("type").asString())
                .isEqualTo("simple");
    }

    @ParameterizedTest
    @EnumSource(Repo.Service.class)
    void eachServiceMayReadWhatItsBindingsReadAndWriteOnlyTheirDeadLetters(Repo.Service service) {
        Set<String> consumed = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        boolean anonymous = false;
        for (Map.Entry<String, JsonNode> binding : service.applicationYml()
                .path("spring")
                .path("cloud")
                .path("stream")
                .path("bindings")
                .properties()) {
            if (!binding.getKey().contains("-in-")) {
                continue;
            }
            for (String topic :
                    binding.getValue().path("destination").asString().split(",")) {
                consumed.add(topic.trim());
            }
            String group = binding.getValue().path("group").asString("");
            if (group.isEmpty()) {
                anonymous = true;
            } else {
                groups.add(group);
            }
        }
        Manifest user = of("KafkaUser").stream()
                .filter(m -> m.name().equals(service.id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no KafkaUser " + service.id));
        assertThat(user.spec().path("authentication").path("type").asString()).isEqualTo("scram-sha-512");

        Set<String> read = new TreeSet<>();
        Set<String> written = new TreeSet<>();
        Set<String> readGroups = new TreeSet<>();
        for (JsonNode acl : user.spec().path("authorization").path("acls")) {
            String type = acl.path("resource").path("type").asString();
            String name = acl.path("resource").path("name").asString();
            String pattern = acl.path("resource").path("patternType").asString("literal");
            Set<String> ops = new TreeSet<>();
            acl.path("operations").forEach(o -> ops.add(o.asString()));
            assertThat(ops)
                    .as(service.id + " " + type + " " + name)
                    .doesNotContain("All", "Create", "Delete", "Alter", "AlterConfigs");
            if (type.equals("topic")) {
                assertThat(pattern).isEqualTo("literal");
                if (ops.contains("Read")) {
                    read.add(name);
                }
                if (ops.contains("Write")) {
                    written.add(name);
                }
            } else if (type.equals("group")) {
                assertThat(ops).as(service.id + " group " + name).isSubsetOf("Read", "Describe");
                readGroups.add(pattern.equals("prefix") ? name + "*" : name);
            } else {
                throw new AssertionError(service.id + " has an ACL on " + type + " " + name);
            }
        }
        Set<String> deadLetters = new TreeSet<>();
        consumed.forEach(t -> deadLetters.add(t + ".dlt"));
        Set<String> expectedGroups = new TreeSet<>(groups);
        if (anonymous) {
            expectedGroups.add("anonymous.*");
        }
        assertThat(read).as(service.id + " reads (application.yml bindings)").isEqualTo(consumed);
        assertThat(written).as(service.id + " writes").isEqualTo(deadLetters);
        assertThat(readGroups).as(service.id + " consumer groups").isEqualTo(expectedGroups);
    }

    @Test
    void connectWritesTheCatalogueAndNoDeadLetterTopic() {
        Manifest user = of("KafkaUser").stream()
                .filter(m -> m.name().equals("wushe-connect"))
                .findFirst()
                .orElseThrow();
        Manifest connect = of("KafkaConnect").get(0);
        assertThat(connect.spec().path("authentication").path("username").asString())
                .isEqualTo(user.name());
        Set<String> written = new TreeSet<>();
        for (JsonNode acl : user.spec().path("authorization").path("acls")) {
            if (acl.path("resource").path("type").asString().equals("topic")
                    && acl.path("operations").toString().contains("\"Write\"")) {
                written.add(acl.path("resource").path("name").asString());
            }
        }
        Set<String> expected = new TreeSet<>(Repo.readmeTopics().keySet());
        expected.add(connect.spec().path("configStorageTopic").asString());
        expected.add(connect.spec().path("offsetStorageTopic").asString());
        expected.add(connect.spec().path("statusStorageTopic").asString());
        assertThat(written).isEqualTo(expected);
        assertThat(expected).containsAll(CONNECT_TOPICS);
    }

    private static List<Manifest> of(String kind) {
        return BASE.stream().filter(m -> m.kind().equals(kind)).toList();
    }
}
