package org.wushe.hub.notification;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notification service ({@code wushe.notification.*}).
 *
 * @param dispatchInterval how often the dispatcher looks for due deliveries (fixed delay)
 * @param dispatchBatch    deliveries taken per pass at most
 * @param retryBase        the wait after the first failed send; doubled after each further failure
 * @param retryMax         the longest wait between two attempts
 * @param maxAttempts      attempts before a delivery is failed
 * @param watchInterval    how often the reminder and deadline schedulers run
 * @param deadlineWarning  a station is told once when an open proposal expires within this
 * @param reminderAhead    a signed-up volunteer is reminded once when the activity starts within this
 * @param portalUrl        the portal's address, before the links of e-mails
 * @param mailFrom         the sender of e-mails
 * @param contactKey       base64 AES-256 key sealing addresses ({@code WUSHE_NOTIFICATION_CONTACT_KEY}); empty: a key
 *                         file under {@code dataDir}
 * @param dataDir          where a locally generated key lives ({@code notification/contact.key})
 */
@ConfigurationProperties("wushe.notification")
public record NotificationProperties(
        @DefaultValue("PT5S") Duration dispatchInterval,
        @DefaultValue("50") int dispatchBatch,
        @DefaultValue("PT30S") Duration retryBase,
        @DefaultValue("PT1H") Duration retryMax,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("PT1M") Duration watchInterval,
        @DefaultValue("PT2H") Duration deadlineWarning,
        @DefaultValue("PT24H") Duration reminderAhead,
        @DefaultValue("http://127.0.0.1:8090") String portalUrl,
        @DefaultValue("Wushe Hub <noreply@wushe.local>") String mailFrom,
        String contactKey,
        @DefaultValue(".local-data") Path dataDir) {

    public NotificationProperties {
        if (maxAttempts < 1 || dispatchBatch < 1) {
            throw new IllegalArgumentException("wushe.notification.max-attempts and dispatch-batch must be at least 1");
        }
    }
}
