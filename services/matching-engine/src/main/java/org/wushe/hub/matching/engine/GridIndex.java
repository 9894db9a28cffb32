package org.wushe.hub.matching.engine;

import java.util.Arrays;
import java.util.IdentityHashMap;

/**
 * One bucket of the index: its entries by geohash-6 cell, in an open-addressing table keyed by the cell's int
 * (no boxing on the search's hot path). A cell that empties keeps its slot, so nothing is ever deleted from the
 * table; the cells of a city are a few tens of thousands. Not thread-safe (guarded by the engine's lock).
 */
final class GridIndex<T> {

    private static final int FREE = -1;

    private int[] keys = filled(64);
    private Cell[] cells = new Cell[64];
    private int slotsUsed;
    private int nonEmpty;
    private long entries;

    void add(int cell, T item) {
        add(cell, item, 0);
    }

    /**
     * Adds an entry with a tag kept beside it in the cell (a volunteer's skill mask), so that a search can pass over
     * entries by their tag without reading the entries themselves, which lie all over the heap.
     */
    void add(int cell, T item, long tag) {
        int slot = slot(cell);
        if (keys[slot] == FREE) {
            if (2 * (slotsUsed + 1) > keys.length) {
                grow();
                slot = slot(cell);
            }
            keys[slot] = cell;
            cells[slot] = new Cell();
            slotsUsed++;
        }
        if (cells[slot].size == 0) {
            nonEmpty++;
        }
        cells[slot].add(item, tag);
        entries++;
    }

    void remove(int cell, T item) {
        Cell c = get(cell);
        if (c != null && c.remove(item)) {
            entries--;
            if (c.size == 0) {
                nonEmpty--;
            }
        }
    }

    /** The entries of a cell, or null when it has none; read {@link Cell#size()} items. */
    Cell get(int cell) {
        int slot = slot(cell);
        return keys[slot] == FREE || cells[slot].size == 0 ? null : cells[slot];
    }

    int cellCount() {
        return nonEmpty;
    }

    long entryCount() {
        return entries;
    }

    /** The slot holding the cell, or the free slot where it would go (linear probing). */
    private int slot(int cell) {
        int mask = keys.length - 1;
        int slot = (cell * 0x9E3779B9) >>> 7 & mask;
        while (keys[slot] != FREE && keys[slot] != cell) {
            slot = slot + 1 & mask;
        }
        return slot;
    }

    private void grow() {
        int[] oldKeys = keys;
        Cell[] oldCells = cells;
        keys = filled(oldKeys.length * 2);
        cells = new Cell[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE) {
                int slot = slot(oldKeys[i]);
                keys[slot] = oldKeys[i];
                cells[slot] = oldCells[i];
            }
        }
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, FREE);
        return a;
    }

    /**
     * A growable array of entries and their tags; removal swaps the last entry in, so order is not kept. A cell of
     * more than {@link #INDEXED_FROM} entries also knows where each entry is, so that removing one (a volunteer's
     * new availability replaces them) does not scan a crowded cell; the search reads only the arrays. An entry is
     * in a cell once at most (a volunteer once per bucket).
     */
    static final class Cell {
        static final int INDEXED_FROM = 32;

        private Object[] items = new Object[4];
        private long[] tags = new long[4];
        private int size;
        /** Where each entry is, by identity; null while the cell is small. */
        private IdentityHashMap<Object, Integer> at;

        private void add(Object item, long tag) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
                tags = Arrays.copyOf(tags, size * 2);
            }
            tags[size] = tag;
            items[size] = item;
            if (at != null) {
                at.put(item, size);
            } else if (size + 1 > INDEXED_FROM) {
                at = new IdentityHashMap<>(2 * items.length);
                for (int i = 0; i <= size; i++) {
                    at.put(items[i], i);
                }
            }
            size++;
        }

        private boolean remove(Object item) {
            int i;
            if (at != null) {
                Integer found = at.remove(item);
                if (found == null) {
                    return false;
                }
                i = found;
            } else {
                i = 0;
                while (i < size && items[i] != item) {
                    i++;
                }
                if (i == size) {
                    return false;
                }
            }
            int last = --size;
            if (i != last) {
                items[i] = items[last];
                tags[i] = tags[last];
                if (at != null) {
                    at.put(items[i], i);
                }
            }
            items[last] = null;
            tags[last] = 0;
            return true;
        }

        /** The tag the i-th entry was added with. */
        long tag(int i) {
            return tags[i];
        }

        int size() {
            return size;
        }

        @SuppressWarnings("unchecked")
        <T> T get(int i) {
            return (T) items[i];
        }
    }
}
