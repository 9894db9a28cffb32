package org.wushe.hub.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.wushe.hub.platform.core.Language;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.testing.MessageCatalogue;

/** organization-service's texts: both languages agree, every code the service names is in a catalogue. */
class MessagesCatalogueTest {

    @Test
    void bothLanguagesHoldTheSameKeysAndEveryCodeNamedExists() {
        MessageCatalogue.assertBothLanguagesAgree("messages/service");
        assertThat(MessageCatalogue.assertEveryCodeExists(
                        Path.of("src/main/java"), "messages/service", "messages/platform"))
                .contains("organization.no-hub", "project.over-budget", "place.not-a-geohash");
    }

    @Test
    void numbersAreWrittenWithoutGroupingAndQuotesSurvive() {
        assertThat(Messages.text(Language.EN, "project.over-budget", 1_250_000L, 1_000_000L))
                .isEqualTo("grants would total 1250000 fen, above the project's budget of 1000000 fen");
        assertThat(Messages.text(Language.ZH, "incubation.still-incubates", 3))
                .startsWith("仍在培育 3 个社会组织")
                .endsWith("it still incubates 3 organization(s); move them to another hub first");
    }
}
