package org.wushe.hub.matching.engine;

import java.util.Arrays;
import org.wushe.hub.platform.core.Geohash;

/**
 * Coarse geography. The index's grid is the geohash grid of precision 6: 30 bits, 15 per axis, so each cell is
 * 360/2^15 degrees of longitude by 180/2^15 of latitude (about 0.94 km × 0.61 km in Beijing) and is named by its
 * integer column and row instead of its 6-character string. Distances use an equirectangular projection around
 * the need's latitude, exact to well under 1 % over the engine's few kilometres.
 */
final class Geo {

    private static final int AXIS_BITS = 15;
    static final double CELL_LON = 360.0 / (1 << AXIS_BITS);
    static final double CELL_LAT = 180.0 / (1 << AXIS_BITS);
    /** Kilometres per degree of latitude on a sphere of the mean Earth radius 6,371.0088 km. */
    static final double KM_PER_DEGREE = 111.195;

    private Geo() {}

    /** The place when given, else the centre of the geohash, else null. */
    static GeoPoint position(GeoPoint place, String geohash) {
        if (place != null) {
            return place;
        }
        return geohash == null || geohash.isBlank() ? null : decode(geohash);
    }

    /** Centre of a geohash cell of any precision up to 12 (platform-core's {@link Geohash}). */
    static GeoPoint decode(String geohash) {
        double[] centre = Geohash.decode(geohash);
        return new GeoPoint(centre[0], centre[1]);
    }

    /** The cell's column and row in one int (15 bits each), so cells hash well and box cheaply. */
    static int cell(double lat, double lon) {
        return key(axis((lon + 180) / CELL_LON), axis((lat + 90) / CELL_LAT));
    }

    private static int axis(double v) {
        return (int) Math.min((1 << AXIS_BITS) - 1, Math.max(0, Math.floor(v)));
    }

    private static int key(int x, int y) {
        return x << AXIS_BITS | y;
    }

    /** The grid cells whose nearest point lies within {@code radiusKm}, nearest first. */
    static CellOrder cellsByDistance(Projection p, double lat, double lon, double radiusKm) {
        int center = cell(lat, lon);
        int cx = center >>> AXIS_BITS;
        int cy = center & (1 << AXIS_BITS) - 1;
        int rx = (int) Math.ceil(radiusKm / (CELL_LON * p.kmPerLon())) + 1;
        int ry = (int) Math.ceil(radiusKm / (CELL_LAT * KM_PER_DEGREE)) + 1;
        int[] keys = new int[(2 * rx + 1) * (2 * ry + 1)];
        double[] km = new double[keys.length];
        long[] order = new long[keys.length];
        int n = 0;
        for (int dx = -rx; dx <= rx; dx++) {
            for (int dy = -ry; dy <= ry; dy++) {
                int x = cx + dx;
                int y = cy + dy;
                if (x < 0 || y < 0 || x >= 1 << AXIS_BITS || y >= 1 << AXIS_BITS) {
                    continue;
                }
                double d = p.kmToCell(lat, lon, x, y);
                if (d <= radiusKm) {
                    keys[n] = key(x, y);
                    km[n] = d;
                    // nearest first; ties in the order the loop met them (fixed, so searches are reproducible)
                    order[n] = (long) (d * 1_000_000) << 24 | n;
                    n++;
                }
            }
        }
        Arrays.sort(order, 0, n);
        int[] sortedKeys = new int[n];
        double[] sortedKm = new double[n];
        for (int i = 0; i < n; i++) {
            int at = (int) (order[i] & 0xFFFFFF);
            sortedKeys[i] = keys[at];
            sortedKm[i] = km[at];
        }
        return new CellOrder(sortedKeys, sortedKm);
    }

    /** Cells by increasing distance of their nearest point, in km. */
    record CellOrder(int[] keys, double[] minKm) {}

    /**
     * Equirectangular projection around a latitude. In it the nearest point of a cell to a position is found by
     * clamping, so a cell's distance never exceeds the distance of anything inside it: the search's bound is safe.
     */
    record Projection(double kmPerLon) {

        static Projection at(double latitude) {
            return new Projection(KM_PER_DEGREE * Math.cos(Math.toRadians(latitude)));
        }

        double km(double lat1, double lon1, double lat2, double lon2) {
            double dy = (lat1 - lat2) * KM_PER_DEGREE;
            double dx = (lon1 - lon2) * kmPerLon;
            return Math.sqrt(dx * dx + dy * dy);
        }

        double kmToCell(double lat, double lon, int x, int y) {
            double lonLo = x * CELL_LON - 180;
            double latLo = y * CELL_LAT - 90;
            double nearLon = Math.max(lonLo, Math.min(lon, lonLo + CELL_LON));
            double nearLat = Math.max(latLo, Math.min(lat, latLo + CELL_LAT));
            return km(lat, lon, nearLat, nearLon);
        }
    }
}
