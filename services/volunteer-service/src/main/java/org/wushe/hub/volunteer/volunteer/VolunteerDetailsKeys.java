package org.wushe.hub.volunteer.volunteer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.hub.platform.privacy.DataKeys;
import org.wushe.hub.platform.privacy.FieldCipher;
import org.wushe.hub.volunteer.VolunteerProperties;

/**
 * Where the key of volunteers' details comes from: {@code wushe.volunteer.details-key} (production: a secret
 * store, {@code WUSHE_VOLUNTEER_DETAILS_KEY}), or, for a local run without one, a key generated once into
 * {@code <data-dir>/volunteer/details.key} readable by its owner only (the platform's {@link DataKeys}).
 */
@Configuration(proxyBeanMethods = false)
public class VolunteerDetailsKeys {

    @Bean
    VolunteerDetailsCipher volunteerDetailsCipher(VolunteerProperties properties) {
        String key = DataKeys.key(
                properties.detailsKey(),
                properties.dataDir().resolve("volunteer").resolve("details.key"),
                "WUSHE_VOLUNTEER_DETAILS_KEY");
        return new VolunteerDetailsCipher(FieldCipher.fromBase64(key, VolunteerDetailsCipher.PURPOSE));
    }
}
