package org.wushe.hub.deploy.k8s;

import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One YAML document: where it came from (file and position in it) and its content. */
public record Manifest(Path file, int index, ObjectNode node) {

    public String apiVersion() {
        return node.path("apiVersion").asString("");
    }

    public String kind() {
        return node.path("kind").asString("");
    }

    public String name() {
        return node.path("metadata").path("name").asString("");
    }

    public JsonNode spec() {
        return node.path("spec");
    }

    public boolean is(String kind, String name) {
        return kind().equals(kind) && name().equals(name);
    }

    /** {@code kind/name in file#index}, for messages. */
    public String where() {
        return kind() + "/" + name() + " (" + Repo.relative(file) + " document " + (index + 1) + ")";
    }

    public Manifest withNode(ObjectNode replaced) {
        return new Manifest(file, index, replaced);
    }
}
