package org.wushe.hub.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether a start lets the issuer's bootstrap approve the sample town's accounts. A {@code --wipe} start over a town
 * loaded before used to decide from the state file the wipe was about to remove: its accounts then waited for a second
 * person's approval, and the residents' wishes and the grid rounds could not be loaded.
 */
class SampleAccountsBootstrapTest {

    @TempDir
    Path data;

    private Hub.Settings settings(boolean wipe) {
        return new Hub.Settings(
                data,
                wipe,
                0,
                0,
                0,
                new EnumMap<>(HubService.class),
                new EnumMap<>(HubService.class),
                List.of(),
                Duration.ofSeconds(1),
                null,
                null,
                1);
    }

    private void townLoadedBefore() throws Exception {
        Files.createDirectories(data.resolve("sample-town"));
        Files.writeString(data.resolve("sample-town").resolve("state.json"), "{}");
    }

    @Test
    void aFirstStartWithTheTownMakesItsAccounts() {
        assertThat(HubMain.makesSampleAccounts(true, settings(false))).isTrue();
    }

    @Test
    void aStartOverATownLoadedBeforeMakesNone() throws Exception {
        townLoadedBefore();
        assertThat(HubMain.makesSampleAccounts(true, settings(false))).isFalse();
    }

    @Test
    void aWipeOverATownLoadedBeforeMakesThemAgain() throws Exception {
        townLoadedBefore();
        assertThat(HubMain.makesSampleAccounts(true, settings(true))).isTrue();
    }

    @Test
    void noSampleTownNoAccounts() {
        assertThat(HubMain.makesSampleAccounts(false, settings(true))).isFalse();
    }
}
