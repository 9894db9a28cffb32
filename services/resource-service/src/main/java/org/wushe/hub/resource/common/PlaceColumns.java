package org.wushe.hub.resource.common;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** How a {@link CoarsePlace} is kept in the columns shared by the donor and offer tables. */
public final class PlaceColumns {

    public static final String COLUMNS =
            "place_name, district_code, street_code, place_community_id, grid_id, geohash, latitude, longitude";
    public static final String PARAMS =
            ":place_name, :district_code, :street_code, :place_community_id, :grid_id, :geohash, :latitude, :longitude";

    private PlaceColumns() {}

    public static Map<String, Object> params(CoarsePlace p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("place_name", p.name());
        m.put("district_code", p.districtCode());
        m.put("street_code", p.streetCode());
        m.put("place_community_id", p.communityId());
        m.put("grid_id", p.gridId());
        m.put("geohash", p.geohash());
        m.put("latitude", p.latitude() == null ? null : BigDecimal.valueOf(p.latitude()));
        m.put("longitude", p.longitude() == null ? null : BigDecimal.valueOf(p.longitude()));
        return m;
    }

    public static CoarsePlace read(ResultSet rs) throws SQLException {
        return new CoarsePlace(
                rs.getString("place_name"),
                rs.getString("district_code"),
                rs.getString("street_code"),
                rs.getObject("place_community_id", UUID.class),
                rs.getObject("grid_id", UUID.class),
                rs.getString("geohash"),
                decimal(rs.getBigDecimal("latitude")),
                decimal(rs.getBigDecimal("longitude")));
    }

    private static Double decimal(BigDecimal d) {
        return d == null ? null : d.doubleValue();
    }
}
