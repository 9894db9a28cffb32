package org.wushe.hub.schemas;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/**
 * Where the schema history lives, in the source tree and in the jar.
 *
 * <p>Every published version of an event schema is kept as {@code <folder>/<Name>/vN.avsc}
 * (e.g. {@code community/NeedPublished/v2.avsc}), a self-contained schema with the shared
 * types of {@code common/} inlined, exactly as a writer of that version put it on the wire.
 * The jar carries them under {@link #RESOURCE_ROOT}, listed by the generated {@link #INDEX_RESOURCE}.
 */
public final class HistoryLayout {

    /** Namespace of every event; the segment after it is the folder (the party). */
    public static final String EVENT_NAMESPACE_PREFIX = "org.wushe.hub.events.";

    /** Folder of the shared types: they are versioned through the events that embed them. */
    public static final String COMMON_FOLDER = "common";

    /** Classpath folder of the history files. */
    public static final String RESOURCE_ROOT = "wushe/schemas/history/";

    /** Classpath resource listing every history file, one path relative to {@link #RESOURCE_ROOT} a line. */
    public static final String INDEX_RESOURCE = RESOURCE_ROOT + "index.txt";

    private static final Pattern VERSION_FILE = Pattern.compile("v([1-9][0-9]*)\\.avsc");

    private HistoryLayout() {}

    /** {@code org.wushe.hub.events.community.NeedPublished} becomes {@code community/NeedPublished}. */
    public static String historyPath(Schema schema) {
        String fullName = schema.getFullName();
        if (!fullName.startsWith(EVENT_NAMESPACE_PREFIX)) {
            throw new IllegalArgumentException(fullName + " is not in namespace " + EVENT_NAMESPACE_PREFIX + "*");
        }
        return fullName.substring(EVENT_NAMESPACE_PREFIX.length()).replace('.', '/');
    }

    /** The version number of a history file name: {@code v3.avsc} gives 3; anything else gives empty. */
    public static Optional<Integer> versionOf(String fileName) {
        Matcher m = VERSION_FILE.matcher(fileName);
        return m.matches() ? Optional.of(Integer.valueOf(m.group(1))) : Optional.empty();
    }

    public static String versionFileName(int version) {
        return "v" + version + ".avsc";
    }
}
