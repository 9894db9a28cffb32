package org.wushe.hub.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start on the data of an earlier load says how far that load got, so the hub's status (and the whole-hub
 * tests reading it) see the needs published whether the stream goes on or had ended before this start.
 * No service is called: both outcomes are decided from the files alone.
 */
class SampleTownResumeTest {

    @TempDir
    Path data;

    @Test
    void aTownWhoseStreamEndedBeforeThisStartReportsAllItsNeedsPosted() throws Exception {
        write(1000, true);
        try (SampleTown town = town()) {
            assertThat(town.load()).isEqualTo(SampleTown.Outcome.ALREADY_LOADED);
            assertThat(town.needsPlanned()).isEqualTo(1000);
            assertThat(town.needsPosted()).isEqualTo(1000);
        }
    }

    @Test
    void aTownStoppedMidStreamResumesFromTheNeedsItHadPosted() throws Exception {
        write(740, false);
        try (SampleTown town = town()) {
            assertThat(town.load()).isEqualTo(SampleTown.Outcome.RESUMED);
            assertThat(town.needsPlanned()).isEqualTo(1000);
            assertThat(town.needsPosted()).isEqualTo(740);
        }
    }

    private SampleTown town() {
        String nowhere = "http://127.0.0.1:9";
        return new SampleTown(
                SampleTown.Settings.defaults(),
                new SampleTown.Endpoints(nowhere, nowhere, nowhere, nowhere, nowhere, nowhere, nowhere),
                data,
                () -> "no-token",
                line -> {});
    }

    private void write(int posted, boolean loaded) throws Exception {
        Path dir = Files.createDirectories(data.resolve("sample-town"));
        SampleTown.Summary summary = new SampleTown.Summary(
                1, 1, 1, 0, Map.of(), 0, 0, 0, 0, 0, 0, Map.of(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1000, 100);
        Rest.JSON.writeValue(
                dir.resolve("state.json").toFile(),
                new SampleTown.State(1L, 1.0, "centre", List.of(), List.of(), summary));
        Files.writeString(dir.resolve("needs-posted"), posted + "\n");
        if (loaded) {
            Files.writeString(dir.resolve("loaded"), "2026-12-05T00:00:00Z\n");
        }
    }
}
