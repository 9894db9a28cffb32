package org.wushe.hub.notification.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.platform.security.Rules;
import org.wushe.hub.platform.security.WusheAccessRules;

/**
 * Path rules of this service ({@value Roles#HUB_ADMIN} passes each, but holds no inbox). Everything under {@code
 * /notifications} is the caller's own: volunteers ({@value Roles#VOLUNTEER}) and station staff ({@value
 * Roles#STATION_STAFF}); which notifications are theirs is decided in the code from the tenancy their token holds
 * ({@link org.wushe.hub.notification.outbox.Recipient#of}), compared with each row's recipient, never by role alone.
 */
@Configuration(proxyBeanMethods = false)
public class NotificationAccessRules {

    @Bean
    WusheAccessRules notificationPathRules() {
        return r -> r.requestMatchers("/notifications/**").access(Rules.roles(Roles.VOLUNTEER, Roles.STATION_STAFF));
    }
}
