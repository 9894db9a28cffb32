package org.wushe.hub.local.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fault suite: the whole hub under the sample town's stream of 1,000 needs, while station staff accept
 * and complete proposals, and every service in turn, then PostgreSQL, is killed with SIGKILL (no shutdown
 * hook, no graceful anything) and started again by the hub's supervisor; last the hub's own JVM (the Kafka
 * broker and the outbox connectors) is killed and the hub started again on the same data. After recovery {@link HubLoad}
 * counts: every published need has exactly one live match or a recorded reason and is known to matching
 * (no event lost); no need has two live matches (no duplicate proposal); each completed volunteer match is
 * credited hours and points exactly once; no offer's stock is out of balance; no event was dead-lettered. Activities
 * flow all along ({@link ActivityLoad}): a station's staff publish them, sign volunteers up, check them in and out and
 * correct the times; afterwards each activity has exactly its sign-ups, each attendance its minutes credited once, and
 * social-worker-service's report, built from the events, counts the same activities, attendances and hours.
 */
class FaultSuiteTest {

    private static final List<String> KILL_ORDER = List.of(
            "matching-service",
            "community-service",
            "volunteer-service",
            "resource-service",
            "social-worker-service",
            "organization-service",
            // The token issuer too: the services keep its keys, tokens already issued stay good, the restart keeps the
            // key.
            "auth-service");

    private final HubProcess hub = new HubProcess("hub-faults");

    @AfterEach
    void stop() throws InterruptedException {
        hub.close();
    }

    @Test
    void killingEachServiceAndTheDatabaseUnderLoadLosesNothingAndDoublesNothing() throws Exception {
        hub.start("hub.log", "--wipe", "--sample-scale", "1", "--sample-minutes", "4");
        hub.awaitReady();
        HubLoad load = new HubLoad(hub);
        load.startStaff();
        // Activities go on through every fault too: sign-ups, check-ins and check-outs by the station's staff.
        ActivityLoad activities =
                new ActivityLoad(hub, "station-1", hub.sampleAccounts().get("station-1")[2]);
        activities.start();

        // Each service in turn: SIGKILL, then wait until the hub's supervisor has it healthy again.
        Map<String, Long> killed = new LinkedHashMap<>();
        for (String service : KILL_ORDER) {
            awaitWorkFlowing(load);
            ProcessHandle victim = hub.serviceProcess(service);
            killed.put(service, victim.pid());
            int before = hub.restarts(service);
            assertThat(victim.destroyForcibly()).isTrue(); // SIGKILL
            await().atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> hub.restarts(service) > before && hub.up(service));
            assertThat(hub.serviceProcess(service).pid())
                    .as(service + " runs in a new process")
                    .isNotEqualTo(victim.pid());
            assertThat(hub.get(service, "/actuator/health").path("status").asText())
                    .isEqualTo("UP");
        }

        // PostgreSQL (every service's database, and the outbox connectors' source) killed outright too.
        awaitWorkFlowing(load);
        long postmaster =
                Long.parseLong(Files.readAllLines(hub.data().resolve("postgres").resolve("postmaster.pid"))
                        .get(0)
                        .trim());
        killed.put("postgresql", postmaster);
        int before = hub.postgresRestarts();
        assertThat(ProcessHandle.of(postmaster).orElseThrow().destroyForcibly()).isTrue();
        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> hub.postgresRestarts() > before);

        // Last, the stack itself: the hub's JVM (Kafka broker, the outbox connectors, the supervisor) killed
        // outright, its services and PostgreSQL following it down; started again on the same data, the
        // broker recovers its log, the connectors resume from their slots and the needs go on.
        awaitWorkFlowing(load);
        java.util.Set<ProcessHandle> all = hub.startedProcesses();
        killed.put("hub (Kafka broker + CDC)", hub.process().pid());
        assertThat(hub.process().toHandle().destroyForcibly()).isTrue();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> all.stream().noneMatch(ProcessHandle::isAlive));
        hub.start("hub-after-kill.log", "--sample-scale", "1", "--sample-minutes", "1");
        hub.awaitReady();
        assertThat(hub.sampleOutcome()).isIn("RESUMED", "ALREADY_LOADED");

        // The stream of needs ends; staff stop deciding; the hub settles; then the counts.
        await().atMost(Duration.ofSeconds(300))
                .pollInterval(Duration.ofSeconds(2))
                .until(hub::allNeedsPosted);
        load.stopStaff();
        activities.stop(Duration.ofSeconds(180));
        load.count(Duration.ofSeconds(180));
        activities.count(load.counts, load.problems);

        load.print(String.format(
                "fault suite: killed with SIGKILL and restarted %s; staff accepted %d and completed %d volunteer matches "
                        + "(%d tries refused while a service was down); %d activities with %d attendances each (%d steps"
                        + " tried again)",
                killed,
                load.accepted(),
                load.completed(),
                load.refusedWhileDown(),
                activities.activities(),
                ActivityLoad.PLACES,
                activities.retries()));
        if (!activities.refusedByRule().isEmpty()) {
            System.out.println("  volunteers the service would not sign up by its rules (not faults; others took their"
                    + " places): " + activities.refusedByRule());
        }
        assertThat(load.problems).as("after the faults").isEmpty();
        assertThat(load.counts.get("needs published")).isGreaterThanOrEqualTo(1000);
        assertThat(load.completed())
                .as("volunteer matches completed during the faults")
                .isGreaterThanOrEqualTo(5);
        assertThat(activities.activities())
                .as("activities run through during the faults")
                .isGreaterThanOrEqualTo(5);
    }

    /** Before the next fault: staff complete ten more matches, so each fault hits a hub at work. */
    private static void awaitWorkFlowing(HubLoad load) {
        int before = load.completed();
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> load.completed() >= before + 10);
    }
}
