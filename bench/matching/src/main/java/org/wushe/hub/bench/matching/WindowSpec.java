package org.wushe.hub.bench.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.wushe.hub.matching.engine.MatchEngine;
import org.wushe.hub.matching.engine.NeedSpec;
import org.wushe.hub.matching.engine.WindowMatch;

/**
 * How needs go through {@link MatchEngine#matchWindow}: windows of {@code size} needs in arrival order, of which
 * the first {@code assign} are assigned and held while the rest are deferred to the next call with the needs that
 * arrive after them (a rolling window); {@code assign == size}: fixed windows, one after the other.
 */
record WindowSpec(int size, int assign) {

    WindowSpec {
        if (size < 1 || assign < 1 || assign > size) {
            throw new IllegalArgumentException("a window is SIZE or SIZE/ASSIGN with 1 <= ASSIGN <= SIZE");
        }
    }

    /** "8" (fixed windows of 8) or "16/4" (a rolling window of 16 that assigns its first 4). */
    static WindowSpec parse(String v) {
        String[] parts = v.trim().split("/");
        try {
            int size = Integer.parseInt(parts[0].trim());
            return new WindowSpec(size, parts.length > 1 ? Integer.parseInt(parts[1].trim()) : size);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--windows wants SIZE or SIZE/ASSIGN, got " + v);
        }
    }

    static List<WindowSpec> parseList(String v) {
        List<WindowSpec> out = new ArrayList<>();
        for (String part : v.split(",")) {
            out.add(parse(part));
        }
        return List.copyOf(out);
    }

    String label() {
        return assign == size ? "window of " + size + " needs" : "rolling window of " + size + ", assigns " + assign;
    }

    /** Every need once assigned (or not): {@code each} sees each need's WindowMatch that is not deferred. */
    void run(MatchEngine engine, List<NeedSpec> needs, int candidatesPerNeed, Consumer<WindowMatch> each) {
        List<NeedSpec> pending = new ArrayList<>(size);
        int next = 0;
        while (next < needs.size() || !pending.isEmpty()) {
            while (pending.size() < size && next < needs.size()) {
                pending.add(needs.get(next++));
            }
            // the last needs of the stream are assigned all together: nothing comes after them
            int now = next < needs.size() ? assign : pending.size();
            for (WindowMatch m : engine.matchWindow(pending, Map.of(), candidatesPerNeed, now)) {
                if (!m.deferred()) {
                    each.accept(m);
                }
            }
            pending.subList(0, now).clear();
        }
    }

    @Override
    public String toString() {
        return assign == size ? Integer.toString(size) : size + "/" + assign;
    }
}
