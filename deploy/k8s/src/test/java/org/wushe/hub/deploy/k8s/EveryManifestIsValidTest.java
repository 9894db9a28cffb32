package org.wushe.hub.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every YAML document under deploy/k8s, and what each kustomization renders, against the schemas and rules. */
class EveryManifestIsValidTest {

    static Stream<Path> manifestFiles() {
        return Repo.k8sYamlFiles().stream()
                .filter(p -> !p.getFileName().toString().equals("kustomization.yaml"));
    }

    static Stream<String> kustomizations() {
        return Stream.of("base", "overlays/production", "secrets");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifestFiles")
    void everyDocumentOfEveryFileIsValid(Path file) {
        List<Manifest> docs = Repo.readYaml(file);
        assertThat(docs).as(Repo.relative(file) + " has documents").isNotEmpty();
        List<String> problems = new ArrayList<>();
        boolean patch = Repo.relative(file).contains("/patches/");
        for (Manifest m : docs) {
            problems.addAll(
                    patch
                            ? ManifestValidator.get().patchProblems(m)
                            : ManifestValidator.get().problems(m));
        }
        assertThat(problems).as(Repo.relative(file)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kustomizations")
    void everyRenderedDocumentIsValid(String dir) {
        List<Manifest> rendered = Kustomize.render(Repo.K8S.resolve(dir));
        List<String> problems = new ArrayList<>();
        for (Manifest m : rendered) {
            problems.addAll(ManifestValidator.get().problems(m));
            if (!m.kind().equals("Namespace")) {
                assertThat(m.node().path("metadata").path("namespace").asString(""))
                        .as(m.where())
                        .isEqualTo("wushe");
            }
        }
        assertThat(problems).as(dir).isEmpty();
        System.out.printf("%s renders %d resources, all valid%n", dir, rendered.size());
    }

    @Test
    void everyKustomizationIsRenderedByATestOrIncludedByOne() {
        List<Path> reachable = new ArrayList<>();
        kustomizations().forEach(d -> collect(Repo.K8S.resolve(d), reachable));
        List<Path> all = Repo.k8sYamlFiles().stream()
                .filter(p -> p.getFileName().toString().equals("kustomization.yaml"))
                .toList();
        assertThat(reachable).containsAll(all);
    }

    @Test
    void everyManifestFileIsPartOfAKustomization() {
        List<String> included = new ArrayList<>();
        kustomizations()
                .forEach(
                        d -> Kustomize.render(Repo.K8S.resolve(d)).forEach(m -> included.add(Repo.relative(m.file()))));
        List<String> patches = new ArrayList<>();
        manifestFiles().map(Repo::relative).filter(f -> f.contains("/patches/")).forEach(patches::add);
        List<String> files = manifestFiles()
                .map(Repo::relative)
                .filter(f -> !patches.contains(f))
                .toList();
        assertThat(included).containsAll(files);
        System.out.printf(
                "%d manifest files (%d of them patches) and %d kustomizations under deploy/k8s%n",
                manifestFiles().count(),
                patches.size(),
                Repo.k8sYamlFiles().stream()
                        .filter(p -> p.getFileName().toString().equals("kustomization.yaml"))
                        .count());
    }

    private static void collect(Path dir, List<Path> into) {
        Path k = dir.resolve("kustomization.yaml").normalize();
        into.add(k);
        for (var entry : Repo.readYaml(k).get(0).node().path("resources")) {
            Path res = dir.resolve(entry.asString()).normalize();
            if (res.toFile().isDirectory()) {
                collect(res, into);
            }
        }
    }
}
