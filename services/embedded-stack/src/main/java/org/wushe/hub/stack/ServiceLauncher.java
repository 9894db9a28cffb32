package org.wushe.hub.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Starts a service of the hub from its Spring Boot exec jar as a child JVM, pointed at Kafka and
 * PostgreSQL the way production points it: by environment ({@code SERVER_PORT},
 * {@code SPRING_DATASOURCE_URL} with the service's schema, {@code SPRING_KAFKA_BOOTSTRAP_SERVERS},
 * {@code SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS}). Used by {@code deploy/local/start} (its {@code Hub}) and
 * by the tests' {@code ServiceProcess}, so both run services exactly the same way.
 *
 * <p>The child never outlives its parent: {@link ParentWatch} makes it exit when the parent is gone
 * (even after SIGKILL), and {@link LaunchedService#stop} stops it gracefully first, then by force.
 *
 * <pre>{@code
 * LaunchedService community = ServiceLauncher.forJar(jar)
 *         .port(8081)
 *         .database(stack.database(), "community")
 *         .kafka("127.0.0.1:9092")
 *         .env("WUSHE_COMMUNITY_RESIDENT_KEY", key)
 *         .log(Path.of(".local-data/logs/community-service.log"))
 *         .launch();
 * community.awaitHealthy(Duration.ofSeconds(120));
 * }</pre>
 */
public final class ServiceLauncher {

    private final Path jar;
    private String name;
    private int port = -1;
    private String jdbcUrl;
    private String schema;
    private String password;
    private String bootstrapServers;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private Path log;
    private Path workDir;
    private Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private long parentPid = ProcessHandle.current().pid();

    private ServiceLauncher(Path jar) {
        this.jar = jar;
        this.name = serviceName(jar);
    }

    /** A service from its exec jar, e.g. {@code services/community-service/target/community-service-0.1.0-SNAPSHOT-exec.jar}. */
    public static ServiceLauncher forJar(Path execJar) {
        return new ServiceLauncher(Objects.requireNonNull(execJar, "execJar"));
    }

    /** The name in messages; by default from the jar, e.g. {@code community-service}. */
    public ServiceLauncher name(String serviceName) {
        this.name = serviceName;
        return this;
    }

    /** The HTTP port; 0 for any (a run that serves nothing, such as a training run). */
    public ServiceLauncher port(int httpPort) {
        this.port = httpPort;
        return this;
    }

    /** The local stack's database and the service's schema in it (the service connects with its password). */
    public ServiceLauncher database(EmbeddedDatabase database, String serviceSchema) {
        return database(database.jdbcUrl(), serviceSchema, database.password());
    }

    /**
     * The database ({@code jdbc:postgresql://host:port/db}), the service's schema in it, and the password
     * of {@link EmbeddedDatabase#USER} (the database asks every connection for it).
     */
    public ServiceLauncher database(String databaseJdbcUrl, String serviceSchema, String password) {
        this.jdbcUrl = databaseJdbcUrl;
        this.schema = serviceSchema;
        this.password = Objects.requireNonNull(password, "password");
        return this;
    }

    public ServiceLauncher kafka(String servers) {
        this.bootstrapServers = servers;
        return this;
    }

    /** An environment variable for the child; overrides the ones this launcher sets. */
    public ServiceLauncher env(String key, String value) {
        env.put(key, value);
        return this;
    }

    public ServiceLauncher env(Map<String, String> values) {
        env.putAll(values);
        return this;
    }

    /** JVM options, in order (a later {@code -Xmx} wins). */
    public ServiceLauncher jvmArgs(List<String> options) {
        jvmArgs.addAll(options);
        return this;
    }

    public ServiceLauncher jvmArg(String option) {
        jvmArgs.add(option);
        return this;
    }

    /** Program arguments, e.g. {@code --wushe.community.maintenance-interval=PT1H}. */
    public ServiceLauncher args(List<String> programArgs) {
        args.addAll(programArgs);
        return this;
    }

    /** Where the child's stdout and stderr go (truncated at start). Default: {@code <name>.log} in the working directory. */
    public ServiceLauncher log(Path file) {
        this.log = file;
        return this;
    }

    /** The child's working directory. Default: the parent's. */
    public ServiceLauncher workDir(Path dir) {
        this.workDir = dir;
        return this;
    }

    /** The {@code java} to run; default: the one running this JVM. */
    public ServiceLauncher java(Path javaExecutable) {
        this.java = javaExecutable;
        return this;
    }

    /** The process the child must not outlive; default: this JVM. */
    public ServiceLauncher parentPid(long pid) {
        this.parentPid = pid;
        return this;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** The command line the child is started with. */
    public List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("-javaagent:" + ParentWatch.agentJar() + "=" + parentPid);
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.addAll(args);
        return command;
    }

    /** The child's environment: the parent's, without settings that would point it elsewhere, plus the stack's. */
    public Map<String, String> environment(Map<String, String> inherited) {
        Map<String, String> e = new LinkedHashMap<>(inherited);
        e.keySet()
                .removeIf(k -> k.startsWith("SPRING_")
                        || k.startsWith("WUSHE_")
                        || k.equals("SERVER_PORT")
                        || k.equals("SERVER_ADDRESS")
                        || k.equals("JAVA_TOOL_OPTIONS")
                        || k.equals("JDK_JAVA_OPTIONS")
                        || k.equals("_JAVA_OPTIONS"));
        if (port >= 0) {
            e.put("SERVER_PORT", Integer.toString(port));
        }
        if (jdbcUrl != null) {
            e.put("SPRING_DATASOURCE_URL", jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            e.put("SPRING_DATASOURCE_USERNAME", EmbeddedDatabase.USER);
            e.put("SPRING_DATASOURCE_PASSWORD", password);
            e.put("SPRING_FLYWAY_SCHEMAS", schema);
        }
        if (bootstrapServers != null) {
            e.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
            e.put("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", bootstrapServers);
        }
        e.putAll(env);
        return e;
    }

    /** Starts the child and returns at once; {@link LaunchedService#awaitHealthy} waits for it. */
    public LaunchedService launch() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No exec jar at " + jar.toAbsolutePath() + ": build it first, e.g. "
                    + "./mvnw -pl services/" + name + " -am install -DskipTests");
        }
        if (port < 0) {
            throw new IllegalStateException(name + ": no port given");
        }
        Path dir = workDir != null ? workDir : Path.of("").toAbsolutePath();
        Path logFile = log != null ? log : dir.resolve(name + ".log");
        try {
            Files.createDirectories(dir);
            Files.createDirectories(logFile.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = command();
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        Map<String, String> childEnv = environment(pb.environment());
        pb.environment().clear();
        pb.environment().putAll(childEnv);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + String.join(" ", command), e);
        }
        return LaunchedService.register(name, process, port, logFile);
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** community-service-0.1.0-SNAPSHOT-exec.jar → community-service. */
    public static String serviceName(Path jar) {
        String file = jar.getFileName().toString().replaceFirst("\\.jar$", "").replaceFirst("-exec$", "");
        return file.replaceFirst("-\\d+(\\.\\d+)*(-SNAPSHOT)?$", "");
    }
}
