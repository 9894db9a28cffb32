package org.wushe.hub.volunteer.volunteer;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.UUID;

/**
 * A volunteer's coarse home area (大致住址): district, street, community, grid and at most a 6-character
 * geohash. Never an address: that is what the hub promises residents, and volunteers too.
 */
public record HomeArea(
        @NotNull @Pattern(regexp = "\\d{6}", message = "{volunteer.district-code}")
        String districtCode,

        @Pattern(regexp = "\\d{9}", message = "{volunteer.street-code}")
        String streetCode,

        UUID communityId,
        UUID gridId,

        @Size(min = 1, max = 12) @Pattern(regexp = "(?i)[0-9b-hjkmnp-z]*", message = "{place.not-a-geohash}")
        String geohash) {

    public static final int GEOHASH_PRECISION = 6;

    public HomeArea {
        // A finer cell would tell where someone lives: keep at most ~1.2 km x 0.6 km.
        if (geohash != null) {
            geohash = geohash.toLowerCase(Locale.ROOT);
            if (geohash.length() > GEOHASH_PRECISION) {
                geohash = geohash.substring(0, GEOHASH_PRECISION);
            }
        }
    }
}
