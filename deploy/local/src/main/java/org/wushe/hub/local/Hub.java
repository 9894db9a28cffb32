package org.wushe.hub.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.wushe.hub.stack.EmbeddedDatabase;
import org.wushe.hub.stack.LaunchedService;
import org.wushe.hub.stack.LocalStack;
import org.wushe.hub.stack.OwnerOnly;
import org.wushe.hub.stack.ServiceLauncher;

/**
 * The whole hub on one machine: the embedded stack ({@link LocalStack}: Kafka, PostgreSQL, one
 * Debezium outbox connector per service) and the mail server ({@link LocalMail}) in this JVM, and the seven services as child JVMs from their
 * exec jars ({@link ServiceLauncher}), started side by side. {@link #close()} stops the services first
 * (gracefully, together), then the stack.
 */
public final class Hub implements AutoCloseable {

    /** JVM options of every service besides its {@code -Xmx}: small footprint, quick start. */
    public static final List<String> SERVICE_JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Xss512k",
            "-XX:ReservedCodeCacheSize=64m",
            "-Dfile.encoding=UTF-8",
            "-Dsun.stdout.encoding=UTF-8",
            "-Dsun.stderr.encoding=UTF-8");

    /**
     * {@code cacheDir}: where the services' jars are extracted and their class data sharing archives
     * kept ({@link ClassDataSharing}); null runs the exec jars as they are. {@code externalKafka}: the
     * bootstrap servers of a Kafka cluster to use instead of the embedded broker (null: embedded), whose
     * topics are replicated {@code kafkaReplication} times.
     */
    public record Settings(
            Path dataDir,
            boolean wipe,
            int kafkaPort,
            int controllerPort,
            int postgresPort,
            Map<HubService, Integer> ports,
            Map<HubService, Path> jars,
            List<String> extraJvmOptions,
            Duration startTimeout,
            Path cacheDir,
            String externalKafka,
            int kafkaReplication,
            int smtpPort,
            int imapPort) {

        /** The hub's mail server on its default ports (SMTP 8025, IMAP 8143; see {@link LocalMail}). */
        public Settings(
                Path dataDir,
                boolean wipe,
                int kafkaPort,
                int controllerPort,
                int postgresPort,
                Map<HubService, Integer> ports,
                Map<HubService, Path> jars,
                List<String> extraJvmOptions,
                Duration startTimeout,
                Path cacheDir,
                String externalKafka,
                int kafkaReplication) {
            this(
                    dataDir,
                    wipe,
                    kafkaPort,
                    controllerPort,
                    postgresPort,
                    ports,
                    jars,
                    extraJvmOptions,
                    startTimeout,
                    cacheDir,
                    externalKafka,
                    kafkaReplication,
                    DEFAULT_SMTP_PORT,
                    DEFAULT_IMAP_PORT);
        }

        public Settings {
            ports = Collections.unmodifiableMap(new EnumMap<>(ports));
            jars = Collections.unmodifiableMap(new EnumMap<>(jars));
            extraJvmOptions = List.copyOf(extraJvmOptions);
        }

        public int port(HubService s) {
            return ports.getOrDefault(s, s.defaultPort());
        }

        public Path logs() {
            return dataDir.resolve("logs");
        }
    }

    static final Duration STOP_GRACE = Duration.ofSeconds(30);

    /** The hub's SMTP port (moved by {@code WUSHE_SMTP_PORT}): notification-service sends its e-mails there. */
    public static final int DEFAULT_SMTP_PORT = 8025;

    /** The hub's IMAP port (moved by {@code WUSHE_IMAP_PORT}): where a developer reads them. */
    public static final int DEFAULT_IMAP_PORT = 8143;

    private final Settings settings;
    private LocalStack stack;
    private volatile LocalMail mail;
    private final Map<HubService, LaunchedService> services =
            Collections.synchronizedMap(new EnumMap<>(HubService.class));
    private final Map<HubService, CompletableFuture<ClassDataSharing.Image>> images = new EnumMap<>(HubService.class);
    private volatile boolean closing;
    private volatile Thread archiver;
    private volatile LaunchedService trainingRun;

    private volatile boolean bootstrapSampleAccounts;
    private final HubStatus status;

    /** Whether the issuer approves the operator client's account requests as the bootstrap (a start that loads the sample town). */
    public void bootstrapSampleAccounts(boolean on) {
        bootstrapSampleAccounts = on;
    }

    public Hub(Settings settings) {
        this.settings = settings;
        this.status = new HubStatus(settings.dataDir());
    }

    /** What {@code <data-dir>/status.json} says; written as things change. */
    HubStatus status() {
        return status;
    }

    /**
     * Gets the services' jars ready to run (extracted, with their class data sharing archives) in the
     * background, so that it overlaps the stack's start; {@link #startServices} waits for it.
     */
    public void prepareServices() {
        Path java = javaExecutable();
        for (HubService s : HubService.values()) {
            Path jar = settings.jars().get(s);
            if (jar == null || images.containsKey(s)) {
                continue;
            }
            images.put(
                    s,
                    settings.cacheDir() == null
                            ? CompletableFuture.completedFuture(ClassDataSharing.Image.plain(jar))
                            : CompletableFuture.supplyAsync(
                                    () -> ClassDataSharing.prepare(settings.cacheDir(), s.module(), jar, java),
                                    runnable -> {
                                        Thread t = new Thread(runnable, "prepare-" + s.module());
                                        t.setDaemon(true);
                                        t.start();
                                    }));
        }
    }

    /** True when every service starts from a class data sharing archive made by an earlier run. */
    public boolean archived() {
        prepareServices();
        // Every preparation finishes first (allMatch alone would stop at the first service without an archive and
        // leave the others' extractions running, e.g. past the end of --prepare-only).
        List<ClassDataSharing.Image> prepared =
                images.values().stream().map(CompletableFuture::join).toList();
        return prepared.stream().allMatch(ClassDataSharing.Image::archived);
    }

    /**
     * On a first run (no archives yet): starts each service once more as a training run that writes its
     * class data sharing archive (see {@link ClassDataSharing}), one at a time in the background, while
     * the hub runs. {@code done} hears how many were written.
     */
    public void writeArchives(Consumer<Integer> done) {
        List<HubService> training = new ArrayList<>();
        for (HubService s : HubService.values()) {
            CompletableFuture<ClassDataSharing.Image> image = images.get(s);
            if (image != null && image.isDone() && image.join().trains()) {
                training.add(s);
            }
        }
        if (training.isEmpty()) {
            return;
        }
        String key = residentKey(settings.dataDir());
        Thread t = new Thread(
                () -> {
                    int written = 0;
                    for (HubService s : training) {
                        if (closing) {
                            return;
                        }
                        ClassDataSharing.Image image = images.get(s).join();
                        LaunchedService run = null;
                        try {
                            run = launcher(
                                            s,
                                            key,
                                            settings.logs().resolve(s.module() + "-cds-training.log"),
                                            image.trainingOptions())
                                    .port(0)
                                    .launch();
                            trainingRun = run;
                            int exit = run.waitForExit(Duration.ofSeconds(180));
                            if (!closing && image.keep(exit)) {
                                written++;
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        } catch (RuntimeException e) {
                            // No archive for this one: it runs from its extracted jar, as now.
                        } finally {
                            if (run != null && run.isAlive()) {
                                run.stop(STOP_GRACE);
                            }
                            trainingRun = null;
                        }
                    }
                    if (!closing && written > 0) {
                        done.accept(written);
                    }
                },
                "class-data-sharing");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        archiver = t;
        t.start();
    }

    private static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** Starts Kafka, PostgreSQL, the outbox connectors of the six services that publish, and the mail server. */
    public LocalStack startStack() {
        LocalStack.Settings s = LocalStack.Settings.defaults(settings.dataDir())
                .withWipe(settings.wipe())
                .withPorts(settings.kafkaPort(), settings.controllerPort(), settings.postgresPort());
        if (settings.externalKafka() != null) {
            s = s.withExternalKafka(settings.externalKafka(), settings.kafkaReplication());
        }
        stack = new LocalStack(s);
        stack.start();
        startMail();
        return stack;
    }

    /**
     * Starts the hub's mail server ({@link LocalMail}). Should its ports be taken, the hub goes on without it:
     * notification-service then skips its e-mail deliveries (no SMTP host), and the log says so.
     */
    private void startMail() {
        try {
            mail = new LocalMail(settings.smtpPort(), settings.imapPort()).start();
        } catch (RuntimeException e) {
            mail = null;
            org.slf4j.LoggerFactory.getLogger(Hub.class)
                    .warn(
                            "The hub's mail server did not start (SMTP {}, IMAP {}): e-mails are skipped. {}",
                            settings.smtpPort(),
                            settings.imapPort(),
                            e.toString());
        }
    }

    /** The hub's mail server, or null when it is not running. */
    public LocalMail mail() {
        return mail;
    }

    /**
     * Starts the seven services side by side and waits until every one is healthy. {@code progress} hears
     * of each as it comes up. On a failure the first {@link LaunchedService.StartFailed} is thrown (its
     * message ends with the tail of the service's log); the others are left running for {@link #close()}.
     */
    public void startServices(Consumer<String> progress) {
        if (stack == null) {
            throw new IllegalStateException("start the stack first");
        }
        String key = residentKey(settings.dataDir());
        prepareServices();
        long began = System.nanoTime();
        List<CompletableFuture<LaunchedService>> waiting = new ArrayList<>();
        for (HubService s : HubService.values()) {
            Path log = settings.logs().resolve(s.module() + ".log");
            rotate(log);
            LaunchedService launched = launcher(
                            s, key, log, images.get(s).join().jvmOptions())
                    .port(settings.port(s))
                    .launch();
            services.put(s, launched);
            status.process(s.module(), launched.pid(), launched.port(), "starting");
            waiting.add(CompletableFuture.supplyAsync(
                    () -> {
                        launched.awaitHealthy(settings.startTimeout());
                        status.process(s.module(), launched.pid(), launched.port(), "up");
                        progress.accept(String.format(
                                "  %-22s healthy after %3d s  (pid %d, %s)",
                                s.module(),
                                (System.nanoTime() - began) / 1_000_000_000,
                                launched.pid(),
                                launched.baseUrl()));
                        return launched;
                    },
                    runnable -> {
                        Thread t = new Thread(runnable, "await-" + s.module());
                        t.setDaemon(true);
                        t.start();
                    }));
        }
        try {
            // The first failure, not the last: a failing service is reported as soon as it fails.
            CompletableFuture<Void> all = CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new));
            CompletableFuture<Object> anyFailed = new CompletableFuture<>();
            waiting.forEach(f -> f.whenComplete((ok, failed) -> {
                if (failed != null) {
                    anyFailed.completeExceptionally(failed);
                }
            }));
            CompletableFuture.anyOf(all, anyFailed).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Restarts of one service within {@link #RESTART_WINDOW} before the hub gives up on it. */
    static final int MAX_RESTARTS = 5;

    static final Duration RESTART_WINDOW = Duration.ofMinutes(10);

    /**
     * Watches the running services: one that exits while the hub is not stopping (a crash, an out-of-memory
     * kill, {@code kill -9}) is started again on the same port with the same settings, as a process
     * supervisor would, and {@code progress} hears of it. After {@value #MAX_RESTARTS} restarts within 10
     * minutes it is left down, with the tail of its log.
     */
    public void supervise(Consumer<String> progress) {
        if (stack != null) {
            watchDatabase(progress);
        }
        String key = residentKey(settings.dataDir());
        for (HubService s : HubService.values()) {
            LaunchedService first = services.get(s);
            if (first != null) {
                watch(s, first, key, progress, new java.util.ArrayDeque<>());
            }
        }
    }

    /**
     * PostgreSQL is a process of its own: when it dies while the hub runs it is started again on the same
     * data (crash recovery), and the outbox connectors, which retry by themselves, resume from their slots.
     */
    private void watchDatabase(Consumer<String> progress) {
        EmbeddedDatabase db = stack.database();
        long pid = db.postmasterPid();
        ProcessHandle.of(pid)
                .ifPresent(postmaster -> postmaster
                        .onExit()
                        .thenRunAsync(
                                () -> {
                                    if (closing) {
                                        return;
                                    }
                                    progress.accept("✗ PostgreSQL exited (pid " + pid + ") — restarting 数据库正在重启…");
                                    long began = System.nanoTime();
                                    try {
                                        db.restartAfterCrash(Duration.ofSeconds(120));
                                        progress.accept(String.format(
                                                "  PostgreSQL restarted after crash recovery in %.1f s (pid %d) 已重启",
                                                (System.nanoTime() - began) / 1e9, db.postmasterPid()));
                                        status.postgresRestarted(db.postmasterPid());
                                        watchDatabase(progress);
                                    } catch (RuntimeException e) {
                                        if (!closing) {
                                            progress.accept("✗ PostgreSQL could not be restarted: " + e.getMessage());
                                        }
                                    }
                                },
                                runnable -> {
                                    Thread t = new Thread(runnable, "supervise-postgres");
                                    t.setDaemon(true);
                                    t.start();
                                }));
    }

    private void watch(
            HubService s,
            LaunchedService running,
            String key,
            Consumer<String> progress,
            java.util.Deque<Long> restarts) {
        running.handle()
                .onExit()
                .thenRunAsync(
                        () -> {
                            if (closing) {
                                return;
                            }
                            long now = System.nanoTime();
                            restarts.removeIf(t -> now - t > RESTART_WINDOW.toNanos());
                            if (restarts.size() >= MAX_RESTARTS) {
                                progress.accept("✗ " + s.module() + " exited again (code " + running.exitCode() + "), "
                                        + MAX_RESTARTS + " restarts in " + RESTART_WINDOW.toMinutes()
                                        + " min: left down 已停止重启\n" + running.logTail());
                                status.process(s.module(), running.pid(), running.port(), "down");
                                return;
                            }
                            restarts.add(now);
                            status.restarting(s.module());
                            progress.accept(
                                    "✗ " + s.module() + " exited (code " + running.exitCode() + ") — restarting 正在重启…");
                            try {
                                Path log = settings.logs().resolve(s.module() + ".log");
                                rotate(log);
                                LaunchedService again = launcher(
                                                s,
                                                key,
                                                log,
                                                images.get(s).join().jvmOptions())
                                        .port(settings.port(s))
                                        .launch();
                                synchronized (this) {
                                    if (closing) {
                                        again.stop(STOP_GRACE);
                                        return;
                                    }
                                    services.put(s, again);
                                }
                                status.process(s.module(), again.pid(), again.port(), "restarting");
                                long began = System.nanoTime();
                                again.awaitHealthy(settings.startTimeout());
                                status.process(s.module(), again.pid(), again.port(), "up");
                                progress.accept(String.format(
                                        "  %s restarted, healthy after %d s (pid %d) 已重启",
                                        s.module(), (System.nanoTime() - began) / 1_000_000_000, again.pid()));
                                watch(s, again, key, progress, restarts);
                            } catch (RuntimeException e) {
                                if (!closing) {
                                    progress.accept("✗ " + s.module() + " could not be restarted: " + e.getMessage());
                                    status.process(s.module(), running.pid(), running.port(), "down");
                                }
                            }
                        },
                        runnable -> {
                            Thread t = new Thread(runnable, "supervise-" + s.module());
                            t.setDaemon(true);
                            t.start();
                        });
    }

    ServiceLauncher launcher(HubService s, String residentKey, Path log, List<String> cdsOptions) {
        if (settings.jars().get(s) == null) {
            throw new IllegalStateException("no exec jar for " + s.module());
        }
        ClassDataSharing.Image image = images.get(s).join();
        List<String> jvm = new ArrayList<>();
        jvm.add("-Xmx" + s.heapMb() + "m");
        jvm.addAll(SERVICE_JVM_OPTIONS);
        jvm.addAll(cdsOptions);
        jvm.addAll(settings.extraJvmOptions());
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("WUSHE_DATA_DIR", settings.dataDir().toString());
        // Each service's spans as JSON lines (platform.tracing), so a need's journey can be read with jq without a
        // collector; an OTLP endpoint set in the environment (MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT)
        // works beside it.
        env.put(
                "WUSHE_TRACING_FILE",
                settings.dataDir()
                        .resolve("traces")
                        .resolve(s.module() + ".jsonl")
                        .toString());
        // Spring's graceful shutdown waits per phase; keep Ctrl-C quick.
        env.put("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE", "10s");
        if (s == HubService.COMMUNITY) {
            env.put("WUSHE_COMMUNITY_RESIDENT_KEY", residentKey);
        }
        if (s == HubService.AUTH) {
            env.put("WUSHE_AUTH_ISSUER", issuer());
            env.put("WUSHE_AUTH_ADMIN_PASSWORD", adminPassword());
            env.put("WUSHE_AUTH_LOADER_CLIENT_ID", LOADER_CLIENT);
            env.put("WUSHE_AUTH_LOADER_SECRET", loaderSecret());
            // The sample town's staff accounts need a second person at the issuer; a demo town has none, so while this
            // start
            // loads the town the issuer approves the operator client's requests itself and records them as the
            // bootstrap's.
            env.put("WUSHE_AUTH_BOOTSTRAP_APPROVAL", Boolean.toString(bootstrapSampleAccounts));
            env.put(
                    "WUSHE_AUTH_KEY_FILE",
                    settings.dataDir()
                            .resolve("auth")
                            .resolve("signing-key.json")
                            .toString());
            List<String> pages = new ArrayList<>();
            for (String host : List.of("127.0.0.1", "localhost")) {
                pages.add("http://" + host + ":" + settings.port(HubService.MATCHING) + "/console/");
                pages.add("http://" + host + ":" + settings.port(HubService.SOCIAL_WORKER) + "/reports/");
            }
            env.put("WUSHE_AUTH_REDIRECT_URIS", String.join(",", pages));
            env.put("WUSHE_AUTH_PORTAL_SECRET", portalSecret());
            env.put(
                    "WUSHE_AUTH_PORTAL_URIS",
                    "http://127.0.0.1:" + settings.port(HubService.PORTAL) + ",http://localhost:"
                            + settings.port(HubService.PORTAL));
        } else if (s == HubService.PORTAL) {
            // The portal signs people in at the hub's issuer and relays their tokens to each service.
            env.put("WUSHE_PORTAL_ISSUER", issuer());
            env.put("WUSHE_PORTAL_CLIENT_SECRET", portalSecret());
            env.put("WUSHE_PORTAL_SERVICES_MATCHING", baseUrl(HubService.MATCHING));
            env.put("WUSHE_PORTAL_SERVICES_COMMUNITY", baseUrl(HubService.COMMUNITY));
            env.put("WUSHE_PORTAL_SERVICES_ORGANIZATION", baseUrl(HubService.ORGANIZATION));
            env.put("WUSHE_PORTAL_SERVICES_SOCIALWORKER", baseUrl(HubService.SOCIAL_WORKER));
            env.put("WUSHE_PORTAL_SERVICES_VOLUNTEER", baseUrl(HubService.VOLUNTEER));
            env.put("WUSHE_PORTAL_SERVICES_RESOURCE", baseUrl(HubService.RESOURCE));
            env.put("WUSHE_PORTAL_SERVICES_NOTIFICATION", baseUrl(HubService.NOTIFICATION));
        } else {
            if (s == HubService.NOTIFICATION) {
                env.putAll(mailEnvironment(mail));
            }
            // Every service verifies tokens against the hub's issuer, as production does against its own.
            env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", issuer());
        }
        ServiceLauncher launcher = ServiceLauncher.forJar(image.jar()).name(s.module());
        if (s.schema() != null) {
            launcher.database(stack.database(), s.schema()).kafka(stack.kafka().bootstrapServers());
        }
        return launcher.env(env).jvmArgs(jvm).workDir(settings.dataDir()).log(log);
    }

    /** The previous run's log becomes {@code <name>.log.1}. */
    private static void rotate(Path log) {
        try {
            OwnerOnly.directory(log.getParent());
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + log, e);
        }
    }

    /**
     * The community service's resident data key (AES-256, base64): generated once into
     * {@code <data-dir>/community/resident.key} (owner read/write only), the file the service itself
     * would use, and passed to it as {@code WUSHE_COMMUNITY_RESIDENT_KEY}. {@code --wipe} removes it with
     * the data it protects.
     */
    public static String residentKey(Path dataDir) {
        return secret(dataDir.resolve("community").resolve("resident.key"), 32, Base64.getEncoder());
    }

    /** The client the sample loader and the operator scripts get their {@code hub_admin} tokens with. */
    public static final String LOADER_CLIENT = "hub-operator";

    /** The token issuer every service trusts: the hub's auth-service. */
    public String issuer() {
        return baseUrl(HubService.AUTH);
    }

    /** The first admin's password: {@code WUSHE_AUTH_ADMIN_PASSWORD}, or made once into {@code <data-dir>/auth/admin.password}. */
    public String adminPassword() {
        String given = System.getenv("WUSHE_AUTH_ADMIN_PASSWORD");
        return given != null && !given.isBlank()
                ? given
                : secret(
                        settings.dataDir().resolve("auth").resolve("admin.password"),
                        12,
                        Base64.getUrlEncoder().withoutPadding());
    }

    /** The operator client's secret, made once into {@code <data-dir>/auth/operator.secret}. */
    public String loaderSecret() {
        return secret(
                settings.dataDir().resolve("auth").resolve("operator.secret"),
                24,
                Base64.getUrlEncoder().withoutPadding());
    }

    /** The portal's client secret at the issuer, made once into {@code <data-dir>/auth/portal.secret}. */
    public String portalSecret() {
        return secret(
                settings.dataDir().resolve("auth").resolve("portal.secret"),
                24,
                Base64.getUrlEncoder().withoutPadding());
    }

    private volatile String operatorToken;
    private volatile long operatorTokenUntil;

    /** A {@code hub_admin} token of the operator client (client credentials), renewed every half hour. */
    public String operatorToken() {
        if (operatorToken == null || System.nanoTime() > operatorTokenUntil) {
            synchronized (this) {
                if (operatorToken == null || System.nanoTime() > operatorTokenUntil) {
                    operatorToken = new org.wushe.hub.stack.OidcClient(issuer())
                            .clientCredentials(LOADER_CLIENT, loaderSecret());
                    operatorTokenUntil =
                            System.nanoTime() + Duration.ofMinutes(30).toNanos();
                }
            }
        }
        return operatorToken;
    }

    /** A random secret of {@code bytes} bytes, made once into {@code file} (owner read/write only). */
    static String secret(Path file, int bytes, Base64.Encoder encoder) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            OwnerOnly.directory(file.getParent());
            byte[] b = new byte[bytes];
            new SecureRandom().nextBytes(b);
            String encoded = encoder.encodeToString(b);
            try {
                if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.createFile(
                            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } else {
                    Files.createFile(file);
                }
            } catch (FileAlreadyExistsException raced) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            Files.writeString(file, encoded + "\n", StandardCharsets.US_ASCII);
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    public LocalStack stack() {
        return stack;
    }

    public Settings settings() {
        return settings;
    }

    public LaunchedService service(HubService s) {
        return services.get(s);
    }

    public String baseUrl(HubService s) {
        return "http://127.0.0.1:" + settings.port(s);
    }

    /** Every service started so far, in {@link HubService} order. */
    public List<LaunchedService> services() {
        synchronized (services) {
            return List.copyOf(services.values());
        }
    }

    /** Stops the services (together, gracefully), then the stack. */
    @Override
    public synchronized void close() {
        closing = true;
        Thread archiving = archiver;
        if (archiving != null) {
            archiving.interrupt();
        }
        List<LaunchedService> all = new ArrayList<>(services());
        LaunchedService training = trainingRun;
        if (training != null) {
            all.add(training);
        }
        LaunchedService.stopAll(all, STOP_GRACE);
        services.clear();
        if (stack != null) {
            stack.close();
            stack = null;
        }
        if (mail != null) {
            mail.close();
            mail = null;
        }
    }

    /**
     * notification-service's mail settings: the hub's SMTP server, or none (its e-mail deliveries are then skipped
     * with that reason) when it is not running.
     */
    static Map<String, String> mailEnvironment(LocalMail mail) {
        return mail == null ? Map.of() : mail.environment();
    }
}
