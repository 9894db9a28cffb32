package org.wushe.hub.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.wushe.hub.platform.core.Language;
import org.wushe.hub.platform.security.Roles;

/** The platform's catalogue: both languages hold the same keys, every text parses, every code the code uses exists. */
class MessagesTest {

    @Test
    void bothLanguagesHoldTheSameKeysAndEveryTextParses() throws IOException {
        Properties zh = bundle("messages/platform_zh_CN.properties");
        Properties en = bundle("messages/platform_en.properties");

        assertThat(zh.stringPropertyNames()).isNotEmpty().containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        for (Properties p : List.of(zh, en)) {
            p.forEach((key, value) -> assertThat(new MessageFormat((String) value).toPattern())
                    .as((String) key)
                    .isNotBlank());
            assertThat(zh.getProperty("problem.invalid-input.title")).isEqualTo("输入有误");
        }
    }

    @Test
    void everyCodeThePlatformNamesIsInTheCatalogue() throws IOException {
        Pattern named = Pattern.compile(
                "(?:Messages\\.text\\((?:[^,()]*language\\([^)]*\\)|[A-Za-z.()]*Language\\.[A-Z]+)?,?\\s*|Text\\.of\\(|\\b[A-Z][A-Z_]+\\()\"([a-z][a-z0-9-]+\\.[a-z0-9.-]+)\"");
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                if (!code.contains("import org.wushe.hub.platform.i18n.")) {
                    continue; // the catalogue's users import it (a topic's name "community.need" is no text)
                }
                Matcher m = named.matcher(code);
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        }
        assertThat(codes)
                .contains("problem.invalid-input.title", "access.role-required", "privacy.phone", "auth.token-missing");
        Properties en = bundle("messages/platform_en.properties");
        assertThat(codes).allSatisfy(code -> assertThat(en).as(code).containsKey(code));
    }

    @Test
    void chineseComesWithItsEnglishBesideItAndEnglishAlone() {
        assertThat(Messages.text(Language.ZH, "problem.invalid-input.title")).isEqualTo("输入有误 Invalid input");
        assertThat(Messages.text(Language.EN, "problem.invalid-input.title")).isEqualTo("Invalid input");
        // outside a request: Chinese with its English
        assertThat(Messages.text("row.duplicate")).isEqualTo("已存在 already exists");
        assertThat(Messages.text(Language.EN, "auth.token-missing"))
                .contains("hub's sign-in")
                .doesNotContain("''");
        assertThat(Messages.text(Language.EN, "no.such.code")).isEqualTo("no.such.code");
    }

    @Test
    void textsAmongTheArgumentsTakeTheLanguageOfTheSentence() {
        Object[] args = {"staff-li", List.of(Text.of("role.station_staff"), Text.of("role.community_staff"))};

        assertThat(Messages.text(Language.EN, "access.role-required", args))
                .isEqualTo("staff-li may not do this; needs station staff, community staff");
        assertThat(Messages.text(Language.ZH, "access.role-required", args))
                .isEqualTo(
                        "staff-li无权操作，需要站点工作人员、社区工作人员 staff-li may not do this; needs station staff, community staff");
        assertThat(Roles.label(Roles.STATION_STAFF)).isEqualTo("站点工作人员 station staff");
        assertThat(Roles.label("no_such_role")).isEqualTo("no_such_role");
    }

    @Test
    void theLanguageOfAnAcceptLanguageHeader() {
        assertThat(Language.fromHeader(null)).isEqualTo(Language.ZH);
        assertThat(Language.fromHeader("en-US,en;q=0.9")).isEqualTo(Language.EN);
        assertThat(Language.fromHeader("zh-TW,en;q=0.5")).isEqualTo(Language.ZH);
        assertThat(Language.fromHeader("de")).isEqualTo(Language.ZH);
        assertThat(Language.fromHeader("x;;;q=")).isEqualTo(Language.ZH);
        assertThat(Language.of(Locale.UK)).isEqualTo(Language.EN);
    }

    private static Properties bundle(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
