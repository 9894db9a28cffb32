package org.wushe.hub.volunteer.activity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The field's rules for activities and sign-ups, as configuration ({@code wushe.volunteer.activities.*}).
 *
 * @param noShowLimit             this many no-shows (未到岗) within {@link #noShowWindow} refuse further sign-ups
 * @param noShowWindow            how far back no-shows count (by the end of the position the volunteer did not come to)
 * @param defaultWaitingListLimit how many may wait for a place (候补) when a position does not say
 */
@ConfigurationProperties("wushe.volunteer.activities")
public record ActivityProperties(@DefaultValue("3") int noShowLimit,
                                 @DefaultValue("90d") Duration noShowWindow,
                                 @DefaultValue("10") int defaultWaitingListLimit) {

    public ActivityProperties {
        if (noShowLimit < 1) {
            throw new IllegalArgumentException("wushe.volunteer.activities.no-show-limit must be at least 1, not " + noShowLimit);
        }
        if (noShowWindow.isNegative() || noShowWindow.isZero() || noShowWindow.toDays() > 3660) {
            throw new IllegalArgumentException("wushe.volunteer.activities.no-show-window must be between 1 day and 10 years, not " + noShowWindow);
        }
        if (defaultWaitingListLimit < 0 || defaultWaitingListLimit > MAX_WAITING_LIST) {
            throw new IllegalArgumentException("wushe.volunteer.activities.default-waiting-list-limit must be between 0 and "
                    + MAX_WAITING_LIST + ", not " + defaultWaitingListLimit);
        }
    }

    public static final int MAX_WAITING_LIST = 1000;
}
