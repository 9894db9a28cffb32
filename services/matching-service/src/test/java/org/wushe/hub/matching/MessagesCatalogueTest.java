package org.wushe.hub.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.wushe.hub.platform.core.Language;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.testing.MessageCatalogue;

/** matching-service's texts: both languages agree, every code the service names is in a catalogue. */
class MessagesCatalogueTest {

    @Test
    void bothLanguagesHoldTheSameKeysAndEveryCodeNamedExists() {
        MessageCatalogue.assertBothLanguagesAgree("messages/service");
        assertThat(MessageCatalogue.assertEveryCodeExists(
                        Path.of("src/main/java"), "messages/service", "messages/platform"))
                .contains("match.not-open", "need.not-found", "auth.sign-in-first");
    }

    @Test
    void theRefusedActionTakesTheSentencesLanguage() {
        Object[] args = {"DECLINED", org.wushe.hub.platform.i18n.Text.of("match.action-accepted")};
        assertThat(Messages.text(Language.EN, "match.not-open", args))
                .isEqualTo("match is DECLINED; only an open proposal can be accepted");
        assertThat(Messages.text(Language.ZH, "match.not-open", args))
                .startsWith("匹配状态为 DECLINED，该匹配已处理，只有待处理的推荐才能接受 ")
                .endsWith("only an open proposal can be accepted");
    }
}
