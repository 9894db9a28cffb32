package org.wushe.hub.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.wushe.hub.platform.core.Language;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.testing.MessageCatalogue;

/**
 * volunteer-service's texts: both languages agree, every code the service names is in a catalogue — those named
 * through {@code Messages.text}/{@code Text.of}, the codes of the domain rules' {@code RuleViolation}s and of an
 * {@code Award}'s reason, and the Bean Validation messages written {@code "{code}"}.
 */
class MessagesCatalogueTest {

    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void bothLanguagesHoldTheSameKeysAndEveryCodeNamedExists() {
        MessageCatalogue.assertBothLanguagesAgree("messages/service");
        assertThat(MessageCatalogue.assertEveryCodeExists(SOURCES, "messages/service", "messages/platform"))
                .contains(
                        "activity.organizer-refused",
                        "activity.action-change",
                        "sign-up.full",
                        "venue-code.forged",
                        "volunteer.see-refused",
                        "id-number.check-character",
                        "qualification.code-taken",
                        "id.not-canonical");
    }

    @Test
    void everyRuleViolationCodeIsInTheCatalogue() {
        // new RuleViolation(field, "area.code", args…): the field is an expression, the code the first string literal
        // shaped like a code (lower-case words and a dot) after it.
        List<String> codes = codesIn(
                Pattern.compile("new RuleViolation\\([^;]*?\"([a-z][a-z0-9-]*\\.[a-z0-9.-]+)\"", Pattern.DOTALL));
        assertThat(codes)
                .contains(
                        "activity.ends-before-start",
                        "availability.slot-overlap",
                        "points-rules.percent-range",
                        "stars.threshold-rising",
                        "volunteer.skill-unknown");
        assertThat(codes).allSatisfy(c -> assertThat(Messages.has(c)).as(c).isTrue());
        // An Award's reason for giving no points, likewise a code the service puts into words.
        List<String> reasons =
                codesIn(Pattern.compile("new Award\\([^;]*?\"([a-z][a-z0-9-]*\\.[a-z0-9.-]+)\"", Pattern.DOTALL));
        assertThat(reasons)
                .containsExactlyInAnyOrder("points.manual-no-points", "points.too-short", "points.daily-cap-reached");
        assertThat(reasons).allSatisfy(c -> assertThat(Messages.has(c)).as(c).isTrue());
    }

    @Test
    void everyValidationMessageCodeIsInTheCatalogue() {
        List<String> codes = codesIn(Pattern.compile("message = \"\\{([a-z][a-z0-9.-]*)}\""));
        codes = Stream.concat(
                        codes.stream(),
                        codesIn(Pattern.compile("LANGUAGE_TAG_MESSAGE = \"\\{([a-z][a-z0-9.-]*)}\"")).stream())
                .toList();
        assertThat(codes)
                .contains(
                        "volunteer.phone-format",
                        "volunteer.language-tag",
                        "qualification.code-format",
                        "place.not-a-geohash");
        assertThat(codes).allSatisfy(c -> assertThat(Messages.has(c)).as(c).isTrue());
        assertThat(Messages.text(Language.ZH, "volunteer.phone-format"))
                .isEqualTo("须为 11 位大陆手机号码 must be a mainland mobile number of 11 digits");
    }

    @Test
    void numbersAreWrittenWithoutGroupingListsJoinedAndQuotesSurvive() {
        assertThat(Messages.text(Language.EN, "sign-up.full", 1200, 1200, 3, 10))
                .isEqualTo("the position is full: 1200 of 1200 places taken and 3 of 10 waiting");
        assertThat(Messages.text(Language.ZH, "sign-up.skills-missing", List.of("FIRST_AID", "COOKING")))
                .isEqualTo("缺少岗位所需技能：FIRST_AID、COOKING the position needs skills the volunteer has not declared: "
                        + "FIRST_AID, COOKING");
        assertThat(Messages.text(Language.EN, "team.sub-team-community", "c-1"))
                .isEqualTo("a sub-team belongs to its team's community c-1");
    }

    private static List<String> codesIn(Pattern code) {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(f -> {
                        try {
                            return code.matcher(Files.readString(f)).results().map(r -> r.group(1)).toList().stream();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
