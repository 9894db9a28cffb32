package org.wushe.hub.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's path rules, applied before the platform's last rule (every other path needs a valid
 * token). Declare one bean per service; see {@link Rules}.
 */
@FunctionalInterface
public interface WusheAccessRules {

    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry registry);
}
