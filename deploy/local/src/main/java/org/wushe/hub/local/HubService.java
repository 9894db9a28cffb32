package org.wushe.hub.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The processes of the hub: the token issuer, the seven services and the portal, as {@code deploy/local/start} runs them: module, database schema (and
 * outbox connector), default port, the environment variable that moves the port, and the heap.
 *
 * <p>Heaps: the sample town needs far less, but each service should have room for a real town's
 * working set; with these the whole hub (stack JVM included) stays well under 6 GiB of RSS — see the
 * README for what was measured.
 */
public enum HubService {

    /** The token issuer (OAuth2 / OIDC): first, so the others' first requests find it. */
    AUTH("auth-service", "auth", 9000, 160),
    MATCHING("matching-service", "matching", 8080, 384),
    COMMUNITY("community-service", "community", 8081, 320),
    ORGANIZATION("organization-service", "organization", 8082, 192),
    SOCIAL_WORKER("social-worker-service", "socialworker", 8083, 192),
    VOLUNTEER("volunteer-service", "volunteer", 8084, 256),
    RESOURCE("resource-service", "resource", 8085, 256),
    /** The notification outbox (in-app inbox, e-mail): reads the matching and volunteer events, publishes none. */
    NOTIFICATION("notification-service", "notification", 8086, 160),
    /** The front door: a gateway that signs people in and relays their tokens to the services. No database of its own. */
    PORTAL("portal", null, 8090, 160);

    private final String module;
    private final String schema;
    private final int defaultPort;
    private final int heapMb;

    HubService(String module, String schema, int defaultPort, int heapMb) {
        this.module = module;
        this.schema = schema;
        this.defaultPort = defaultPort;
        this.heapMb = heapMb;
    }

    /** e.g. {@code community-service}: the directory under {@code services/} and the jar's name. */
    public String module() {
        return module;
    }

    /** The service's database schema; null for the portal, which keeps nothing. */
    public String schema() {
        return schema;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** e.g. {@code WUSHE_COMMUNITY_PORT}, {@code WUSHE_SOCIAL_WORKER_PORT}. */
    public String portVariable() {
        return "WUSHE_" + name() + "_PORT";
    }

    public int heapMb() {
        return heapMb;
    }

    /** The exec jar in a built tree: the newest {@code services/<module>/target/<module>-*-exec.jar} under {@code root}. */
    public Optional<Path> execJar(Path root) {
        Path target = root.resolve("services").resolve(module).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> {
                        String f = p.getFileName().toString();
                        return f.startsWith(module + "-") && f.endsWith("-exec.jar");
                    })
                    .max(Comparator.comparing(p -> p.toFile().lastModified()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** By module name, e.g. {@code community-service}. */
    public static HubService ofModule(String module) {
        for (HubService s : values()) {
            if (s.module.equals(module)) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "no service " + module + "; the services are matching-service, community-service, "
                        + "organization-service, social-worker-service, volunteer-service, resource-service, notification-service, "
                        + "auth-service, portal");
    }
}
