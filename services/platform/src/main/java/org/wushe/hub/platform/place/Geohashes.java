package org.wushe.hub.platform.place;

import java.util.Locale;
import java.util.regex.Pattern;

/** Coarse places: geohash cells of at most 6 characters (about 1.2 km x 0.6 km) and their centres. */
public final class Geohashes {

    public static final int MAX_LENGTH = 6;
    private static final String BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz";
    private static final Pattern VALID = Pattern.compile("[0-9bcdefghjkmnpqrstuvwxyz]{1,12}");

    private Geohashes() {
    }

    /**
     * Lower-cases and truncates to the coarse cell; null for blank; throws for a malformed hash.
     * Call {@link #isValid} first to reject bad input with a field-level message.
     */
    public static String coarse(String geohash) {
        if (geohash == null || geohash.isBlank()) {
            return null;
        }
        String g = geohash.strip().toLowerCase(Locale.ROOT);
        if (!VALID.matcher(g).matches()) {
            throw new IllegalArgumentException("not a geohash (1-12 characters of 0-9 and b-z without a, i, l, o)");
        }
        return truncate(g);
    }

    /** Cuts a hash to at most {@link #MAX_LENGTH} characters, as is (no validation, no case change); null stays null. */
    public static String truncate(String geohash) {
        return geohash == null || geohash.length() <= MAX_LENGTH ? geohash : geohash.substring(0, MAX_LENGTH);
    }

    /** True for null, blank or 1-12 geohash characters (any case, surrounding blanks ignored). */
    public static boolean isValid(String geohash) {
        return geohash == null || geohash.isBlank() || VALID.matcher(geohash.strip().toLowerCase(Locale.ROOT)).matches();
    }

    /** The geohash of a point, {@code precision} characters long (1-12); {@link #MAX_LENGTH} for a coarse cell. */
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
        return new double[] {CoarsePlaces.round2((lat[0] + lat[1]) / 2), CoarsePlaces.round2((lon[0] + lon[1]) / 2)};
    }
}
