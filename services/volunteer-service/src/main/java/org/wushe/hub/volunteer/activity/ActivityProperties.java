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
 * @param venueCodeKey            base64 key (at least 32 bytes) signing the venue's check-in and check-out codes
 *                                (HMAC-SHA256; production: a secret store, {@code WUSHE_VOLUNTEER_ACTIVITIES_VENUE_CODE_KEY});
 *                                empty: generated once into {@code <data-dir>/volunteer/venue-code.key} (0600)
 * @param venueCodeValidity       how long a venue code may be scanned after it is shown
 * @param hoursRoundingUnit       attendance hours are rounded to this unit (default half an hour)
 * @param hoursRounding           DOWN (the field's rule, default), NEAREST or UP
 * @param dailyMaximum            at most this much service is counted per local day of an attendance (default 8 h)
 * @param backfillDays            an activity recorded after it was held (活动补录) started at most this many days ago
 *                                (default 30, as the field accepts service records entered afterwards)
 */
@ConfigurationProperties("wushe.volunteer.activities")
public record ActivityProperties(
        @DefaultValue("3") int noShowLimit,
        @DefaultValue("90d") Duration noShowWindow,
        @DefaultValue("10") int defaultWaitingListLimit,
        String venueCodeKey,
        @DefaultValue("5m") Duration venueCodeValidity,
        @DefaultValue("30m") Duration hoursRoundingUnit,
        @DefaultValue("DOWN") Rounding hoursRounding,
        @DefaultValue("8h") Duration dailyMaximum,
        @DefaultValue("30") int backfillDays) {

    /** How attendance minutes are rounded to {@link #hoursRoundingUnit}. */
    public enum Rounding {
        DOWN,
        NEAREST,
        UP
    }

    public ActivityProperties {
        if (noShowLimit < 1) {
            throw new IllegalArgumentException(
                    "wushe.volunteer.activities.no-show-limit must be at least 1, not " + noShowLimit);
        }
        if (noShowWindow.isNegative() || noShowWindow.isZero() || noShowWindow.toDays() > 3660) {
            throw new IllegalArgumentException(
                    "wushe.volunteer.activities.no-show-window must be between 1 day and 10 years, not "
                            + noShowWindow);
        }
        if (defaultWaitingListLimit < 0 || defaultWaitingListLimit > MAX_WAITING_LIST) {
            throw new IllegalArgumentException(
                    "wushe.volunteer.activities.default-waiting-list-limit must be between 0 and " + MAX_WAITING_LIST
                            + ", not " + defaultWaitingListLimit);
        }
        if (venueCodeValidity.toSeconds() < 30 || venueCodeValidity.toMinutes() > 60) {
            throw new IllegalArgumentException(
                    "wushe.volunteer.activities.venue-code-validity must be between 30 seconds and an hour, not "
                            + venueCodeValidity);
        }
        if (hoursRoundingUnit.toMinutes() < 1 || hoursRoundingUnit.toMinutes() > 120) {
            throw new IllegalArgumentException(
                    "wushe.volunteer.activities.hours-rounding-unit must be between 1 and 120 minutes, not "
                            + hoursRoundingUnit);
        }
        if (dailyMaximum.toMinutes() < 1 || dailyMaximum.toHours() > 24) {
            throw new IllegalArgumentException(
                    "wushe.volunteer.activities.daily-maximum must be between 1 minute and 24 hours, not "
                            + dailyMaximum);
        }
        if (backfillDays < 1 || backfillDays > 366) {
            throw new IllegalArgumentException(
                    "wushe.volunteer.activities.backfill-days must be between 1 and 366, not " + backfillDays);
        }
    }

    public static final int MAX_WAITING_LIST = 1000;
}
