package org.wushe.hub.local.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wushe.hub.stack.KafkaNodeMain;

/**
 * The hub on a three-node KRaft cluster (each node broker and controller, in a JVM of its own; every topic
 * replicated 3 times with {@code min.insync.replicas} 2), under the sample town's stream of needs with
 * station staff deciding, and one node killed with SIGKILL midway. The two left keep the quorum and take
 * every write ({@code acks=all}); afterwards {@link HubLoad} counts that nothing was lost or doubled.
 */
class ThreeBrokerClusterTest {

    private final List<Process> nodes = new ArrayList<>();
    private final HubProcess hub = new HubProcess("hub-cluster");

    @AfterEach
    void stop() throws InterruptedException {
        hub.close();
        for (Process node : nodes) {
            node.destroy();
        }
        for (Process node : nodes) {
            if (!node.waitFor(30, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        }
    }

    @Test
    void oneOfThreeBrokersKilledMidwayLosesNothing() throws Exception {
        int[] ports = {HubProcess.freePort(), HubProcess.freePort(), HubProcess.freePort()};
        int[] controllers = {HubProcess.freePort(), HubProcess.freePort(), HubProcess.freePort()};
        String voters =
                "1@127.0.0.1:" + controllers[0] + ",2@127.0.0.1:" + controllers[1] + ",3@127.0.0.1:" + controllers[2];
        String clusterId = Uuid.randomUuid().toString();
        Path dir = Path.of("target", "kafka-cluster-" + ProcessHandle.current().pid())
                .toAbsolutePath();
        for (int i = 0; i < 3; i++) {
            Path log = dir.resolve("node-" + (i + 1) + ".log");
            Files.createDirectories(dir);
            nodes.add(new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx384m",
                            "-XX:+UseSerialGC",
                            "-XX:TieredStopAtLevel=1",
                            "-Dlogback.configurationFile=wushe-local-logback.xml",
                            "-cp",
                            System.getProperty("java.class.path"),
                            KafkaNodeMain.class.getName(),
                            String.valueOf(i + 1),
                            String.valueOf(ports[i]),
                            String.valueOf(controllers[i]),
                            voters,
                            clusterId,
                            "3",
                            dir.resolve("node-" + (i + 1)).toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start());
        }
        String bootstrap = "127.0.0.1:" + ports[0] + ",127.0.0.1:" + ports[1] + ",127.0.0.1:" + ports[2];
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions()
                    .until(() -> admin.describeCluster()
                                    .nodes()
                                    .get(5, TimeUnit.SECONDS)
                                    .size()
                            == 3);
        }

        hub.useExternalKafka(bootstrap);
        hub.start(
                "hub.log", "--wipe", "--kafka-bootstrap", bootstrap, "--sample-scale", "0.5", "--sample-minutes", "2");
        hub.awaitReady();
        assertThat(hub.status().path("stack").path("kafka").asText())
                .as("the Kafka the hub's status names")
                .isEqualTo(bootstrap);
        HubLoad load = new HubLoad(hub);
        load.startStaff();

        // Every topic the hub made is on all three nodes and needs two of them in sync.
        try (Admin admin = Admin.create(p)) {
            TopicDescription need = admin.describeTopics(List.of("wushe.community.need"))
                    .allTopicNames()
                    .get()
                    .get("wushe.community.need");
            assertThat(need.partitions())
                    .allSatisfy(partition -> assertThat(partition.replicas()).hasSize(3));
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "wushe.community.need");
            Map<ConfigResource, Config> configs =
                    admin.describeConfigs(List.of(resource)).all().get();
            assertThat(configs.get(resource).get("min.insync.replicas").value()).isEqualTo("2");
        }

        // Midway: one node killed outright; it stays down.
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> postedAtLeast(0.4));
        Process victim = nodes.get(1);
        assertThat(victim.toHandle().destroyForcibly()).isTrue();
        victim.waitFor(30, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(300))
                .pollInterval(Duration.ofSeconds(2))
                .until(hub::allNeedsPosted);
        load.stopStaff();
        load.count(Duration.ofSeconds(180));
        load.print(String.format(
                "three-node KRaft cluster (replication 3, min.insync.replicas 2), node 2 killed with SIGKILL midway; "
                        + "staff accepted %d and completed %d volunteer matches",
                load.accepted(), load.completed()));
        assertThat(load.problems).as("after losing a broker").isEmpty();
        assertThat(load.counts.get("needs published")).isGreaterThanOrEqualTo(500);
        assertThat(load.completed()).isGreaterThanOrEqualTo(5);
    }

    private boolean postedAtLeast(double share) {
        int[] posted = hub.needsPosted();
        return posted != null && posted[0] >= share * posted[1];
    }
}
