package org.wushe.hub.organization.common;

import java.util.UUID;

import org.wushe.hub.events.common.Place;

/** Builds the coarse {@link Place} events carry: codes, community, a geohash cell of at most 6 characters and its centre. */
public final class Places {

    private Places() {
    }

    public static Place of(String districtCode, String streetCode, UUID communityId, String geohash) {
        Place.Builder place = Place.newBuilder()
                .setDistrictCode(districtCode)
                .setStreetCode(streetCode)
                .setCommunityId(communityId);
        String cell = Geohashes.coarse(geohash);
        if (cell != null) {
            double[] centre = Geohashes.centre(cell);
            place.setGeohash(cell).setLatitude(centre[0]).setLongitude(centre[1]);
        }
        return place.build();
    }
}
