package org.wushe.hub.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The index's cells keep exactly their entries and tags through adds and removals, small and crowded alike. */
class GridIndexTest {

    private record Entry(int n) {}

    @Test
    void aCrowdedCellKeepsItsEntriesAndTagsThroughRemovalsInAnyOrder() {
        GridIndex<Entry> index = new GridIndex<>();
        Random random = new Random(7);
        Map<Entry, Long> expected = new HashMap<>();
        List<Entry> added = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Entry e = new Entry(i);
            index.add(42, e, i * 3L);
            expected.put(e, i * 3L);
            added.add(e);
        }
        index.add(43, new Entry(-1), 0);
        Collections.shuffle(added, random);
        for (int k = 0; k < added.size(); k++) {
            Entry gone = added.get(k);
            index.remove(42, gone);
            expected.remove(gone);
            if (k % 7 == 0) {
                // Entries come and go between removals, as volunteers' new availabilities replace them.
                Entry back = new Entry(1000 + k);
                index.add(42, back, k);
                expected.put(back, (long) k);
                index.remove(42, back);
                expected.remove(back);
            }
            assertThat(contents(index, 42)).isEqualTo(expected);
            assertThat(index.entryCount()).isEqualTo(expected.size() + 1L);
        }
        assertThat(index.get(42)).isNull();
        assertThat(index.cellCount()).isEqualTo(1);
    }

    @Test
    void removingWhatACellDoesNotHoldChangesNothing() {
        GridIndex<Entry> index = new GridIndex<>();
        Entry a = new Entry(1);
        index.add(7, a, 1);
        index.remove(7, new Entry(1)); // equal, but not the same entry
        index.remove(8, a);
        assertThat(contents(index, 7)).containsExactly(Map.entry(a, 1L));
        for (int i = 0; i < 100; i++) {
            index.add(7, new Entry(i + 10), i);
        }
        index.remove(7, new Entry(10));
        assertThat(index.entryCount()).isEqualTo(101);
        index.remove(7, a);
        index.remove(7, a);
        assertThat(index.entryCount()).isEqualTo(100);
        assertThat(contents(index, 7)).doesNotContainKey(a).hasSize(100);
    }

    private static Map<Entry, Long> contents(GridIndex<Entry> index, int cell) {
        Map<Entry, Long> out = new HashMap<>();
        GridIndex.Cell c = index.get(cell);
        if (c != null) {
            for (int i = 0; i < c.size(); i++) {
                Entry e = c.get(i);
                assertThat(out.put(e, c.tag(i))).as("entry %s twice", e).isNull();
            }
        }
        return out;
    }
}
