package org.wushe.hub.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code status.json} says as the hub goes through a start, a crash and a stop (the hub-test suites read it). */
class HubStatusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private JsonNode read() throws Exception {
        return JSON.readTree(data.resolve("status.json").toFile());
    }

    @Test
    void aStartACrashAndAStopAreWrittenAsTheyHappen() throws Exception {
        HubStatus status = new HubStatus(data);
        status.state(HubStatus.State.STARTING);
        assertThat(read().path("state").asText()).isEqualTo("starting");
        assertThat(read().path("ready").asBoolean()).isFalse();
        assertThat(read().path("pid").asLong())
                .isEqualTo(ProcessHandle.current().pid());

        status.stack("127.0.0.1:9092", "jdbc:postgresql://127.0.0.1:15432/wushe", 42, 6);
        status.process("community-service", 100, 8081, "starting");
        assertThat(read().path("processes")
                        .path("community-service")
                        .path("health")
                        .asText())
                .isEqualTo("starting");
        status.process("community-service", 100, 8081, "up");
        status.sampleTown(
                "LOADED",
                Map.of("communities", 17),
                List.of("the grid workers' rounds could not all be recorded: 500"));
        assertThat(read().path("sampleTown").path("missing").get(0).asText()).contains("grid workers");
        status.sampleTown("LOADED", Map.of("communities", 17), List.of());
        assertThat(read().path("sampleTown").has("missing"))
                .as("nothing missing: no field")
                .isFalse();
        status.needs(150, 1000);
        status.ready(64, 2217);

        JsonNode ready = read();
        assertThat(ready.path("state").asText()).isEqualTo("ready");
        assertThat(ready.path("ready").asBoolean()).isTrue();
        assertThat(ready.path("readyAfterSeconds").asLong()).isEqualTo(64);
        assertThat(ready.path("rssMiBAtReady").asLong()).isEqualTo(2217);
        assertThat(ready.path("stack").path("kafka").asText()).isEqualTo("127.0.0.1:9092");
        assertThat(ready.path("processes").path("community-service").path("url").asText())
                .isEqualTo("http://127.0.0.1:8081");
        assertThat(ready.path("sampleTown").path("counts").path("communities").asInt())
                .isEqualTo(17);
        assertThat(ready.path("sampleTown").path("needsPosted").asInt()).isEqualTo(150);

        // A crash: counted when the process exits, up again with its new pid once healthy.
        status.restarting("community-service");
        assertThat(read().path("processes")
                        .path("community-service")
                        .path("health")
                        .asText())
                .isEqualTo("restarting");
        assertThat(read().path("processes")
                        .path("community-service")
                        .path("restarts")
                        .asInt())
                .isEqualTo(1);
        status.process("community-service", 101, 8081, "up");
        status.postgresRestarted(43);
        JsonNode after = read();
        assertThat(after.path("processes").path("community-service").path("pid").asLong())
                .isEqualTo(101);
        assertThat(after.path("processes")
                        .path("community-service")
                        .path("restarts")
                        .asInt())
                .isEqualTo(1);
        assertThat(after.path("stack").path("postgresRestarts").asInt()).isEqualTo(1);
        assertThat(after.path("stack").path("postgresPid").asLong()).isEqualTo(43);

        status.state(HubStatus.State.STOPPING);
        assertThat(read().path("ready").asBoolean()).isFalse();
        status.state(HubStatus.State.STOPPED);
        assertThat(read().path("state").asText()).isEqualTo("stopped");
        assertThat(Files.list(data).map(p -> p.getFileName().toString())).containsExactly("status.json");
    }

    @Test
    void aFailedStartStaysFailedOnceStopped() throws Exception {
        HubStatus status = new HubStatus(data);
        status.state(HubStatus.State.STARTING);
        status.failed("community-service did not start");
        status.state(HubStatus.State.STOPPING);
        status.state(HubStatus.State.STOPPED);
        JsonNode s = read();
        assertThat(s.path("state").asText()).isEqualTo("failed");
        assertThat(s.path("ready").asBoolean()).isFalse();
        assertThat(s.path("failure").asText()).isEqualTo("community-service did not start");
        assertThat(s.path("stopped").asBoolean()).isTrue();
    }
}
