package org.wushe.hub.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks of a service's message catalogue ({@code messages/service_zh_CN.properties} and {@code _en}): both languages
 * hold the same keys, every text parses as a {@link MessageFormat}, and every code the service's code names through
 * {@code Messages.text(…)} or {@code Text.of(…)} is in its own bundle or the platform's.
 */
public final class MessageCatalogue {

    /** A code written as the first string argument of Messages.text(…) / Text.of(…): "area.what-happened". */
    private static final Pattern NAMED = Pattern.compile(
            "(?:Messages\\.text\\((?:[^,()\"]*,\\s*)?|Text\\.of\\()\\s*\"([a-z][a-z0-9-]*\\.[a-z0-9.-]+)\"");

    private MessageCatalogue() {}

    /** Both languages of {@code base} (e.g. "messages/service") hold the same keys and every text parses. */
    public static void assertBothLanguagesAgree(String base) {
        Properties zh = load(base + "_zh_CN.properties");
        Properties en = load(base + "_en.properties");
        assertThat(zh.stringPropertyNames())
                .as(base)
                .isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        for (Properties p : List.of(zh, en)) {
            p.forEach((key, value) -> assertThat(new MessageFormat((String) value).toPattern())
                    .as((String) key)
                    .isNotBlank());
        }
    }

    /** Every code named in the Java sources under {@code sources}; none is missing from the bundles {@code bases}. */
    public static Set<String> assertEveryCodeExists(Path sources, String... bases) {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = NAMED.matcher(Files.readString(file));
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> known = new TreeSet<>();
        for (String base : bases) {
            known.addAll(load(base + "_en.properties").stringPropertyNames());
        }
        assertThat(codes).as("codes named in " + sources).isNotEmpty();
        assertThat(codes).allSatisfy(code -> assertThat(known).as(code).contains(code));
        return codes;
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = MessageCatalogue.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
