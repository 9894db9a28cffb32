package org.wushe.hub.community.community;

import java.util.UUID;

import org.wushe.hub.events.common.Place;

/** Builds the coarse {@link Place} events carry: codes, community, grid, a geohash cell of at most 6 characters. */
public final class Places {

    private Places() {
    }

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

    public static Place of(Community community, UUID gridId, String geohash) {
        return of(community.districtCode(), community.streetCode(), community.id(), gridId,
                geohash != null ? geohash : community.geohash());
    }
}
