package org.wushe.hub.schemas.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.wushe.hub.schemas.HistoryLayout;

/**
 * Writes {@value HistoryLayout#INDEX_RESOURCE}: the history files, one relative path a line, since
 * a classpath folder cannot be listed inside a jar. Runs at build time; never edit the index.
 */
public final class HistoryIndexWriter {

    private static final Comparator<String> BY_EVENT_THEN_VERSION = Comparator.comparing(
                    (String entry) -> entry.substring(0, entry.lastIndexOf('/')))
            .thenComparing(entry -> HistoryLayout.versionOf(entry.substring(entry.lastIndexOf('/') + 1))
                    .orElse(0));

    private HistoryIndexWriter() {}

    /** History files under the root ({@code community/NeedPublished/v1.avsc}), by event then version. */
    public static List<String> list(Path historyRoot) {
        if (!Files.isDirectory(historyRoot)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(historyRoot)) {
            List<String> entries = new ArrayList<>();
            walk.filter(Files::isRegularFile)
                    .map(historyRoot::relativize)
                    .filter(p -> p.getNameCount() == 3
                            && HistoryLayout.versionOf(p.getFileName().toString())
                                    .isPresent())
                    .map(p -> p.toString().replace('\\', '/'))
                    .forEach(entries::add);
            entries.sort(BY_EVENT_THEN_VERSION);
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path historyRoot, Path indexFile) {
        List<String> lines = new ArrayList<>();
        lines.add("# Generated at build time by " + HistoryIndexWriter.class.getName()
                + " from src/main/history; do not edit.");
        lines.addAll(list(historyRoot));
        try {
            Files.createDirectories(indexFile.getParent());
            Files.write(indexFile, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Arguments: {@code <src/main/history> <target/classes/wushe/schemas/history/index.txt>}. */
    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: HistoryIndexWriter <history folder> <index file>");
        }
        write(Path.of(args[0]), Path.of(args[1]));
    }
}
