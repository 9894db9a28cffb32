package org.wushe.hub.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arithmetic of the CPU table, without a stack: /proc's stat lines, the threads' groups and one step's shares. */
class StackCpuTest {

    @Test
    void statLinesAreReadAfterTheCommandNameEvenWhenItHoldsSpacesAndParentheses() {
        String line = "4242 (kafka-producer (x) 1) S 1 4242 4242 0 -1 4194560 1234 0 0 0 731 96 12 3 20 0 42 0 100 0 0";
        assertThat(StackCpu.parseStat(line))
                .hasValueSatisfying(t -> assertThat(t).containsExactly(731, 96, 12, 3));
        assertThat(StackCpu.parseStat("4242 (gone")).isEmpty();
        assertThat(StackCpu.parseStat("4242 (short) S 1 2")).isEmpty();
    }

    @Test
    void threadsAreGroupedByWhatTheyDoInTheBenchJvm() {
        assertThat(StackCpu.threadGroup("data-plane-kafk")).isEqualTo(StackCpu.BROKER);
        assertThat(StackCpu.threadGroup("group-coordinat")).isEqualTo(StackCpu.BROKER);
        assertThat(StackCpu.threadGroup("debezium-postgr")).isEqualTo(StackCpu.RELAY);
        assertThat(StackCpu.threadGroup("cdc-community-o")).isEqualTo(StackCpu.RELAY);
        assertThat(StackCpu.threadGroup("kafka-producer-")).isEqualTo(StackCpu.RELAY);
        assertThat(StackCpu.threadGroup("pool-11-thread-")).isEqualTo(StackCpu.RELAY);
        assertThat(StackCpu.threadGroup("kafka-taps")).isEqualTo(StackCpu.BENCH);
        assertThat(StackCpu.threadGroup("C2 CompilerThre")).isEqualTo(StackCpu.BENCH);
        assertThat(StackCpu.threadGroup("need-load-http")).isEqualTo(StackCpu.BENCH);
    }

    @Test
    void aStepsCpuIsSharedOverTheNeedsItCreatedAndWhatOthersUsedShowsAsOutside() {
        StackCpu.Sample before = new StackCpu.Sample(
                0, Map.of("matching-service", 1_000.0, StackCpu.POSTGRES, 500.0), 10_000, 40_000, Map.of());
        // Ten seconds later: matching used 2 s, PostgreSQL 1 s; the machine was busy 8 s of its 20 core-seconds.
        StackCpu.Sample after = new StackCpu.Sample(
                10_000_000_000L,
                new java.util.LinkedHashMap<>(Map.of("matching-service", 3_000.0, StackCpu.POSTGRES, 1_500.0)),
                18_000,
                60_000,
                Map.of());
        StackCpu.PerNeed p = StackCpu.perNeed("100/s", 1_000, before, after);
        assertThat(p.msPerNeed()).containsEntry("matching-service", 2.0).containsEntry(StackCpu.POSTGRES, 1.0);
        assertThat(p.stackMsPerNeed()).isEqualTo(3.0);
        assertThat(p.stackCores()).isEqualTo(0.3);
        assertThat(p.machineCores()).isEqualTo(0.8);
        assertThat(p.outsideCores()).isEqualTo(0.5);
        assertThat(StackCpu.perNeed("none", 0, before, after).stackMsPerNeed()).isNaN();
    }
}
