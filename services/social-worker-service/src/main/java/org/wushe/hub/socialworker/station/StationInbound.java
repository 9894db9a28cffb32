package org.wushe.hub.socialworker.station;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.wushe.hub.events.community.StationRegistered;
import org.wushe.hub.platform.inbox.InboundEvents;

/**
 * Binding {@code stationEvents-in-0} on {@code wushe.community.station} (group {@code social-worker-service}):
 * each StationRegistered once, in the transaction that records its id; an undecodable record goes to
 * {@code wushe.community.station.dlt}.
 */
@Configuration(proxyBeanMethods = false)
public class StationInbound {

    public static final String CONSUMER = "social-worker-service.stations";

    @Bean
    public Consumer<Message<byte[]>> stationEvents(InboundEvents inbound, Stations stations) {
        return inbound.consumer(CONSUMER)
                .on(
                        StationRegistered.class,
                        (envelope, s) -> stations.remember(new Station(
                                s.getStationId(),
                                s.getName(),
                                s.getLevel(),
                                s.getParentStationId(),
                                s.getCommunityId(),
                                List.copyOf(s.getServedCommunityIds()),
                                s.getPlace().getDistrictCode(),
                                s.getPlace().getStreetCode(),
                                s.getPlace().getGeohash(),
                                s.getOccurredAt())))
                .build();
    }
}
