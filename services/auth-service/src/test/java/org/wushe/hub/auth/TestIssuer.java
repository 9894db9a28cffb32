package org.wushe.hub.auth;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.wushe.hub.testing.TestStack;

/** The settings every auth-service test context starts with: its port and issuer, the schema, the key, the secrets. */
final class TestIssuer {

    private TestIssuer() {}

    /** An issuer on {@code port} keeping its rows in {@code schema} of the test stack's PostgreSQL. */
    static void settings(DynamicPropertyRegistry registry, int port, String redirect, String schema) {
        registry.add("server.port", () -> port);
        registry.add("wushe.auth.issuer", () -> "http://127.0.0.1:" + port);
        registry.add("spring.datasource.url", () -> TestStack.get().database().jdbcUrl() + "?currentSchema=" + schema);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", TestStack::databasePassword);
        registry.add(
                "wushe.auth.key-file",
                () -> Path.of("target", "auth-test-key-" + port + ".json")
                        .toAbsolutePath()
                        .toString());
        registry.add("wushe.auth.admin-password", () -> "admin-secret-1");
        registry.add("wushe.auth.loader-secret", () -> "loader-secret-1");
        registry.add("wushe.auth.redirect-uris", () -> redirect);
    }
}
