package org.wushe.hub.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule of {@link ServiceStructure} passes a well-shaped fixture and fails on the fixture that breaks it. */
class ServiceStructureRulesTest {

    private static final String FIXTURES = "org.wushe.hub.structurefixture.";
    private static final ServiceStructure.Conventions STAND_INS =
            new ServiceStructure.Conventions(FIXTURES + "platform.Inbox", "consumer", FIXTURES + "events");

    private static ServiceStructure fixture(String name) {
        return ServiceStructure.of(FIXTURES + name, STAND_INS);
    }

    @Test
    void aWellShapedServicePassesEveryRule() {
        ServiceStructure good = fixture("good");
        good.verifyModules();
        good.verifyRepositoriesStayHome();
        good.verifyConsumersNamedInbound();
        good.verifyEventsBuiltInEventsClasses();
        assertThat(good.modules().stream()).hasSize(2);
    }

    @Test
    void aCycleBetweenFeaturesFails() {
        assertThatThrownBy(() -> fixture("cycle").verifyModules()).hasMessageContaining("Cycle");
    }

    @Test
    void aFeatureUsingAnothersRepositoryFails() {
        assertThatThrownBy(() -> fixture("reach").verifyRepositoriesStayHome())
                .hasMessageContaining("feature 'b' reaches into 'a'")
                .hasMessageContaining("ARepository");
    }

    @Test
    void aConsumerNotNamedInboundFails() {
        assertThatThrownBy(() -> fixture("misnamed").verifyConsumersNamedInbound())
                .hasMessageContaining("AEventsBinding");
    }

    @Test
    void anEventBuiltOutsideAnEventsClassFails() {
        assertThatThrownBy(() -> fixture("inline").verifyEventsBuiltInEventsClasses())
                .hasMessageContaining("inline.a.AService builds an event inline");
    }

    @Test
    void theReadmeMustHoldTheDiagramTheDocumenterDraws(@TempDir Path dir) throws Exception {
        ServiceStructure good = fixture("good");
        Path readme = Files.writeString(dir.resolve("README.md"), "# good\n\nSome text.\n");
        Path docs = dir.resolve("docs");

        assertThatThrownBy(() -> good.verifyReadme(readme, docs, false))
                .hasMessageContaining("none found")
                .hasMessageContaining("-Dwushe.structure.write=true");

        good.verifyReadme(readme, docs, true);
        String written = Files.readString(readme);
        assertThat(written)
                .startsWith("# good\n\nSome text.\n\n<!-- modules:begin")
                .contains("```mermaid\nflowchart TD\n  m_a[a]\n  m_b[b]\n  m_b --> m_a\n```")
                .endsWith("<!-- modules:end -->\n");
        assertThat(docs.resolve("components.puml")).exists();
        good.verifyReadme(readme, docs, false);

        Files.writeString(readme, written.replace("  m_b --> m_a\n", "") + "More text.\n");
        assertThatThrownBy(() -> good.verifyReadme(readme, docs, false)).hasMessageContaining("it differs");
        good.verifyReadme(readme, docs, true);
        assertThat(Files.readString(readme)).isEqualTo(written + "More text.\n");
    }

    @Test
    void aServiceOfOnePackageSaysSo(@TempDir Path dir) throws Exception {
        ServiceStructure flat = fixture("good.a");
        Path readme = Files.writeString(dir.resolve("README.md"), "# flat\n");
        flat.verifyReadme(readme, dir.resolve("docs"), true);
        assertThat(Files.readString(readme))
                .contains("One package, `org.wushe.hub.structurefixture.good.a`: no feature packages");
    }
}
