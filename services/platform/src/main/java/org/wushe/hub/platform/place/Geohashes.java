package org.wushe.hub.platform.place;

import java.util.Locale;
import java.util.regex.Pattern;
import org.wushe.hub.platform.core.Geohash;

/**
 * Coarse places: geohash cells of at most 6 characters (about 1.2 km x 0.6 km) and their centres, as the services
 * take and publish them. The encoding itself is platform-core's {@link Geohash}, which the engine uses too.
 */
public final class Geohashes {

    public static final int MAX_LENGTH = 6;
    private static final Pattern VALID = Pattern.compile("[0-9bcdefghjkmnpqrstuvwxyz]{1,12}");

    private Geohashes() {}

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
        return geohash == null
                || geohash.isBlank()
                || VALID.matcher(geohash.strip().toLowerCase(Locale.ROOT)).matches();
    }

    /** The geohash of a point, {@code precision} characters long (1-12); {@link #MAX_LENGTH} for a coarse cell. */
    public static String encode(double latitude, double longitude, int precision) {
        return Geohash.encode(latitude, longitude, precision);
    }

    /** Centre of the cell as {latitude, longitude}, rounded to 2 decimals (about 1 km). */
    public static double[] centre(String geohash) {
        double[] centre = Geohash.decode(geohash);
        return new double[] {CoarsePlaces.round2(centre[0]), CoarsePlaces.round2(centre[1])};
    }
}
