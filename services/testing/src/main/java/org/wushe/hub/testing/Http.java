package org.wushe.hub.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Plain HTTP against the running service, as a client would call it. Every request carries a bearer
 * token: the hub admin's ({@link TestTokens#admin()}) unless made with {@link #as(String)} or given an
 * {@code Authorization} header (an empty value sends none).
 */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper();

    public record Response(int status, String contentType, byte[] bytes) {
        public JsonNode json() {
            return JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        }

        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** The field named by the first error of a problem response. */
        public String problemField() {
            return json().get("errors").get(0).get("field").asText();
        }
    }

    private final HttpClient client = HttpClient.newHttpClient();
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

    public Response post(String path, Object body, String... headers) {
        return send(request(path, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)))
                .build());
    }

    public Response put(String path, Object body, String... headers) {
        return send(request(path, headers)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)))
                .build());
    }

    /** A multipart/form-data upload of one file in the part {@code file}. */
    public Response upload(String path, String fileName, byte[] content, String... headers) {
        String boundary = "----wushe" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                            + "\"\r\n" + "Content-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(request(path, headers)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    private HttpRequest.Builder request(String path, String... headers) {
        return TestTokens.withHeaders(HttpRequest.newBuilder(URI.create(base + path)), token, headers);
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                m.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return m;
    }
}
