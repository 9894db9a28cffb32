package org.wushe.hub.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.testing.MessageCatalogue;

/** community-service's texts: both languages agree, every code the service names is in a catalogue. */
class MessagesCatalogueTest {

    @Test
    void bothLanguagesHoldTheSameKeysAndEveryCodeNamedExists() {
        MessageCatalogue.assertBothLanguagesAgree("messages/service");
        assertThat(MessageCatalogue.assertEveryCodeExists(
                        Path.of("src/main/java"), "messages/service", "messages/platform"))
                .contains("grid.worker-refused", "resident.erased", "place.not-a-geohash");
    }

    @Test
    void numbersAreWrittenWithoutGroupingAndQuotesSurvive() {
        assertThat(Messages.text(Messages.Language.EN, "resident.erased", "r-1"))
                .isEqualTo("the resident's personal data was erased (resident r-1)");
        assertThat(Messages.text(Messages.Language.ZH, "household.stairwell-beyond", 1200))
                .isEqualTo("单元号超出本楼单元数（共 1200 个单元） the building has 1200 stairwells");
    }
}
