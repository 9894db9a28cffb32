package org.wushe.hub.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monitoring stage reads what the hub serves: the ServiceMonitor selects every hub Service on its named port, the
 * alert rules cover what operators were asked to watch (consumer lag, dead-letter growth, the outbox relay and its
 * replication slot, proposals past their deadline), each rule's metrics come from the source its {@code source} label
 * names, and every dashboard panel is a query of those metrics. (Which of the {@code services} metrics the running hub
 * really serves is WholeHubTest's check.)
 */
class DashboardAndRulesTest {

    private static final List<Manifest> BASE = Kustomize.render(Repo.K8S.resolve("base"));
    /** A metric selector as the rules and panels write them: the name, then its label matchers. */
    static final Pattern METRIC = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");
    /** Each source and the metric names it serves (connect: the JMX exporter rules of connect-metrics.yaml). */
    static final Map<String, Set<String>> SOURCES = Map.of(
            "services",
                    Set.of(
                            "spring_cloud_stream_binder_kafka_offset",
                            "wushe_inbound_events_total",
                            "wushe_dead_letters_total",
                            "wushe_matching_deadlines_total",
                            "wushe_matching_proposals_total",
                            "wushe_matching_decisions_total",
                            "wushe_community_needs_published_total",
                            "wushe_matching_sse_connections",
                            "wushe_volunteer_hours_credits_total",
                            "http_server_requests_seconds_sum",
                            "http_server_requests_seconds_count"),
            "connect", Set.of("debezium_metrics_millisecondsbehindsource", "debezium_metrics_connected"),
            "postgres-exporter", Set.of("pg_replication_slots_pg_wal_lsn_diff"),
            "prometheus", Set.of("up"));

    @Test
    void theServiceMonitorScrapesEveryHubServiceOnANamedPortOfIt() {
        List<ServiceMonitor> monitors = BASE.stream()
                .filter(m -> m.kind().equals("ServiceMonitor"))
                .map(m -> MonitoringModels.read(m, ServiceMonitor.class))
                .toList();
        List<Manifest> services =
                BASE.stream().filter(m -> m.kind().equals("Service")).toList();
        assertThat(services).hasSizeGreaterThanOrEqualTo(7);
        for (Manifest service : services) {
            JsonNode labels = service.node().path("metadata").path("labels");
            // Exactly one monitor, or a Service would be scraped twice (or not at all).
            List<ServiceMonitor> selecting = monitors.stream()
                    .filter(monitor -> monitor.getSpec().getSelector().getMatchLabels().entrySet().stream()
                            .allMatch(e -> labels.path(e.getKey()).asString("").equals(e.getValue())))
                    .toList();
            assertThat(selecting)
                    .as(service.where() + " is scraped by one ServiceMonitor")
                    .hasSize(1);
            Set<String> ports = new TreeSet<>();
            service.spec().path("ports").forEach(p -> ports.add(p.path("name").asString()));
            var endpoint = selecting.get(0).getSpec().getEndpoints().get(0);
            assertThat(ports).as(service.where()).contains(endpoint.getPort());
            assertThat(endpoint.getPath()).isEqualTo("/actuator/prometheus");
        }
        // The services on their API port (they have no other); the portal on its management port, which its Ingress
        // does not route to.
        assertThat(one("ServiceMonitor", "wushe-services")
                        .spec()
                        .path("endpoints")
                        .get(0)
                        .path("port")
                        .asString())
                .isEqualTo("http");
        assertThat(one("ServiceMonitor", "wushe-portal")
                        .spec()
                        .path("endpoints")
                        .get(0)
                        .path("port")
                        .asString())
                .isEqualTo("management");
        // WusheServiceDown watches every one of them: its job (the Service's name) matcher matches each.
        String down = one("PrometheusRule", "wushe-hub-alerts").spec().path("groups").findValues("rules").stream()
                .flatMap(rules -> java.util.stream.StreamSupport.stream(rules.spliterator(), false))
                .filter(rule -> rule.path("alert").asString("").equals("WusheServiceDown"))
                .findFirst()
                .orElseThrow()
                .path("expr")
                .asString();
        java.util.regex.Matcher job = Pattern.compile("job=~\"([^\"]+)\"").matcher(down);
        assertThat(job.find()).as(down).isTrue();
        for (Manifest service : services) {
            assertThat(service.name()).as("WusheServiceDown's job matcher").matches(job.group(1));
        }
    }

    @Test
    void theAlertsCoverWhatOperatorsWatchAndReadOnlyTheirSourcesMetrics() {
        PrometheusRule rules = MonitoringModels.read(one("PrometheusRule", "wushe-hub-alerts"), PrometheusRule.class);
        Set<String> alerts = new TreeSet<>();
        Set<String> metricsRead = new TreeSet<>();
        for (var group : rules.getSpec().getGroups()) {
            for (Rule rule : group.getRules()) {
                alerts.add(rule.getAlert());
                String source = rule.getLabels().get("source");
                Set<String> metrics = metricsOf(rule.getExpr().getStrVal());
                assertThat(metrics).as(rule.getAlert() + " reads a metric").isNotEmpty();
                assertThat(SOURCES.get(source))
                        .as(rule.getAlert() + " (source " + source + ") reads " + metrics)
                        .containsAll(metrics);
                metricsRead.addAll(metrics);
            }
        }
        assertThat(alerts)
                .contains(
                        "WusheConsumerLagHigh",
                        "WusheDeadLettersGrowing",
                        "WusheOutboxRelayBehind",
                        "WusheReplicationSlotLag",
                        "WusheProposalsPastDeadline",
                        "WusheServiceDown");
        assertThat(metricsRead)
                .contains(
                        "spring_cloud_stream_binder_kafka_offset",
                        "wushe_dead_letters_total",
                        "debezium_metrics_millisecondsbehindsource",
                        "pg_replication_slots_pg_wal_lsn_diff",
                        "wushe_matching_deadlines_total");
        System.out.printf("%d alerts reading %s%n", alerts.size(), metricsRead);
    }

    @Test
    void everyDashboardPanelQueriesAKnownMetricAndTheConnectMetricsAreWhatTheExporterRulesMake() {
        Manifest dashboard = one("ConfigMap", "wushe-hub-dashboard");
        assertThat(dashboard
                        .node()
                        .path("metadata")
                        .path("labels")
                        .path("grafana_dashboard")
                        .asString())
                .isEqualTo("1");
        JsonNode json = JsonMapper.builder()
                .build()
                .readTree(dashboard.node().path("data").path("wushe-hub.json").asString());
        assertThat(json.path("uid").asString()).isEqualTo("wushe-hub");
        Set<String> known = new TreeSet<>();
        SOURCES.values().forEach(known::addAll);
        Set<Integer> ids = new TreeSet<>();
        assertThat(json.path("panels").size()).isGreaterThanOrEqualTo(10);
        for (JsonNode panel : json.path("panels")) {
            assertThat(ids.add(panel.path("id").asInt()))
                    .as("panel ids are unique")
                    .isTrue();
            assertThat(panel.path("targets").size())
                    .as(panel.path("title").asString())
                    .isPositive();
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asString();
                assertThat(MonitoringModels.balanced(expr)).as(expr).isTrue();
                assertThat(known).as(panel.path("title").asString()).containsAll(metricsOf(expr));
                assertThat(metricsOf(expr)).as(panel.path("title").asString()).isNotEmpty();
            }
        }
        // Debezium's MBeans, through connect-metrics.yaml's first rule (lowercased), give exactly the names the rules
        // read.
        String config = one("ConfigMap", "wushe-connect-metrics")
                .node()
                .path("data")
                .path("metrics-config.yml")
                .asString();
        assertThat(config).contains("lowercaseOutputName: true").contains("name: \"debezium_metrics_$4\"");
        for (String m : SOURCES.get("connect")) {
            assertThat(m).startsWith("debezium_metrics_");
        }
        Manifest connect = BASE.stream()
                .filter(m -> m.kind().equals("KafkaConnect"))
                .findFirst()
                .orElseThrow();
        assertThat(connect.spec()
                        .path("metricsConfig")
                        .path("valueFrom")
                        .path("configMapKeyRef")
                        .path("name")
                        .asString())
                .isEqualTo("wushe-connect-metrics");
    }

    static Set<String> metricsOf(String expr) {
        Set<String> names = new TreeSet<>();
        Matcher m = METRIC.matcher(expr);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Manifest one(String kind, String name) {
        return BASE.stream()
                .filter(m -> m.kind().equals(kind) && m.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }
}
