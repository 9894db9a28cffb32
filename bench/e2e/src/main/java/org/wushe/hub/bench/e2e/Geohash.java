package org.wushe.hub.bench.e2e;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.wushe.hub.platform.place.Geohashes;

/** Geohash-6 cells: the one a point is in, and that cell with its eight neighbours (places are never finer). */
final class Geohash {

    /** Height and width of a geohash-6 cell in degrees (15 latitude bits, 15 longitude bits). */
    static final double CELL_LAT = 180.0 / (1 << 15);

    static final double CELL_LON = 360.0 / (1 << 15);

    private Geohash() {}

    static String of(double lat, double lon) {
        return Geohashes.encode(lat, lon, Geohashes.MAX_LENGTH);
    }

    /** The cell of the point first, then its eight neighbours. */
    static List<String> withNeighbours(double lat, double lon) {
        Set<String> cells = new LinkedHashSet<>();
        cells.add(of(lat, lon));
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                cells.add(of(lat + dy * CELL_LAT, lon + dx * CELL_LON));
            }
        }
        return new ArrayList<>(cells);
    }
}
