package org.wushe.hub.resource;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the resource service ({@code wushe.resource.*}).
 *
 * @param zone            where calendar dates (expiry dates) and weekly slots are read: stations work in China Standard Time
 * @param reservationHold how long a reservation is held after its scheduled end (or after it was made, for goods and
 *                        funds) before it lapses and goes back to the offer
 * @param expiryInterval  how often the expiry job looks for expired goods, ended offers and lapsed reservations
 */
@ConfigurationProperties("wushe.resource")
public record ResourceProperties(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("P7D") Duration reservationHold,
        @DefaultValue("PT1M") Duration expiryInterval) {}
