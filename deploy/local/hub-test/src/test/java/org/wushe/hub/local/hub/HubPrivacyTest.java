package org.wushe.hub.local.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Residents' personal data never leave community-service in an event. The whole hub runs with a tenth of
 * the sample town; station staff accept and complete some proposals, so the saga's events (reservations,
 * assignments, hours, points, the need fulfilled) are on the topics too. Then every resident's name, phone
 * number, ID number and address is read from community-service (each read logged there), and every record
 * on every topic — key, value and headers, dead-letter topics included — is searched for each of them.
 */
class HubPrivacyTest {

    private final HubProcess hub = new HubProcess("hub-privacy");

    @AfterEach
    void stop() throws InterruptedException {
        hub.close();
    }

    @Test
    void noRecordOnAnyTopicCarriesAResidentsNamePhoneIdNumberOrAddress() throws Exception {
        hub.start("hub.log", "--wipe", "--sample-scale", "0.1", "--sample-minutes", "0.3");
        hub.awaitReady();
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .until(hub::allNeedsPosted);

        // Station staff decide: accept and complete some proposals, so the whole saga runs.
        int completed = acceptAndComplete(6);
        assertThat(completed).as("proposals accepted and completed").isGreaterThanOrEqualTo(3);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> hub.get("community-service", "/needs?status=FULFILLED&limit=100")
                                .size()
                        >= completed);

        // Every resident's personal data, as community-service holds it (these reads are logged there).
        Map<String, String> secrets = residentsPersonalData();
        assertThat(secrets).as("personal data of the sample residents").hasSizeGreaterThan(600);

        Scan scan = scanEveryTopic(secrets);
        System.out.printf(
                "privacy scan: %,d records (%,d bytes) on %d topics, searched for %,d strings of residents' personal data "
                        + "(%s); hits: %d%n",
                scan.records, scan.bytes, scan.perTopic.size(), secrets.size(), kinds(secrets), scan.hits.size());
        scan.perTopic.forEach((t, n) -> System.out.printf("  %-40s %,7d records%n", t, n));
        assertThat(scan.perTopic)
                .as("the topics the sample town fills")
                .containsKeys(
                        "wushe.community.need",
                        "wushe.community.station",
                        "wushe.matching.match",
                        "wushe.volunteer.volunteer",
                        "wushe.resource.offer",
                        "wushe.socialworker.worker",
                        "wushe.community.grid");
        assertThat(scan.perTopic.get("wushe.community.need")).isGreaterThanOrEqualTo(100);
        assertThat(scan.hits).as("records carrying a resident's personal data").isEmpty();

        // The scanner cannot be blind: the same search finds a resident's name and phone once they are in a record.
        String name = secrets.entrySet().stream()
                .filter(e -> e.getValue().equals("name"))
                .findFirst()
                .orElseThrow()
                .getKey();
        String phone = secrets.entrySet().stream()
                .filter(e -> e.getValue().equals("phone"))
                .findFirst()
                .orElseThrow()
                .getKey();
        byte[] planted = ("{\"note\":\"请联系" + name + "，电话" + phone + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(find(planted, secrets)).containsExactlyInAnyOrder("name", "phone");
    }

    private int acceptAndComplete(int wanted) {
        int done = 0;
        for (JsonNode station : hub.get("matching-service", "/stations")) {
            for (JsonNode p : hub.get(
                    "matching-service",
                    "/stations/"
                            + station.path("stationId")
                                    .asText(station.path("id").asText()) + "/proposals")) {
                if (done >= wanted) {
                    return done;
                }
                String id = p.path("matchId").asText(p.path("id").asText());
                HttpResponse<String> accepted = post("/matches/" + id + "/accept", "{}");
                if (accepted.statusCode() != 200) {
                    continue; // decided meanwhile, or the offer went; another will do
                }
                HttpResponse<String> complete =
                        post("/matches/" + id + "/complete", "{\"serviceMinutes\":60,\"peopleReached\":1}");
                assertThat(complete.statusCode())
                        .as("complete " + id + ": " + complete.body())
                        .isEqualTo(200);
                done++;
            }
        }
        return done;
    }

    private HttpResponse<String> post(String path, String json) {
        return hub.send(
                "matching-service",
                HttpRequest.newBuilder(URI.create(hub.url("matching-service", path)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Each personal-data string of every resident, with what it is (name, phone, idNumber, address). */
    private Map<String, String> residentsPersonalData() {
        Map<String, String> secrets = new HashMap<>();
        String reason = URLEncoder.encode("隐私扫描 privacy scan of the topics", StandardCharsets.UTF_8);
        // Only a resident's own station (or community) staff may read their details: each station's account reads its
        // own.
        Map<String, String> readers = new HashMap<>();
        hub.sampleAccounts().forEach((user, account) -> {
            if (account[0].equals("station_staff")) {
                hub.getAs(user, "community-service", "/residents?limit=1000")
                        .forEach(r -> readers.put(r.get("id").asText(), user));
            }
        });
        assertThat(readers).as("residents seen by the stations' staff").isNotEmpty();
        for (Map.Entry<String, String> resident : readers.entrySet()) {
            HttpResponse<String> answer = hub.send(
                    "community-service",
                    HttpRequest.newBuilder(URI.create(hub.url(
                                    "community-service", "/residents/" + resident.getKey() + "?reason=" + reason)))
                            .header("Authorization", hub.bearer(resident.getValue()))
                            .header("Accept", "application/json")
                            .GET());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode d = HubProcess.readTree(answer.body());
            for (String field : List.of("name", "phone", "idNumber", "address")) {
                String v = d.path(field).asText("");
                if (v.length() >= 2) {
                    secrets.put(v, field);
                    if (field.equals("phone") && v.contains("-")) {
                        secrets.put(v.replace("-", ""), field);
                    }
                }
            }
        }
        return secrets;
    }

    private static String kinds(Map<String, String> secrets) {
        Map<String, Integer> n = new TreeMap<>();
        secrets.values().forEach(k -> n.merge(k, 1, Integer::sum));
        return n.toString();
    }

    private record Scan(long records, long bytes, Map<String, Long> perTopic, List<String> hits) {}

    private Scan scanEveryTopic(Map<String, String> secrets) throws Exception {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, hub.bootstrapServers());
        Set<String> topics;
        try (Admin a = Admin.create(admin)) {
            topics = a.listTopics().names().get();
        }
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, hub.bootstrapServers());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        long records = 0;
        long bytes = 0;
        Map<String, Long> perTopic = new TreeMap<>();
        List<String> hits = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String t : topics) {
                for (PartitionInfo info : consumer.partitionsFor(t)) {
                    partitions.add(new TopicPartition(t, info.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new LinkedHashMap<>(consumer.endOffsets(partitions));
            end.values().removeIf(o -> o == 0);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!end.isEmpty()) {
                assertThat(System.nanoTime())
                        .as("read every topic to its end within 120 s; left " + end)
                        .isLessThan(deadline);
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    perTopic.merge(r.topic(), 1L, Long::sum);
                    List<byte[]> parts = new ArrayList<>();
                    parts.add(r.key());
                    parts.add(r.value());
                    for (Header h : r.headers()) {
                        parts.add(h.value());
                    }
                    for (byte[] part : parts) {
                        if (part == null) {
                            continue;
                        }
                        bytes += part.length;
                        for (String kind : find(part, secrets)) {
                            hits.add(r.topic() + "-" + r.partition() + "@" + r.offset() + ": a resident's " + kind);
                        }
                    }
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    Long last = end.get(tp);
                    if (last != null && r.offset() + 1 >= last) {
                        end.remove(tp);
                    }
                }
                // Transaction markers and compaction can leave the last offsets without a record.
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        }
        return new Scan(records, bytes, perTopic, hits);
    }

    /** What kinds of personal data the bytes hold, read as UTF-8 (Avro and JSON carry strings as UTF-8). */
    private static List<String> find(byte[] bytes, Map<String, String> secrets) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, String> s : secrets.entrySet()) {
            if (text.contains(s.getKey()) && !found.contains(s.getValue())) {
                found.add(s.getValue());
            }
        }
        return found;
    }
}
