package org.wushe.hub.resource.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.resource.support.Http;
import org.wushe.hub.resource.support.ResourceServiceTest;
import org.wushe.hub.resource.support.Samples;
import tools.jackson.databind.JsonNode;

/** What operators and API users read: health, Prometheus metrics, the OpenAPI description and Swagger UI. */
class OperationsTest extends ResourceServiceTest {

    @Test
    void healthIsUpWithTheDatabase() {
        Http.Response health = http().get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void prometheusShowsTheReservationsMade() {
        UUID offer = createOffer(Samples.goods(registerDonor("通州某便利店 a corner shop"), 5, "PIECE", null));
        assertThat(reserve(
                                offer,
                                UUID.randomUUID().toString(),
                                Map.of("needId", UUID.randomUUID().toString(), "quantity", 1))
                        .status())
                .isEqualTo(201);

        Http.Response metrics = http().get("/actuator/prometheus");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw())
                .contains("wushe_resource_reservations_total{", "outcome=\"reserved\"", "http_server_requests_seconds");
    }

    @Test
    void theOpenApiDescriptionCoversEveryEndpoint() {
        Http.Response docs = http().get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.body().get("paths");
        // The document says how to call it: a bearer JWT (Swagger UI's Authorize button).
        assertThat(docs.body().at("/components/securitySchemes/bearer/scheme").asText())
                .isEqualTo("bearer");
        assertThat(docs.body().at("/security/0").has("bearer")).isTrue();
        assertThat(paths.propertyNames())
                .contains(
                        "/donors",
                        "/donors/{donorId}",
                        "/offers",
                        "/offers/{offerId}",
                        "/offers/{offerId}/stock",
                        "/offers/{offerId}/reservations",
                        "/reservations/{reservationId}",
                        "/reservations/{reservationId}/release",
                        "/reservations/{reservationId}/consumption",
                        "/directory/hsds",
                        "/directory/hsds/services",
                        "/directory/hsds/services/{serviceId}");
        assertThat(http().get("/swagger-ui.html").status()).isIn(200, 302);
    }
}
