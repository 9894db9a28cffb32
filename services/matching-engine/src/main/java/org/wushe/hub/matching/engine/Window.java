package org.wushe.hub.matching.engine;

/** A span of time [start, end) in epoch milliseconds: start inclusive, end exclusive. */
public record Window(long startMillis, long endMillis) {

    public Window {
        if (endMillis < startMillis) {
            throw new IllegalArgumentException("window ends before it starts: " + startMillis + " > " + endMillis);
        }
    }

    public long lengthMillis() {
        return endMillis - startMillis;
    }

    /** Whether the two windows share at least one millisecond. */
    public boolean overlaps(Window other) {
        return startMillis < other.endMillis && other.startMillis < endMillis;
    }

    public boolean contains(Window other) {
        return startMillis <= other.startMillis && other.endMillis <= endMillis;
    }
}
