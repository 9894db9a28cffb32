package org.wushe.hub.testing;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/** Assertions on the platform's problem bodies, the same for every service's tests. */
public final class Problems {

    private Problems() {}

    /**
     * A 403 {@code application/problem+json} of type {@code urn:wushe:problem:forbidden} naming {@code field} in its
     * first error and saying who may in {@code required}. {@code description} says what was refused when it is not.
     */
    public static void assertForbidden(
            int status, String contentType, JsonNode body, String description, String field, String required) {
        assertThat(status).as(description).isEqualTo(403);
        assertThat(contentType).startsWith("application/problem+json");
        assertThat(body.get("type").asText()).isEqualTo("urn:wushe:problem:forbidden");
        assertThat(body.get("errors").get(0).get("field").asText()).isEqualTo(field);
        assertThat(body.get("required").asText()).isEqualTo(required);
    }
}
