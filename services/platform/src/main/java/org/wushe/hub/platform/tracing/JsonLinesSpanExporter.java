package org.wushe.hub.platform.tracing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends each finished span as one JSON line (trace and span ids, parent, name, kind, service, start and end in
 * epoch microseconds, tags) to a file: traces to read with {@code jq} on a machine without a collector, and the
 * whole-hub test's evidence that one need's journey is one trace. The file rotates once at 32 MiB (to
 * {@code <file>.1}), so a hub left running keeps at most two. Set {@code wushe.tracing.file}; an OTLP endpoint
 * ({@code management.opentelemetry.tracing.export.otlp.endpoint}) works beside it.
 */
public class JsonLinesSpanExporter implements SpanExporter {

    private static final Logger log = LoggerFactory.getLogger(JsonLinesSpanExporter.class);

    /** Past this size the file becomes {@code <file>.1} (replacing the one before) and a new one starts. */
    public static final long ROTATE_AT_BYTES = 32L * 1024 * 1024;

    private final Path file;
    private final long rotateAtBytes;
    private final JsonMapper json = JsonMapper.builder().build();

    public JsonLinesSpanExporter(Path file) {
        this(file, ROTATE_AT_BYTES);
    }

    public JsonLinesSpanExporter(Path file, long rotateAtBytes) {
        this.file = file;
        this.rotateAtBytes = rotateAtBytes;
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of the trace file " + file, e);
        }
    }

    @Override
    public synchronized CompletableResultCode export(Collection<SpanData> spans) {
        StringBuilder lines = new StringBuilder();
        for (SpanData span : spans) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("traceId", span.getTraceId());
            line.put("spanId", span.getSpanId());
            line.put("parentSpanId", span.getParentSpanContext().isValid() ? span.getParentSpanId() : null);
            line.put("name", span.getName());
            line.put("kind", span.getKind().name());
            line.put(
                    "service",
                    span.getResource().getAttributes().asMap().entrySet().stream()
                            .filter(e -> e.getKey().getKey().equals("service.name"))
                            .map(e -> String.valueOf(e.getValue()))
                            .findFirst()
                            .orElse(null));
            line.put("startMicros", span.getStartEpochNanos() / 1_000);
            line.put("endMicros", span.getEndEpochNanos() / 1_000);
            line.put("status", span.getStatus().getStatusCode().name());
            Map<String, String> tags = new LinkedHashMap<>();
            span.getAttributes().forEach((k, v) -> tags.put(k.getKey(), String.valueOf(v)));
            line.put("tags", tags);
            lines.append(json.writeValueAsString(line)).append('\n');
        }
        try {
            if (Files.exists(file) && Files.size(file) >= rotateAtBytes) {
                Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
            try (Writer w = Files.newBufferedWriter(
                    file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                w.write(lines.toString());
            }
            return CompletableResultCode.ofSuccess();
        } catch (IOException e) {
            log.warn("could not append {} spans to {}: {}", spans.size(), file, e.toString());
            return CompletableResultCode.ofFailure();
        }
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }

    public Path file() {
        return file;
    }
}
