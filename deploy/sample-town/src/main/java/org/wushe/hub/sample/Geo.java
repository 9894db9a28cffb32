package org.wushe.hub.sample;

import java.util.Random;
import org.wushe.hub.platform.core.Geohash;

/** Coarse places: geohash cells of 6 characters (about 1.2 km × 0.6 km), as the services keep them. */
final class Geo {

    private Geo() {}

    record Point(double lat, double lon) {

        /** A point within about {@code metres} of this one. */
        Point jitter(Random r, double metres) {
            double dLat = (r.nextDouble() * 2 - 1) * metres / 111_000.0;
            double dLon = (r.nextDouble() * 2 - 1) * metres / (111_000.0 * Math.cos(Math.toRadians(lat)));
            return new Point(lat + dLat, lon + dLon);
        }

        /** Metres east and north of this point. */
        Point offset(double eastMetres, double northMetres) {
            return new Point(
                    lat + northMetres / 111_000.0, lon + eastMetres / (111_000.0 * Math.cos(Math.toRadians(lat))));
        }

        String cell() {
            return geohash(lat, lon, 6);
        }
    }

    /** The geohash of a point: platform-core's {@link Geohash} (plain Java, below the platform). */
    static String geohash(double lat, double lon, int precision) {
        return Geohash.encode(lat, lon, precision);
    }
}
