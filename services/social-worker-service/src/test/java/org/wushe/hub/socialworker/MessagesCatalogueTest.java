package org.wushe.hub.socialworker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.wushe.hub.platform.core.Language;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.testing.MessageCatalogue;

/** social-worker-service's texts: both languages agree, every code the service names is in a catalogue. */
class MessagesCatalogueTest {

    @Test
    void bothLanguagesHoldTheSameKeysAndEveryCodeNamedExists() {
        MessageCatalogue.assertBothLanguagesAgree("messages/service");
        assertThat(MessageCatalogue.assertEveryCodeExists(
                        Path.of("src/main/java"), "messages/service", "messages/platform"))
                .contains("worker.reader-refused", "report.too-long", "date.in-future");
    }

    @Test
    void yearsAndDatesAreWrittenAsTheyAre() {
        Object[] args = {2, java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2028, 1, 1)};
        assertThat(Messages.text(Language.EN, "report.too-long", args))
                .isEqualTo("a report covers at most 2 years (from 2026-01-01 to 2028-01-01)");
        assertThat(Messages.text(Language.ZH, "report.too-long", args))
                .isEqualTo(
                        "报表最长覆盖 2 年（2026-01-01 至 2028-01-01） a report covers at most 2 years (from 2026-01-01 to 2028-01-01)");
    }
}
