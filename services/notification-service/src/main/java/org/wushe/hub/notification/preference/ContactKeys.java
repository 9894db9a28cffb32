package org.wushe.hub.notification.preference;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.hub.notification.NotificationProperties;
import org.wushe.hub.platform.privacy.DataKeys;
import org.wushe.hub.platform.privacy.FieldCipher;

/**
 * Where the key of addresses comes from: {@code wushe.notification.contact-key} (production: a secret store,
 * {@code WUSHE_NOTIFICATION_CONTACT_KEY}), or, for a local run without one, a key generated once into {@code
 * <data-dir>/notification/contact.key} readable by its owner only (the platform's {@link DataKeys}).
 */
@Configuration(proxyBeanMethods = false)
public class ContactKeys {

    @Bean
    ContactCipher contactCipher(NotificationProperties properties) {
        String key = DataKeys.key(
                properties.contactKey(),
                properties.dataDir().resolve("notification").resolve("contact.key"),
                "WUSHE_NOTIFICATION_CONTACT_KEY");
        return new ContactCipher(FieldCipher.fromBase64(key, ContactCipher.PURPOSE));
    }
}
