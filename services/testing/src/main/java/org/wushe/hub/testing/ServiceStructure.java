package org.wushe.hub.testing;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.DiagramStyle;
import org.springframework.modulith.docs.Documenter.DiagramOptions.ElementsWithoutRelationships;

/**
 * A service's shape, read from its compiled classes alone (no Spring context, no stack): Spring Modulith's
 * {@link ApplicationModules} takes each direct sub-package of the application's package as a feature
 * ({@code need}, {@code resident}, …) and the house rules below are checked on the same classes.
 *
 * <ul>
 *   <li>{@link #verifyModules()}: Modulith's own verification: no cycle between features, and no use of
 *       another feature's internal types (those in a sub-package of it).</li>
 *   <li>{@link #verifyRepositoriesStayHome()}: a class named {@code …Repository} (a feature's tables) is used
 *       only inside its own feature; others ask that feature's service.</li>
 *   <li>{@link #verifyConsumersNamedInbound()}: every consumer built on the platform's inbox
 *       ({@code InboundEvents.consumer(…)}) is a class named {@code …Inbound}.</li>
 *   <li>{@link #verifyEventsBuiltInEventsClasses()}: the Avro events ({@code org.wushe.hub.events…}) are built
 *       only in a class named {@code …Events} (as {@code NeedEvents}, {@code MatchEvents}): one place per
 *       feature for what it publishes, not inline in its services.</li>
 *   <li>{@link #verifyReadme(Path)}: the README holds the module diagram Modulith's {@link Documenter} draws
 *       (its PlantUML, rendered as Mermaid so that any git host shows it); with
 *       {@code -Dwushe.structure.write=true} the README's copy is rewritten instead.</li>
 * </ul>
 */
public final class ServiceStructure {

    /** {@code -Dwushe.structure.write=true} rewrites the README's diagram instead of comparing it. */
    public static final String WRITE = "wushe.structure.write";

    static final String BEGIN = "<!-- modules:begin";
    static final String END = "<!-- modules:end -->";

    private static final Pattern COMPONENT =
            Pattern.compile("^\\s*component \"==([^\\\\\"]+)\\\\n.*\" .* as (\\S+)\\s*$");
    private static final Pattern RELATION = Pattern.compile("^(\\S+) --> (\\S+) .*: \"([^\"]+)\"\\s*$");

    private final String basePackage;
    private final ApplicationModules modules;
    private final JavaClasses classes;
    private final Conventions conventions;

    /** The house's names: the platform's inbox and the package of the Avro events. */
    record Conventions(String inboxType, String inboxMethod, String eventsPackage) {
        static final Conventions HOUSE =
                new Conventions("org.wushe.hub.platform.inbox.InboundEvents", "consumer", "org.wushe.hub.events");
    }

    private ServiceStructure(String basePackage, ImportOption importOption, Conventions conventions) {
        this.basePackage = basePackage;
        this.modules = ApplicationModules.of(basePackage, importOption);
        this.classes = new ClassFileImporter().withImportOption(importOption).importPackages(basePackage);
        this.conventions = conventions;
    }

    /** The service whose {@code @SpringBootApplication} is {@code application}; its main classes only. */
    public static ServiceStructure of(Class<?> application) {
        return new ServiceStructure(
                application.getPackageName(), new ImportOption.DoNotIncludeTests(), Conventions.HOUSE);
    }

    /** For the rules' own tests: any classes under {@code basePackage}, with stand-ins for the platform's names. */
    static ServiceStructure of(String basePackage, Conventions conventions) {
        return new ServiceStructure(basePackage, location -> true, conventions);
    }

    public ApplicationModules modules() {
        return modules;
    }

    /** Modulith's verification: no cycle between features, nothing internal of one used by another. */
    public void verifyModules() {
        modules.verify();
    }

    /** A {@code …Repository} is used only inside its own feature. */
    public void verifyRepositoriesStayHome() {
        List<String> found = new ArrayList<>();
        for (JavaClass repository : classes) {
            if (!topLevel(repository).getSimpleName().endsWith("Repository")) {
                continue;
            }
            String home = feature(repository);
            for (Dependency d : repository.getDirectDependenciesToSelf()) {
                String from = feature(d.getOriginClass());
                if (!home.equals(from)) {
                    found.add("feature '" + from + "' reaches into '" + home + "': " + d.getDescription());
                }
            }
        }
        fail("A feature's repository is its own; another feature asks its service (" + basePackage + ")", found);
    }

    /** Each consumer on the platform's inbox is a class named {@code …Inbound}. */
    public void verifyConsumersNamedInbound() {
        List<String> found = new ArrayList<>();
        for (JavaClass c : classes) {
            for (JavaMethodCall call : c.getMethodCallsFromSelf()) {
                if (call.getTargetOwner().getName().equals(conventions.inboxType())
                        && call.getName().equals(conventions.inboxMethod())
                        && !topLevel(c).getSimpleName().endsWith("Inbound")) {
                    found.add(topLevel(c).getName() + " builds a consumer (" + call.getDescription()
                            + ") but is not named …Inbound");
                }
            }
        }
        fail("Consumers are named …Inbound (" + basePackage + ")", found);
    }

    /** Avro events are built only in classes named {@code …Events}. */
    public void verifyEventsBuiltInEventsClasses() {
        List<String> found = new ArrayList<>();
        for (JavaClass c : classes) {
            if (topLevel(c).getSimpleName().endsWith("Events")) {
                continue;
            }
            for (JavaAccess<?> access : c.getAccessesFromSelf()) {
                boolean builds = access instanceof JavaConstructorCall
                        || access instanceof JavaMethodCall m && m.getName().equals("newBuilder");
                if (builds && access.getTargetOwner().getPackageName().startsWith(conventions.eventsPackage())) {
                    found.add(topLevel(c).getName() + " builds an event inline: " + access.getDescription());
                }
            }
        }
        fail("Events are built in the feature's …Events class (" + basePackage + ")", found);
    }

    /**
     * The README's module diagram equals the one drawn now; with {@code -Dwushe.structure.write=true} it is
     * written into the README (between the {@code modules:begin} and {@code modules:end} lines, or appended).
     */
    public void verifyReadme(Path readme) {
        verifyReadme(readme, Path.of("target", "spring-modulith-docs"), Boolean.getBoolean(WRITE));
    }

    void verifyReadme(Path readme, Path docs, boolean write) {
        String section = readmeSection(docs);
        String text = read(readme);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        String current = begin < 0 || end < begin ? null : text.substring(begin, end + END.length());
        if (section.equals(current)) {
            return;
        }
        if (write) {
            String updated =
                    current == null ? text.stripTrailing() + "\n\n" + section + "\n" : text.replace(current, section);
            try {
                Files.writeString(readme, updated, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        throw new AssertionError(
                readme + " does not hold the current module diagram (" + (current == null ? "none found" : "it differs")
                        + "). Refresh it with -D" + WRITE
                        + "=true, e.g. ./mvnw -o -pl <service> test -Dtest=StructureTest -D" + WRITE
                        + "=true, and commit the README. Expected:\n" + section);
    }

    /** What goes into the README: Modulith's diagram of the features, as a Mermaid flowchart, between two marker lines. */
    String readmeSection(Path docs) {
        StringBuilder s = new StringBuilder();
        s.append(BEGIN)
                .append(" (generated by StructureTest from Spring Modulith's Documenter; refresh with -D")
                .append(WRITE)
                .append("=true) -->\n");
        List<ApplicationModule> all = modules.stream().toList();
        if (all.isEmpty()) {
            s.append("One package, `")
                    .append(basePackage)
                    .append("`: no feature packages, so no cycle between them; the diagram ")
                    .append("appears here once the service is split into features.\n");
            return s.append(END).toString();
        }
        Diagram d = diagram(docs);
        s.append("```mermaid\nflowchart TD\n");
        for (String name : d.modules()) {
            s.append("  ").append(id(name)).append("[").append(name).append("]\n");
        }
        for (Edge e : d.edges()) {
            s.append("  ")
                    .append(id(e.from()))
                    .append(e.uses() ? " --> " : " -.-> ")
                    .append(id(e.to()))
                    .append('\n');
        }
        s.append("```\n");
        s.append(
                        "Solid arrow: a class of the feature takes a Spring bean of the other in its constructor; dotted: any other use of ")
                .append("its types (a `@Bean` method's parameters, records, enums, constants, static methods).\n");
        return s.append(END).toString();
    }

    record Edge(String from, String to, boolean uses) {}

    record Diagram(List<String> modules, List<Edge> edges) {}

    /** Modulith's Documenter writes the features' PlantUML diagram; its components and arrows, by package name, sorted. */
    Diagram diagram(Path docs) {
        DiagramOptions options = DiagramOptions.defaults()
                .withStyle(DiagramStyle.UML)
                .withElementsWithoutRelationships(ElementsWithoutRelationships.VISIBLE);
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(docs.toString()))
                .writeModulesAsPlantUml(options);
        Path puml = docs.resolve("components.puml");
        Map<String, String> byDisplayName = modules.stream()
                .collect(Collectors.toMap(
                        ApplicationModule::getDisplayName,
                        m -> m.getBasePackage().getLocalName()));
        Map<String, String> byComponent = new TreeMap<>();
        List<String[]> relations = new ArrayList<>();
        for (String line : read(puml).lines().toList()) {
            Matcher c = COMPONENT.matcher(line);
            if (c.matches()) {
                byComponent.put(
                        c.group(2),
                        Optional.ofNullable(byDisplayName.get(c.group(1)))
                                .orElseThrow(() ->
                                        new IllegalStateException("Not a module of " + basePackage + ": " + line)));
            }
            Matcher r = RELATION.matcher(line);
            if (r.matches()) {
                relations.add(new String[] {r.group(1), r.group(2), r.group(3)});
            }
        }
        if (byComponent.size() != byDisplayName.size()) {
            throw new IllegalStateException("Documenter drew " + byComponent.size() + " modules of "
                    + byDisplayName.size() + " in " + puml + ": its PlantUML is not read as expected");
        }
        Function<String, String> name = component -> Optional.ofNullable(byComponent.get(component))
                .orElseThrow(() -> new IllegalStateException("Unknown component " + component + " in " + puml));
        List<Edge> edges = relations.stream()
                .map(r -> new Edge(name.apply(r[0]), name.apply(r[1]), r[2].equals("uses")))
                .sorted(Comparator.comparing(Edge::from).thenComparing(Edge::to))
                .toList();
        return new Diagram(List.copyOf(new TreeSet<>(byComponent.values())), edges);
    }

    private String feature(JavaClass c) {
        return modules.getModuleByType(c.getName())
                .map(m -> m.getBasePackage().getLocalName())
                .orElse("(application package)");
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass t = c;
        while (t.getEnclosingClass().isPresent()) {
            t = t.getEnclosingClass().get();
        }
        return t;
    }

    private static String id(String module) {
        return "m_" + module.replaceAll("[^A-Za-z0-9_]", "_");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fail(String rule, List<String> found) {
        if (!found.isEmpty()) {
            throw new AssertionError(rule + ":\n  " + String.join("\n  ", new TreeSet<>(found)));
        }
    }
}
