package org.wushe.hub.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The hub's one front door (门户): people sign in here through the issuer and get a session cookie; the
 * access token stays in this process and is relayed to the services ({@link Routes}); the workspaces are
 * a Vue app served from {@code classpath:/static/}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PortalApplication {

    public static void main(String[] args) {
        SpringApplication.run(PortalApplication.class, args);
    }
}
