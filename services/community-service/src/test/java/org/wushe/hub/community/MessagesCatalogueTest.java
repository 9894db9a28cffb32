package org.wushe.hub.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.wushe.hub.platform.core.Language;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.testing.MessageCatalogue;

/** community-service's texts: both languages agree, every code the service names is in a catalogue. */
class MessagesCatalogueTest {

    @Test
    void bothLanguagesHoldTheSameKeysAndEveryCodeNamedExists() {
        MessageCatalogue.assertBothLanguagesAgree("messages/service");
        assertThat(MessageCatalogue.assertEveryCodeExists(
                        Path.of("src/main/java"), "messages/service", "messages/platform"))
                .contains(
                        "grid.worker-refused",
                        "resident.erased",
                        "resident-self.no-record",
                        "import.see-refused",
                        "place.not-a-geohash");
    }

    @Test
    void everyValidationMessageCodeIsInTheCatalogue() throws IOException {
        Pattern code = Pattern.compile("message = \"\\{([a-z][a-z0-9.-]*)}\"");
        List<String> codes;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            codes = files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(f -> {
                        try {
                            Matcher m = code.matcher(Files.readString(f));
                            return m.results().map(r -> r.group(1)).toList().stream();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
        assertThat(codes).contains("region.district-code", "resident.phone-format");
        assertThat(codes).allSatisfy(c -> assertThat(Messages.has(c)).as(c).isTrue());
        assertThat(Messages.text(Language.ZH, "region.street-code"))
                .isEqualTo("须为 9 位街道/乡镇代码 must be a 9-digit street/town code");
    }

    @Test
    void numbersAreWrittenWithoutGroupingAndQuotesSurvive() {
        assertThat(Messages.text(Language.EN, "resident.erased", "r-1"))
                .isEqualTo("the resident's personal data was erased (resident r-1)");
        assertThat(Messages.text(Language.ZH, "household.stairwell-beyond", 1200))
                .isEqualTo("单元号超出本楼单元数（共 1200 个单元） the building has 1200 stairwells");
    }
}
