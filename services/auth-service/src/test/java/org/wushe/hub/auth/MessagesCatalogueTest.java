package org.wushe.hub.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.wushe.hub.platform.core.Language;
import org.wushe.hub.testing.MessageCatalogue;

/**
 * auth-service's texts ({@link Texts}, its own small catalogue: the issuer runs without the platform): both languages
 * hold the same keys and every text parses (wushe-testing's {@code MessageCatalogue}), every code the issuer names
 * through {@code Texts.text(…)} or {@code Texts.only(…)} is in the bundle, and the texts come out by the hub's rule.
 */
class MessagesCatalogueTest {

    /** A code written as the first string argument of Texts.text(…) / Texts.only(…), after an optional language. */
    private static final Pattern NAMED =
            Pattern.compile("Texts\\.(?:text|only)\\((?:[^,()\"]*,\\s*)?\"([a-z][a-z0-9-]*\\.[a-z0-9.-]+)\"");

    @Test
    void bothLanguagesHoldTheSameKeysAndEveryCodeNamedExists() {
        MessageCatalogue.assertBothLanguagesAgree("messages/service");
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                NAMED.matcher(Files.readString(f)).results().forEach(r -> named.add(r.group(1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(named)
                .contains(
                        "problem.invalid-input.title",
                        "account.password-length",
                        "request.own-refused",
                        "resident.staff-refused",
                        "sign-up.too-many",
                        "login.locked",
                        "auth.admin-only");
        assertThat(named)
                .allSatisfy(code ->
                        assertThat(Texts.text(Language.EN, code)).as(code).isNotEqualTo(code));
    }

    @Test
    void chineseWithItsEnglishByDefaultEnglishAloneWhenAsked() {
        assertThat(Texts.text(Language.ZH, "login.locked", 1500))
                .isEqualTo("登录失败次数过多，已暂时锁定，请 1500 分钟后再试。 Too many failed sign-ins: locked for 1500 minutes,"
                        + " try again later.");
        assertThat(Texts.text(Language.EN, "account.role-unknown", "boss", List.of("hub_admin", "volunteer")))
                .isEqualTo("unknown role 'boss'; known: hub_admin, volunteer");
        assertThat(Texts.only(Language.ZH, "account.role-unknown", "boss", List.of("hub_admin", "volunteer")))
                .isEqualTo("未知角色 boss；可用角色：hub_admin、volunteer");
        assertThat(Language.fromHeader(null)).isEqualTo(Language.ZH);
        assertThat(Language.fromHeader("zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo(Language.ZH);
        assertThat(Language.fromHeader("en-GB,en;q=0.9")).isEqualTo(Language.EN);
        assertThat(Language.fromHeader(";;q=x")).isEqualTo(Language.ZH);
    }
}
