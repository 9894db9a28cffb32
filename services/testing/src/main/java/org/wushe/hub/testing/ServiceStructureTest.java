package org.wushe.hub.testing;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Each service's {@code StructureTest} extends this with its application class: the checks of
 * {@link ServiceStructure}, on the compiled classes only (no Spring context, no embedded stack; seconds).
 * {@code -Dwushe.structure.write=true} rewrites the module diagram in the service's README.
 */
public abstract class ServiceStructureTest {

    /** One reading of the classes per service, not one per test method. */
    private static final Map<Class<?>, ServiceStructure> READ = new ConcurrentHashMap<>();

    private final ServiceStructure structure;

    protected ServiceStructureTest(Class<?> application) {
        this.structure = READ.computeIfAbsent(application, ServiceStructure::of);
    }

    @Test
    void featuresFormNoCycleAndUseNothingInternalOfEachOther() {
        structure.verifyModules();
    }

    @Test
    void repositoriesAreUsedOnlyInTheirOwnFeature() {
        structure.verifyRepositoriesStayHome();
    }

    @Test
    void consumersAreNamedInbound() {
        structure.verifyConsumersNamedInbound();
    }

    @Test
    void eventsAreBuiltInTheFeaturesEventsClasses() {
        structure.verifyEventsBuiltInEventsClasses();
    }

    @Test
    void readmeShowsTheCurrentModuleDiagram() {
        structure.verifyReadme(Path.of("README.md"));
    }
}
