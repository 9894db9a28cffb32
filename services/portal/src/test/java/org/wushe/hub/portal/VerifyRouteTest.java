package org.wushe.hub.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A certificate's QR opens {@code <portal>/verify/<code>}: the portal relays it, without anyone signed in, to
 * volunteer-service's page (here a real HTTP server standing in for it), and never passes on the person's cookies or
 * a token.
 */
@SpringBootTest(
        classes = PortalApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wushe.portal.issuer=http://127.0.0.1:9", "wushe.portal.client-secret=unused"})
class VerifyRouteTest {

    private static final Map<String, List<String>> SEEN = new ConcurrentHashMap<>();
    private static final HttpServer VOLUNTEER = volunteerService();

    private static HttpServer volunteerService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                SEEN.put("path", List.of(exchange.getRequestURI().getPath()));
                SEEN.put("cookie", exchange.getRequestHeaders().getOrDefault("Cookie", List.of()));
                SEEN.put("authorization", exchange.getRequestHeaders().getOrDefault("Authorization", List.of()));
                byte[] page = "<p>张*明 2.5 小时 hours</p>".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/html;charset=UTF-8");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add(
                "wushe.portal.services.volunteer",
                () -> "http://127.0.0.1:" + VOLUNTEER.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        VOLUNTEER.stop(0);
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void theVerificationPageIsRelayedAnonymouslyToTheVolunteerService() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/verify/VXYRHV7R738E"))
                                .header("Cookie", "WUSHE_SESSION=abc")
                                .header("Authorization", "Bearer not-for-the-service")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("张*明");
        assertThat(SEEN.get("path")).containsExactly("/verify/VXYRHV7R738E");
        assertThat(SEEN.get("cookie")).isEmpty();
        assertThat(SEEN.get("authorization")).isEmpty();
    }
}
