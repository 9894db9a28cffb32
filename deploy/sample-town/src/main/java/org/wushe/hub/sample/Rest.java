package org.wushe.hub.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * JSON over HTTP to the services' public APIs, with at most {@code concurrency} requests in flight
 * per service (queued, never blocking a thread). Connection failures, 503 and the services' "changed concurrently,
 * try again" 409 are retried with back-off; any other answer that is not 2xx fails with the request
 * and the problem body, since the sample data should never be refused.
 */
final class Rest implements AutoCloseable {

    /** Bodies are maps, lists, strings and numbers: times go as ISO-8601 strings. */
    static final ObjectMapper JSON = new ObjectMapper();

    private static final int ATTEMPTS = 6;

    private final ExecutorService executor;
    private final HttpClient client;
    private final int concurrency;
    /** One queue per service (host and port): a service's backlog never holds up the others' calls. */
    private final java.util.Map<String, Limiter> limiters = new java.util.concurrent.ConcurrentHashMap<>();

    private final AtomicLong requests = new AtomicLong();
    private volatile boolean closed;

    /** The bearer token every request carries (the hub operator's, role hub_admin). */
    private final java.util.function.Supplier<String> token;

    Rest(int concurrency, java.util.function.Supplier<String> token) {
        this.concurrency = concurrency;
        this.token = token;
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sample-town-http");
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(executor)
                .build();
    }

    /** A failed request: method, URL, status and the answer's body. */
    static final class Refused extends RuntimeException {
        final int status;

        Refused(String message, int status) {
            super(message);
            this.status = status;
        }
    }

    CompletableFuture<JsonNode> post(String url, Object body) {
        return send("POST", url, body, null);
    }

    CompletableFuture<JsonNode> post(String url, Object body, String header, String value) {
        return send("POST", url, body, new String[] {header, value});
    }

    CompletableFuture<JsonNode> put(String url, Object body) {
        return send("PUT", url, body, null);
    }

    CompletableFuture<JsonNode> get(String url) {
        return send("GET", url, null, null);
    }

    /** GET now, on the caller's thread; null when the answer is not 2xx or the service does not answer. */
    JsonNode tryGet(String url) {
        try {
            HttpResponse<String> r = client.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(10))
                            .header("Authorization", "Bearer " + token.get())
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return r.statusCode() / 100 == 2 ? JSON.readTree(r.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    long requestsSent() {
        return requests.get();
    }

    private CompletableFuture<JsonNode> send(String method, String url, Object body, String[] header) {
        String payload;
        try {
            payload = body == null ? null : JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(e);
        }
        Limiter limiter = limiters.computeIfAbsent(URI.create(url).getAuthority(), k -> new Limiter());
        return limiter.limited(() -> attempt(method, url, payload, header, 1));
    }

    private CompletableFuture<JsonNode> attempt(
            String method, String url, String payload, String[] header, int attempt) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("stopped"));
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token.get());
        if (header != null) {
            b.header(header[0], header[1]);
        }
        if (payload == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
        }
        requests.incrementAndGet();
        return client.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, failure) -> {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause()
                            : failure;
                    boolean retry;
                    String why;
                    if (cause != null) {
                        retry = cause instanceof ConnectException
                                || cause instanceof HttpTimeoutException
                                || cause instanceof IOException;
                        why = cause.toString();
                    } else if (response.statusCode() / 100 == 2) {
                        return CompletableFuture.completedFuture(parse(response.body()));
                    } else {
                        int status = response.statusCode();
                        retry = status == 503
                                || status == 502
                                || (status == 409 && response.body().contains("concurrently"));
                        why = method + " " + url + " answered " + status + ": " + abbreviate(response.body())
                                + (payload == null ? "" : "\n  request: " + abbreviate(payload));
                        if (!retry) {
                            return CompletableFuture.<JsonNode>failedFuture(new Refused(why, status));
                        }
                    }
                    if (!retry || attempt >= ATTEMPTS || closed) {
                        return CompletableFuture.<JsonNode>failedFuture(
                                new Refused(method + " " + url + " failed after " + attempt + " attempts: " + why, -1));
                    }
                    long backoff = 200L << Math.min(attempt, 5);
                    return CompletableFuture.supplyAsync(
                                    () -> null,
                                    CompletableFuture.delayedExecutor(backoff, TimeUnit.MILLISECONDS, executor))
                            .thenCompose(ignored -> attempt(method, url, payload, header, attempt + 1));
                })
                .thenCompose(f -> f);
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    /** At most {@code concurrency} requests in flight; the rest wait in order, on no thread. */
    private final class Limiter {
        private final Queue<Runnable> queued = new ArrayDeque<>();
        private int inFlight;

        <T> CompletableFuture<T> limited(Supplier<CompletableFuture<T>> task) {
            CompletableFuture<T> result = new CompletableFuture<>();
            Runnable start = () -> {
                CompletableFuture<T> f;
                try {
                    f = task.get();
                } catch (RuntimeException e) {
                    f = CompletableFuture.failedFuture(e);
                }
                f.whenComplete((value, failure) -> {
                    finished();
                    if (failure != null) {
                        result.completeExceptionally(
                                failure instanceof CompletionException && failure.getCause() != null
                                        ? failure.getCause()
                                        : failure);
                    } else {
                        result.complete(value);
                    }
                });
            };
            boolean now;
            synchronized (this) {
                now = inFlight < concurrency;
                if (now) {
                    inFlight++;
                } else {
                    queued.add(start);
                }
            }
            if (now) {
                start.run();
            }
            return result;
        }

        private void finished() {
            Runnable next;
            synchronized (this) {
                next = queued.poll();
                if (next == null) {
                    inFlight--;
                }
            }
            if (next != null) {
                executor.execute(next);
            }
        }

        synchronized void clear() {
            queued.clear();
        }
    }

    /** Waits for all, failing with the first failure. */
    static <T> List<T> all(Collection<CompletableFuture<T>> futures) {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }

    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 600 ? s : s.substring(0, 600) + "…";
    }

    @Override
    public void close() {
        closed = true;
        limiters.values().forEach(Limiter::clear);
        executor.shutdownNow();
    }
}
