package org.wushe.hub.platform.core;

import java.util.Locale;

/**
 * Geohash cells: the one a point is in ({@link #encode}) and the centre of a cell ({@link #decode}). The hub keeps
 * places as cells of at most 6 characters (about 1.2 km x 0.6 km); the services' rules for that live in the
 * platform ({@code org.wushe.hub.platform.place.Geohashes}), the engine's grid in the engine.
 */
public final class Geohash {

    private static final String BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz";

    private Geohash() {}

    /** The cell of a point, {@code precision} characters long (1-12). */
    public static String encode(double latitude, double longitude, int precision) {
        if (precision < 1 || precision > 12) {
            throw new IllegalArgumentException("precision must be 1-12, was " + precision);
        }
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("not a point: " + latitude + ", " + longitude);
        }
        double[] lat = {-90, 90};
        double[] lon = {-180, 180};
        StringBuilder hash = new StringBuilder(precision);
        boolean even = true;
        int bit = 0;
        int ch = 0;
        while (hash.length() < precision) {
            double[] range = even ? lon : lat;
            double value = even ? longitude : latitude;
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

    /**
     * The centre of a cell of 1 to 12 characters (any case, surrounding blanks ignored) as {latitude, longitude},
     * unrounded; throws for anything else.
     */
    public static double[] decode(String geohash) {
        String hash = geohash.strip().toLowerCase(Locale.ROOT);
        if (hash.isEmpty() || hash.length() > 12) {
            throw new IllegalArgumentException("a geohash has 1 to 12 characters, got '" + geohash + "'");
        }
        double[] lat = {-90, 90};
        double[] lon = {-180, 180};
        boolean even = true;
        for (int i = 0; i < hash.length(); i++) {
            int bits = BASE32.indexOf(hash.charAt(i));
            if (bits < 0) {
                throw new IllegalArgumentException(
                        "'" + hash.charAt(i) + "' is not a geohash character in '" + geohash + "'");
            }
            for (int mask = 16; mask > 0; mask >>= 1) {
                double[] range = even ? lon : lat;
                double mid = (range[0] + range[1]) / 2;
                if ((bits & mask) != 0) {
                    range[0] = mid;
                } else {
                    range[1] = mid;
                }
                even = !even;
            }
        }
        return new double[] {(lat[0] + lat[1]) / 2, (lon[0] + lon[1]) / 2};
    }
}
