package org.wushe.hub.deploy.k8s;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a kustomization the way {@code kubectl apply -k} does, for the subset this folder uses, and refuses
 * anything else rather than half-render it:
 * <ul>
 * <li>{@code resources}: files (every YAML document in them) and folders with a kustomization of their own;</li>
 * <li>{@code namespace}: set on every namespaced resource;</li>
 * <li>{@code patches} with a {@code path}: strategic-merge patches, each document matched to exactly one resource by
 * apiVersion group, kind and name. Maps merge; {@code null} removes a key; lists of containers, env, volumes, ports
 * and volume mounts merge by their merge key on Kubernetes' own kinds; every other list (and every list of a custom
 * resource, whose schema kustomize does not know) is replaced.</li>
 * </ul>
 */
public final class Kustomize {

    private static final Set<String> KEYS = Set.of("apiVersion", "kind", "resources", "namespace", "patches");
    private static final Set<String> CLUSTER_SCOPED = Set.of(
            "Namespace",
            "ClusterRole",
            "ClusterRoleBinding",
            "CustomResourceDefinition",
            "PersistentVolume",
            "StorageClass",
            "PriorityClass");
    /** patchMergeKey of the built-in kinds' lists this folder patches (from the Kubernetes API types). */
    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers",
            "name",
            "initContainers",
            "name",
            "env",
            "name",
            "volumes",
            "name",
            "ports",
            "containerPort",
            "volumeMounts",
            "mountPath",
            "imagePullSecrets",
            "name");

    private Kustomize() {}

    public static List<Manifest> render(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(Repo.relative(dir) + " has no kustomization.yaml");
        }
        List<Manifest> docs = Repo.readYaml(file);
        if (docs.size() != 1) {
            throw new IllegalArgumentException(Repo.relative(file) + " must hold exactly one document");
        }
        JsonNode k = docs.get(0).node();
        for (String key : k.propertyNames()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(Repo.relative(file) + ": \"" + key
                        + "\" is not supported by this renderer " + "(supported: " + KEYS + ")");
            }
        }
        if (!"kustomize.config.k8s.io/v1beta1".equals(k.path("apiVersion").asString(""))
                || !"Kustomization".equals(k.path("kind").asString(""))) {
            throw new IllegalArgumentException(
                    Repo.relative(file) + " must be apiVersion kustomize.config.k8s.io/v1beta1, kind Kustomization");
        }
        List<Manifest> out = new ArrayList<>();
        for (JsonNode entry : k.path("resources")) {
            Path res = dir.resolve(entry.asString()).normalize();
            if (Files.isDirectory(res)) {
                out.addAll(render(res));
            } else if (Files.isRegularFile(res)) {
                out.addAll(Repo.readYaml(res));
            } else {
                throw new IllegalArgumentException(
                        Repo.relative(file) + ": resource " + entry.asString() + " does not exist");
            }
        }
        for (JsonNode patchEntry : k.path("patches")) {
            for (String key : patchEntry.propertyNames()) {
                if (!key.equals("path")) {
                    throw new IllegalArgumentException(
                            Repo.relative(file) + ": patches[]." + key + " is not supported (only path)");
                }
            }
            Path patchFile = dir.resolve(patchEntry.path("path").asString()).normalize();
            for (Manifest patch : Repo.readYaml(patchFile)) {
                out = apply(out, patch);
            }
        }
        if (k.has("namespace")) {
            String namespace = k.get("namespace").asString();
            List<Manifest> namespaced = new ArrayList<>();
            for (Manifest m : out) {
                ObjectNode copy = m.node().deepCopy();
                if (!CLUSTER_SCOPED.contains(m.kind())) {
                    ((ObjectNode) copy.get("metadata")).put("namespace", namespace);
                }
                namespaced.add(m.withNode(copy));
            }
            out = namespaced;
        }
        return out;
    }

    private static List<Manifest> apply(List<Manifest> resources, Manifest patch) {
        List<Manifest> out = new ArrayList<>();
        int matches = 0;
        for (Manifest m : resources) {
            if (group(m.apiVersion()).equals(group(patch.apiVersion()))
                    && m.kind().equals(patch.kind())
                    && m.name().equals(patch.name())) {
                matches++;
                boolean builtIn =
                        !patch.apiVersion().contains(".") || patch.apiVersion().contains(".k8s.io/");
                out.add(m.withNode((ObjectNode) merge(m.node().deepCopy(), patch.node(), builtIn)));
            } else {
                out.add(m);
            }
        }
        if (matches != 1) {
            throw new IllegalArgumentException(
                    "patch " + patch.where() + " matches " + matches + " resources, not one");
        }
        return out;
    }

    private static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    private static JsonNode merge(JsonNode target, JsonNode patch, boolean builtIn) {
        if (!(target instanceof ObjectNode t) || !patch.isObject()) {
            return patch.deepCopy();
        }
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            String key = e.getKey();
            JsonNode value = e.getValue();
            if (key.startsWith("$")) {
                throw new IllegalArgumentException("patch directive " + key + " is not supported");
            }
            if (value.isNull()) {
                t.remove(key);
            } else if (value.isArray()
                    && builtIn
                    && MERGE_KEYS.containsKey(key)
                    && t.path(key).isArray()) {
                t.set(key, mergeList((ArrayNode) t.get(key), (ArrayNode) value, MERGE_KEYS.get(key), builtIn));
            } else if (value.isObject() && t.path(key).isObject()) {
                t.set(key, merge(t.get(key), value, builtIn));
            } else {
                t.set(key, value.deepCopy());
            }
        }
        return t;
    }

    private static ArrayNode mergeList(ArrayNode target, ArrayNode patch, String mergeKey, boolean builtIn) {
        ArrayNode out = target.deepCopy();
        for (JsonNode item : patch) {
            JsonNode key = item.get(mergeKey);
            if (key == null) {
                throw new IllegalArgumentException("patch list item without its merge key " + mergeKey + ": " + item);
            }
            boolean merged = false;
            for (int i = 0; i < out.size(); i++) {
                if (key.equals(out.get(i).get(mergeKey))) {
                    out.set(i, merge(out.get(i), item, builtIn));
                    merged = true;
                }
            }
            if (!merged) {
                out.add(item.deepCopy());
            }
        }
        return out;
    }
}
