package org.wushe.hub.local;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.wushe.hub.sample.SampleTown;
import org.wushe.hub.stack.ConnectorConfig;
import org.wushe.hub.stack.EmbeddedDatabase;
import org.wushe.hub.stack.LaunchedService;
import org.wushe.hub.stack.LocalStack;
import org.wushe.hub.stack.ProcessMemory;

/**
 * {@code deploy/local/start}: the whole hub on one machine. Starts the embedded stack, then the issuer,
 * the seven services and the portal side by side as child JVMs, loads the sample town through their APIs, prints where
 * everything is and runs until Ctrl-C, which stops the services first, then the stack.
 *
 * <pre>
 * deploy/local/start [--wipe] [--no-sample] [--stack-only] [--data-dir DIR]
 *                    [--sample-scale X] [--sample-seed N] [--sample-minutes M] [--jar SERVICE=PATH]…
 *                    [--kafka-bootstrap HOSTS [--kafka-replication N]] [--no-cds] [--prepare-only]
 * </pre>
 */
public final class HubMain {

    private static final String USAGE = """
            usage: deploy/local/start [options]
              --wipe              start from empty data (Kafka log, database, CDC offsets, sample town, logs)
              --no-sample         do not load the sample town
              --stack-only        only Kafka, PostgreSQL and the outbox connectors, no services
              --data-dir DIR      data directory (default .local-data, or WUSHE_DATA_DIR)
              --sample-scale X    size of the sample town: 1 = 2,000 residents, 500 volunteers, 300 offers, 1,000 needs
              --sample-seed N     another town, same shape
              --sample-minutes M  how long the needs after the first 150 take to arrive (default 5)
              --jar SERVICE=PATH  run this exec jar for SERVICE (e.g. community-service=/tmp/c.jar)
              --root DIR          the repository, where services/*/target/*-exec.jar are found (default .)
              --cache-dir DIR     extracted jars and class data sharing archives (default deploy/local/target/hub-cache)
              --no-cds            run the exec jars as they are (slower start)
              --prepare-only      extract the services' jars into the cache (once per build) and exit
              --kafka-bootstrap HOSTS  use this Kafka cluster instead of the embedded broker (or WUSHE_KAFKA_BOOTSTRAP_SERVERS)
              --kafka-replication N    replication factor of the topics the outbox connectors create (default 3 with --kafka-bootstrap)
            ports by environment: WUSHE_KAFKA_PORT (9092), WUSHE_KAFKA_CONTROLLER_PORT (9093), WUSHE_POSTGRES_PORT (15432),
              WUSHE_MATCHING_PORT (8080), WUSHE_COMMUNITY_PORT (8081), WUSHE_ORGANIZATION_PORT (8082),
              WUSHE_SOCIAL_WORKER_PORT (8083), WUSHE_VOLUNTEER_PORT (8084), WUSHE_RESOURCE_PORT (8085),
              WUSHE_NOTIFICATION_PORT (8086),
              WUSHE_AUTH_PORT (9000), WUSHE_PORTAL_PORT (8090), WUSHE_SMTP_PORT (8025), WUSHE_IMAP_PORT (8143)
            more JVM options for every service: WUSHE_SERVICE_JAVA_OPTS
            """;

    private HubMain() {}

    public static void main(String[] args) throws InterruptedException {
        PrintStream out =
                new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        // "Ready in N s" counts from when deploy/local/start began (after any build), else from here.
        long began = System.nanoTime();
        String startedAt = System.getenv("WUSHE_STARTED_AT_MS");
        if (startedAt != null && startedAt.matches("\\d{13}")) {
            long ago = System.currentTimeMillis() - Long.parseLong(startedAt);
            if (ago >= 0 && ago < 600_000) {
                began -= ago * 1_000_000;
            }
        }
        Path dataDir = Path.of(System.getenv().getOrDefault("WUSHE_DATA_DIR", ".local-data"));
        Path root = Path.of(".");
        boolean wipe = false;
        boolean sample = true;
        boolean stackOnly = false;
        boolean noCds = false;
        boolean prepareOnly = false;
        String externalKafka = System.getenv("WUSHE_KAFKA_BOOTSTRAP_SERVERS");
        int kafkaReplication = -1;
        Path cacheDir = null;
        SampleTown.Settings town = SampleTown.Settings.defaults();
        Map<HubService, Path> jars = new EnumMap<>(HubService.class);
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--wipe" -> wipe = true;
                    case "--no-sample" -> sample = false;
                    case "--stack-only" -> stackOnly = true;
                    case "--data-dir" -> dataDir = Path.of(args[++i]);
                    case "--root" -> root = Path.of(args[++i]);
                    case "--cache-dir" -> cacheDir = Path.of(args[++i]);
                    case "--no-cds" -> noCds = true;
                    case "--prepare-only" -> prepareOnly = true;
                    case "--kafka-bootstrap" -> externalKafka = args[++i];
                    case "--kafka-replication" -> kafkaReplication = Integer.parseInt(args[++i]);
                    case "--sample-scale" -> town = town.withScale(Double.parseDouble(args[++i]));
                    case "--sample-seed" -> town = town.withSeed(Long.parseLong(args[++i]));
                    case "--sample-minutes" ->
                        town = town.withTrickle(Duration.ofMillis((long) (Double.parseDouble(args[++i]) * 60_000)));
                    case "--jar" -> {
                        String[] kv = args[++i].split("=", 2);
                        jars.put(HubService.ofModule(kv[0]), Path.of(kv[1]));
                    }
                    case "-h", "--help" -> {
                        out.print(USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (RuntimeException e) {
            System.err.println(e.getMessage() + " (try --help)");
            System.exit(2);
        }
        dataDir = dataDir.toAbsolutePath().normalize();
        Map<HubService, Integer> ports = new EnumMap<>(HubService.class);
        List<String> missing = new ArrayList<>();
        for (HubService s : HubService.values()) {
            ports.put(s, intEnv(s.portVariable(), s.defaultPort()));
            if (!stackOnly && !jars.containsKey(s)) {
                Path finalRoot = root;
                s.execJar(root)
                        .ifPresentOrElse(
                                j -> jars.put(s, j),
                                () -> missing.add(finalRoot
                                                .resolve("services")
                                                .resolve(s.module())
                                                .resolve("target") + "/" + s.module() + "-*-exec.jar"));
            }
        }
        if (!missing.isEmpty()) {
            System.err.println(
                    "No exec jar for: " + String.join(", ", missing)
                            + "\nBuild them: ./mvnw -q -B install -DskipTests -pl deploy/local -am (deploy/local/start does this for you)");
            System.exit(2);
        }
        String extra =
                System.getenv().getOrDefault("WUSHE_SERVICE_JAVA_OPTS", "").trim();
        Hub.Settings settings = new Hub.Settings(
                dataDir,
                wipe,
                intEnv("WUSHE_KAFKA_PORT", 9092),
                intEnv("WUSHE_KAFKA_CONTROLLER_PORT", 9093),
                intEnv("WUSHE_POSTGRES_PORT", 15432),
                ports,
                jars,
                extra.isEmpty() ? List.of() : List.of(extra.split("\\s+")),
                Duration.ofSeconds(intEnv("WUSHE_SERVICE_START_TIMEOUT", 180)),
                noCds
                        ? null
                        : cacheDir != null
                                ? cacheDir.toAbsolutePath()
                                : root.resolve("deploy")
                                        .resolve("local")
                                        .resolve("target")
                                        .resolve("hub-cache")
                                        .toAbsolutePath()
                                        .normalize(),
                externalKafka == null || externalKafka.isBlank() ? null : externalKafka.strip(),
                kafkaReplication > 0 ? kafkaReplication : externalKafka == null || externalKafka.isBlank() ? 1 : 3,
                intEnv("WUSHE_SMTP_PORT", Hub.DEFAULT_SMTP_PORT),
                intEnv("WUSHE_IMAP_PORT", Hub.DEFAULT_IMAP_PORT));
        if (prepareOnly) {
            prepare(settings, out);
            return;
        }
        run(settings, sample && !stackOnly, stackOnly, town, out, began);
    }

    /** Part of the build, as deploy/local/start runs it: the jars extracted for class data sharing, nothing started. */
    private static void prepare(Hub.Settings settings, PrintStream out) {
        if (settings.cacheDir() == null) {
            return;
        }
        long t0 = System.nanoTime();
        Hub hub = new Hub(settings);
        hub.archived(); // extracts every jar whose cache is missing or stale, and waits for it
        out.printf(
                "  jars extracted for quick starts in %.1f s (%s)%n",
                (System.nanoTime() - t0) / 1e9, settings.cacheDir());
    }

    /**
     * Only a start that will make the sample town's accounts lets the issuer's bootstrap approve them: one that loads
     * the town into data that has none yet, or that {@code --wipe} is about to empty (the stack wipes after this).
     */
    static boolean makesSampleAccounts(boolean sample, Hub.Settings settings) {
        return sample
                && (settings.wipe()
                        || !java.nio.file.Files.exists(
                                settings.dataDir().resolve("sample-town").resolve("state.json")));
    }

    static void run(
            Hub.Settings settings,
            boolean sample,
            boolean stackOnly,
            SampleTown.Settings townSettings,
            PrintStream out,
            long began)
            throws InterruptedException {
        Hub hub = new Hub(settings);
        SampleTown[] town = new SampleTown[1];
        CountDownLatch stopped = new CountDownLatch(1);
        HubStatus status = hub.status();
        status.state(HubStatus.State.STARTING);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            out.println("Stopping the Wushe Hub 正在停止… (services first, then the stack)");
                            status.state(HubStatus.State.STOPPING);
                            if (town[0] != null) {
                                town[0].close();
                            }
                            hub.close();
                            status.state(HubStatus.State.STOPPED);
                            out.println("Stopped 已停止"
                                    + (Boolean.getBoolean("wushe.cds.training")
                                            ? " (this JVM now writes its class data sharing archive for the next start, a few seconds)"
                                            : ""));
                            stopped.countDown();
                        },
                        "hub-shutdown"));

        if (!stackOnly) {
            hub.prepareServices();
            hub.bootstrapSampleAccounts(makesSampleAccounts(sample, settings));
        }
        out.println("Starting the embedded stack 正在启动: Kafka (KRaft), PostgreSQL, Debezium outbox CDC…");
        LocalStack stack;
        try {
            stack = hub.startStack();
        } catch (RuntimeException e) {
            System.err.println("The stack did not start: " + e.getMessage());
            status.failed("the stack did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        out.printf("  stack up after %d s%n", seconds(began));
        status.stack(
                stack.kafka().bootstrapServers(),
                stack.database().jdbcUrl(),
                stack.database().postmasterPid(),
                stack.settings().connectors().size());
        if (stackOnly) {
            printStack(out, hub, stack);
            status.ready(
                    seconds(began),
                    ProcessMemory.rssBytes(ProcessHandle.current().pid()) / (1024 * 1024));
            out.println("Press Ctrl-C to stop 按 Ctrl-C 停止");
            stopped.await();
            return;
        }

        out.printf(
                "Starting %d services 正在启动服务 (logs in %s)%s…%n",
                HubService.values().length,
                settings.logs(),
                settings.cacheDir() == null
                        ? ""
                        : hub.archived()
                                ? ", from their class data sharing archives"
                                : "; once up, this first run writes class data sharing archives for quicker starts later");
        try {
            hub.startServices(out::println);
        } catch (LaunchedService.StartFailed e) {
            System.err.println("\n✗ " + e.service() + " did not start 启动失败:\n" + e.getMessage());
            status.failed(e.service() + " did not start");
            System.exit(1);
            return;
        }

        SampleTown.Outcome outcome = null;
        if (sample) {
            town[0] = new SampleTown(
                    townSettings,
                    new SampleTown.Endpoints(
                            hub.baseUrl(HubService.COMMUNITY),
                            hub.baseUrl(HubService.ORGANIZATION),
                            hub.baseUrl(HubService.SOCIAL_WORKER),
                            hub.baseUrl(HubService.VOLUNTEER),
                            hub.baseUrl(HubService.RESOURCE),
                            hub.baseUrl(HubService.MATCHING),
                            hub.baseUrl(HubService.AUTH)),
                    settings.dataDir(),
                    hub::operatorToken,
                    out::println);
            out.println("Loading the sample town 正在载入示例乡镇 " + "永顺镇 through the services' APIs…");
            try {
                outcome = town[0].load();
                status.sampleTown(outcome.name(), town[0].summary(), town[0].missing());
                status.needs(town[0].needsPosted(), town[0].needsPlanned());
                switch (outcome) {
                    case LOADED -> printSummary(out, town[0].summary());
                    case RESUMED ->
                        out.printf(
                                "  loaded before; %d of %d needs published, the rest follow%n",
                                town[0].needsPosted(), town[0].needsPlanned());
                    case ALREADY_LOADED ->
                        out.println("  loaded before (" + settings.dataDir().resolve("sample-town")
                                + "); --wipe loads it again");
                    case INCOMPLETE ->
                        out.println(
                                "  an earlier load stopped before its base data was complete: start with --wipe to load it again");
                }
            } catch (RuntimeException e) {
                System.err.println("✗ The sample town could not be loaded 示例数据载入失败: " + e.getMessage());
                if (!e.getClass().getName().endsWith("Rest$Refused")) {
                    e.printStackTrace();
                }
                System.err.println("  The hub keeps running; deploy/local/start --wipe starts over.");
                town[0].close();
                town[0] = null;
                outcome = null;
                status.sampleTown("FAILED", null, List.of());
            }
        }

        long rss = printReady(out, hub, stack, began);
        status.ready(seconds(began), rss / (1024 * 1024));
        hub.supervise(out::println);
        // A first run: the services' class data sharing archives are written in the background (see ClassDataSharing).
        hub.writeArchives(n ->
                out.println("  (wrote class data sharing archives of " + n + " services: the next start is quicker)"));
        if (town[0] != null && (outcome == SampleTown.Outcome.LOADED || outcome == SampleTown.Outcome.RESUMED)) {
            int left = town[0].needsPlanned() - town[0].needsPosted();
            if (left > 0) {
                out.printf(
                        "The other %d needs arrive over the next %s 其余需求陆续发布…%n",
                        left, minutes(townSettings.trickle()));
            }
            SampleTown loading = town[0];
            Thread counting = new Thread(
                    () -> {
                        while (!Thread.currentThread().isInterrupted()) {
                            status.needs(loading.needsPosted(), loading.needsPlanned());
                            try {
                                Thread.sleep(1_000);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "sample-town-status");
            counting.setDaemon(true);
            counting.start();
            Thread needs = new Thread(
                    () -> {
                        try {
                            loading.postRemainingNeeds();
                            status.needs(loading.needsPosted(), loading.needsPlanned());
                            if (loading.needsPosted() >= loading.needsPlanned()) {
                                out.println("Sample town fully loaded 示例数据已全部载入.");
                            }
                        } catch (RuntimeException e) {
                            System.err.println("✗ Publishing the sample needs stopped: " + e.getMessage());
                        }
                    },
                    "sample-town-needs");
            needs.setDaemon(true);
            needs.start();
        }
        stopped.await();
    }

    private static void printSummary(PrintStream out, SampleTown.Summary s) {
        out.printf(
                "  %d town centre, %d community and rural stations, %d communities, %d grids%n",
                1, s.stations() - 1, s.communities(), s.grids());
        out.printf("  %,d residents (%s)%n", s.residents(), flags(s.residentFlags()));
        out.printf(
                "  %,d volunteers (%d young-old 低龄老人), %d teams, %d team members%n",
                s.volunteers(), s.youngOldVolunteers(), s.teams(), s.teamMembers());
        out.printf(
                "  %d donors, %d offers (%s)%n",
                s.donors(),
                s.offers(),
                s.offersByKind().entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey().toLowerCase())
                        .reduce((a, b) -> a + ", " + b)
                        .orElse(""));
        out.printf(
                "  %d social organizations, %d service capacities, %d projects, %d grants%n",
                s.organizations(), s.capacities(), s.projects(), s.grants());
        out.printf(
                "  %d social workers, %d cases, %d visits (%d found a need), %d groups with %d sessions%n",
                s.socialWorkers(), s.cases(), s.visits(), s.visitsRaisingNeeds(), s.groups(), s.groupSessions());
        out.printf("  needs 需求: %d published now, %d in all%n", s.needsAtOnce(), s.needs());
    }

    private static String flags(Map<String, Integer> flags) {
        Map<String, String> zh = Map.of(
                "ELDERLY_ALONE",
                "独居",
                "VERY_OLD",
                "高龄",
                "CHILDLESS_ELDERLY",
                "孤寡",
                "DISABLED",
                "残疾",
                "CHILD_IN_HARDSHIP",
                "困境儿童",
                "LOW_INCOME",
                "低保",
                "NEWCOMER",
                "新市民",
                "FOREIGN_RESIDENT",
                "外籍");
        List<String> parts = new ArrayList<>();
        flags.forEach((k, v) -> parts.add(v + " " + zh.getOrDefault(k, k)));
        return String.join(", ", parts);
    }

    private static void printStack(PrintStream out, Hub hub, LocalStack stack) {
        out.printf(
                """

                Wushe Hub local stack is up 五社联动本地环境已启动
                  Kafka (KRaft)   %s
                  PostgreSQL      %s  (user %s, password in %s)
                  Outbox CDC      %d Debezium connectors: %s
                  Data            %s  (kept between runs; --wipe starts clean)
                  Mail 邮件       %s
                """,
                stack.kafka().bootstrapServers(),
                stack.database().jdbcUrl(),
                EmbeddedDatabase.USER,
                stack.database().passwordFile(),
                stack.settings().connectors().size(),
                String.join(
                        ", ",
                        stack.settings().connectors().stream()
                                .map(ConnectorConfig::name)
                                .toList()),
                hub.settings().dataDir(),
                mailLine(hub));
    }

    /** Where notification-service's e-mails go and where a developer reads them (deploy/local README, "Mail"). */
    private static String mailLine(Hub hub) {
        return hub.mail() == null
                ? "not running (its ports were taken): e-mails are skipped"
                : "SMTP 127.0.0.1:" + hub.mail().smtpPort() + ", read at IMAP 127.0.0.1:"
                        + hub.mail().imapPort() + " as " + LocalMail.USER + " / " + LocalMail.PASSWORD
                        + " (every mail lands there; a line each in this log)";
    }

    /** Prints the banner; returns the RSS of the hub's JVMs together, in bytes. */
    private static long printReady(PrintStream out, Hub hub, LocalStack stack, long began) {
        long total = 0;
        double cpu =
                Math.max(0, ProcessMemory.cpuSeconds(ProcessHandle.current().pid()));
        for (LaunchedService s : hub.services()) {
            cpu += Math.max(0, ProcessMemory.cpuSeconds(s.pid()));
        }
        StringBuilder memory = new StringBuilder();
        long self = ProcessMemory.rssBytes(ProcessHandle.current().pid());
        total += Math.max(0, self);
        memory.append("stack ").append(ProcessMemory.mib(self));
        for (LaunchedService s : hub.services()) {
            long rss = s.rssBytes();
            total += Math.max(0, rss);
            memory.append(", ")
                    .append(s.name().replace("-service", ""))
                    .append(' ')
                    .append(ProcessMemory.mib(rss));
        }
        StringBuilder urls = new StringBuilder();
        for (HubService s : HubService.values()) {
            if (s != HubService.AUTH && s != HubService.PORTAL) {
                urls.append(String.format(
                        "  %-24s %-40s %s%n",
                        s == HubService.MATCHING ? "Swagger UI" : "", hub.baseUrl(s) + "/swagger-ui.html", s.module()));
            }
        }
        out.printf(
                """

                Wushe Hub is ready in %d s 五社联动枢纽已就绪
                  Portal 门户              %s/  (every workspace: community, organizations and donors, volunteers, social workers, stations, centre)
                  Sign-in 登录             %s  (admin password in %s; sample accounts in %s, their passwords in passwords.txt beside it)
                %s  Kafka (KRaft)            %s
                  PostgreSQL               %s  (user %s, password in %s; one schema per service)
                  Outbox CDC               %d Debezium connectors
                  Mail 邮件                %s
                  Memory (RSS)             %s MiB in %d JVMs: %s
                  CPU time so far          %.0f s (these JVMs together, on %d cores)
                  Logs                     %s/<service>.log
                  Data                     %s  (kept between runs; --wipe starts clean)
                Press Ctrl-C to stop 按 Ctrl-C 停止
                """,
                seconds(began),
                hub.baseUrl(HubService.PORTAL),
                hub.issuer(),
                hub.settings().dataDir().resolve("auth").resolve("admin.password"),
                hub.settings().dataDir().resolve("sample-town").resolve("accounts.txt"),
                urls,
                stack.kafka().bootstrapServers(),
                stack.database().jdbcUrl(),
                EmbeddedDatabase.USER,
                stack.database().passwordFile(),
                stack.settings().connectors().size(),
                mailLine(hub),
                String.format("%,d", total / (1024 * 1024)),
                1 + hub.services().size(),
                memory,
                cpu,
                Runtime.getRuntime().availableProcessors(),
                hub.settings().logs(),
                hub.settings().dataDir());
        return total;
    }

    private static long seconds(long began) {
        return Math.round((System.nanoTime() - began) / 1e9);
    }

    private static String minutes(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 ? (s / 60) + " min" : s + " s";
    }

    private static int intEnv(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    }
}
