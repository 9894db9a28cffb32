package org.wushe.hub.resource.common;

import org.wushe.hub.events.common.Place;
import org.wushe.hub.events.common.TimeWindow;

/**
 * The shared values as the events carry them ({@code schemas/src/main/avro/common/}): a coarse place, a time window
 * and a weekly slot, for the features' own {@code …Events} classes to put into their events.
 */
public final class CommonEvents {

    private CommonEvents() {}

    public static Place place(CoarsePlace p) {
        return Place.newBuilder()
                .setDistrictCode(p.districtCode())
                .setStreetCode(p.streetCode())
                .setCommunityId(p.communityId())
                .setGridId(p.gridId())
                .setGeohash(p.geohash())
                .setLatitude(p.latitude())
                .setLongitude(p.longitude())
                .build();
    }

    public static TimeWindow window(Window w) {
        return TimeWindow.newBuilder().setStart(w.start()).setEnd(w.end()).build();
    }

    public static org.wushe.hub.events.common.WeeklySlot slot(WeeklySlot s) {
        return org.wushe.hub.events.common.WeeklySlot.newBuilder()
                .setDay(org.wushe.hub.events.common.DayOfWeek.valueOf(s.day().name()))
                .setStart(s.start())
                .setEnd(s.end())
                .build();
    }
}
