package org.wushe.hub.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The seven services as the production overlay renders them: each Deployment runs its service the way its
 * application.yml expects (port, actuator probes, settings from the environment), safely (non-root, read-only root
 * filesystem), with everything it refers to present; the Service, the autoscaler and the disruption budget find its
 * pods; matching-service runs a fixed two replicas that share the need partitions.
 */
class ServicesTest {

    private static final List<Manifest> PRODUCTION = Kustomize.render(Repo.K8S.resolve("overlays/production"));
    private static final List<Manifest> SECRET_TEMPLATES = Kustomize.render(Repo.K8S.resolve("secrets"));
    private static final Set<String> REQUIRED_ENV = Set.of(
            "SPRING_DATASOURCE_URL",
            "SPRING_KAFKA_BOOTSTRAP_SERVERS",
            "SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS",
            "SPRING_KAFKA_SECURITY_PROTOCOL",
            "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM",
            "SPRING_KAFKA_SSL_TRUST_STORE_TYPE",
            "SPRING_KAFKA_SSL_TRUST_STORE_LOCATION",
            "WUSHE_TOPICS_PROVISION",
            "JAVA_TOOL_OPTIONS",
            "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI");

    @ParameterizedTest
    @EnumSource(Repo.Service.class)
    void theDeploymentRunsTheServiceAsItsSettingsExpect(Repo.Service service) {
        Manifest deployment = find("Deployment", service.id);
        JsonNode pod = deployment.spec().path("template").path("spec");
        assertThat(pod.path("containers")).hasSize(1);
        JsonNode container = pod.path("containers").get(0);
        JsonNode yml = service.applicationYml();
        int port = yml.path("server").path("port").asInt();

        assertThat(container.path("image").asString()).isEqualTo("ghcr.io/wushe-hub/" + service.id + ":0.1.0");
        assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(port);
        assertThat(container.path("ports").get(0).path("name").asString()).isEqualTo("http");
        Pods.assertWatchedThroughTheActuator(deployment, container, yml, "http", port);

        JsonNode config = find("ConfigMap", service.id + "-config").node().path("data");
        Set<String> keys = new HashSet<>();
        config.propertyNames().forEach(keys::add);
        assertThat(keys).containsAll(REQUIRED_ENV);
        assertThat(config.path("SERVER_PORT").asString()).isEqualTo(String.valueOf(port));
        assertThat(config.path("WUSHE_TOPICS_PROVISION").asString()).isEqualTo("false");
        assertThat(config.path("SPRING_KAFKA_BOOTSTRAP_SERVERS").asString())
                .isEqualTo(
                        config.path("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS").asString());
        assertThat(config.path("JAVA_TOOL_OPTIONS").asString())
                .contains("-XX:MaxRAMPercentage=")
                .doesNotContain("-Xmx");
        assertThat(config.path("SPRING_KAFKA_SSL_TRUST_STORE_LOCATION").asString())
                .isEqualTo("file:/etc/wushe/kafka-ca/ca.crt");

        Manifest kafka = find("Kafka", "wushe-kafka");
        JsonNode listener = kafka.spec().path("kafka").path("listeners").get(0);
        assertThat(config.path("SPRING_KAFKA_BOOTSTRAP_SERVERS").asString())
                .isEqualTo(kafka.name() + "-kafka-bootstrap:"
                        + listener.path("port").asInt());
        assertThat(config.path("SPRING_KAFKA_SECURITY_PROTOCOL").asString()).isEqualTo("SASL_SSL");
        assertThat(config.path("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM").asString())
                .isEqualTo("SCRAM-SHA-512");

        // The database over TLS, its certificate and host name verified against the CA mounted from wushe-postgres-ca.
        String url = config.path("SPRING_DATASOURCE_URL").asString();
        assertThat(url)
                .as(service.id + " SPRING_DATASOURCE_URL")
                .contains("&sslmode=verify-full")
                .contains("&sslrootcert=");
        String rootCert = url.replaceAll(".*[?&]sslrootcert=([^&]+).*", "$1");
        String caVolume = null;
        for (JsonNode mount : container.path("volumeMounts")) {
            if (rootCert.startsWith(mount.path("mountPath").asString() + "/")) {
                caVolume = mount.path("name").asString();
            }
        }
        assertThat(caVolume).as(rootCert + " is in a mounted volume").isNotNull();
        String caSecret = null;
        for (JsonNode volume : pod.path("volumes")) {
            if (volume.path("name").asString().equals(caVolume)) {
                caSecret = volume.path("secret").path("secretName").asString();
            }
        }
        assertThat(caSecret).isEqualTo("wushe-postgres-ca");

        // The JAAS line is the KafkaUser's, from the Secret the User Operator writes under the user's name.
        JsonNode jaas = env(container, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
        assertThat(jaas.path("valueFrom").path("secretKeyRef").path("name").asString())
                .isEqualTo(service.id);
        assertThat(jaas.path("valueFrom").path("secretKeyRef").path("key").asString())
                .isEqualTo("sasl.jaas.config");
        find("KafkaUser", service.id);
    }

    @ParameterizedTest
    @EnumSource(Repo.Service.class)
    void thePodIsLockedDownWithOnlyTmpWritable(Repo.Service service) {
        Pods.assertLockedDownWithOnlyTmpWritable(
                find("Deployment", service.id).spec().path("template").path("spec"));
    }

    @ParameterizedTest
    @EnumSource(Repo.Service.class)
    void everythingThePodRefersToExists(Repo.Service service) {
        JsonNode pod = find("Deployment", service.id).spec().path("template").path("spec");
        Set<String> configMaps = Pods.names(PRODUCTION, "ConfigMap");
        Set<String> secrets = Pods.names(SECRET_TEMPLATES, "Secret");
        // Written by the Strimzi operators: one Secret per KafkaUser, and the cluster CA certificate.
        secrets.addAll(Pods.names(PRODUCTION, "KafkaUser"));
        secrets.add(find("Kafka", "wushe-kafka").name() + "-cluster-ca-cert");
        List<String> missing = new ArrayList<>();
        JsonNode container = pod.path("containers").get(0);
        for (JsonNode from : container.path("envFrom")) {
            check(from.path("configMapRef").path("name").asString(null), configMaps, missing);
            check(from.path("secretRef").path("name").asString(null), secrets, missing);
        }
        for (JsonNode env : container.path("env")) {
            check(env.path("valueFrom").path("secretKeyRef").path("name").asString(null), secrets, missing);
            check(env.path("valueFrom").path("configMapKeyRef").path("name").asString(null), configMaps, missing);
        }
        for (JsonNode volume : pod.path("volumes")) {
            check(volume.path("secret").path("secretName").asString(null), secrets, missing);
            check(volume.path("configMap").path("name").asString(null), configMaps, missing);
        }
        assertThat(missing).isEmpty();
        if (service == Repo.Service.COMMUNITY) {
            JsonNode key = env(container, "WUSHE_COMMUNITY_RESIDENT_KEY")
                    .path("valueFrom")
                    .path("secretKeyRef");
            assertThat(key.path("optional").asBoolean(false))
                    .as("the resident key is required")
                    .isFalse();
            assertThat(SECRET_TEMPLATES.stream()
                            .filter(m -> m.is("Secret", key.path("name").asString()))
                            .findFirst()
                            .orElseThrow()
                            .node()
                            .path("stringData")
                            .has(key.path("key").asString()))
                    .isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Repo.Service.class)
    void theServiceTheAutoscalerAndTheBudgetFindThePods(Repo.Service service) {
        Manifest deployment = find("Deployment", service.id);
        JsonNode podLabels = deployment.spec().path("template").path("metadata").path("labels");
        assertThat(Pods.selects(deployment.spec().path("selector").path("matchLabels"), podLabels))
                .isTrue();
        Manifest svc = find("Service", service.id);
        assertThat(Pods.selects(svc.spec().path("selector"), podLabels)).isTrue();
        assertThat(svc.spec().path("ports").get(0).path("targetPort").asString())
                .isEqualTo("http");
        Manifest pdb = find("PodDisruptionBudget", service.id);
        assertThat(Pods.selects(pdb.spec().path("selector").path("matchLabels"), podLabels))
                .isTrue();

        List<Manifest> hpas = PRODUCTION.stream()
                .filter(m -> m.kind().equals("HorizontalPodAutoscaler")
                        && m.spec()
                                .path("scaleTargetRef")
                                .path("name")
                                .asString()
                                .equals(service.id))
                .toList();
        if (service == Repo.Service.MATCHING) {
            return; // see matchingServiceRunsAFixedNumberOfReplicasThatShareThePartitions
        }
        assertThat(hpas).hasSize(1);
        JsonNode hpa = hpas.get(0).spec();
        assertThat(hpa.path("scaleTargetRef").path("kind").asString()).isEqualTo("Deployment");
        assertThat(hpa.path("scaleTargetRef").path("apiVersion").asString()).isEqualTo("apps/v1");
        assertThat(hpa.path("metrics").get(0).path("resource").path("name").asString())
                .isEqualTo("cpu");
        assertThat(hpa.path("minReplicas").asInt())
                .isGreaterThanOrEqualTo(2)
                .isLessThanOrEqualTo(hpa.path("maxReplicas").asInt());
        assertThat(hpa.path("maxReplicas").asInt())
                .as("no more pods than partitions")
                .isLessThanOrEqualTo(6);
        assertThat(pdb.spec().path("minAvailable").asInt()).isEqualTo(1);
        assertThat(deployment.spec().path("replicas").asInt())
                .isGreaterThanOrEqualTo(hpa.path("minReplicas").asInt());
    }

    @Test
    void matchingServiceRunsAFixedNumberOfReplicasThatShareThePartitions() {
        for (List<Manifest> rendered : List.of(PRODUCTION, Kustomize.render(Repo.K8S.resolve("base")))) {
            Manifest deployment = rendered.stream()
                    .filter(m -> m.is("Deployment", "matching-service"))
                    .findFirst()
                    .orElseThrow();
            assertThat(deployment.spec().path("replicas").asInt())
                    .as("two or more share the need partitions (candidate_hold), no more than the six partitions")
                    .isBetween(2, 6);
            assertThat(deployment.spec().path("strategy").path("type").asString())
                    .as("one pod replaced at a time, the other matching meanwhile")
                    .isEqualTo("RollingUpdate");
            assertThat(deployment
                            .spec()
                            .path("strategy")
                            .path("rollingUpdate")
                            .path("maxUnavailable")
                            .asInt())
                    .isZero();
            Manifest pdb = rendered.stream()
                    .filter(m -> m.is("PodDisruptionBudget", "matching-service"))
                    .findFirst()
                    .orElseThrow();
            assertThat(pdb.spec().path("minAvailable").asInt()).isEqualTo(1);
            assertThat(rendered.stream()
                            .filter(m -> m.kind().equals("HorizontalPodAutoscaler")
                                    && m.spec()
                                            .path("scaleTargetRef")
                                            .path("name")
                                            .asString()
                                            .equals("matching-service")))
                    .as("a fixed count: each pod loads the whole read model")
                    .isEmpty();
        }
    }

    @Test
    void noIngressRoutesToAService() {
        // People reach the services through the portal only (services/portal, its relay); no service is exposed by an
        // Ingress of its own (the portal's, the only one, is PortalTest's).
        Set<String> services = new HashSet<>();
        for (Repo.Service service : Repo.Service.values()) {
            services.add(service.id);
        }
        List<String> routed = new ArrayList<>();
        for (Manifest ingress :
                PRODUCTION.stream().filter(m -> m.kind().equals("Ingress")).toList()) {
            for (JsonNode backend : ingress.spec().findValues("service")) {
                routed.add(backend.path("name").asString());
            }
        }
        assertThat(routed).isNotEmpty().doesNotContainAnyElementsOf(services);
    }

    @Test
    void everyResourceIsInAStageAndThePlatformComesFirst() {
        for (Manifest m : PRODUCTION) {
            String stage = m.node()
                    .path("metadata")
                    .path("labels")
                    .path("hub.wushe.org/stage")
                    .asString("");
            assertThat(stage).as(m.where()).isIn("platform", "services");
            boolean service = Set.of(
                                    "Deployment",
                                    "Service",
                                    "HorizontalPodAutoscaler",
                                    "PodDisruptionBudget",
                                    "Ingress",
                                    "NetworkPolicy")
                            .contains(m.kind())
                    || (m.kind().equals("ConfigMap") && m.name().endsWith("-config"));
            assertThat(stage).as(m.where()).isEqualTo(service ? "services" : "platform");
        }
    }

    @Test
    void secretTemplatesHoldPlaceholdersOnly() {
        for (Manifest m : SECRET_TEMPLATES) {
            assertThat(m.node().has("data")).as(m.where() + " uses stringData").isFalse();
            for (Map.Entry<String, JsonNode> e : m.node().path("stringData").properties()) {
                assertThat(e.getValue().asString())
                        .as(m.where() + " " + e.getKey())
                        .isEqualTo("CHANGE_ME");
            }
        }
        assertThat(PRODUCTION.stream().filter(m -> m.kind().equals("Secret")))
                .as("base and overlay hold no Secret")
                .isEmpty();
    }

    private static void check(String name, Set<String> existing, List<String> missing) {
        if (name != null && !existing.contains(name)) {
            missing.add(name);
        }
    }

    private static JsonNode env(JsonNode container, String name) {
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asString().equals(name)) {
                return env;
            }
        }
        throw new AssertionError("no env " + name);
    }

    private static Manifest find(String kind, String name) {
        return PRODUCTION.stream()
                .filter(m -> m.is(kind, name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in overlays/production"));
    }
}
