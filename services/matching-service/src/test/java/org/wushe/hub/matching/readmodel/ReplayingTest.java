package org.wushe.hub.matching.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The hand-over from a replay to the live path: the consumers' engine changes are skipped while a replay is on, and
 * a change that comes while the engine is reloaded waits for the reload and is applied after it, never skipped.
 */
class ReplayingTest {

    private final Replaying replaying = new Replaying();
    private final List<String> engine = new CopyOnWriteArrayList<>();

    @Test
    void changesAreSkippedWhileAReplayIsOnAndApplyAgainOnceTheReloadIsDone() {
        replaying.toEngine(() -> engine.add("before the replay"));
        replaying.start();
        assertThat(replaying.isOn()).isTrue();
        replaying.toEngine(() -> engine.add("during the replay"));
        assertThat(engine).containsExactly("before the replay");

        int loaded = replaying.end(() -> {
            engine.add("reload");
            return 7;
        });

        assertThat(loaded).isEqualTo(7);
        assertThat(replaying.isOn()).isFalse();
        replaying.toEngine(() -> engine.add("after the replay"));
        assertThat(engine).containsExactly("before the replay", "reload", "after the replay");
    }

    @Test
    void aChangeCommittedWhileTheEngineIsReloadedWaitsForTheReloadAndIsApplied() throws Exception {
        replaying.start();
        CountDownLatch reloading = new CountDownLatch(1);
        CountDownLatch finishReload = new CountDownLatch(1);
        Thread reload = new Thread(() -> replaying.end(() -> {
            reloading.countDown();
            await(finishReload);
            engine.add("reload");
            return 0;
        }));
        reload.start();
        assertThat(reloading.await(10, TimeUnit.SECONDS)).isTrue();

        // A consumer's transaction commits after the reload has read the tables: its change must not be skipped.
        Thread consumer = new Thread(() -> replaying.toEngine(() -> engine.add("committed during the reload")));
        consumer.start();
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(1))
                .untilAsserted(() -> assertThat(consumer.getState())
                        .as("the change waits for the reload")
                        .isEqualTo(Thread.State.WAITING));
        assertThat(engine).isEmpty();

        finishReload.countDown();
        reload.join(10_000);
        consumer.join(10_000);
        assertThat(engine).containsExactly("reload", "committed during the reload");
        assertThat(replaying.isOn()).isFalse();
    }

    @Test
    void aFailedReloadLeavesTheReplayOn() {
        replaying.start();
        assertThatThrownBy(() -> replaying.end(() -> {
                    throw new IllegalStateException("database gone");
                }))
                .hasMessage("database gone");
        assertThat(replaying.isOn())
                .as("nothing is proposed from an engine half loaded")
                .isTrue();
        replaying.toEngine(() -> engine.add("change"));
        assertThat(engine).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
