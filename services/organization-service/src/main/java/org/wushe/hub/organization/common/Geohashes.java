package org.wushe.hub.organization.common;

import java.util.Locale;
import java.util.regex.Pattern;

/** Coarse places: geohash cells of at most 6 characters (about 1.2 km x 0.6 km) and their centres. */
public final class Geohashes {

    public static final int MAX_LENGTH = 6;
    private static final String BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz";
    private static final Pattern VALID = Pattern.compile("[0-9bcdefghjkmnpqrstuvwxyz]{1,12}");

    private Geohashes() {
    }

    /** Lower-cased and cut to the coarse cell; null for blank. Call {@link #isValid} first. */
    public static String coarse(String geohash) {
        if (geohash == null || geohash.isBlank()) {
            return null;
        }
        String g = geohash.strip().toLowerCase(Locale.ROOT);
        if (!VALID.matcher(g).matches()) {
            throw new IllegalArgumentException("not a geohash");
        }
        return g.length() > MAX_LENGTH ? g.substring(0, MAX_LENGTH) : g;
    }

    public static boolean isValid(String geohash) {
        return geohash == null || geohash.isBlank() || VALID.matcher(geohash.strip().toLowerCase(Locale.ROOT)).matches();
    }

    /** Centre of the cell as {latitude, longitude}, rounded to 2 decimals (about 1 km). */
    public static double[] centre(String geohash) {
        double[] lat = {-90, 90};
        double[] lon = {-180, 180};
        boolean even = true;
        for (char c : geohash.toCharArray()) {
            int bits = BASE32.indexOf(c);
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
        return new double[] {Math.round((lat[0] + lat[1]) / 2 * 100) / 100.0, Math.round((lon[0] + lon[1]) / 2 * 100) / 100.0};
    }
}
