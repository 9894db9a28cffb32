package org.wushe.hub.bench.replay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.schemas.AvroEventCodec;
import org.wushe.hub.schemas.AvroTrust;
import org.wushe.hub.schemas.SchemaCatalog;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.ServiceProcess;
import org.wushe.hub.testing.TestStack;
import org.wushe.hub.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * How fast matching-service rebuilds its read model (need_view, volunteer_view, offer_view, station_view) from its
 * topics, against a raw Kafka consumer reading the same records on the same broker in the same run.
 *
 * <ol>
 *   <li>The embedded stack ({@link TestStack}: Kafka, PostgreSQL, Debezium) starts in this JVM; the read model's
 *       topics are created with six partitions, as the hub provisions them.
 *   <li>{@code --events} events (default 1,000,000; see {@link ReplayEvents}) are written with the hub's Avro codec
 *       and envelope headers.
 *   <li>A raw consumer ({@code byte[]} values, nothing decoded) reads them all from the beginning: the broker's pace.
 *   <li>matching-service starts from its exec jar as a child JVM ({@link ServiceProcess}); its bindings read the
 *       history (the first build); the benchmark waits until the tables hold every row.
 *   <li>{@code POST /admin/replay} (the operator's rebuild): the bindings stop, the group is rewound, the tables
 *       emptied, the history read again. Timed from the first moment {@code GET /admin/replay} says REPLAYING until
 *       it says the group caught up (the rebuild proper), and from start to DONE (with the stop, the rewind and the
 *       engine's reload). The tables are checked to hold every row again.
 * </ol>
 */
public final class ReplayBenchmark {

    private static final List<Aggregate> TOPICS =
            List.of(Aggregate.STATION, Aggregate.VOLUNTEER, Aggregate.OFFER, Aggregate.ORGANIZATION);

    private ReplayBenchmark() {}

    public static void main(String[] args) throws Exception {
        long events = 1_000_000;
        Path json = null;
        List<String> serviceArgs = new ArrayList<>();
        String heap = "-Xmx1536m";
        List<String> jvmArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" ->
                    events = Long.parseLong(args[++i].replace("_", "").replace(",", ""));
                case "--json" -> json = Path.of(args[++i]);
                case "--service-arg" -> serviceArgs.add(args[++i]);
                case "--service-heap" -> heap = "-Xmx" + args[++i];
                case "--service-jvm-arg" -> jvmArgs.add(args[++i]);
                case "--help" -> {
                    System.out.println("""
                            bench/replay/run [--events N] [--service-arg --spring.x=y]... [--service-heap 1536m] [--json FILE]
                              --events        events on the read model's topics (default 1,000,000)
                              --service-arg   an argument for matching-service (repeatable), e.g.
                                              --service-arg --spring.cloud.stream.kafka.bindings.volunteers-in-0.consumer.configuration.max.poll.records=2000
                              --service-heap  matching-service's -Xmx (default 1536m)
                              --service-jvm-arg  a JVM option for matching-service (repeatable), e.g. a JFR recording
                              --json          where to write the figures (the run script: results/latest.json)""");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown flag " + args[i] + " (see --help)");
            }
        }
        Path jar = Path.of(System.getProperty("wushe.replay.matching-service.jar", ""));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "-Dwushe.replay.matching-service.jar must name matching-service's exec jar");
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("events", events);
        report.put("loadBefore", loadAverage());
        say("load average before: %s", loadAverage());

        AvroTrust.install(); // the generated builders copy nested records, which Avro 1.12 allows for trusted classes
        AvroEventCodec codec = new AvroEventCodec(SchemaCatalog.load());
        long started = System.nanoTime();
        String bootstrap = TestStack.bootstrapServers();
        say("embedded stack up in %.1f s (%s)", seconds(System.nanoTime() - started), bootstrap);
        createTopics(bootstrap);

        ReplayEvents.Expected plan = ReplayEvents.plan(events);
        long produced = ReplayEvents.produce(bootstrap, codec, plan);
        say(
                "history written: %,d events (%,d stations, %,d volunteers, %,d offers) in %.1f s, %,.0f events/s",
                events,
                plan.stations(),
                plan.volunteers(),
                plan.offers(),
                seconds(produced),
                events / seconds(produced));
        report.put("producedPerSecond", Math.round(events / seconds(produced)));

        long raw = rawRead(bootstrap, events);
        double rawRate = events / seconds(raw);
        say("raw Kafka consumer: %,d records in %.2f s, %,.0f records/s", events, seconds(raw), rawRate);
        report.put("rawConsumerPerSecond", Math.round(rawRate));

        ServiceProcess.Builder builder =
                ServiceProcess.builder(jar, "matching").jvmArg(heap).startTimeout(Duration.ofMinutes(10));
        serviceArgs.forEach(builder::arg);
        jvmArgs.forEach(builder::jvmArg);
        long serviceStart = System.nanoTime();
        try (ServiceProcess matching = builder.start()) {
            say(
                    "matching-service healthy in %.1f s on :%d",
                    seconds(System.nanoTime() - serviceStart), matching.port());
            awaitRows(plan, Duration.ofMinutes(60));
            long firstBuild = System.nanoTime() - serviceStart;
            say(
                    "first build (from the service's start, JVM start included): every row there after %.1f s, %,.0f events/s",
                    seconds(firstBuild), events / seconds(firstBuild));
            report.put("firstBuildSeconds", round1(seconds(firstBuild)));
            report.put("firstBuildPerSecond", Math.round(events / seconds(firstBuild)));

            Http admin = matching.http().as(TestTokens.admin("bench-replay"));
            Http.Response accepted = admin.post("/admin/replay", Map.of());
            if (accepted.status() != 202) {
                throw new IllegalStateException(
                        "POST /admin/replay answered " + accepted.status() + ": " + accepted.text());
            }
            long posted = System.nanoTime();
            JsonNode progress;
            while (true) {
                progress = admin.get("/admin/replay").json();
                String state = progress.get("state").asText();
                if (state.equals("DONE") || state.equals("FAILED")) {
                    break;
                }
                if (System.nanoTime() - posted > Duration.ofMinutes(60).toNanos()) {
                    throw new IllegalStateException("replay not done after 60 min: " + progress);
                }
                Thread.sleep(
                        250); // a benchmark's poll of the operator's progress endpoint (each answer asks the broker)
            }
            if (progress.get("state").asText().equals("FAILED")) {
                throw new IllegalStateException("replay failed: " + progress.get("error"));
            }
            // The service's own times of each phase: a poll of the progress endpoint can miss a short phase or
            // answer late while the service is busy, which made the rebuild look seconds longer than it was.
            JsonNode phases = progress.get("phases");
            long replayed = progress.get("recordsReplayed").asLong();
            awaitRows(plan, Duration.ofMinutes(1));
            double proper = between(phases, "REPLAYING", "FINISHING");
            double whole = between(phases, "STOPPING", "DONE");
            say(
                    "POST /admin/replay: %,d records replayed; rebuild proper (REPLAYING → caught up) %.2f s, %,.0f events/s;"
                            + " whole replay (stop, rewind, clear, read, engine reload) %.2f s, %,.0f events/s",
                    replayed, proper, replayed / proper, whole, replayed / whole);
            say("rebuild proper : raw consumer = 1 : %.1f", rawRate / (replayed / proper));
            say(
                    "phases: stopping %.2f s, resetting %.2f s, clearing %.2f s, replaying %.2f s, finishing (engine reload) %.2f s",
                    between(phases, "STOPPING", "RESETTING"),
                    between(phases, "RESETTING", "CLEARING"),
                    between(phases, "CLEARING", "REPLAYING"),
                    proper,
                    between(phases, "FINISHING", "DONE"));
            report.put("recordsReplayed", replayed);
            report.put("replayProperSeconds", round1(proper));
            report.put("replayProperPerSecond", Math.round(replayed / proper));
            report.put("replayWholeSeconds", round1(whole));
            report.put("replayWholePerSecond", Math.round(replayed / whole));
            report.put("rawOverReplay", round1(rawRate / (replayed / proper)));
            report.put("serviceArgs", serviceArgs);
        }
        report.put("loadAfter", loadAverage());
        say("load average after: %s", loadAverage());
        if (json != null) {
            Files.createDirectories(json.toAbsolutePath().getParent());
            Files.writeString(json, Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
            say("figures written to %s", json);
        }
        System.exit(0); // the embedded stack's threads
    }

    /** Seconds from entering phase {@code from} to entering phase {@code to}, by the service's clock. */
    private static double between(JsonNode phases, String from, String to) {
        return Duration.between(
                                Instant.parse(phases.get(from).asText()),
                                Instant.parse(phases.get(to).asText()))
                        .toNanos()
                / 1e9;
    }

    private static void createTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            var existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (Aggregate a : TOPICS) {
                if (!existing.contains(a.topic())) {
                    missing.add(new NewTopic(a.topic(), 6, (short) 1));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
            // Every partition has its leader before the history is written.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!admin
                    .describeTopics(TOPICS.stream().map(Aggregate::topic).toList())
                    .allTopicNames()
                    .get()
                    .values()
                    .stream()
                    .allMatch(d -> d.partitions().stream()
                            .allMatch(pi -> pi.leader() != null && !pi.leader().isEmpty()))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the read model's topics have no leaders after 60 s");
                }
                Thread.sleep(100); // a benchmark's wait for the broker
            }
        }
    }

    /** Reads every record of the read model's topics from the beginning; returns the nanoseconds it took. */
    private static long rawRead(String bootstrap, long expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-replay-raw");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        long began = System.nanoTime();
        long read = 0;
        try (KafkaConsumer<byte[], byte[]> c =
                new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (Aggregate a : TOPICS) {
                for (PartitionInfo info : c.partitionsFor(a.topic(), Duration.ofSeconds(30))) {
                    partitions.add(new TopicPartition(a.topic(), info.partition()));
                }
            }
            c.assign(partitions);
            c.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (read < expected) {
                read += c.poll(Duration.ofMillis(200)).count();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("raw consumer read " + read + " of " + expected);
                }
            }
        }
        return System.nanoTime() - began;
    }

    private static void awaitRows(ReplayEvents.Expected plan, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastSaid = 0;
        try (Connection db = TestStack.get().database().connect();
                Statement st = db.createStatement()) {
            while (true) {
                long stations = count(st, "station_view");
                long volunteers = count(st, "volunteer_view");
                long offers = count(st, "offer_view");
                if (stations == plan.stations() && volunteers == plan.volunteers() && offers == plan.offers()) {
                    return;
                }
                long now = System.nanoTime();
                if (now > deadline) {
                    throw new IllegalStateException(String.format(
                            "after %s: %d of %d stations, %d of %d volunteers, %d of %d offers",
                            timeout, stations, plan.stations(), volunteers, plan.volunteers(), offers, plan.offers()));
                }
                if (now - lastSaid > Duration.ofSeconds(10).toNanos()) {
                    say("  read model: %,d stations, %,d volunteers, %,d offers", stations, volunteers, offers);
                    lastSaid = now;
                }
                Thread.sleep(100); // a benchmark's poll of the tables
            }
        }
    }

    private static long count(Statement st, String table) throws Exception {
        try (ResultSet rs = st.executeQuery("select count(*) from matching." + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
