package org.wushe.hub.local.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole hub as {@code deploy/local/start} runs it — {@code HubMain} in a JVM of its own, the stack in
 * it, the six services as its child JVMs from their exec jars — on free ports, in a fresh data directory,
 * with a sample town of a tenth of the size. Every service is healthy, the sample arrived through the
 * APIs and the events reached matching, which proposed for the needs; Ctrl-C (SIGTERM) stops everything;
 * started again on the same data the sample is not loaded twice; and when the hub is killed outright
 * (SIGKILL, no shutdown hook) its services and PostgreSQL go too.
 */
class WholeHubTest {

    private static final Duration GONE = Duration.ofSeconds(20);

    private final HubProcess hub = new HubProcess("whole-hub");

    @AfterEach
    void stopWhatIsLeft() throws InterruptedException {
        hub.close();
    }

    @Test
    void theWholeHubRunsWithTheSampleTownAndLeavesNoProcessBehind() throws Exception {
        // 1. A first start: stack, six services, a tenth of the sample town.
        hub.start("first.log", "--wipe", "--sample-scale", "0.1", "--sample-minutes", "0.5");
        hub.awaitReady();
        for (String service : HubProcess.PROCESSES) {
            JsonNode health = hub.get(service, "/actuator/health");
            assertThat(health.path("status").asText()).as(service + " health").isEqualTo("UP");
        }
        JsonNode status = hub.status();
        for (String process : HubProcess.PROCESSES) {
            assertThat(status.path("processes").path(process).path("health").asText())
                    .as(process + " in status.json")
                    .isEqualTo("up");
            assertThat(status.path("processes").path(process).path("url").asText())
                    .isEqualTo("http://127.0.0.1:" + hub.port(process));
        }
        assertThat(status.path("rssMiBAtReady").asLong())
                .as("memory of the hub's JVMs at ready")
                .isPositive();
        assertThat(status.path("sampleTown").path("outcome").asText()).isEqualTo("LOADED");
        assertThat(status.path("sampleTown").path("counts").path("communities").asInt())
                .isEqualTo(17);

        // The sample arrived through the APIs: 17 communities and 8 stations (一中心七平台), a tenth of the people.
        assertThat(hub.get("community-service", "/communities?limit=100")).hasSize(17);
        JsonNode stations = hub.get("community-service", "/stations?limit=100");
        assertThat(stations).hasSize(8);
        assertThat(names(stations)).contains("永顺镇社会工作服务中心", "大稿村农村社会工作服务站");
        assertThat(hub.residents()).hasSize(200);
        assertThat(hub.get("volunteer-service", "/volunteers?limit=200")).hasSize(50);
        assertThat(hub.get("resource-service", "/donors")).hasSize(10);
        // 30 offers of the donors, and the clinic's venue the month of activities adds (Activities.clinicVenue).
        assertThat(hub.get("resource-service", "/offers")).hasSize(31);
        assertThat(hub.get("organization-service", "/organizations")).hasSize(8);
        assertThat(hub.get("organization-service", "/capacities")).hasSize(10);
        assertThat(hub.get("social-worker-service", "/social-workers?limit=100"))
                .hasSize(23);
        // The month of activities (sample town's Activities), published by the stations at volunteer-service: a 邻里节
        // festival a week in each of the 17 communities over the coming four weeks, a training, a free clinic and
        // today's
        // clean-up, with their sign-ups as the API placed them and today's volunteers checked in by staff.
        JsonNode activities = hub.get("volunteer-service", "/activities?limit=200");
        Map<String, List<JsonNode>> byKind = new java.util.TreeMap<>();
        activities.forEach(a -> byKind.computeIfAbsent(a.path("kind").asText(), k -> new ArrayList<>())
                .add(a));
        assertThat(byKind.get("NEIGHBOURHOOD_FESTIVAL")).hasSize(4 * 17);
        assertThat(byKind.get("NEIGHBOURHOOD_FESTIVAL"))
                .allSatisfy(a -> assertThat(a.path("title").asText()).startsWith("邻里节·"));
        assertThat(byKind.get("TRAINING")).hasSize(1);
        assertThat(byKind.get("FREE_CLINIC")).hasSize(1);
        assertThat(byKind.get("CLEAN_UP")).hasSize(1);
        int placesTaken = 0;
        for (JsonNode a : activities) {
            for (JsonNode p : a.path("positions")) {
                placesTaken += p.path("placesTaken").asInt();
            }
        }
        assertThat(placesTaken)
                .as("places taken over the month: festivals with volunteers, the training, the clinic, today's")
                .isGreaterThan(4 * 17 / 2 + 9 + 3 + 4);

        JsonNode training = byKind.get("TRAINING").get(0);
        assertThat(training.path("grantsQualification").asText()).isEqualTo("FIRST_AID");
        assertThat(statuses(hub.get(
                        "volunteer-service",
                        "/activities/" + training.path("id").asText() + "/sign-ups")))
                .as("twelve for ten places: nine approved, one rejected, the first waiting moved up, one waiting")
                .containsEntry("CONFIRMED", 9)
                .containsEntry("REJECTED", 1)
                .containsEntry("PENDING", 1)
                .containsEntry("WAITLISTED", 1);

        JsonNode clinic = byKind.get("FREE_CLINIC").get(0);
        assertThat(clinic.path("venueOfferId").isTextual())
                .as("at a venue offer")
                .isTrue();
        assertThat(clinic.path("coHosts")).hasSize(2);
        // Its venue reserved through the saga (#15 item 1): the resource service answered ResourceReserved for it.
        String clinicId = clinic.path("id").asText();
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(hub.get("volunteer-service", "/activities/" + clinicId)
                                .path("venue")
                                .path("status")
                                .asText())
                        .as("the clinic's venue")
                        .isEqualTo("RESERVED"));
        assertThat(statuses(hub.get(
                        "volunteer-service", "/activities/" + clinic.path("id").asText() + "/sign-ups")))
                .as("its guides' position full, two waiting")
                .containsEntry("WAITLISTED", 2);

        String today = byKind.get("CLEAN_UP").get(0).path("id").asText();
        JsonNode cleanUp = hub.get("volunteer-service", "/activities/" + today + "/sign-ups");
        assertThat(cleanUp).hasSize(4);
        for (JsonNode s : cleanUp) {
            JsonNode attendance = hub.get(
                    "volunteer-service",
                    "/activities/" + today + "/sign-ups/" + s.path("id").asText() + "/attendance");
            assertThat(attendance.path("checkedInAt").isTextual())
                    .as("checked in today")
                    .isTrue();
            assertThat(attendance.path("checkedInByStaff").asBoolean()).isTrue();
            assertThat(attendance.path("checkedOutAt").isTextual())
                    .as("out at its end, an hour later")
                    .isFalse();
        }

        // The PAST four weeks (sample town's PastActivities), recorded after they were held (POST /activities/held):
        // the
        // 邻里节 Saturdays of the last four weeks in each community, a training and a free clinic, with attendances by
        // staff (the reason kept with each), hours credited, and certificates for a few who served.
        java.time.Instant now = java.time.Instant.now();
        JsonNode sinceAMonth = hub.get(
                "volunteer-service",
                "/activities?limit=200&from="
                        + now.minus(Duration.ofDays(29)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        Map<String, List<JsonNode>> heldByKind = new java.util.TreeMap<>();
        for (JsonNode a : sinceAMonth) {
            if (java.time.Instant.parse(a.path("endsAt").asText()).isBefore(now)) {
                heldByKind
                        .computeIfAbsent(a.path("kind").asText(), k -> new ArrayList<>())
                        .add(a);
            }
        }
        assertThat(heldByKind.get("NEIGHBOURHOOD_FESTIVAL"))
                .as("the festivals of the last four Saturdays, recorded afterwards")
                .hasSize(4 * 17)
                .allSatisfy(a -> assertThat(a.path("title").asText()).startsWith("邻里节·"));
        assertThat(heldByKind.get("TRAINING")).hasSize(1);
        assertThat(heldByKind.get("FREE_CLINIC")).hasSize(1);
        int heldPlaces = 0;
        for (List<JsonNode> list : heldByKind.values()) {
            for (JsonNode a : list) {
                for (JsonNode p : a.path("positions")) {
                    heldPlaces += p.path("placesTaken").asInt();
                }
            }
        }
        assertThat(heldPlaces)
                .as("attendances over the past month: festivals, the training's ten, the clinic's")
                .isGreaterThan(4 * 17 / 2 + 10 + 3);
        JsonNode heldTraining = heldByKind.get("TRAINING").get(0);
        String heldTrainingId = heldTraining.path("id").asText();
        JsonNode trained = hub.get("volunteer-service", "/activities/" + heldTrainingId + "/sign-ups");
        assertThat(trained).hasSize(10);
        for (JsonNode s : trained) {
            assertThat(s.path("status").asText()).isEqualTo("CONFIRMED");
            JsonNode attendance = hub.get(
                    "volunteer-service",
                    "/activities/" + heldTrainingId + "/sign-ups/"
                            + s.path("id").asText() + "/attendance");
            assertThat(attendance.path("checkedInByStaff").asBoolean()).isTrue();
            assertThat(attendance.path("checkedOutAt").isTextual())
                    .as("checked out")
                    .isTrue();
            assertThat(attendance.path("creditedMinutes").asInt())
                    .as("about three hours, rounded down to the half hour")
                    .isBetween(150, 210);
            assertThat(attendance.path("corrections").get(0).path("reason").asText())
                    .as("the reason it was recorded afterwards")
                    .startsWith("补录");
            String volunteer = s.path("volunteerId").asText();
            assertThat(hub.get("volunteer-service", "/volunteers/" + volunteer + "/hours")
                            .path("totalMinutes")
                            .asLong())
                    .as("the training's hours credited")
                    .isGreaterThanOrEqualTo(attendance.path("creditedMinutes").asLong());
            // Read by the training's station (its staff serve the volunteers it credited; the hub admin may not).
            assertThat(hub.getAs("station-1", "volunteer-service", "/volunteers/" + volunteer + "/qualifications"))
                    .as("the held training granted first aid")
                    .anySatisfy(q -> assertThat(q.path("code").asText()).isEqualTo("FIRST_AID"));
        }
        // Certificates, issued by the stations for a few who served their festivals (503 without the CJK font).
        if (java.nio.file.Files.exists(java.nio.file.Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"))) {
            java.util.Set<String> festivalVolunteers = new java.util.LinkedHashSet<>();
            for (JsonNode a : heldByKind.get("NEIGHBOURHOOD_FESTIVAL")) {
                for (JsonNode s : hub.get(
                        "volunteer-service", "/activities/" + a.path("id").asText() + "/sign-ups")) {
                    festivalVolunteers.add(s.path("volunteerId").asText());
                }
            }
            int certificates = 0;
            for (String volunteer : festivalVolunteers) {
                for (JsonNode c : hub.get("volunteer-service", "/volunteers/" + volunteer + "/certificates")) {
                    assertThat(c.path("totalMinutes").asLong())
                            .as("a certificate of hours served")
                            .isPositive();
                    certificates++;
                }
            }
            assertThat(certificates)
                    .as("certificates for a few who served the past month")
                    .isBetween(1, 5);
        }

        // Visits are the workers' own (not the hub admin's to read): the centre manager sees them counted in the
        // report.
        String centre = hub.sampleAccounts().get("centre")[2];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    JsonNode totals = hub.getAs(
                                    "centre",
                                    "social-worker-service",
                                    "/centres/" + centre + "/report?from="
                                            + java.time.LocalDate.now().minusDays(30) + "&to="
                                            + java.time.LocalDate.now().plusDays(1))
                            .path("totals");
                    assertThat(totals.path("phoneVisits").asInt()
                                    + totals.path("homeVisits").asInt())
                            .isGreaterThanOrEqualTo(1);
                });

        // ... and travelled the outbox to matching: every volunteer and offer (and capacity) is in its engine.
        JsonNode engine = hub.get("matching-service", "/engine");
        assertThat(engine.path("engine").path("volunteers").asInt()).isEqualTo(50);
        // 31 offers (the donors' 30 and the clinic's venue) and the organizations' 10 capacities.
        assertThat(engine.path("engine").path("offers").asInt()).isEqualTo(31 + 10);

        // Needs were published in community-service and matching proposed for them.
        JsonNode needs = hub.get("community-service", "/needs?limit=1000");
        assertThat(needs.size()).isGreaterThanOrEqualTo(15);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() ->
                        hub.get("matching-service", "/engine").path("proposed").asLong() > 0);
        JsonNode proposed = null;
        for (JsonNode need : needs) {
            JsonNode m = hub.get("matching-service", "/needs/" + need.get("id").asText());
            if (m.path("matches").size() > 0) {
                proposed = m;
                break;
            }
        }
        assertThat(proposed).as("a need with a proposal").isNotNull();
        JsonNode match = proposed.path("matches").get(0);
        assertThat(match.path("score").asDouble()).isPositive();
        boolean stationSeesIt = false;
        for (JsonNode station : stations) {
            if (hub.get("matching-service", "/stations/" + station.get("id").asText() + "/proposals")
                            .size()
                    > 0) {
                stationSeesIt = true;
                break;
            }
        }
        assertThat(stationSeesIt).as("some station has open proposals").isTrue();

        // One need's journey is one trace: the clerk's request in community-service, matching's handling of the
        // NeedPublished record, and the push of its proposal to the station's stream (the services' trace files).
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Map<String, List<JsonNode>> community =
                            spansByTrace(hub.data().resolve("traces").resolve("community-service.jsonl"));
                    Map<String, List<JsonNode>> matching =
                            spansByTrace(hub.data().resolve("traces").resolve("matching-service.jsonl"));
                    List<String> journeys = community.entrySet().stream()
                            .filter(e -> e.getValue().stream()
                                    .anyMatch(x -> x.path("kind").asText().equals("SERVER")))
                            .map(Map.Entry::getKey)
                            .filter(trace -> matching.getOrDefault(trace, List.of()).stream()
                                    .anyMatch(x -> x.path("kind").asText().equals("CONSUMER")
                                            && x.path("tags")
                                                    .path("wushe.event.type")
                                                    .asText()
                                                    .equals("NeedPublished")))
                            .filter(trace -> matching.getOrDefault(trace, List.of()).stream()
                                    .anyMatch(x -> x.path("name").asText().equals("station-stream push")))
                            .toList();
                    assertThat(journeys)
                            .as("traces that run from a request in community-service to a push on a station's stream")
                            .isNotEmpty();
                });

        // Every metric an alert rule of source `services` reads (deploy/k8s/base/monitoring/alert-rules.yaml) is served
        // by the running hub's /actuator/prometheus: an alert cannot watch a series nobody exports.
        Set<String> served = new java.util.TreeSet<>();
        for (String service : List.of(
                "community-service",
                "organization-service",
                "social-worker-service",
                "volunteer-service",
                "resource-service",
                "matching-service")) {
            var r = hub.send(
                    service,
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                    "http://127.0.0.1:" + hub.port(service) + "/actuator/prometheus"))
                            .GET());
            assertThat(r.statusCode()).as(service + " /actuator/prometheus").isEqualTo(200);
            r.body()
                    .lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank())
                    .map(l -> l.split("[{ ]", 2)[0])
                    .forEach(served::add);
        }
        Map<String, Set<String>> readByRules = serviceMetricsOfAlertRules(
                java.nio.file.Path.of("..", "..", "..", "deploy", "k8s", "base", "monitoring", "alert-rules.yaml"));
        assertThat(readByRules).as("alert rules of source services").isNotEmpty();
        readByRules.forEach((alert, metrics) ->
                assertThat(served).as(alert + " reads " + metrics).containsAll(metrics));

        // 2. Ctrl-C (SIGTERM): services first, then the stack; nothing it started is left.
        Set<ProcessHandle> started = servicesAndPostgres();
        assertThat(hub.stop(Duration.ofSeconds(90)))
                .as("the hub stops within 90 s; output:\n" + hub.tail())
                .isTrue();
        assertThat(hub.status()).as("status.json once stopped").isNotNull();
        assertThat(hub.status().path("state").asText()).isEqualTo("stopped");
        assertThat(hub.status().path("ready").asBoolean()).isFalse();
        awaitGone(started);

        // 3. Started again on the same data: the sample is not loaded again (an interrupted stream of needs goes on).
        hub.start("second.log", "--sample-scale", "0.1", "--sample-minutes", "0.2");
        hub.awaitReady();
        assertThat(hub.sampleOutcome()).isIn("RESUMED", "ALREADY_LOADED");
        assertThat(hub.get("community-service", "/communities?limit=100")).hasSize(17);
        assertThat(hub.residents()).hasSize(200);

        // 4. Killed outright: no shutdown hook runs, yet the services and PostgreSQL stop by themselves.
        started = servicesAndPostgres();
        hub.process().destroyForcibly();
        hub.process().waitFor(30, TimeUnit.SECONDS);
        awaitGone(started);
    }

    /** Alert name → the metrics its expression selects, for the rules labelled {@code source: services}. */
    private static Map<String, Set<String>> serviceMetricsOfAlertRules(java.nio.file.Path rules)
            throws java.io.IOException {
        Map<String, Set<String>> byAlert = new java.util.TreeMap<>();
        String text = java.nio.file.Files.readString(rules);
        for (String chunk : text.split("\\n\\s*- alert: ")) {
            if (!chunk.contains("source: services")) {
                continue;
            }
            String name = chunk.lines().findFirst().orElseThrow().trim();
            String expr = chunk.substring(chunk.indexOf("expr:"), chunk.indexOf("labels:"));
            var m = java.util.regex.Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{")
                    .matcher(expr);
            Set<String> metrics = new java.util.TreeSet<>();
            while (m.find()) {
                metrics.add(m.group(1));
            }
            byAlert.put(name, metrics);
        }
        return byAlert;
    }

    private static Map<String, List<JsonNode>> spansByTrace(java.nio.file.Path file) throws java.io.IOException {
        if (!java.nio.file.Files.exists(file)) {
            return Map.of();
        }
        ObjectMapper json = new ObjectMapper();
        Map<String, List<JsonNode>> byTrace = new java.util.HashMap<>();
        for (String line : java.nio.file.Files.readAllLines(file)) {
            if (!line.isBlank()) {
                JsonNode span = json.readTree(line);
                byTrace.computeIfAbsent(span.path("traceId").asText(), t -> new java.util.ArrayList<>())
                        .add(span);
            }
        }
        return byTrace;
    }

    private Set<ProcessHandle> servicesAndPostgres() throws java.io.IOException {
        Set<ProcessHandle> all = hub.startedProcesses();
        // Six services, and on a first run perhaps a class data sharing training run (see ClassDataSharing).
        assertThat(all.stream()
                        .filter(p -> p.info().commandLine().orElse("").contains("-exec.jar")
                                || p.info().commandLine().orElse("").contains("hub-cache"))
                        .count())
                .as("service JVMs among "
                        + all.stream()
                                .map(p -> p.pid() + " " + p.info().command().orElse("?"))
                                .toList())
                .isGreaterThanOrEqualTo(6);
        assertThat(all.size()).as("six services and PostgreSQL at least").isGreaterThanOrEqualTo(7);
        return all;
    }

    private void awaitGone(Set<ProcessHandle> processes) {
        try {
            await().atMost(GONE)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> processes.stream().noneMatch(ProcessHandle::isAlive));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            fail("still running: "
                    + processes.stream()
                            .filter(ProcessHandle::isAlive)
                            .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                            .toList()
                    + "; output:\n" + hub.tail());
        }
    }

    /** Sign-ups counted by status. */
    private static Map<String, Integer> statuses(JsonNode signUps) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        signUps.forEach(s -> counts.merge(s.path("status").asText(), 1, Integer::sum));
        return counts;
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(n -> names.add(n.path("name").asText()));
        return names;
    }
}
