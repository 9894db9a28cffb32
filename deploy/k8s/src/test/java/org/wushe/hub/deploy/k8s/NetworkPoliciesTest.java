package org.wushe.hub.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * Each service's NetworkPolicy, in the production render, evaluated the way the cluster's network plugin
 * evaluates it (a peer is a podSelector in the policy's namespace, a namespaceSelector, both, or an ipBlock; a rule
 * without peers or ports allows every peer or port): a service's pods reach their own database, the Kafka brokers'
 * TLS listener, the OIDC issuer and the cluster DNS, and nothing else; only the portal and Prometheus reach them, the
 * ingress controller not, so neither the API nor the metrics and API docs (served on the same port) leave the cluster.
 * The portal's own policy: the ingress controller reaches its pages' port, Prometheus its management port, and it
 * reaches the services' APIs, the issuer and DNS only.
 */
class NetworkPoliciesTest {

    private static final List<Manifest> PRODUCTION = Kustomize.render(Repo.K8S.resolve("overlays/production"));
    private static final String NS = "wushe";

    /** A pod somewhere in the cluster, or an address outside it (namespace null). */
    record Peer(String description, String namespace, Map<String, String> podLabels, String ip) {
        static Peer pod(String description, String namespace, Map<String, String> labels) {
            return new Peer(description, namespace, labels, "10.244.9.9");
        }

        static Peer outside(String description, String ip) {
            return new Peer(description, null, Map.of(), ip);
        }
    }

    /** The portal's pods as its Deployment labels them (base/services/portal). */
    static final Peer PORTAL = Peer.pod("the portal", NS, podLabels("portal"));

    static final Peer PROMETHEUS = Peer.pod("Prometheus", "monitoring", Map.of("app.kubernetes.io/name", "prometheus"));
    static final Peer INGRESS_CONTROLLER = Peer.pod(
            "the ingress controller",
            "ingress-nginx",
            Map.of("app.kubernetes.io/name", "ingress-nginx", "app.kubernetes.io/component", "controller"));
    static final Peer PORTAL_ELSEWHERE = Peer.pod(
            "a pod called portal in the ingress controller's namespace",
            "ingress-nginx",
            Map.of("app.kubernetes.io/name", "portal"));
    static final Peer CONNECT = Peer.pod(
            "a Kafka Connect worker",
            NS,
            Map.of("strimzi.io/cluster", "wushe-connect", "strimzi.io/kind", "KafkaConnect"));
    static final Peer BROKER = Peer.pod(
            "a Kafka broker",
            NS,
            Map.of("strimzi.io/cluster", "wushe-kafka", "strimzi.io/kind", "Kafka", "strimzi.io/broker-role", "true"));
    static final Peer DNS = Peer.pod("the cluster DNS", "kube-system", Map.of("k8s-app", "kube-dns"));
    static final Peer INTERNET = Peer.outside("an address on the internet", "203.0.113.7");

    @ParameterizedTest
    @EnumSource(Repo.Service.class)
    void onlyThePortalAndPrometheusReachTheServiceNotTheIngressController(Repo.Service service) {
        JsonNode policy = policyOf(service);
        JsonNode yml = service.applicationYml();
        // The actuator (metrics) and springdoc (API docs) share the API's port, so keeping the port in is keeping them
        // in.
        assertThat(yml.path("management").path("server").path("port").isMissingNode())
                .as(service.id + " has no management port of its own")
                .isTrue();
        Port http = new Port("http", yml.path("server").path("port").asInt(), "TCP");

        assertThat(admitsIngress(policy, PORTAL, http))
                .as("the portal reaches " + service.id)
                .isTrue();
        assertThat(admitsIngress(policy, PROMETHEUS, http))
                .as("Prometheus scrapes " + service.id)
                .isTrue();
        List<Peer> refused = new ArrayList<>(List.of(INGRESS_CONTROLLER, PORTAL_ELSEWHERE, CONNECT, BROKER, INTERNET));
        for (Repo.Service other : Repo.Service.values()) {
            if (other != service) {
                refused.add(Peer.pod(other.id, NS, podLabels(other)));
            }
        }
        for (Peer peer : refused) {
            for (Port port : List.of(http, new Port(null, 80, "TCP"), new Port(null, 8443, "TCP"))) {
                assertThat(admitsIngress(policy, peer, port))
                        .as("%s reaches %s on %s", peer.description(), service.id, port)
                        .isFalse();
            }
        }
        assertThat(admitsIngress(policy, PORTAL, new Port(null, 9090, "TCP")))
                .as("the portal, on another port")
                .isFalse();
    }

    @ParameterizedTest
    @EnumSource(Repo.Service.class)
    void theServiceReachesItsDatabaseKafkaAndTheIssuerOnly(Repo.Service service) {
        JsonNode policy = policyOf(service);
        assertEveryEgressRuleIsNarrow(policy, service.id);
        String url = configMap(service).path("SPRING_DATASOURCE_URL").asString();
        int dbPort = Integer.parseInt(url.replaceAll("jdbc:postgresql://[^:/]+:(\\d+)/.*", "$1"));
        String own = databaseAddress(service, dbPort);
        assertThat(admitsEgress(policy, Peer.outside("its database", own), new Port(null, dbPort, "TCP")))
                .isTrue();
        for (Repo.Service other : Repo.Service.values()) {
            if (other != service) {
                String theirs = databaseAddress(other, dbPort);
                assertThat(theirs)
                        .as("the databases of %s and %s", service.id, other.id)
                        .isNotEqualTo(own);
                assertThat(admitsEgress(
                                policy, Peer.outside(other.id + "'s database", theirs), new Port(null, dbPort, "TCP")))
                        .as("%s reaches %s's database", service.id, other.id)
                        .isFalse();
                assertThat(admitsEgress(
                                policy, Peer.pod(other.id, NS, podLabels(other)), new Port("http", 8080, "TCP")))
                        .as("%s calls %s", service.id, other.id)
                        .isFalse();
            }
        }

        String bootstrap =
                configMap(service).path("SPRING_KAFKA_BOOTSTRAP_SERVERS").asString();
        int kafkaPort = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        assertThat(admitsEgress(policy, BROKER, new Port(null, kafkaPort, "TCP")))
                .as(service.id + " reaches Kafka")
                .isTrue();
        assertThat(admitsEgress(policy, BROKER, new Port(null, 9092, "TCP")))
                .as("Kafka's plain listener")
                .isFalse();
        assertThat(admitsEgress(policy, CONNECT, new Port(null, 8083, "TCP")))
                .as("Connect's REST API")
                .isFalse();

        String issuer = configMap(service)
                .path("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI")
                .asString();
        assertThat(issuer).startsWith("https://");
        assertReachesTheIssuerOverHttpsOnly(policy, service.id);
        assertResolvesNamesButReachesNothingOutside(policy, service.id);
    }

    @ParameterizedTest
    @EnumSource(Repo.Service.class)
    void onlyNotificationServiceReachesTheSmtpServerOnItsSubmissionPort(Repo.Service service) {
        JsonNode policy = policyOf(service);
        List<String> smtp = new ArrayList<>();
        for (JsonNode rule : policy.path("spec").path("egress")) {
            for (JsonNode p : rule.path("ports")) {
                if (p.path("port").asInt() == 587 || p.path("port").asInt() == 25) {
                    rule.path("to")
                            .forEach(peer -> smtp.add(
                                    peer.path("ipBlock").path("cidr").asString().replace("/32", "")));
                }
            }
        }
        Port submission = new Port(null, 587, "TCP");
        if (service != Repo.Service.NOTIFICATION) {
            assertThat(smtp).as(service.id + " sends no mail").isEmpty();
            return;
        }
        assertThat(smtp).as("the SMTP server's one address").hasSize(1);
        Peer server = Peer.outside("the SMTP server", smtp.get(0));
        assertThat(admitsEgress(policy, server, submission)).isTrue();
        assertThat(admitsEgress(policy, server, new Port(null, 25, "TCP")))
                .as("plain port 25")
                .isFalse();
        assertThat(admitsEgress(policy, INTERNET, submission))
                .as("another mail server")
                .isFalse();
        assertThat(smtp.get(0))
                .as("the SMTP server is not the issuer nor a database")
                .isNotEqualTo(databaseAddress(service, 5432));
    }

    @Test
    void onlyTheIngressControllerReachesThePortalAndPrometheusItsManagementPort() {
        JsonNode policy = policyOf("portal");
        JsonNode portal = portalConfig();
        Port http = new Port("http", Integer.parseInt(portal.path("SERVER_PORT").asString()), "TCP");
        Port management = new Port(
                "management",
                Integer.parseInt(portal.path("MANAGEMENT_SERVER_PORT").asString()),
                "TCP");

        assertThat(admitsIngress(policy, INGRESS_CONTROLLER, http))
                .as("people reach the portal through the ingress controller")
                .isTrue();
        assertThat(admitsIngress(policy, INGRESS_CONTROLLER, management))
                .as("the ingress controller, on the actuator's port")
                .isFalse();
        assertThat(admitsIngress(policy, PROMETHEUS, management))
                .as("Prometheus scrapes the portal")
                .isTrue();
        List<Peer> refused = new ArrayList<>(List.of(
                Peer.pod(
                        "a pod labelled as the controller in namespace wushe",
                        NS,
                        Map.of("app.kubernetes.io/name", "ingress-nginx", "app.kubernetes.io/component", "controller")),
                Peer.pod(
                        "the controller's admission webhook",
                        "ingress-nginx",
                        Map.of(
                                "app.kubernetes.io/name",
                                "ingress-nginx",
                                "app.kubernetes.io/component",
                                "admission-webhook")),
                Peer.pod(
                        "a pod called prometheus in namespace wushe",
                        NS,
                        Map.of("app.kubernetes.io/name", "prometheus")),
                CONNECT,
                BROKER,
                INTERNET));
        for (Repo.Service service : Repo.Service.values()) {
            refused.add(Peer.pod(service.id, NS, podLabels(service)));
        }
        for (Peer peer : refused) {
            for (Port port : List.of(http, management, new Port(null, 80, "TCP"), new Port(null, 8443, "TCP"))) {
                assertThat(admitsIngress(policy, peer, port))
                        .as("%s reaches the portal on %s", peer.description(), port)
                        .isFalse();
            }
        }
    }

    @Test
    void thePortalReachesTheServicesApisTheIssuerAndDnsOnly() {
        JsonNode policy = policyOf("portal");
        assertEveryEgressRuleIsNarrow(policy, "portal");
        for (Repo.Service service : Repo.Service.values()) {
            Peer pods = Peer.pod(service.id, NS, podLabels(service));
            int port = service.applicationYml().path("server").path("port").asInt();
            assertThat(admitsEgress(policy, pods, new Port("http", port, "TCP")))
                    .as("the portal relays to " + service.id)
                    .isTrue();
            assertThat(admitsEgress(policy, pods, new Port(null, 9090, "TCP")))
                    .as("the portal, on another port of " + service.id)
                    .isFalse();
            assertThat(admitsEgress(
                            policy,
                            Peer.outside(service.id + "'s database", databaseAddress(service, 5432)),
                            new Port(null, 5432, "TCP")))
                    .as("the portal reaches %s's database", service.id)
                    .isFalse();
        }
        assertThat(admitsEgress(policy, BROKER, new Port(null, 9093, "TCP")))
                .as("Kafka")
                .isFalse();
        assertThat(admitsEgress(policy, CONNECT, new Port(null, 8083, "TCP")))
                .as("Connect's REST API")
                .isFalse();

        // The issuer: the same one address the services reach, HTTPS only.
        assertThat(assertReachesTheIssuerOverHttpsOnly(policy, "portal"))
                .isEqualTo(assertReachesTheIssuerOverHttpsOnly(policyOf(Repo.Service.COMMUNITY), "community-service"));
        assertThat(portalConfig().path("WUSHE_PORTAL_ISSUER").asString()).startsWith("https://");

        assertResolvesNamesButReachesNothingOutside(policy, "portal");
    }

    /** No egress rule open to every address or every port, and no ipBlock wider than one address. */
    private static void assertEveryEgressRuleIsNarrow(JsonNode policy, String who) {
        for (JsonNode rule : policy.path("spec").path("egress")) {
            assertThat(rule.path("to").isEmpty())
                    .as(who + ": an egress rule without peers allows every address")
                    .isFalse();
            assertThat(rule.path("ports").isEmpty())
                    .as(who + ": an egress rule without ports allows every port")
                    .isFalse();
            for (JsonNode peer : rule.path("to")) {
                if (peer.has("ipBlock")) {
                    assertThat(peer.path("ipBlock").path("cidr").asString())
                            .as(who + ": one address per ipBlock")
                            .endsWith("/32");
                }
            }
        }
    }

    /** The one address a policy lets its pods reach on 443 (the issuer's), and not on 80; returns it. */
    private static String assertReachesTheIssuerOverHttpsOnly(JsonNode policy, String who) {
        List<String> addresses = new ArrayList<>();
        for (JsonNode rule : policy.path("spec").path("egress")) {
            if (rule.path("ports").size() == 1
                    && rule.path("ports").get(0).path("port").asInt(-1) == 443) {
                rule.path("to")
                        .forEach(peer -> addresses.add(
                                peer.path("ipBlock").path("cidr").asString().replace("/32", "")));
            }
        }
        assertThat(addresses).as(who + ": the issuer's address, HTTPS only").hasSize(1);
        Peer issuer = Peer.outside("the issuer", addresses.get(0));
        assertThat(admitsEgress(policy, issuer, new Port(null, 443, "TCP")))
                .as(who + " reaches the issuer")
                .isTrue();
        assertThat(admitsEgress(policy, issuer, new Port(null, 80, "TCP")))
                .as(who + " reaches the issuer over plain HTTP")
                .isFalse();
        return addresses.get(0);
    }

    /** The cluster DNS, and not the internet, a DNS server outside or the Kubernetes API. */
    private static void assertResolvesNamesButReachesNothingOutside(JsonNode policy, String who) {
        assertThat(admitsEgress(policy, DNS, new Port(null, 53, "UDP")))
                .as(who + " resolves names")
                .isTrue();
        assertThat(admitsEgress(policy, INTERNET, new Port(null, 443, "TCP")))
                .as(who + ": the internet")
                .isFalse();
        assertThat(admitsEgress(policy, INTERNET, new Port(null, 53, "UDP")))
                .as(who + ": a DNS server outside")
                .isFalse();
        assertThat(admitsEgress(
                        policy,
                        Peer.pod("the API server", "default", Map.of("component", "apiserver")),
                        new Port(null, 443, "TCP")))
                .as(who + ": the Kubernetes API")
                .isFalse();
    }

    private static JsonNode portalConfig() {
        return PRODUCTION.stream()
                .filter(m -> m.is("ConfigMap", "portal-config"))
                .findFirst()
                .orElseThrow()
                .node()
                .path("data");
    }

    record Port(String name, int number, String protocol) {
        @Override
        public String toString() {
            return (name != null ? name + "/" : "") + number + "/" + protocol;
        }
    }

    private static String databaseAddress(Repo.Service service, int port) {
        List<String> addresses = new ArrayList<>();
        for (JsonNode rule : policyOf(service).path("spec").path("egress")) {
            for (JsonNode p : rule.path("ports")) {
                if (p.path("port").asInt() == port) {
                    rule.path("to")
                            .forEach(peer -> addresses.add(
                                    peer.path("ipBlock").path("cidr").asString().replace("/32", "")));
                }
            }
        }
        assertThat(addresses)
                .as(service.id + ": one database address on port " + port)
                .hasSize(1);
        return addresses.get(0);
    }

    private static boolean admitsIngress(JsonNode policy, Peer from, Port port) {
        return admits(policy, "Ingress", "ingress", "from", from, port);
    }

    private static boolean admitsEgress(JsonNode policy, Peer to, Port port) {
        return admits(policy, "Egress", "egress", "to", to, port);
    }

    private static boolean admits(
            JsonNode policy, String type, String rulesField, String peersField, Peer peer, Port port) {
        JsonNode spec = policy.path("spec");
        assertThat(spec.path("policyTypes").toString())
                .as(policy.path("metadata").path("name").asString())
                .contains("\"" + type + "\"");
        for (JsonNode rule : spec.path(rulesField)) {
            boolean peerMatches = !rule.has(peersField) || rule.path(peersField).isEmpty();
            for (JsonNode p : rule.path(peersField)) {
                peerMatches |= matches(p, peer);
            }
            boolean portMatches = !rule.has("ports") || rule.path("ports").isEmpty();
            for (JsonNode p : rule.path("ports")) {
                String protocol = p.path("protocol").asString("TCP");
                JsonNode number = p.path("port");
                boolean same = number.isMissingNode()
                        || (number.isNumber()
                                ? number.asInt() == port.number()
                                : number.asString().equals(port.name()));
                portMatches |= same && protocol.equals(port.protocol());
            }
            if (peerMatches && portMatches) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(JsonNode peer, Peer p) {
        if (peer.has("ipBlock")) {
            return p.namespace() == null
                    && inCidr(p.ip(), peer.path("ipBlock").path("cidr").asString());
        }
        if (p.namespace() == null) {
            return false;
        }
        if (peer.has("namespaceSelector")) {
            Map<String, String> nsLabels = Map.of("kubernetes.io/metadata.name", p.namespace());
            if (!selects(peer.path("namespaceSelector"), nsLabels)) {
                return false;
            }
        } else if (!p.namespace().equals(NS)) {
            return false;
        }
        return !peer.has("podSelector") || selects(peer.path("podSelector"), p.podLabels());
    }

    private static boolean selects(JsonNode selector, Map<String, String> labels) {
        assertThat(selector.has("matchExpressions"))
                .as("matchExpressions are not evaluated here")
                .isFalse();
        for (Map.Entry<String, JsonNode> e : selector.path("matchLabels").properties()) {
            if (!e.getValue().asString().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean inCidr(String ip, String cidr) {
        try {
            String[] parts = cidr.split("/");
            byte[] a = InetAddress.getByName(ip).getAddress();
            byte[] net = InetAddress.getByName(parts[0]).getAddress();
            int bits = Integer.parseInt(parts[1]);
            if (a.length != net.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((a[i / 8] & mask) != (net[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, String> podLabels(Repo.Service service) {
        return podLabels(service.id);
    }

    private static Map<String, String> podLabels(String deploymentName) {
        Manifest deployment = PRODUCTION.stream()
                .filter(m -> m.is("Deployment", deploymentName))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment " + deploymentName));
        Map<String, String> labels = new java.util.HashMap<>();
        deployment
                .spec()
                .path("template")
                .path("metadata")
                .path("labels")
                .properties()
                .forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
        return labels;
    }

    private static JsonNode configMap(Repo.Service service) {
        return PRODUCTION.stream()
                .filter(m -> m.is("ConfigMap", service.id + "-config"))
                .findFirst()
                .orElseThrow()
                .node()
                .path("data");
    }

    /** The one NetworkPolicy that selects the service's pods. */
    private static JsonNode policyOf(Repo.Service service) {
        return policyOf(service.id);
    }

    /** The one NetworkPolicy that selects the pods of this Deployment. */
    private static JsonNode policyOf(String deploymentName) {
        Map<String, String> pods = podLabels(deploymentName);
        List<Manifest> policies = PRODUCTION.stream()
                .filter(m -> m.kind().equals("NetworkPolicy"))
                .filter(m -> selects(m.spec().path("podSelector"), pods))
                .toList();
        assertThat(policies)
                .as("NetworkPolicies selecting the pods of " + deploymentName)
                .hasSize(1);
        assertThat(policies.get(0).node().path("metadata").path("namespace").asString(NS))
                .isEqualTo(NS);
        return policies.get(0).node();
    }
}
