package org.wushe.hub.volunteer;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the volunteer service ({@code wushe.volunteer.*}).
 *
 * @param zone          where calendar days are counted (service dates, the daily points cap): China Standard Time
 * @param expiryInterval how often points past their expiry are written off
 * @param expiryBatch   accounts written off per run at most
 */
@ConfigurationProperties("wushe.volunteer")
public record VolunteerProperties(@DefaultValue("Asia/Shanghai") ZoneId zone,
                                  @DefaultValue("PT1H") Duration expiryInterval,
                                  @DefaultValue("500") int expiryBatch) {
}
