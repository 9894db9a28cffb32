package org.wushe.hub.matching.engine;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The cells within the engine's distance limit around a place, nearest first ({@link Geo#cellsByDistance}), kept
 * per place. Places in the hub's events are coarse (2 decimals or a geohash-6 centre), so a city's needs come from a
 * few thousand distinct places and most searches find their cells here instead of measuring and sorting a few
 * hundred cells. The order only depends on the place and the limit, so a cached one is the one computed anew.
 * Thread-safe; at most {@link #LIMIT} places (about 4 KB each), then it starts again.
 */
final class CellCache {

    static final int LIMIT = 16_384;

    private final double radiusKm;
    private final ConcurrentHashMap<Place, Geo.CellOrder> orders = new ConcurrentHashMap<>();

    CellCache(double radiusKm) {
        this.radiusKm = radiusKm;
    }

    /** The cells around {@code at}; {@code projection} is the one at its latitude. */
    Geo.CellOrder around(Geo.Projection projection, GeoPoint at) {
        Place place = new Place(at.latitude(), at.longitude());
        Geo.CellOrder cells = orders.get(place);
        if (cells == null) {
            cells = Geo.cellsByDistance(projection, at.latitude(), at.longitude(), radiusKm);
            if (orders.size() >= LIMIT) {
                orders.clear();
            }
            orders.put(place, cells);
        }
        return cells;
    }

    /** Records compare doubles bit by bit, so only the very same coordinates share an entry. */
    private record Place(double latitude, double longitude) {}
}
