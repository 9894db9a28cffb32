package org.wushe.hub.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The portal (services/portal) as the production overlay renders it: the Deployment runs it as its application.yml
 * expects, its actuator on a management port of its own, locked down like the services; its ConfigMap relays every
 * service of its application.yml to that service's ClusterIP Service and names the issuer the services trust; and the
 * hub's only Ingress sends people to the portal alone, over TLS, with the settings its station streams (SSE) and its
 * in-memory sessions need.
 */
class PortalTest {

    private static final List<Manifest> PRODUCTION = Kustomize.render(Repo.K8S.resolve("overlays/production"));
    private static final List<Manifest> SECRET_TEMPLATES = Kustomize.render(Repo.K8S.resolve("secrets"));
    private static final String NAME = "portal";
    private static final JsonNode YML = Repo.readYaml(
                    Repo.ROOT.resolve("services/portal/src/main/resources/application.yml"))
            .get(0)
            .node();
    private static final String NGINX = "nginx.ingress.kubernetes.io/";

    @Test
    void theDeploymentRunsThePortalAsItsSettingsExpect() {
        Manifest deployment = find("Deployment", NAME);
        JsonNode container = container(deployment);
        JsonNode config = configMap();
        int port = YML.path("server").path("port").asInt();
        int management = Integer.parseInt(config.path("MANAGEMENT_SERVER_PORT").asString("0"));

        assertThat(container.path("image").asString()).isEqualTo("ghcr.io/wushe-hub/portal:0.1.0");
        assertThat(config.path("SERVER_PORT").asString()).isEqualTo(String.valueOf(port));
        assertThat(management)
                .as("the actuator on a port of its own")
                .isPositive()
                .isNotEqualTo(port);
        assertThat(containerPort(container, "http")).isEqualTo(port);
        assertThat(containerPort(container, "management")).isEqualTo(management);
        Pods.assertWatchedThroughTheActuator(deployment, container, YML, "management", management);
        assertThat(container
                        .path("lifecycle")
                        .path("preStop")
                        .path("sleep")
                        .path("seconds")
                        .asInt())
                .isPositive();
        assertThat(config.path("JAVA_TOOL_OPTIONS").asString())
                .contains("-XX:MaxRAMPercentage=")
                .doesNotContain("-Xmx");
        JsonNode spread = deployment
                .spec()
                .path("template")
                .path("spec")
                .path("topologySpreadConstraints")
                .get(0);
        assertThat(spread.path("topologyKey").asString()).isEqualTo("kubernetes.io/hostname");
        assertThat(Pods.selects(spread.path("labelSelector").path("matchLabels"), podLabels(deployment)))
                .isTrue();
    }

    @Test
    void thePodIsLockedDownWithOnlyTmpWritableAndItsSecretRequired() {
        Manifest deployment = find("Deployment", NAME);
        JsonNode pod = deployment.spec().path("template").path("spec");
        JsonNode container = container(deployment);
        Pods.assertLockedDownWithOnlyTmpWritable(pod);
        assertThat(pod.path("securityContext").path("runAsUser").asInt()).isEqualTo(10001);
        assertThat(pod.path("securityContext")
                        .path("seccompProfile")
                        .path("type")
                        .asString())
                .isEqualTo("RuntimeDefault");
        List<String> mounts = new ArrayList<>();
        container
                .path("volumeMounts")
                .forEach(m -> mounts.add(m.path("mountPath").asString()));
        assertThat(mounts).as("nothing but /tmp is mounted").containsExactly("/tmp");

        // Everything it refers to exists: its ConfigMap in the render, its Secret among the templates.
        Set<String> configMaps = Pods.names(PRODUCTION, "ConfigMap");
        Set<String> secrets = Pods.names(SECRET_TEMPLATES, "Secret");
        for (JsonNode from : container.path("envFrom")) {
            if (from.has("configMapRef")) {
                assertThat(configMaps)
                        .contains(from.path("configMapRef").path("name").asString());
            }
            if (from.has("secretRef")) {
                assertThat(secrets).contains(from.path("secretRef").path("name").asString());
            }
        }
        // The client secret: required (the portal refuses to start without it), from the template's key.
        JsonNode secret = null;
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asString().equals("WUSHE_PORTAL_CLIENT_SECRET")) {
                secret = env.path("valueFrom").path("secretKeyRef");
            }
        }
        assertThat(secret).as("WUSHE_PORTAL_CLIENT_SECRET from a Secret").isNotNull();
        String secretName = secret.path("name").asString();
        assertThat(secret.path("optional").asBoolean(false)).isFalse();
        String key = secret.path("key").asString();
        assertThat(SECRET_TEMPLATES.stream()
                        .filter(m -> m.is("Secret", secretName))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no Secret template " + secretName))
                        .node()
                        .path("stringData")
                        .has(key))
                .isTrue();
        assertThat(configMap().has("WUSHE_PORTAL_CLIENT_SECRET"))
                .as("no secret in the ConfigMap")
                .isFalse();
    }

    @Test
    void itRelaysEveryServiceToItsClusterIpServiceAndTrustsTheServicesIssuer() {
        JsonNode config = configMap();
        Set<String> relayed = new TreeSet<>();
        YML.path("wushe").path("portal").path("services").propertyNames().forEach(relayed::add);
        assertThat(relayed).isNotEmpty();
        Set<String> keys = new TreeSet<>();
        config.propertyNames().forEach(k -> {
            if (k.startsWith("WUSHE_PORTAL_SERVICES_")) {
                keys.add(k);
            }
        });
        Set<String> expected = new TreeSet<>();
        relayed.forEach(r -> expected.add("WUSHE_PORTAL_SERVICES_" + r.toUpperCase(Locale.ROOT)));
        assertThat(keys).as("one address per service of application.yml").isEqualTo(expected);

        Set<String> reached = new HashSet<>();
        for (String key : keys) {
            String url = config.path(key).asString();
            Matcher m = Pattern.compile("http://([a-z0-9-]+)(?::(\\d+))?").matcher(url);
            assertThat(m.matches())
                    .as(key + " = " + url + ": a Service in namespace wushe")
                    .isTrue();
            int port = m.group(2) == null ? 80 : Integer.parseInt(m.group(2));
            Manifest service = find("Service", m.group(1));
            boolean hasPort = false;
            for (JsonNode p : service.spec().path("ports")) {
                hasPort |= p.path("port").asInt() == port
                        && p.path("targetPort").asString().equals("http");
            }
            assertThat(hasPort)
                    .as(key + ": Service " + service.name() + " port " + port + " → http")
                    .isTrue();
            for (Repo.Service s : Repo.Service.values()) {
                if (Pods.selects(service.spec().path("selector"), podLabels(find("Deployment", s.id)))) {
                    reached.add(s.id);
                }
            }
        }
        Set<String> all = new TreeSet<>();
        for (Repo.Service s : Repo.Service.values()) {
            all.add(s.id);
        }
        assertThat(reached).as("every service is relayed to").isEqualTo(all);

        // People sign in where the services' tokens come from.
        String issuer = config.path("WUSHE_PORTAL_ISSUER").asString();
        assertThat(issuer).startsWith("https://");
        for (Repo.Service s : Repo.Service.values()) {
            assertThat(find("ConfigMap", s.id + "-config")
                            .node()
                            .path("data")
                            .path("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI")
                            .asString())
                    .as(s.id + " trusts the portal's issuer")
                    .isEqualTo(issuer);
        }
        assertThat(config.path("WUSHE_PORTAL_CLIENT_ID").asString()).isNotBlank();
        // auth-service is the embedded hub's issuer: production signs in at the town's issuer, so it is not here.
        assertThat(PRODUCTION.stream().filter(m -> m.name().startsWith("auth-service")))
                .isEmpty();
    }

    @Test
    void theServiceAndTheBudgetFindThePodsAndNoAutoscalerMovesSessions() {
        Manifest deployment = find("Deployment", NAME);
        JsonNode pods = podLabels(deployment);
        assertThat(Pods.selects(deployment.spec().path("selector").path("matchLabels"), pods))
                .isTrue();
        Manifest service = find("Service", NAME);
        assertThat(Pods.selects(service.spec().path("selector"), pods)).isTrue();
        Manifest pdb = find("PodDisruptionBudget", NAME);
        assertThat(Pods.selects(pdb.spec().path("selector").path("matchLabels"), pods))
                .isTrue();
        int replicas = deployment.spec().path("replicas").asInt();
        assertThat(replicas).as("more than one pod in production").isGreaterThanOrEqualTo(2);
        assertThat(pdb.spec().path("minAvailable").asInt()).isPositive().isLessThan(replicas);
        // Sessions live in each pod's memory: an autoscaler scaling down would sign people out.
        assertThat(PRODUCTION.stream()
                        .filter(m -> m.kind().equals("HorizontalPodAutoscaler")
                                && m.spec()
                                        .path("scaleTargetRef")
                                        .path("name")
                                        .asString()
                                        .equals(NAME)))
                .isEmpty();
    }

    @Test
    void theOnlyIngressSendsPeopleToThePortalAloneOverTls() {
        List<Manifest> ingresses =
                PRODUCTION.stream().filter(m -> m.kind().equals("Ingress")).toList();
        assertThat(ingresses).as("the hub's Ingresses").hasSize(1);
        Manifest ingress = ingresses.get(0);
        JsonNode spec = ingress.spec();
        assertThat(spec.path("ingressClassName").asString()).isEqualTo("nginx");

        List<JsonNode> backends = spec.findValues("service");
        assertThat(backends).isNotEmpty();
        for (JsonNode backend : backends) {
            assertThat(backend.path("name").asString()).isEqualTo(NAME);
            assertThat(backend.path("port").path("name").asString())
                    .as("the pages' and the relay's port, not the management port")
                    .isEqualTo("http");
        }
        Set<String> hosts = new TreeSet<>();
        for (JsonNode rule : spec.path("rules")) {
            assertThat(rule.path("host").asString())
                    .as("every rule names its host")
                    .isNotBlank();
            hosts.add(rule.path("host").asString());
            for (JsonNode path : rule.path("http").path("paths")) {
                assertThat(path.path("path").asString()).isEqualTo("/");
                assertThat(path.path("pathType").asString()).isEqualTo("Prefix");
            }
        }
        Set<String> tlsHosts = new TreeSet<>();
        for (JsonNode tls : spec.path("tls")) {
            tls.path("hosts").forEach(h -> tlsHosts.add(h.asString()));
            String secret = tls.path("secretName").asString();
            assertThat(SECRET_TEMPLATES.stream()
                            .filter(m -> m.is("Secret", secret))
                            .map(m -> m.node().path("type").asString()))
                    .as("the certificate's Secret " + secret)
                    .containsExactly("kubernetes.io/tls");
        }
        assertThat(tlsHosts).as("every host over TLS").isEqualTo(hosts);
        JsonNode annotations = ingress.node().path("metadata").path("annotations");
        assertThat(annotations.path(NGINX + "force-ssl-redirect").asString()).isEqualTo("true");
        assertThat(annotations.path(NGINX + "ssl-redirect").asString("true")).isEqualTo("true");

        // The portal's public address is the Ingress's host: its e-mails' links (notification-service) lead there.
        assertThat(hosts).hasSize(1);
        assertThat(find("ConfigMap", "notification-service-config")
                        .node()
                        .path("data")
                        .path("WUSHE_NOTIFICATION_PORTAL_URL")
                        .asString())
                .isEqualTo("https://" + hosts.iterator().next());
    }

    @Test
    void theIngressPassesTheStationStreamsAndUploadsThroughAndKeepsEachPersonOnTheirPod() throws IOException {
        Manifest ingress = find("Ingress", NAME);
        JsonNode annotations = ingress.node().path("metadata").path("annotations");
        for (Map.Entry<String, JsonNode> e : annotations.properties()) {
            assertThat(e.getValue().isString()).as(e.getKey() + " is a string").isTrue();
        }
        // Server-Sent Events: every event as it comes, and a stream open as long as matching-service keeps it.
        assertThat(annotations.path(NGINX + "proxy-buffering").asString()).isEqualTo("off");
        String streams = Files.readString(Repo.ROOT.resolve(
                "services/matching-service/src/main/java/org/wushe/hub/matching/push/StationStreams.java"));
        Matcher timeout = Pattern.compile("STREAM_TIMEOUT = Duration\\.of(Seconds|Minutes|Hours)\\((\\d+)\\)")
                .matcher(streams);
        assertThat(timeout.find()).as("matching-service's STREAM_TIMEOUT").isTrue();
        long streamSeconds = Long.parseLong(timeout.group(2))
                * switch (timeout.group(1)) {
                    case "Hours" -> 3600;
                    case "Minutes" -> 60;
                    default -> 1;
                };
        for (String t : List.of("proxy-read-timeout", "proxy-send-timeout")) {
            assertThat(Long.parseLong(annotations.path(NGINX + t).asString("60")))
                    .as(t + " (s) outlasts a station stream of " + streamSeconds + " s")
                    .isGreaterThanOrEqualTo(streamSeconds);
        }
        // Need lists are uploaded through the portal: nginx takes at least what the portal takes.
        long portalMax = bytes(YML.path("spring")
                .path("servlet")
                .path("multipart")
                .path("max-request-size")
                .asString("1MB"));
        assertThat(bytes(annotations.path(NGINX + "proxy-body-size").asString("1m")))
                .as("proxy-body-size")
                .isGreaterThanOrEqualTo(portalMax);

        // Sessions: kept in each pod's memory unless the portal stores them elsewhere (Spring Session), so with more
        // than one pod a browser must keep reaching the pod that signed it in.
        String pom = Files.readString(Repo.ROOT.resolve("services/portal/pom.xml"));
        boolean inMemory = !pom.contains("spring-session");
        int replicas = find("Deployment", NAME).spec().path("replicas").asInt();
        if (inMemory && replicas > 1) {
            assertThat(annotations.path(NGINX + "affinity").asString()).isEqualTo("cookie");
            assertThat(annotations.path(NGINX + "affinity-mode").asString())
                    .as("scaling moves nobody's pod")
                    .isEqualTo("persistent");
            assertThat(annotations.path(NGINX + "session-cookie-secure").asString())
                    .isEqualTo("true");
            String cookie = annotations.path(NGINX + "session-cookie-name").asString("INGRESSCOOKIE");
            assertThat(cookie)
                    .as("the route cookie is not the portal's session cookie")
                    .isNotEqualTo(YML.path("server")
                            .path("servlet")
                            .path("session")
                            .path("cookie")
                            .path("name")
                            .asString());
            // The sign-in's way back from the issuer is a cross-site top-level GET: a Lax (or laxer) cookie comes
            // along.
            assertThat(annotations.path(NGINX + "session-cookie-samesite").asString("Lax"))
                    .isIn("Lax", "None");
        }
    }

    /** nginx's sizes (k, m, g) and Spring's DataSize (KB, MB, GB), in bytes: both count in 1024s. */
    static long bytes(String size) {
        Matcher m = Pattern.compile("(?i)(\\d+)\\s*([kmg]?)b?").matcher(size.trim());
        assertThat(m.matches()).as("a size: " + size).isTrue();
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> n << 10;
            case "m" -> n << 20;
            case "g" -> n << 30;
            default -> n;
        };
    }

    private static int containerPort(JsonNode container, String name) {
        for (JsonNode p : container.path("ports")) {
            if (p.path("name").asString().equals(name)) {
                return p.path("containerPort").asInt();
            }
        }
        throw new AssertionError("no container port " + name);
    }

    private static JsonNode container(Manifest deployment) {
        JsonNode containers = deployment.spec().path("template").path("spec").path("containers");
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    private static JsonNode configMap() {
        return find("ConfigMap", NAME + "-config").node().path("data");
    }

    private static JsonNode podLabels(Manifest deployment) {
        return deployment.spec().path("template").path("metadata").path("labels");
    }

    private static Manifest find(String kind, String name) {
        return PRODUCTION.stream()
                .filter(m -> m.is(kind, name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in overlays/production"));
    }
}
