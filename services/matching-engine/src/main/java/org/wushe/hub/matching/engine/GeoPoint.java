package org.wushe.hub.matching.engine;

/**
 * A WGS-84 position. Places in the hub's events are coarse (latitude and longitude rounded to 2 decimals,
 * about 1 km), so every distance the engine reports is an approximation.
 */
public record GeoPoint(double latitude, double longitude) {

    public GeoPoint {
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException("latitude must be within [-90, 90], got " + latitude);
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("longitude must be within [-180, 180], got " + longitude);
        }
    }
}
