package org.wushe.hub.deploy.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.RuleGroup;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Prometheus Operator's resources ({@code monitoring.coreos.com/v1}), which have no schema in the Kubernetes
 * or Strimzi sets: each is read into fabric8's typed model of the operator's CRDs ({@code openshift-model-monitoring},
 * generated from them), so a value of the wrong type fails, and a field the model does not know (which fabric8 keeps
 * aside in {@code additionalProperties}, and the API server would prune) is reported with its path. Then the rules the
 * operator and Prometheus would refuse: a rule is an alert or a recording with an expression, durations are
 * Prometheus durations, and the hub's own labels ({@code severity}, {@code source}) take known values.
 */
final class MonitoringModels {

    static final String API_VERSION = "monitoring.coreos.com/v1";
    private static final Map<String, Class<?>> KINDS = Map.of(
            "ServiceMonitor",
            ServiceMonitor.class,
            "PodMonitor",
            PodMonitor.class,
            "PrometheusRule",
            PrometheusRule.class);
    static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");
    static final Set<String> SOURCES = Set.of("services", "connect", "postgres-exporter", "prometheus");
    private static final Pattern DURATION = Pattern.compile("(\\d+(ms|s|m|h|d|w|y))+");
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private MonitoringModels() {}

    static boolean handles(Manifest m) {
        return m.apiVersion().equals(API_VERSION) && KINDS.containsKey(m.kind());
    }

    static <T> T read(Manifest m, Class<T> type) {
        try {
            return JSON.readValue(m.node().toString(), type);
        } catch (Exception e) {
            throw new IllegalArgumentException(m.where() + ": " + e.getMessage(), e);
        }
    }

    static List<String> problems(Manifest m) {
        List<String> problems = new ArrayList<>();
        Object model;
        try {
            model = JSON.readValue(m.node().toString(), KINDS.get(m.kind()));
        } catch (Exception e) {
            problems.add(m.where() + ": " + e.getMessage().lines().findFirst().orElse(e.toString()));
            return problems;
        }
        unknownFields(model, "", problems, m);
        if (model instanceof PrometheusRule rule) {
            ruleProblems(rule, m, problems);
        }
        return problems;
    }

    private static void ruleProblems(PrometheusRule prometheusRule, Manifest m, List<String> problems) {
        if (prometheusRule.getSpec() == null
                || prometheusRule.getSpec().getGroups() == null
                || prometheusRule.getSpec().getGroups().isEmpty()) {
            problems.add(m.where() + ": /spec/groups: a PrometheusRule needs at least one group");
            return;
        }
        for (int g = 0; g < prometheusRule.getSpec().getGroups().size(); g++) {
            RuleGroup group = prometheusRule.getSpec().getGroups().get(g);
            String at = m.where() + ": /spec/groups/" + g;
            if (group.getName() == null || group.getName().isBlank()) {
                problems.add(at + "/name is required");
            }
            for (int r = 0; r < group.getRules().size(); r++) {
                Rule rule = group.getRules().get(r);
                String ruleAt = at + "/rules/" + r;
                boolean alert = rule.getAlert() != null && !rule.getAlert().isBlank();
                boolean record = rule.getRecord() != null && !rule.getRecord().isBlank();
                if (alert == record) {
                    problems.add(ruleAt
                            + ": a rule is either an alert or a recording rule (alert or record, not both or neither)");
                }
                if (rule.getExpr() == null
                        || rule.getExpr().getStrVal() == null
                        || rule.getExpr().getStrVal().isBlank()) {
                    problems.add(ruleAt + "/expr is required");
                } else if (!balanced(rule.getExpr().getStrVal())) {
                    problems.add(ruleAt + "/expr has unbalanced brackets: "
                            + rule.getExpr().getStrVal());
                }
                if (rule.getFor() != null && !DURATION.matcher(rule.getFor()).matches()) {
                    problems.add(ruleAt + "/for \"" + rule.getFor() + "\" is not a Prometheus duration");
                }
                if (alert) {
                    Map<String, String> labels = rule.getLabels() == null ? Map.of() : rule.getLabels();
                    if (!SEVERITIES.contains(labels.get("severity"))) {
                        problems.add(ruleAt + "/labels/severity \"" + labels.get("severity") + "\" is not one of "
                                + SEVERITIES);
                    }
                    if (!SOURCES.contains(labels.get("source"))) {
                        problems.add(
                                ruleAt + "/labels/source \"" + labels.get("source") + "\" is not one of " + SOURCES);
                    }
                    if (rule.getAnnotations() == null
                            || rule.getAnnotations().getOrDefault("summary", "").isBlank()) {
                        problems.add(ruleAt + "/annotations/summary is required (what the person paged reads first)");
                    }
                }
            }
        }
    }

    /** Round, square and curly brackets close in order, outside quoted strings. */
    static boolean balanced(String expr) {
        StringBuilder open = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            switch (c) {
                case '"', '\'', '`' -> quote = c;
                case '(', '[', '{' -> open.append(c);
                case ')', ']', '}' -> {
                    if (open.isEmpty() || "([{".indexOf(open.charAt(open.length() - 1)) != ")]}".indexOf(c)) {
                        return false;
                    }
                    open.setLength(open.length() - 1);
                }
                default -> {}
            }
        }
        return open.isEmpty() && quote == 0;
    }

    /** Every non-empty {@code additionalProperties} in the model tree: fields its CRD does not declare. */
    private static void unknownFields(Object node, String path, List<String> problems, Manifest m) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                unknownFields(item, path + "/" + i++, problems, m);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "/" + k, problems, m));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Class<?> c = node.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                Object value;
                try {
                    value = f.get(node);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                if (f.getName().equals("additionalProperties")) {
                    if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        for (Object key : extra.keySet()) {
                            problems.add(m.where() + ": " + path + "/" + key + ": '" + key + "' is not defined in the "
                                    + m.kind() + " CRD (monitoring.coreos.com/v1)");
                        }
                    }
                } else {
                    unknownFields(value, path + "/" + f.getName(), problems, m);
                }
            }
        }
    }
}
