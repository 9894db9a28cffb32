package org.wushe.hub.local.sample;

import java.util.Random;

/** Coarse places: geohash cells of 6 characters (about 1.2 km × 0.6 km), as the services keep them. */
final class Geo {

    private static final String BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz";

    private Geo() {
    }

    record Point(double lat, double lon) {

        /** A point within about {@code metres} of this one. */
        Point jitter(Random r, double metres) {
            double dLat = (r.nextDouble() * 2 - 1) * metres / 111_000.0;
            double dLon = (r.nextDouble() * 2 - 1) * metres / (111_000.0 * Math.cos(Math.toRadians(lat)));
            return new Point(lat + dLat, lon + dLon);
        }

        /** Metres east and north of this point. */
        Point offset(double eastMetres, double northMetres) {
            return new Point(lat + northMetres / 111_000.0, lon + eastMetres / (111_000.0 * Math.cos(Math.toRadians(lat))));
        }

        String cell() {
            return geohash(lat, lon, 6);
        }
    }

    /**
     * As {@code org.wushe.hub.platform.place.Geohashes.encode}: wushe-local sits below the platform in the
     * build (the platform's tests run on it), so it cannot use that one.
     */
    static String geohash(double lat, double lon, int precision) {
        double[] la = {-90, 90};
        double[] lo = {-180, 180};
        StringBuilder hash = new StringBuilder(precision);
        boolean even = true;
        int bit = 0;
        int ch = 0;
        while (hash.length() < precision) {
            double[] range = even ? lo : la;
            double value = even ? lon : lat;
            double mid = (range[0] + range[1]) / 2;
            if (value >= mid) {
                ch |= 1 << (4 - bit);
                range[0] = mid;
            } else {
                range[1] = mid;
            }
            even = !even;
            if (++bit == 5) {
                hash.append(BASE32.charAt(ch));
                bit = 0;
                ch = 0;
            }
        }
        return hash.toString();
    }
}
