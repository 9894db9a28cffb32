package org.wushe.hub.platform.place;

import java.util.UUID;
import org.wushe.hub.events.common.Place;

/**
 * Builds the coarse {@link Place} events carry: codes, community, grid, a geohash cell of at most
 * 6 characters and its centre rounded to 2 decimals (about 1 km). Never an exact address (PIPL).
 */
public final class CoarsePlaces {

    private CoarsePlaces() {}

    /**
     * The place at the coarse cell of {@code geohash} (see {@link Geohashes#coarse}); without a geohash,
     * only codes, community and grid. {@code streetCode}, {@code communityId} and {@code gridId} may be null.
     */
    public static Place of(String districtCode, String streetCode, UUID communityId, UUID gridId, String geohash) {
        Place.Builder place = Place.newBuilder()
                .setDistrictCode(districtCode)
                .setStreetCode(streetCode)
                .setCommunityId(communityId)
                .setGridId(gridId);
        String cell = Geohashes.coarse(geohash);
        if (cell != null) {
            double[] centre = Geohashes.centre(cell);
            place.setGeohash(cell).setLatitude(centre[0]).setLongitude(centre[1]);
        }
        return place.build();
    }

    /** Rounds a coordinate to 2 decimals as {@code Math.round(v * 100) / 100.0} (half up on the binary value). */
    public static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
