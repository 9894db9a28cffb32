package org.wushe.hub.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.wushe.hub.platform.core.Language;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.testing.MessageCatalogue;

/** resource-service's texts: both languages agree, every code the service names is in a catalogue. */
class MessagesCatalogueTest {

    @Test
    void bothLanguagesHoldTheSameKeysAndEveryCodeNamedExists() {
        MessageCatalogue.assertBothLanguagesAgree("messages/service");
        assertThat(MessageCatalogue.assertEveryCodeExists(
                        Path.of("src/main/java"), "messages/service", "messages/platform"))
                .contains("offer.not-active", "reservation.other-station", "window.end-before-start");
    }

    @Test
    void anActionNamedInTheSentenceTakesItsLanguage() {
        Object[] args = {"EXPIRED", org.wushe.hub.platform.i18n.Text.of("offer.action-withdrawn")};
        assertThat(Messages.text(Language.EN, "offer.not-active", args))
                .isEqualTo("offer is EXPIRED; only an active offer can be withdrawn");
        assertThat(Messages.text(Language.ZH, "offer.not-active", args))
                .isEqualTo("资源状态为 EXPIRED，只有有效的资源才能撤回 offer is EXPIRED; only an active offer can be withdrawn");
        assertThat(Messages.text(Language.EN, "stock.below-held", 12_000L))
                .isEqualTo("must be at least 12000, what is reserved or handed over already");
    }
}
