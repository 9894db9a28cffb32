package org.wushe.hub.volunteer;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the volunteer service ({@code wushe.volunteer.*}).
 *
 * @param zone               where calendar days are counted (service dates, the daily points cap): China Standard Time
 * @param expiryInterval     how often points past their expiry are written off
 * @param expiryBatch        accounts written off per run at most
 * @param detailsKey         base64 AES-256 key for volunteers' name, phone and hardship flag (production: a secret
 *                           store, {@code WUSHE_VOLUNTEER_DETAILS_KEY}); empty: a key file under {@code dataDir}
 * @param dataDir            where a locally generated key lives ({@code volunteer/details.key})
 * @param hoursBackdateLimit how far back hand-logged hours may have been served (whole days, counted in {@link #zone})
 */
@ConfigurationProperties("wushe.volunteer")
public record VolunteerProperties(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("PT1H") Duration expiryInterval,
        @DefaultValue("500") int expiryBatch,
        String detailsKey,
        @DefaultValue(".local-data") Path dataDir,
        @DefaultValue("7d") Duration hoursBackdateLimit) {

    public VolunteerProperties {
        if (hoursBackdateLimit.isNegative() || hoursBackdateLimit.toDays() > 366) {
            throw new IllegalArgumentException(
                    "wushe.volunteer.hours-backdate-limit must be between 0 and 366 days, not " + hoursBackdateLimit);
        }
    }
}
