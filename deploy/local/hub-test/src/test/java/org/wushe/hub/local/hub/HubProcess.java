package org.wushe.hub.local.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.core.ConditionTimeoutException;
import org.wushe.hub.local.HubMain;

/**
 * The whole hub as {@code deploy/local/start} runs it: {@link HubMain} in a JVM of its own (the stack in it,
 * the six services as its child JVMs from the exec jars the pom names), on free ports, with its output in a
 * file. The tests of this module talk to it over HTTP and Kafka only, as a user would.
 */
final class HubProcess implements AutoCloseable {

    static final List<String> SERVICES = List.of(
            "community-service",
            "organization-service",
            "social-worker-service",
            "volunteer-service",
            "resource-service",
            "notification-service",
            "matching-service");
    /** The hub's processes started from exec jars: the token issuer, the seven services and the portal. */
    static final List<String> PROCESSES = List.of(
            "auth-service",
            "community-service",
            "organization-service",
            "social-worker-service",
            "volunteer-service",
            "resource-service",
            "notification-service",
            "matching-service",
            "portal");

    /**
     * How long the hub may take to be ready: 480 s, or {@code -Dwushe.hub.ready-seconds} on a machine shared with other
     * builds (the services start one JVM each, and two busy cores stretch that). Ready means the sample town is loaded
     * too, both months of activities with it: the three-broker cluster's start (every write acknowledged by two brokers)
     * took 239 s on this machine and more than 240 s in CI, so the bound is twice what a start takes here.
     */
    static final Duration READY = Duration.ofSeconds(Long.getLong("wushe.hub.ready-seconds", 480));

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path work;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private Process hub;
    private Path output;
    private String externalKafka;

    HubProcess(String name) {
        this.work =
                Path.of("target", name + "-" + ProcessHandle.current().pid()).toAbsolutePath();
        for (String key : List.of(
                "KAFKA",
                "KAFKA_CONTROLLER",
                "POSTGRES",
                "AUTH",
                "MATCHING",
                "COMMUNITY",
                "ORGANIZATION",
                "SOCIAL_WORKER",
                "VOLUNTEER",
                "RESOURCE",
                "NOTIFICATION",
                "PORTAL",
                "SMTP",
                "IMAP")) {
            ports.put(key, freePort());
        }
    }

    Path data() {
        return work.resolve("data");
    }

    /** Starts {@code HubMain} with these arguments on this hub's ports and data directory; output to {@code log}. */
    void start(String log, String... args) throws IOException {
        output = work.resolve(log);
        Files.createDirectories(work);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx640m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dfile.encoding=UTF-8",
                "-Dsun.stdout.encoding=UTF-8",
                "-Dlogback.configurationFile=wushe-local-logback.xml",
                "-cp",
                System.getProperty("java.class.path"),
                HubMain.class.getName(),
                "--data-dir",
                data().toString(),
                "--cache-dir",
                Path.of("target", "hub-cache").toAbsolutePath().toString()));
        for (String service : PROCESSES) {
            String jar = System.getProperty("wushe.test." + service + ".jar");
            assertThat(jar)
                    .as("system property wushe.test." + service + ".jar (set by this module's pom)")
                    .isNotBlank();
            assertThat(Path.of(jar)).as(service + " exec jar").isRegularFile();
            command.add("--jar");
            command.add(service + "=" + jar);
        }
        command.addAll(List.of(args));
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("WUSHE_") || k.startsWith("SPRING_"));
        ports.forEach((k, v) -> pb.environment().put("WUSHE_" + k + "_PORT", Integer.toString(v)));
        hub = pb.start();
    }

    Process process() {
        return hub;
    }

    /**
     * What this hub's {@code <data-dir>/status.json} says now (see deploy/local/README.md), or null while it has
     * written none, or when the file there is another run's (another pid).
     */
    JsonNode status() {
        try {
            JsonNode status = JSON.readTree(data().resolve("status.json").toFile());
            return hub != null && status.path("pid").asLong() == hub.pid() ? status : null;
        } catch (IOException notYet) {
            return null;
        }
    }

    /** Waits until the hub's status says ready; fails at once when the hub exits or says it failed. */
    void awaitReady() {
        try {
            await().atMost(READY).pollInterval(Duration.ofMillis(500)).until(() -> {
                JsonNode status = status();
                if (status != null && status.path("state").asText().equals("failed")) {
                    fail("the hub failed to start: " + status.path("failure").asText() + "; output:\n" + tail());
                }
                if (!hub.isAlive()) {
                    fail("the hub exited with " + hub.exitValue() + " before it was ready; output:\n" + tail());
                }
                return status != null && status.path("ready").asBoolean();
            });
        } catch (ConditionTimeoutException e) {
            fail("not ready within " + READY.toSeconds() + " s; status " + status() + "; output:\n" + tail());
        }
        // The hub runs on when a part of the sample town could not be loaded; a test of it does not: that part failed
        // for a reason (the issuer's 500 to concurrent sign-ins went unseen behind such a line).
        JsonNode missing = status().path("sampleTown").path("missing");
        if (!missing.isMissingNode() && !missing.isEmpty()) {
            fail("the sample town loaded only in part: " + missing + "; output:\n" + tail());
        }
    }

    /** How often the hub has restarted {@code service} (counted when it exits) and whether it is up again. */
    int restarts(String service) {
        JsonNode status = status();
        return status == null
                ? 0
                : status.path("processes").path(service).path("restarts").asInt();
    }

    /** Whether the hub's status says {@code service} is up (healthy, after a restart too). */
    boolean up(String service) {
        JsonNode status = status();
        return status != null
                && status.path("processes")
                        .path(service)
                        .path("health")
                        .asText()
                        .equals("up");
    }

    /** How often the hub has restarted PostgreSQL after it died. */
    int postgresRestarts() {
        JsonNode status = status();
        return status == null
                ? 0
                : status.path("stack").path("postgresRestarts").asInt();
    }

    /** The sample town's outcome at this start: LOADED, RESUMED, ALREADY_LOADED, INCOMPLETE or FAILED; null without one. */
    String sampleOutcome() {
        JsonNode status = status();
        return status == null || status.path("sampleTown").path("outcome").isMissingNode()
                ? null
                : status.path("sampleTown").path("outcome").asText();
    }

    /** The hub's child processes, and PostgreSQL (which pg_ctl detaches from it). */
    Set<ProcessHandle> startedProcesses() throws IOException {
        Set<ProcessHandle> all = hub.descendants().collect(Collectors.toSet());
        long postmaster =
                Long.parseLong(Files.readAllLines(data().resolve("postgres").resolve("postmaster.pid"))
                        .get(0)
                        .trim());
        ProcessHandle.of(postmaster).ifPresent(all::add);
        return all;
    }

    /** The JVM of one service, found among the hub's children by its exec jar. */
    ProcessHandle serviceProcess(String service) {
        return hub.children()
                .filter(p -> p.info().commandLine().orElse("").contains("/" + service))
                .filter(p -> !p.info().commandLine().orElse("").contains("spring.context.exit"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no process of " + service));
    }

    String bootstrapServers() {
        return externalKafka != null ? externalKafka : "127.0.0.1:" + ports.get("KAFKA");
    }

    /** The hub runs on this Kafka cluster (started with {@code --kafka-bootstrap}), not its embedded broker. */
    void useExternalKafka(String bootstrapServers) {
        this.externalKafka = bootstrapServers;
    }

    String url(String service, String path) {
        return "http://127.0.0.1:" + port(service) + path;
    }

    int port(String service) {
        String key = service.replace("-service", "").replace('-', '_').toUpperCase(Locale.ROOT);
        Integer p = ports.get(key);
        if (p == null) {
            throw new IllegalArgumentException("no port for " + service);
        }
        return p;
    }

    /** GET answering 200 with JSON, or the test fails with the body. */
    JsonNode get(String service, String path) {
        HttpResponse<String> r = send(
                service,
                HttpRequest.newBuilder(URI.create(url(service, path))).GET().header("Accept", "application/json"));
        assertThat(r.statusCode()).as("GET " + service + path + ": " + r.body()).isEqualTo(200);
        return readTree(r.body());
    }

    /**
     * Any request against a service; the caller looks at the answer. It carries the hub operator's token
     * ({@code hub_admin}) unless it has an Authorization header of its own (an empty one: no token at all).
     */
    HttpResponse<String> send(String service, HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
        java.util.Optional<String> auth = built.headers().firstValue("Authorization");
        if (auth.isEmpty()) {
            built = HttpRequest.newBuilder(built, (k, v) -> true)
                    .header("Authorization", "Bearer " + operatorToken())
                    .build();
        } else if (auth.get().isBlank()) {
            built = HttpRequest.newBuilder(built, (k, v) -> !k.equalsIgnoreCase("Authorization"))
                    .build();
        }
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(service + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String operatorToken;
    private final Map<String, String> signedIn = new java.util.concurrent.ConcurrentHashMap<>();

    /** The issuer of this hub (its auth-service). */
    String issuer() {
        return url("auth-service", "");
    }

    /** A hub_admin token of the hub's operator client, as the sample loader and the operator scripts get it. */
    synchronized String operatorToken() {
        if (operatorToken == null) {
            try {
                String secret = Files.readString(data().resolve("auth").resolve("operator.secret"))
                        .strip();
                operatorToken = new org.wushe.hub.stack.OidcClient(issuer()).clientCredentials("hub-operator", secret);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return operatorToken;
    }

    /** A sample account's token, signed in as a person does (authorization code + PKCE through the sign-in form). */
    String signIn(String username) {
        return signedIn.computeIfAbsent(
                username,
                u -> new org.wushe.hub.stack.OidcClient(issuer())
                        .signIn("wushe-console", url("matching-service", "/console/"), u, password(u)));
    }

    /** The next {@link #signIn} of {@code username} signs in again (the token it had ran out). */
    void forgetSignIn(String username) {
        signedIn.remove(username);
    }

    private final Map<String, String> passwords = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A sample account's password: each has its own, which the loader wrote to {@code <data>/sample-town/passwords.txt}
     * (mode 0600; the issuer generated those of the accounts under its two-person rule); or the password a test gave an
     * account it made ({@link #remember}).
     */
    String password(String username) {
        String known = passwords.get(username);
        if (known != null) {
            return known;
        }
        Path file = data().resolve("sample-town").resolve("passwords.txt");
        try {
            for (String line : Files.readAllLines(file)) {
                String[] f = line.strip().split(" ", 2);
                if (!line.startsWith("#") && f.length == 2) {
                    passwords.putIfAbsent(f[0], f[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String password = passwords.get(username);
        assertThat(password).as(username + " in " + file).isNotNull().doesNotStartWith("(");
        return password;
    }

    /** The password of an account a test made itself. */
    void remember(String username, String password) {
        passwords.put(username, password);
    }

    /** "Bearer …" of a sample account, for an Authorization header. */
    String bearer(String username) {
        return "Bearer " + signIn(username);
    }

    /** The sample accounts the loader made: username → {role, claim, tenant id} (from accounts.txt). */
    Map<String, String[]> sampleAccounts() {
        try {
            Map<String, String[]> accounts = new LinkedHashMap<>();
            for (String line : Files.readAllLines(data().resolve("sample-town").resolve("accounts.txt"))) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.trim().split("\\s+");
                String[] claim = f[2].split("=", 2);
                accounts.put(f[0], new String[] {f[1], claim[0], claim[1]});
            }
            return accounts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GET answering 200 with JSON as a sample account, or the test fails with the body. */
    JsonNode getAs(String username, String service, String path) {
        HttpResponse<String> r = send(
                service,
                HttpRequest.newBuilder(URI.create(url(service, path)))
                        .GET()
                        .header("Accept", "application/json")
                        .header("Authorization", bearer(username)));
        assertThat(r.statusCode())
                .as("GET " + service + path + " as " + username + ": " + r.body())
                .isEqualTo(200);
        return readTree(r.body());
    }

    /**
     * Every resident's summary, as the staff of the stations see them (nobody else may list residents, not even
     * the hub admin): the union over the sample's station accounts.
     */
    Map<String, JsonNode> residents() {
        Map<String, JsonNode> all = new LinkedHashMap<>();
        sampleAccounts().forEach((user, account) -> {
            if (account[0].equals("station_staff")) {
                for (JsonNode r : getAs(user, "community-service", "/residents?limit=1000")) {
                    all.put(r.get("id").asText(), r);
                }
            }
        });
        return all;
    }

    /** The sample account of a station's staff. */
    String stationAccount(String stationId) {
        return sampleAccounts().entrySet().stream()
                .filter(e -> e.getValue()[0].equals("station_staff") && e.getValue()[2].equals(stationId))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no sample account for station " + stationId));
    }

    static JsonNode readTree(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    String tail() {
        List<String> lines = output().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }

    /** Ctrl-C (SIGTERM) and waits for the hub to stop. */
    boolean stop(Duration timeout) throws InterruptedException {
        hub.destroy();
        return hub.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
    }

    /** After a test: the hub is killed; what it started follows it by itself, or is killed too. */
    @Override
    public void close() throws InterruptedException {
        if (hub != null && hub.isAlive()) {
            List<ProcessHandle> children = hub.descendants().toList();
            hub.destroy();
            if (!hub.waitFor(60, TimeUnit.SECONDS)) {
                hub.destroyForcibly();
                hub.waitFor(10, TimeUnit.SECONDS);
            }
            try {
                await().atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
            } catch (ConditionTimeoutException e) {
                // killed below
            }
            children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records on each topic the filter admits (end offset less beginning offset), read with a plain consumer. */
    Map<String, Long> recordCounts(java.util.function.Predicate<String> topics) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers());
        Map<String, Long> counts = new java.util.TreeMap<>();
        try (Admin admin = Admin.create(p);
                KafkaConsumer<byte[], byte[]> c =
                        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            for (String topic : admin.listTopics().names().get()) {
                if (!topics.test(topic)) {
                    continue;
                }
                List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                        .map(i -> new TopicPartition(topic, i.partition()))
                        .toList();
                Map<TopicPartition, Long> end = c.endOffsets(parts);
                Map<TopicPartition, Long> begin = c.beginningOffsets(parts);
                counts.put(
                        topic,
                        parts.stream()
                                .mapToLong(tp -> end.get(tp) - begin.get(tp))
                                .sum());
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return counts;
    }

    /** The sample town's needs as the hub's status counts them: {published, planned}, or null before the town is loaded. */
    int[] needsPosted() {
        JsonNode status = status();
        JsonNode town = status == null ? null : status.path("sampleTown");
        if (town == null || !town.has("needsPlanned")) {
            return null;
        }
        return new int[] {
            town.path("needsPosted").asInt(), town.path("needsPlanned").asInt()
        };
    }

    /** The hub's status says every need of the sample town is published. */
    boolean allNeedsPosted() {
        int[] posted = needsPosted();
        return posted != null && posted[1] > 0 && posted[0] >= posted[1];
    }
}
