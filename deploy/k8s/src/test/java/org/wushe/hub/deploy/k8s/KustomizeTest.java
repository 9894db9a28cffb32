package org.wushe.hub.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The renderer's subset behaves like kustomize where this folder relies on it, and refuses what it does not do. */
class KustomizeTest {

    @TempDir
    Path dir;

    @Test
    void theOverlayPatchesMergeContainersByNameAndKeepTheRest() {
        Manifest community = Kustomize.render(Repo.K8S.resolve("overlays/production")).stream()
                .filter(m -> m.is("Deployment", "community-service"))
                .findFirst()
                .orElseThrow();
        assertThat(community.spec().path("replicas").asInt()).isEqualTo(3);
        JsonNode container = community
                .spec()
                .path("template")
                .path("spec")
                .path("containers")
                .get(0);
        assertThat(container.path("resources").path("limits").path("memory").asString())
                .isEqualTo("1536Mi");
        assertThat(container.path("image").asString())
                .as("untouched by the patch")
                .isEqualTo("ghcr.io/wushe-hub/community-service:0.1.0");
        assertThat(container.path("readinessProbe").isObject()).isTrue();
    }

    @Test
    void anUnsupportedFieldIsRefused() throws IOException {
        write(
                "kustomization.yaml",
                "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nimages:\n  - name: x\n");
        assertThatThrownBy(() -> Kustomize.render(dir)).hasMessageContaining("\"images\" is not supported");
    }

    @Test
    void aPatchThatMatchesNothingIsRefused() throws IOException {
        write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: v\n");
        write("patch.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\ndata:\n  k: w\n");
        write(
                "kustomization.yaml",
                "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - cm.yaml\npatches:\n  - path: patch.yaml\n");
        assertThatThrownBy(() -> Kustomize.render(dir)).hasMessageContaining("matches 0 resources");
    }

    @Test
    void namespaceAndNullAndCustomResourceListsBehaveAsInKustomize() throws IOException {
        write(
                "cm.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: v\n  gone: x\n---\n"
                        + "apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\nspec:\n  config:\n    a: 1\n"
                        + "  list: [{name: a, x: 1}, {name: b}]\n");
        write(
                "patch.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  gone: null\n---\n"
                        + "apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\nspec:\n  list: [{name: a, y: 2}]\n");
        write(
                "kustomization.yaml",
                "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: n\n"
                        + "resources:\n  - cm.yaml\npatches:\n  - path: patch.yaml\n");
        List<Manifest> out = Kustomize.render(dir);
        assertThat(out.get(0).node().path("metadata").path("namespace").asString())
                .isEqualTo("n");
        assertThat(out.get(0).node().path("data").has("gone")).isFalse();
        assertThat(out.get(0).node().path("data").path("k").asString()).isEqualTo("v");
        assertThat(out.get(1).spec().path("list").toString()).isEqualTo("[{\"name\":\"a\",\"y\":2}]");
        assertThat(out.get(1).spec().path("config").path("a").asInt()).isEqualTo(1);
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }
}
