package org.wushe.hub.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.events.EventHeaders;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Writes the hub's AsyncAPI 3.0 document. Nothing in it is typed by hand:
 * <ul>
 *   <li>channels and their messages from the topic catalogue, the platform's {@link Aggregate} (each topic and its
 *       {@code <topic>.dlt});</li>
 *   <li>message payloads from the Avro schemas of {@code schemas/} (the generated classes' schemas, named types
 *       inlined), with {@code schemaFormat} Avro;</li>
 *   <li>who publishes a topic, its partitions and the {@code ce_source} of its records from the relay that carries the
 *       service's outbox ({@code deploy/connect/<service>.json});</li>
 *   <li>who consumes it, in which consumer group, from each service's Spring Cloud Stream bindings
 *       ({@code services/<service>/src/main/resources/application.yml}).</li>
 * </ul>
 * Usage: {@code AsyncApiGenerator <repository root> <version> <output file>}.
 */
public final class AsyncApiGenerator {

    static final String AVRO_FORMAT = "application/vnd.apache.avro;version=1.9.0";
    static final String KAFKA_BINDING = "0.5.0";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A service whose relay publishes some topics: its connector file, outbox schema and CloudEvents source. */
    record Publisher(String service, String connector, String outboxSchema, String ceSource, int partitions) {}

    /** One Spring Cloud Stream input binding of a service. */
    record Consumer(String service, String binding, String topic, String group) {}

    private final Path root;
    private final String version;

    public AsyncApiGenerator(Path root, String version) {
        this.root = root;
        this.version = version;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: AsyncApiGenerator <repository root> <version> <output file>");
        }
        Path out = Path.of(args[2]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        ObjectNode doc = new AsyncApiGenerator(Path.of(args[0]), args[1]).document();
        Files.writeString(out, JSON.writeValueAsString(doc) + "\n");
        System.out.printf(
                "AsyncAPI: %d channels, %d messages, %d operations -> %s%n",
                doc.get("channels").size(),
                doc.get("components").get("messages").size(),
                doc.get("operations").size(),
                out);
    }

    public ObjectNode document() throws IOException {
        List<Publisher> publishers = publishers();
        List<Consumer> consumers = consumers();
        ObjectNode doc = JSON.createObjectNode();
        doc.put("asyncapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Wushe Hub 五社联动枢纽 — events 事件");
        info.put("version", version);
        info.put("description", """
                枢纽的每个主题、其死信主题、每种事件（Avro 模式）、键与消息头，以及由哪个服务发布、哪些服务消费。\
                由构建从主题目录（平台的 `Aggregate`）、`schemas/`、`deploy/connect/` 和各服务的绑定生成。

                Every topic of the hub and its dead-letter topic, every event (its Avro schema), the key and the headers, \
                and which service publishes and which consume. Generated in the build from the topic catalogue (the \
                platform's `Aggregate`), `schemas/`, `deploy/connect/` and the services' bindings; do not edit.

                Values are Avro **single-object encoding** (`0xC3 0x01`, the 8-byte CRC-64-AVRO fingerprint of the writer \
                schema, then the binary body); readers resolve older writers from `schemas/src/main/history/`. Keys are \
                the aggregate id as a UTF-8 string. Every record is also a CloudEvent 1.0 in the Kafka binding's binary \
                mode (`ce_*` headers set by the outbox relay). A record a consumer cannot process goes to `<topic>.dlt` \
                with its key, value and headers and a `deadLetterReason`.""");
        servers(doc.putObject("servers"));
        doc.put("defaultContentType", "avro/binary");

        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode components = doc.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode messages = components.putObject("messages");
        components
                .putObject("securitySchemes")
                .putObject("scram")
                .put("type", "scramSha512")
                .put("description", "deploy/k8s: TLS listener 9093, SCRAM-SHA-512 user per service (KafkaUser).");
        ObjectNode tags = JSON.createObjectNode();

        for (Aggregate aggregate : Aggregate.values()) {
            Publisher publisher = publisherOf(aggregate, publishers);
            String topic = aggregate.topic();
            String dlt = aggregate.deadLetterTopic();
            List<Consumer> readers =
                    consumers.stream().filter(c -> c.topic().equals(topic)).toList();

            ObjectNode channel = channels.putObject(topic);
            channel.put("address", topic);
            channel.put("title", topic);
            channel.put(
                    "summary",
                    aggregate.type() + ": published by " + publisher.service() + "; read by "
                            + (readers.isEmpty()
                                    ? "no service"
                                    : String.join(
                                            ", ",
                                            readers.stream()
                                                    .map(Consumer::service)
                                                    .distinct()
                                                    .toList())));
            channel.put(
                    "description",
                    "Aggregate `" + aggregate.name() + "` (`aggregatetype` " + aggregate.type() + "), keyed by "
                            + "aggregate id so one aggregate's events keep their order. Written by "
                            + publisher.service()
                            + "'s outbox, relayed by Debezium connector `" + publisher.connector()
                            + "` (deploy/connect/"
                            + publisher.service() + ".json). Dead letters: `" + dlt + "`.");
            channel.putObject("bindings")
                    .putObject("kafka")
                    .put("topic", topic)
                    .put("partitions", publisher.partitions())
                    .put("bindingVersion", KAFKA_BINDING);
            ObjectNode channelMessages = channel.putObject("messages");

            ObjectNode deadLetters = channels.putObject(dlt);
            deadLetters.put("address", dlt);
            deadLetters.put("title", dlt);
            deadLetters.put("summary", "Dead letters of " + topic + " (死信)");
            deadLetters.put(
                    "description",
                    "Records of `" + topic + "` a consumer could not process: undecodable at once, other "
                            + "failures after 4 attempts with back-off. Key, value and headers as they were, plus `deadLetterReason` "
                            + "and Spring Kafka's `kafka_dlt-*` headers. One partition.");
            deadLetters
                    .putObject("bindings")
                    .putObject("kafka")
                    .put("topic", dlt)
                    .put("partitions", 1)
                    .put("bindingVersion", KAFKA_BINDING);
            ObjectNode dltMessages = deadLetters.putObject("messages");

            for (Class<? extends SpecificRecord> event : aggregate.events()) {
                Schema avro = SpecificData.get().getSchema(event);
                String name = avro.getName();
                ObjectNode schema = schemas.putObject(name);
                schema.put("schemaFormat", AVRO_FORMAT);
                schema.set("schema", withoutFullNameAliases(JSON.readTree(avro.toString())));
                messages.set(name, message(name, avro, aggregate, publisher, false));
                messages.set(name + "DeadLetter", message(name, avro, aggregate, publisher, true));
                channelMessages.putObject(name).put("$ref", "#/components/messages/" + name);
                dltMessages.putObject(name).put("$ref", "#/components/messages/" + name + "DeadLetter");
            }

            tag(tags, publisher.service());
            ObjectNode send = operations.putObject(publisher.service() + ".sends." + topic);
            send.put("action", "send");
            send.putObject("channel").put("$ref", "#/channels/" + pointer(topic));
            send.put("title", publisher.service() + " publishes " + topic);
            send.put(
                    "summary",
                    "Through its transactional outbox and the Debezium Outbox Event Router (connector "
                            + publisher.connector() + ").");
            send.putArray("tags").addObject().put("name", publisher.service());
            refs(send.putArray("messages"), topic, aggregate);

            for (Consumer reader : readers) {
                tag(tags, reader.service());
                ObjectNode receive =
                        operations.putObject(reader.service() + ".receives." + topic + "." + reader.binding());
                receive.put("action", "receive");
                receive.putObject("channel").put("$ref", "#/channels/" + pointer(topic));
                receive.put("title", reader.service() + " reads " + topic + " (" + reader.binding() + ")");
                receive.put(
                        "summary",
                        reader.group() == null
                                ? "Binding " + reader.binding()
                                        + ", no consumer group: every instance reads every record from the end of the topic."
                                : "Binding " + reader.binding() + ", consumer group " + reader.group()
                                        + "; idempotent by event id.");
                receive.putArray("tags").addObject().put("name", reader.service());
                if (reader.group() != null) {
                    receive.putObject("bindings")
                            .putObject("kafka")
                            .put("bindingVersion", KAFKA_BINDING)
                            .putObject("groupId")
                            .put("type", "string")
                            .putArray("enum")
                            .add(reader.group());
                }
                refs(receive.putArray("messages"), topic, aggregate);
            }
            for (String service :
                    readers.stream().map(Consumer::service).distinct().toList()) {
                ObjectNode dead = operations.putObject(service + ".dead-letters." + topic);
                dead.put("action", "send");
                dead.putObject("channel").put("$ref", "#/channels/" + pointer(dlt));
                dead.put("title", service + " dead-letters " + topic);
                dead.put("summary", "A record of " + topic + " " + service + " could not process.");
                dead.putArray("tags").addObject().put("name", service);
                ArrayNode refs = dead.putArray("messages");
                for (Class<? extends SpecificRecord> event : aggregate.events()) {
                    refs.addObject()
                            .put(
                                    "$ref",
                                    "#/channels/" + pointer(dlt) + "/messages/"
                                            + SpecificData.get()
                                                    .getSchema(event)
                                                    .getName());
                }
            }
        }
        ArrayNode tagList = info.putArray("tags");
        tags.properties().forEach(e -> tagList.add(e.getValue()));
        return doc;
    }

    /**
     * The schema as written, less the aliases that are full names (e.g. IncubationStage's former
     * org.wushe.hub.events.organization.IncubationStage): the AsyncAPI Avro meta-schema takes simple names only, and an
     * alias only tells a reader which older name to accept, nothing about the record on the wire.
     */
    static JsonNode withoutFullNameAliases(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.get("aliases") instanceof ArrayNode aliases) {
                ArrayNode simple = JSON.createArrayNode();
                aliases.forEach(a -> {
                    if (!a.asText().contains(".")) {
                        simple.add(a);
                    }
                });
                if (simple.isEmpty()) {
                    object.remove("aliases");
                } else {
                    object.set("aliases", simple);
                }
            }
            object.properties().forEach(e -> withoutFullNameAliases(e.getValue()));
        } else if (node instanceof ArrayNode array) {
            array.forEach(AsyncApiGenerator::withoutFullNameAliases);
        }
        return node;
    }

    private static void tag(ObjectNode tags, String service) {
        if (!tags.has(service)) {
            tags.putObject(service).put("name", service).put("description", "services/" + service);
        }
    }

    private static void refs(ArrayNode refs, String topic, Aggregate aggregate) {
        for (Class<? extends SpecificRecord> event : aggregate.events()) {
            refs.addObject()
                    .put(
                            "$ref",
                            "#/channels/" + pointer(topic) + "/messages/"
                                    + SpecificData.get().getSchema(event).getName());
        }
    }

    /** A channel key in a JSON pointer ('.' needs no escaping; '~' and '/' do). */
    private static String pointer(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static void servers(ObjectNode servers) {
        servers.putObject("local")
                .put("host", "127.0.0.1:9092")
                .put("protocol", "kafka")
                .put("title", "deploy/local")
                .put("description", "The embedded KRaft broker of deploy/local/start (plaintext, loopback only).");
        ObjectNode production = servers.putObject("production");
        production
                .put("host", "wushe-kafka-kafka-bootstrap:9093")
                .put("protocol", "kafka-secure")
                .put("title", "deploy/k8s")
                .put("description", "The Strimzi cluster of deploy/k8s: TLS, SCRAM-SHA-512.");
        production.putArray("security").addObject().put("$ref", "#/components/securitySchemes/scram");
    }

    private ObjectNode message(String name, Schema avro, Aggregate aggregate, Publisher publisher, boolean deadLetter) {
        ObjectNode m = JSON.createObjectNode();
        m.put("name", name);
        m.put("title", deadLetter ? name + " (dead letter)" : name);
        m.put("summary", avro.getDoc() == null ? name : avro.getDoc());
        m.put("contentType", "avro/binary");
        m.set("headers", headers(name, aggregate, publisher, deadLetter));
        m.putObject("payload").put("$ref", "#/components/schemas/" + name);
        m.putObject("correlationId")
                .put("description", "The event id (eventId, ce_id).")
                .put("location", "$message.header#/eventId");
        ObjectNode kafka = m.putObject("bindings").putObject("kafka");
        kafka.putObject("key")
                .put("type", "string")
                .put(
                        "description",
                        "The aggregate id of " + aggregate.type() + " (outbox column aggregateid), as UTF-8.");
        kafka.put("bindingVersion", KAFKA_BINDING);
        m.putArray("tags").addObject().put("name", publisher.service());
        m.put(
                "description",
                "Avro schema " + avro.getFullName() + ": schemas/src/main/avro/"
                        + avro.getNamespace().substring(avro.getNamespace().lastIndexOf('.') + 1) + "/" + name + ".avsc"
                        + (deadLetter
                                ? ". On the dead-letter topic as it was on " + aggregate.topic()
                                        + ", with the dead-letter headers."
                                : "."));
        return m;
    }

    private ObjectNode headers(String name, Aggregate aggregate, Publisher publisher, boolean deadLetter) {
        ObjectNode h = JSON.createObjectNode();
        h.put("type", "object");
        h.put(
                "description",
                "Kafka headers, UTF-8 text. The hub's own (read by its consumers) and the CloudEvents 1.0 "
                        + "binary-mode attributes (read by any CloudEvents consumer), all set by the outbox relay.");
        ObjectNode p = h.putObject("properties");
        string(p, EventHeaders.ID, "The event id (set by the Event Router itself).")
                .put("format", "uuid");
        string(p, EventHeaders.EVENT_ID, "The event id; consumers deduplicate on it.")
                .put("format", "uuid");
        constant(p, EventHeaders.EVENT_TYPE, name, "The event type: the Avro record's name.");
        constant(
                p,
                EventHeaders.AGGREGATE_TYPE,
                aggregate.type(),
                "The aggregate type (routes the record to this topic).");
        string(p, EventHeaders.OCCURRED_AT, "When it happened, ISO 8601 / RFC 3339 in UTC.")
                .put("format", "date-time");
        string(p, EventHeaders.TRACEPARENT, "W3C Trace Context traceparent, when the writer had one.");
        string(
                p,
                EventHeaders.ACTOR,
                "Who acted: an account id, system:<consumer> or system:<service>; absent on older events.");
        constant(p, "ce_specversion", "1.0", "CloudEvents spec version (outbox column ce_specversion).");
        string(p, "ce_id", "CloudEvents id: the event id.").put("format", "uuid");
        constant(p, "ce_type", name, "CloudEvents type: the event type.");
        constant(
                p,
                "ce_source",
                publisher.ceSource(),
                "CloudEvents source: the publishing service (InsertHeader in " + publisher.connector() + ").");
        string(p, "ce_subject", "CloudEvents subject: the aggregate id (the record key).");
        string(p, "ce_time", "CloudEvents time, RFC 3339 in UTC.").put("format", "date-time");
        ArrayNode required = h.putArray("required");
        for (String r : List.of(
                EventHeaders.ID,
                EventHeaders.EVENT_ID,
                EventHeaders.EVENT_TYPE,
                EventHeaders.AGGREGATE_TYPE,
                EventHeaders.OCCURRED_AT,
                "ce_specversion",
                "ce_id",
                "ce_type",
                "ce_source",
                "ce_subject",
                "ce_time")) {
            required.add(r);
        }
        if (deadLetter) {
            string(p, EventHeaders.DEAD_LETTER_REASON, "Why the record could not be processed.");
            string(p, "kafka_dlt-original-topic", "Spring Kafka: the topic the record was read from.");
            string(p, "kafka_dlt-exception-message", "Spring Kafka: the last failure's message.");
            required.add(EventHeaders.DEAD_LETTER_REASON);
        }
        return h;
    }

    private static ObjectNode string(ObjectNode properties, String name, String description) {
        return properties.putObject(name).put("type", "string").put("description", description);
    }

    private static void constant(ObjectNode properties, String name, String value, String description) {
        string(properties, name, description).put("const", value);
    }

    private static Publisher publisherOf(Aggregate aggregate, List<Publisher> publishers) {
        List<Publisher> found = publishers.stream()
                .filter(p -> aggregate.type().startsWith(p.outboxSchema() + "."))
                .toList();
        if (found.size() != 1) {
            throw new IllegalStateException(
                    aggregate.topic() + ": expected exactly one relay in deploy/connect/ whose outbox schema is "
                            + aggregate.type().substring(0, aggregate.type().indexOf('.')) + ", found " + found);
        }
        return found.get(0);
    }

    /** deploy/connect/<service>.json: the relay of each service's outbox. */
    List<Publisher> publishers() throws IOException {
        List<Publisher> list = new ArrayList<>();
        for (Path file : list(root.resolve("deploy/connect"), ".json")) {
            JsonNode json = JSON.readTree(file.toFile());
            JsonNode config = json.get("config");
            String service = file.getFileName().toString().replaceFirst("\\.json$", "");
            String table = config.path("table.include.list").asText();
            String source = ceSource(config);
            if (source == null) {
                throw new IllegalStateException(file + ": no InsertHeader transform sets ce_source");
            }
            list.add(new Publisher(
                    service,
                    json.get("name").asText(),
                    table.substring(0, table.indexOf('.')),
                    source,
                    config.path("topic.creation.default.partitions").asInt(1)));
        }
        return list;
    }

    private static String ceSource(JsonNode config) {
        for (String t : config.path("transforms").asText().split(",")) {
            String prefix = "transforms." + t.trim() + ".";
            if ("org.apache.kafka.connect.transforms.InsertHeader"
                            .equals(config.path(prefix + "type").asText())
                    && "ce_source".equals(config.path(prefix + "header").asText())) {
                return config.path(prefix + "value.literal").asText();
            }
        }
        return null;
    }

    /** services/<service>/src/main/resources/application.yml: spring.cloud.stream.bindings.*-in-*. */
    @SuppressWarnings("unchecked")
    List<Consumer> consumers() throws IOException {
        List<Consumer> list = new ArrayList<>();
        Path services = root.resolve("services");
        try (Stream<Path> dirs = Files.list(services)) {
            for (Path dir : dirs.sorted().toList()) {
                Path yml = dir.resolve("src/main/resources/application.yml");
                if (!Files.isRegularFile(yml)) {
                    continue;
                }
                String service = dir.getFileName().toString();
                try (InputStream in = Files.newInputStream(yml)) {
                    for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(in)) {
                        Object bindings = path(document, "spring", "cloud", "stream", "bindings");
                        if (!(bindings instanceof Map<?, ?> map)) {
                            continue;
                        }
                        new TreeMap<>((Map<String, Object>) map).forEach((binding, value) -> {
                            if (!binding.matches(".*-in-\\d+")
                                    || !(value instanceof Map<?, ?> b)
                                    || b.get("destination") == null) {
                                return;
                            }
                            Object group = b.get("group");
                            for (String topic :
                                    String.valueOf(b.get("destination")).split(",")) {
                                list.add(new Consumer(
                                        service, binding, topic.trim(), group == null ? null : String.valueOf(group)));
                            }
                        });
                    }
                }
            }
        }
        list.sort(Comparator.comparing(Consumer::service).thenComparing(Consumer::binding));
        return list;
    }

    private static Object path(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    private static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
