package org.wushe.hub.community.needimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wushe.hub.community.CommunityServiceApplication;
import org.wushe.hub.community.support.NeedLists;
import org.wushe.hub.community.support.ServiceScenario;
import org.wushe.hub.events.community.NeedPublished;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.schemas.AvroEventCodec;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.TestStack;
import org.wushe.hub.testing.TopicReader;

/**
 * A service dies in the middle of an import (inside its fourth chunk, whose writes roll back) and a
 * new instance starts: it resumes from the last committed chunk, and every good row is published
 * exactly once, nothing of the lost chunk leaks.
 */
class ImportResumptionTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void aKilledImportResumesOnRestartAndPublishesEveryGoodRowExactlyOnce() {
        Map<String, Object> stack = new HashMap<>();
        TestStack.register((name, value) -> stack.put(name, value.get()), "community");
        stack.put("wushe.community.resident-key", ServiceScenario.RESIDENT_KEY);
        stack.put("server.port", "0");
        stack.put("wushe.community.maintenance-interval", "PT1H");
        stack.put("wushe.community.import.chunk-size", "100");

        UUID community;
        String jobId;
        int good = 0;
        try (ConfigurableApplicationContext first =
                start(stack, Map.of("wushe.community.import.halt-after-chunks", "3"))) {
            Http http = new Http(port(first));
            String name = "断点续传村" + UUID.randomUUID().toString().substring(0, 6);
            Http.Response c =
                    http.post("/communities", Http.map("name", name, "kind", "RURAL", "districtCode", "110112"));
            community = UUID.fromString(c.json().get("id").asText());
            assertThat(http.post(
                                    "/stations",
                                    Http.map(
                                            "name",
                                            name + "社工站",
                                            "level",
                                            "COMMUNITY_STATION",
                                            "communityId",
                                            community.toString()))
                            .status())
                    .isEqualTo(201);
            Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
            List<List<Object>> rows = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                boolean bad = i % 50 == 49;
                good += bad ? 0 : 1;
                rows.add(List.of(
                        name,
                        "上门维修",
                        "常规",
                        "高龄老人",
                        "维修 " + i,
                        start.toString(),
                        (bad ? start.minus(1, ChronoUnit.HOURS) : start.plus(1, ChronoUnit.HOURS)).toString()));
            }
            byte[] file = NeedLists.xlsx(List.of("社区", "类别", "紧急程度", "服务对象", "标题", "开始时间", "结束时间"), rows);
            Http.Response upload = http.upload("/imports", "resume.xlsx", file);
            assertThat(upload.status()).as(upload.text()).isEqualTo(202);
            jobId = upload.json().get("id").asText();

            ImportWorker worker = first.getBean(ImportWorker.class);
            await().atMost(WAIT).until(worker::idle);
            var job = http.get("/imports/" + jobId).json();
            assertThat(job.get("state").asText()).isEqualTo("RUNNING");
            assertThat(job.get("processed").asInt()).isEqualTo(300); // three chunks committed, the fourth rolled back
            assertThat(count(first, jobId)).isEqualTo(300 - 300 / 50);
        }

        try (ConfigurableApplicationContext second = start(stack, Map.of())) {
            Http http = new Http(port(second));
            await().atMost(WAIT)
                    .until(() -> http.get("/imports/" + jobId)
                            .json()
                            .get("state")
                            .asText()
                            .equals("COMPLETED"));
            var job = http.get("/imports/" + jobId).json();
            assertThat(job.get("processed").asInt()).isEqualTo(1000);
            assertThat(job.get("published").asInt()).isEqualTo(good);
            assertThat(job.get("rejected").asInt()).isEqualTo(1000 - good);
            assertThat(http.get("/imports/" + jobId + "/rejections?limit=100").json())
                    .hasSize(1000 - good)
                    .allSatisfy(p -> assertThat(p.get("column").asText()).isEqualTo("结束时间"));

            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            Set<String> needIds = new HashSet<>(jdbc.queryForList(
                    "SELECT id::text FROM need WHERE import_job_id = ?", String.class, UUID.fromString(jobId)));
            assertThat(needIds).hasSize(good);
            assertThat(jdbc.queryForObject(
                            "SELECT count(DISTINCT import_row) FROM need WHERE import_job_id = ?",
                            Integer.class,
                            UUID.fromString(jobId)))
                    .isEqualTo(good);

            // Every NeedPublished of this community on the topic: one per good row, none from the lost chunk.
            AvroEventCodec codec = second.getBean(AvroEventCodec.class);
            int expected = good;
            UUID id = community;
            List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil(
                    TestStack.bootstrapServers(),
                    Aggregate.NEED.topic(),
                    r -> codec.decode(r.value()) instanceof NeedPublished p
                            && p.getCommunityId().equals(id),
                    kept -> kept.size() >= expected,
                    WAIT);
            assertThat(records).hasSize(good);
            assertThat(records.stream().map(ConsumerRecord::key).collect(Collectors.toSet()))
                    .isEqualTo(needIds);
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> stack, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(stack);
        properties.putAll(extra);
        // As command-line arguments: they win over application.yml, as the environment does in production.
        String[] args = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(CommunityServiceApplication.class).run(args);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static int count(ConfigurableApplicationContext context, String jobId) {
        return context.getBean(JdbcTemplate.class)
                .queryForObject(
                        "SELECT count(*) FROM need WHERE import_job_id = ?", Integer.class, UUID.fromString(jobId));
    }
}
