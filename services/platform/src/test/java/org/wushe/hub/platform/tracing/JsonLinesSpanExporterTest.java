package org.wushe.hub.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonLinesSpanExporterTest {

    @TempDir
    Path dir;

    @Test
    void eachSpanIsOneJsonLineWithItsParentServiceAndTagsAndTheFileRotatesOnceItIsFull() throws Exception {
        Path file = dir.resolve("traces").resolve("x.jsonl");
        JsonLinesSpanExporter exporter = new JsonLinesSpanExporter(file, 2_000);
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(
                        Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "community-service")))
                .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                .build()) {
            Tracer tracer = provider.get("test");
            Span parent = tracer.spanBuilder("http post /needs").startSpan();
            Span child = tracer.spanBuilder("matching NeedPublished")
                    .setParent(io.opentelemetry.context.Context.current().with(parent))
                    .setAttribute("wushe.event.type", "NeedPublished")
                    .startSpan();
            child.end();
            parent.end();

            List<JsonNode> lines = Files.readAllLines(file).stream()
                    .map(JsonMapper.builder().build()::readTree)
                    .toList();
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0).path("name").asString()).isEqualTo("matching NeedPublished");
            assertThat(lines.get(0).path("parentSpanId").asString())
                    .isEqualTo(parent.getSpanContext().getSpanId());
            assertThat(lines.get(0).path("traceId").asString())
                    .isEqualTo(parent.getSpanContext().getTraceId());
            assertThat(lines.get(0).path("service").asString()).isEqualTo("community-service");
            assertThat(lines.get(0).path("tags").path("wushe.event.type").asString())
                    .isEqualTo("NeedPublished");
            assertThat(lines.get(1).path("parentSpanId").isNull()).isTrue();

            for (int i = 0; i < 20; i++) {
                tracer.spanBuilder("span " + i).startSpan().end();
            }
            assertThat(file.resolveSibling("x.jsonl.1")).exists();
            assertThat(Files.size(file)).isLessThan(2_000 + 1_000);
            assertThat(Files.size(file.resolveSibling("x.jsonl.1"))).isGreaterThanOrEqualTo(2_000);
        }
    }
}
