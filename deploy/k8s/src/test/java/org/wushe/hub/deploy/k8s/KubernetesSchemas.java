package org.wushe.hub.deploy.k8s;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Schemas (draft 7) of Kubernetes' own kinds, taken from the official Kubernetes Java client
 * ({@code io.kubernetes:client-java-api}), whose model classes are generated from the Kubernetes OpenAPI
 * specification: every property a type has (with its JSON name and type), and which are required
 * ({@code openapiRequiredFields}). Objects are closed ({@code additionalProperties: false}): an unknown field is an
 * error, as with {@code kubectl apply}'s strict field validation. {@code IntOrString} is an integer or a string,
 * a {@code Quantity} a string or a number, as the API server accepts them.
 */
public final class KubernetesSchemas {

    private static final String MODELS = "io.kubernetes.client.openapi.models.";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** The kinds the manifests may use: apiVersion + " " + kind → model class. Anything else has no schema. */
    public static final Map<String, Class<?>> KINDS = kinds(
            "v1", List.of("Namespace", "ConfigMap", "Secret", "Service", "ServiceAccount", "PersistentVolumeClaim"),
            "apps/v1", List.of("Deployment", "StatefulSet"),
            "autoscaling/v2", List.of("HorizontalPodAutoscaler"),
            "policy/v1", List.of("PodDisruptionBudget"),
            "networking.k8s.io/v1", List.of("Ingress", "NetworkPolicy"),
            "rbac.authorization.k8s.io/v1", List.of("Role", "RoleBinding"));

    private final ObjectNode definitions = F.objectNode();

    public KubernetesSchemas() {
        define(io.kubernetes.client.openapi.models.V1ObjectMeta.class);
        KINDS.values().forEach(this::define);
    }

    /** Every definition, keyed by model name ({@code V1Deployment}), for {@code #/definitions/...} references. */
    public ObjectNode definitions() {
        return definitions;
    }

    /** The schema of one kind: its definition, plus apiVersion and kind fixed to their values. */
    public ObjectNode schemaOf(String apiVersion, String kind) {
        Class<?> model = KINDS.get(apiVersion + " " + kind);
        if (model == null) {
            return null;
        }
        ObjectNode schema = F.objectNode();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.set("definitions", definitions);
        ArrayNode allOf = schema.putArray("allOf");
        allOf.addObject().put("$ref", "#/definitions/" + model.getSimpleName());
        ObjectNode fixed = allOf.addObject();
        fixed.putArray("required").add("apiVersion").add("kind").add("metadata");
        ObjectNode props = fixed.putObject("properties");
        props.putObject("apiVersion").put("const", apiVersion);
        props.putObject("kind").put("const", kind);
        return schema;
    }

    private static Map<String, Class<?>> kinds(Object... groupsAndKinds) {
        Map<String, Class<?>> kinds = new LinkedHashMap<>();
        for (int i = 0; i < groupsAndKinds.length; i += 2) {
            String apiVersion = (String) groupsAndKinds[i];
            String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
            for (Object kind : (List<?>) groupsAndKinds[i + 1]) {
                String className = MODELS + Character.toUpperCase(version.charAt(0)) + version.substring(1) + kind;
                try {
                    kinds.put(apiVersion + " " + kind, Class.forName(className));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("the Kubernetes client has no model " + className, e);
                }
            }
        }
        return Map.copyOf(kinds);
    }

    private String define(Class<?> model) {
        String name = model.getSimpleName();
        if (definitions.has(name)) {
            return name;
        }
        ObjectNode def = definitions.putObject(name);
        def.put("type", "object");
        ObjectNode props = def.putObject("properties");
        Set<String> names = new TreeSet<>();
        for (Field field : model.getDeclaredFields()) {
            SerializedName json = field.getAnnotation(SerializedName.class);
            if (Modifier.isStatic(field.getModifiers()) || json == null) {
                continue;
            }
            names.add(json.value());
            props.set(json.value(), typeOf(field.getGenericType(), model + "." + field.getName()));
        }
        Set<String> openapiFields = staticSet(model, "openapiFields");
        if (!openapiFields.equals(names)) {
            throw new IllegalStateException(name + ": fields " + names + " differ from openapiFields " + openapiFields);
        }
        Set<String> required = staticSet(model, "openapiRequiredFields");
        if (!required.isEmpty()) {
            ArrayNode req = def.putArray("required");
            required.stream().sorted().forEach(req::add);
        }
        def.put("additionalProperties", false);
        return name;
    }

    private JsonNode typeOf(Type type, String where) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                ObjectNode array = F.objectNode().put("type", "array");
                array.set("items", typeOf(args[0], where + "[]"));
                return array;
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode map = F.objectNode().put("type", "object");
                map.set("additionalProperties", typeOf(args[1], where + "{}"));
                return map;
            }
            throw new IllegalStateException("unsupported type " + type + " at " + where);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class || c == OffsetDateTime.class || c == LocalDate.class || c == byte[].class) {
            return F.objectNode().put("type", "string");
        }
        if (c == Integer.class || c == Long.class || c == Short.class || c == int.class || c == long.class) {
            return F.objectNode().put("type", "integer");
        }
        if (c == Boolean.class || c == boolean.class) {
            return F.objectNode().put("type", "boolean");
        }
        if (c == Double.class || c == Float.class || c == BigDecimal.class || c == double.class || c == float.class) {
            return F.objectNode().put("type", "number");
        }
        if (c == IntOrString.class) {
            ObjectNode s = F.objectNode();
            s.putArray("type").add("integer").add("string");
            return s;
        }
        if (c == Quantity.class) {
            ObjectNode s = F.objectNode();
            s.putArray("type").add("string").add("number");
            return s;
        }
        if (c == Object.class) {
            return F.objectNode();
        }
        if (c.isEnum()) {
            ObjectNode s = F.objectNode().put("type", "string");
            ArrayNode values = s.putArray("enum");
            for (Field constant : c.getFields()) {
                if (constant.isEnumConstant()) {
                    SerializedName json = constant.getAnnotation(SerializedName.class);
                    values.add(json != null ? json.value() : constant.getName());
                }
            }
            return s;
        }
        if (c.getName().startsWith(MODELS)) {
            return F.objectNode().put("$ref", "#/definitions/" + define(c));
        }
        throw new IllegalStateException("unsupported type " + c.getName() + " at " + where);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> staticSet(Class<?> model, String field) {
        try {
            return new TreeSet<>((Collection<String>) model.getField(field).get(null));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(model.getName() + " has no " + field, e);
        }
    }
}
