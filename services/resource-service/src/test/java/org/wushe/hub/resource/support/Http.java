package org.wushe.hub.resource.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.wushe.hub.testing.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Real HTTP against the running service, JSON in and out. Every request carries a bearer token: the hub
 * admin's ({@link TestTokens#admin()}) unless made with {@link #as(String)} or given an
 * {@code Authorization} header (an empty value sends none).
 */
public final class Http {

    public record Response(int status, String contentType, JsonNode body, String raw) {
        public String problemField() {
            return body.get("errors").get(0).get("field").asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final int port;
    private final String token;

    public Http(int port) {
        this(port, TestTokens.admin());
    }

    private Http(int port, String token) {
        this.port = port;
        this.token = token;
    }

    /** The same service called with {@code token} (null: with none). */
    public Http as(String token) {
        return new Http(port, token);
    }

    /** The same service called without a token. */
    public Http anonymous() {
        return as(null);
    }

    public Response get(String path) {
        return get(path, Map.of());
    }

    public Response get(String path, Map<String, String> headers) {
        return send(authorized(HttpRequest.newBuilder(uri(path)).GET(), headers).build());
    }

    public Response post(String path, Object body) {
        return post(path, body, Map.of());
    }

    public Response post(String path, Object body, Map<String, String> headers) {
        String text = body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text));
        return send(authorized(b, headers).build());
    }

    public Response put(String path, Object body) {
        String text = body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(text));
        return send(authorized(b, Map.of()).build());
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder b, Map<String, String> headers) {
        return TestTokens.withHeaders(
                b,
                token,
                headers.entrySet().stream()
                        .flatMap(h -> java.util.stream.Stream.of(h.getKey(), h.getValue()))
                        .toArray(String[]::new));
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            String raw = r.body();
            JsonNode body =
                    raw == null || raw.isBlank() || !raw.trim().matches("(?s)[\\[{].*") ? null : JSON.readTree(raw);
            return new Response(
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), body, raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
