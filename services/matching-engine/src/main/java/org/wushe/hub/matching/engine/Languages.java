package org.wushe.hub.matching.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Languages besides Mandarin, as their primary BCP 47 subtags ("en-GB" is "en"); "zh" and "cmn" are dropped,
 * since everyone speaks Mandarin. Immutable and interned by the read model.
 */
final class Languages {

    static final Languages NONE = new Languages(new String[0]);

    private final String[] tags;

    private Languages(String[] tags) {
        this.tags = tags;
    }

    static Languages of(Set<String> bcp47) {
        TreeSet<String> primary = new TreeSet<>();
        for (String tag : bcp47) {
            String p = tag.trim().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
            if (!p.isEmpty() && !p.equals("zh") && !p.equals("cmn")) {
                primary.add(p);
            }
        }
        return primary.isEmpty() ? NONE : new Languages(primary.toArray(String[]::new));
    }

    boolean covers(Languages required) {
        for (String t : required.tags) {
            if (Arrays.binarySearch(tags, t) < 0) {
                return false;
            }
        }
        return true;
    }

    boolean isEmpty() {
        return tags.length == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Languages other && Arrays.equals(tags, other.tags);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tags);
    }

    @Override
    public String toString() {
        return String.join(", ", tags);
    }
}
