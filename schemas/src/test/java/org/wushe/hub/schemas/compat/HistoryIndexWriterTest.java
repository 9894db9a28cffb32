package org.wushe.hub.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryIndexWriterTest {

    @Test
    void the_index_lists_versions_by_event_then_version_number_and_ignores_strays(@TempDir Path work)
            throws IOException {
        Path history = work.resolve("history");
        for (String file : new String[] {
            "matching/MatchProposed/v10.avsc",
            "matching/MatchProposed/v2.avsc",
            "matching/MatchProposed/v1.avsc",
            "community/NeedPublished/v1.avsc",
            "community/NeedPublished/notes.txt",
            "community/stray.avsc"
        }) {
            Files.createDirectories(history.resolve(file).getParent());
            Files.writeString(history.resolve(file), "{}");
        }
        Path index = work.resolve("classes/wushe/schemas/history/index.txt");

        HistoryIndexWriter.write(history, index);

        assertThat(Files.readAllLines(index)).first().asString().startsWith("# Generated");
        assertThat(Files.readAllLines(index))
                .filteredOn(l -> !l.startsWith("#"))
                .containsExactly(
                        "community/NeedPublished/v1.avsc",
                        "matching/MatchProposed/v1.avsc",
                        "matching/MatchProposed/v2.avsc",
                        "matching/MatchProposed/v10.avsc");
    }
}
