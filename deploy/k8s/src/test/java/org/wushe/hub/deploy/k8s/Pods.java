package org.wushe.hub.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** What every pod of the hub (the services' and the portal's) is held to, for ServicesTest and PortalTest. */
final class Pods {

    private Pods() {}

    /**
     * The application's actuator serves the probes and Prometheus (its application.yml says so), the kubelet probes
     * liveness and readiness on {@code probePort}, the prometheus.io annotations name {@code metricsPort}, and the
     * container has requests and limits of CPU and memory.
     */
    static void assertWatchedThroughTheActuator(
            Manifest deployment, JsonNode container, JsonNode applicationYml, String probePort, int metricsPort) {
        JsonNode management = applicationYml.path("management");
        assertThat(management
                        .path("endpoint")
                        .path("health")
                        .path("probes")
                        .path("enabled")
                        .asBoolean())
                .isTrue();
        assertThat(management
                        .path("endpoints")
                        .path("web")
                        .path("exposure")
                        .path("include")
                        .asString())
                .contains("health")
                .contains("prometheus");
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            JsonNode get = container.path(probe).path("httpGet");
            assertThat(get.path("port").asString()).as(probe).isEqualTo(probePort);
            assertThat(get.path("path").asString())
                    .as(probe)
                    .isEqualTo(
                            probe.equals("readinessProbe")
                                    ? "/actuator/health/readiness"
                                    : "/actuator/health/liveness");
        }
        JsonNode annotations =
                deployment.spec().path("template").path("metadata").path("annotations");
        assertThat(annotations.path("prometheus.io/scrape").asString()).isEqualTo("true");
        assertThat(annotations.path("prometheus.io/path").asString()).isEqualTo("/actuator/prometheus");
        assertThat(annotations.path("prometheus.io/port").asString()).isEqualTo(String.valueOf(metricsPort));

        for (String kind : List.of("requests", "limits")) {
            assertThat(container.path("resources").path(kind).has("cpu"))
                    .as(kind + ".cpu")
                    .isTrue();
            assertThat(container.path("resources").path(kind).has("memory"))
                    .as(kind + ".memory")
                    .isTrue();
        }
    }

    /** Non-root, no service-account token, read-only root filesystem, no privilege, no capability; /tmp an emptyDir. */
    static void assertLockedDownWithOnlyTmpWritable(JsonNode pod) {
        JsonNode container = pod.path("containers").get(0);
        assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
        JsonNode sc = container.path("securityContext");
        assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(sc.path("capabilities").path("drop").toString()).contains("\"ALL\"");
        String tmpVolume = null;
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("mountPath").asString().equals("/tmp")) {
                tmpVolume = mount.path("name").asString();
            }
        }
        assertThat(tmpVolume).as("/tmp is mounted").isNotNull();
        boolean emptyDir = false;
        for (JsonNode volume : pod.path("volumes")) {
            if (volume.path("name").asString().equals(tmpVolume)) {
                emptyDir = volume.has("emptyDir");
            }
        }
        assertThat(emptyDir).as("/tmp is an emptyDir").isTrue();
    }

    /** Whether a (non-empty) label selector's matchLabels-style map selects these labels. */
    static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> e : selector.properties()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    static Set<String> names(List<Manifest> docs, String kind) {
        Set<String> names = new HashSet<>();
        docs.stream().filter(m -> m.kind().equals(kind)).forEach(m -> names.add(m.name()));
        return names;
    }
}
