package org.wushe.hub.volunteer.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.wushe.hub.testing.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Plain HTTP against the running service, as a client would call it. Every request carries a bearer
 * token: the hub admin's ({@link TestTokens#admin()}) unless made with {@link #as(String)} or given an
 * {@code Authorization} header (an empty value sends none).
 */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper();

    public record Response(int status, HttpResponse<String> raw) {
        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public String body() {
            return raw.body();
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        /** The field named by the first error of a problem response. */
        public String problemField() {
            return json().get("errors").get(0).get("field").asText();
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    /** A response read as bytes: a PDF, a CSV with its byte-order mark, an XLSX. */
    public record Binary(int status, byte[] body, HttpResponse<byte[]> raw) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String token;

    public Http(int port) {
        this("http://127.0.0.1:" + port, TestTokens.admin());
    }

    private Http(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** The same service called with {@code token} (null: with none). */
    public Http as(String token) {
        return new Http(base, token);
    }

    /** The same service called without a token. */
    public Http anonymous() {
        return as(null);
    }

    public Response get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    public Binary getBytes(String path, String... headers) {
        try {
            HttpResponse<byte[]> r =
                    client.send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Binary(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response delete(String path, String... headers) {
        return send(request(path, headers).DELETE().build());
    }

    public Response post(String path, Object body, String... headers) {
        return send(request(path, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text(body)))
                .build());
    }

    public Response put(String path, Object body, String... headers) {
        return send(request(path, headers)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(text(body)))
                .build());
    }

    private static String text(Object body) {
        return body instanceof String s ? s : JSON.writeValueAsString(body);
    }

    private HttpRequest.Builder request(String path, String... headers) {
        return TestTokens.withHeaders(HttpRequest.newBuilder(URI.create(base + path)), token, headers);
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
