package org.wushe.hub.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wushe.hub.events.community.NeedPublished;
import org.wushe.hub.schemas.Fixtures;
import org.wushe.hub.schemas.compat.CompatibilityChecker.Problem;

class CompatibilityCheckerTest {

    private static final String VISIT = "community/HomeVisitLogged";

    @Test
    void the_schemas_of_this_repository_are_compatible_with_every_kept_version() {
        Path module = Fixtures.moduleDir();

        List<Problem> problems =
                new CompatibilityChecker(module.resolve("src/main/avro"), module.resolve("src/main/history")).check();

        assertThat(problems).isEmpty();
    }

    @Test
    void a_new_optional_field_recorded_as_v2_passes() {
        assertThat(check("good-evolution")).isEmpty();
    }

    @Test
    void a_field_added_without_a_default_cannot_read_v1() {
        assertThat(check("field-added-without-default")).singleElement().satisfies(problem -> {
            assertThat(problem.schema()).isEqualTo(VISIT);
            assertThat(problem.version()).isEqualTo("v1");
            assertThat(problem.detail())
                    .contains("field peopleReached", "READER_FIELD_MISSING_DEFAULT_VALUE", "give it a default");
        });
    }

    @Test
    void a_field_whose_type_changed_cannot_read_v1() {
        assertThat(check("field-type-changed")).singleElement().satisfies(problem -> {
            assertThat(problem.schema()).isEqualTo(VISIT);
            assertThat(problem.version()).isEqualTo("v1");
            assertThat(problem.detail()).contains("field minutes", "TYPE_MISMATCH", "STRING", "INT");
        });
    }

    @Test
    void an_enum_symbol_removed_from_an_enum_without_default_cannot_read_v1() {
        assertThat(check("enum-symbol-removed")).singleElement().satisfies(problem -> {
            assertThat(problem.schema()).isEqualTo(VISIT);
            assertThat(problem.version()).isEqualTo("v1");
            assertThat(problem.detail()).contains("field kind", "MISSING_ENUM_SYMBOLS", "CANCELLED", "no default");
        });
    }

    @Test
    void a_change_not_recorded_in_the_history_must_be_recorded_as_the_next_version() {
        assertThat(check("unrecorded-change")).singleElement().satisfies(problem -> {
            assertThat(problem.schema()).isEqualTo(VISIT);
            assertThat(problem.version()).isEqualTo("v1");
            assertThat(problem.detail()).contains("differs from v1", "record it as v2.avsc");
        });
    }

    @Test
    void a_removed_history_version_is_reported() {
        assertThat(check("removed-version")).singleElement().satisfies(problem -> {
            assertThat(problem.schema()).isEqualTo(VISIT);
            assertThat(problem.version()).isEqualTo("v1");
            assertThat(problem.detail()).contains("v1 was removed");
        });
    }

    @Test
    void a_new_event_without_history_must_be_recorded_as_v1() {
        assertThat(check("no-history")).singleElement().satisfies(problem -> {
            assertThat(problem.schema()).isEqualTo(VISIT);
            assertThat(problem.detail()).contains("record it as v1.avsc");
        });
    }

    @Test
    void deleting_a_published_event_is_reported() {
        assertThat(check("deleted-schema")).singleElement().satisfies(problem -> {
            assertThat(problem.schema()).isEqualTo(VISIT);
            assertThat(problem.detail()).contains("deleted", "v1..v1");
        });
    }

    @Test
    void the_build_entry_point_fails_with_schema_version_field_and_reason() {
        Path root = Fixtures.resourceDir("checker/field-type-changed");

        assertThatThrownBy(() -> CompatibilityChecker.main(new String[] {
                    root.resolve("avro").toString(), root.resolve("history").toString()
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 problem(s)")
                .hasMessageContaining(
                        "community/HomeVisitLogged v1: the current schema cannot read data written with v1:"
                                + " field minutes (TYPE_MISMATCH)");
    }

    @Test
    void recording_writes_the_change_as_the_next_version_and_the_check_then_passes(@TempDir Path work)
            throws IOException {
        Path root = copy(Fixtures.resourceDir("checker/unrecorded-change"), work);
        CompatibilityChecker checker = new CompatibilityChecker(root.resolve("avro"), root.resolve("history"));

        List<Path> written = checker.recordNewVersions();

        Path v2 = root.resolve("history/community/HomeVisitLogged/v2.avsc");
        assertThat(written).containsExactly(v2);
        Schema recorded = new Schema.Parser().parse(v2.toFile());
        assertThat(recorded.getField("note")).isNotNull();
        assertThat(checker.check()).isEmpty();
        assertThat(checker.recordNewVersions()).as("nothing left to record").isEmpty();
    }

    @Test
    void a_change_deep_inside_a_shared_type_is_named_by_its_field_path() {
        Schema published = NeedPublished.getClassSchema();
        String start = "{\"name\":\"start\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}}";
        assertThat(published.toString()).contains(start);
        Schema startAsText = new Schema.Parser()
                .parse(published.toString().replace(start, "{\"name\":\"start\",\"type\":\"string\"}"));

        List<Incompatibility> incompatibilities = SchemaCompatibility.checkReaderWriterCompatibility(
                        startAsText, published)
                .getResult()
                .getIncompatibilities();

        assertThat(incompatibilities)
                .singleElement()
                .satisfies(incompatibility -> assertThat(CompatibilityChecker.describe(incompatibility, startAsText))
                        .startsWith("field details.timeWindow.start (TYPE_MISMATCH)"));
    }

    @Test
    void a_history_file_is_the_self_contained_current_schema() throws IOException {
        Path history = Fixtures.moduleDir().resolve("src/main/history/community/NeedPublished/v2.avsc");

        Schema latest = new Schema.Parser().parse(history.toFile());

        assertThat(SchemaNormalization.toParsingForm(latest))
                .isEqualTo(SchemaNormalization.toParsingForm(NeedPublished.getClassSchema()));
        assertThat(Files.readString(history)).contains("\"name\" : \"Place\"", "\"name\" : \"NeedDetails\"");
    }

    private static List<Problem> check(String fixture) {
        Path root = Fixtures.resourceDir("checker/" + fixture);
        return new CompatibilityChecker(root.resolve("avro"), root.resolve("history")).check();
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return to;
    }
}
