package org.wushe.hub.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded stack keeps its data across a stop and start, and {@code --wipe} starts from nothing. */
class LocalStackRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void topicsRecordsAndRowsSurviveARestartAndWipeClearsThem() throws Exception {
        LocalStack.Settings settings = LocalStack.Settings.defaults(dataDir)
                .withPorts(freePort(), freePort(), freePort())
                .withConnectors(List.of());

        try (LocalStack stack = new LocalStack(settings).start()) {
            try (Admin admin = admin(stack)) {
                admin.createTopics(List.of(new NewTopic("wushe.test.kept", 1, (short) 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                    Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            stack.kafka().bootstrapServers(),
                            ProducerConfig.ACKS_CONFIG,
                            "all"),
                    new StringSerializer(),
                    new StringSerializer())) {
                producer.send(new ProducerRecord<>("wushe.test.kept", "need-1", "活动需求 kept across restarts"))
                        .get();
            }
            try (Connection c = stack.database().connect();
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (id int PRIMARY KEY, note text)");
                s.execute("INSERT INTO kept VALUES (1, '保留 kept')");
            }
        }

        try (LocalStack stack = new LocalStack(settings).start()) {
            assertThat(readAll(stack, "wushe.test.kept")).containsExactly("活动需求 kept across restarts");
            try (Connection c = stack.database().connect();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT note FROM kept WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("保留 kept");
            }
        }

        try (LocalStack stack = new LocalStack(settings.withWipe(true)).start()) {
            try (Admin admin = admin(stack)) {
                Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                assertThat(topics).doesNotContain("wushe.test.kept");
            }
            try (Connection c = stack.database().connect();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT to_regclass('public.kept') IS NULL")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).as("table gone after wipe").isTrue();
            }
        }
        assertThat(Files.exists(dataDir.resolve("kafka").resolve("meta.properties")))
                .isTrue();
    }

    private static List<String> readAll(LocalStack stack, String topic) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, "restart-test",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
                return !values.isEmpty();
            });
        }
        return values;
    }

    private static Admin admin(LocalStack stack) {
        return Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
