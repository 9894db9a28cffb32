package org.wushe.hub.auth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The embedded hub's OAuth2 authorization server and OpenID Connect provider (Spring Authorization
 * Server): staff, volunteers and managers sign in here (authorization code + PKCE), the sample loader
 * gets a client-credentials token, and every service verifies the tokens against this issuer's keys.
 * Accounts and their roles and tenancy claims live in this service's own schema.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuthServiceApplication.class, args);
    }
}
