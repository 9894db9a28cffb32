package org.wushe.hub.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hub's state as a program reads it: {@code <data-dir>/status.json}, rewritten (atomically: a whole
 * file or the previous one) whenever something changes. The console says the same to people; tests and
 * scripts read this file instead of matching its sentences. The fields are described in
 * {@code deploy/local/README.md}.
 */
final class HubStatus {

    /** Where the hub is in its life: {@code starting}, {@code ready}, {@code stopping}, {@code stopped}, {@code failed}. */
    enum State {
        STARTING,
        READY,
        STOPPING,
        STOPPED,
        FAILED
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Map<String, Object> status = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> processes = new LinkedHashMap<>();
    private final Map<String, Object> stack = new LinkedHashMap<>();
    private final Map<String, Object> sample = new LinkedHashMap<>();
    private boolean warned;

    HubStatus(Path dataDir) {
        this.file = dataDir.resolve("status.json");
        status.put("state", "starting");
        status.put("ready", false);
        status.put("pid", ProcessHandle.current().pid());
        status.put("startedAt", Instant.now().toString());
        status.put("readyAfterSeconds", null);
        status.put("stack", stack);
        status.put("processes", processes);
        status.put("sampleTown", sample);
    }

    Path file() {
        return file;
    }

    synchronized void state(State state) {
        if (status.containsKey("failure") && state != State.FAILED) {
            // A start that failed stays failed for the reader, also once it has stopped.
            status.put("stopped", state == State.STOPPED);
            write();
            return;
        }
        status.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
        status.put("ready", state == State.READY);
        write();
    }

    /** The hub could not start; {@code why} in the file's {@code failure}. */
    synchronized void failed(String why) {
        status.put("failure", why);
        state(State.FAILED);
    }

    synchronized void ready(long afterSeconds, long rssMiB) {
        status.put("readyAfterSeconds", afterSeconds);
        status.put("rssMiBAtReady", rssMiB);
        state(State.READY);
    }

    /** Kafka's bootstrap servers, the database's URL, and PostgreSQL's server process. */
    synchronized void stack(String kafka, String postgres, long postgresPid, int connectors) {
        stack.put("kafka", kafka);
        stack.put("postgres", postgres);
        stack.put("postgresPid", postgresPid);
        stack.putIfAbsent("postgresRestarts", 0);
        stack.put("connectors", connectors);
        write();
    }

    synchronized void postgresRestarted(long pid) {
        stack.put("postgresPid", pid);
        stack.merge("postgresRestarts", 1, (a, b) -> (Integer) a + (Integer) b);
        write();
    }

    /**
     * One process of the hub: {@code health} is {@code starting}, {@code up}, {@code restarting} (it exited and
     * is being started again) or {@code down} (left down after too many restarts, or it could not start).
     */
    synchronized void process(String name, long pid, int port, String health) {
        Map<String, Object> p = processes.computeIfAbsent(name, n -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pid", 0L);
            m.put("port", port);
            m.put("url", "http://127.0.0.1:" + port);
            m.put("health", "starting");
            m.put("restarts", 0);
            return m;
        });
        p.put("pid", pid);
        p.put("health", health);
        write();
    }

    synchronized void restarting(String name) {
        Map<String, Object> p = processes.get(name);
        if (p != null) {
            p.put("health", "restarting");
            p.merge("restarts", 1, (a, b) -> (Integer) a + (Integer) b);
            write();
        }
    }

    /**
     * The sample town: {@code outcome} (LOADED, RESUMED, ALREADY_LOADED, INCOMPLETE, FAILED), what it holds, its needs,
     * and {@code missing}: the parts of it that could not be loaded at this start, with why (absent when none).
     */
    synchronized void sampleTown(String outcome, Object counts, List<String> missing) {
        sample.put("outcome", outcome);
        if (counts != null) {
            sample.put("counts", counts);
        }
        if (missing.isEmpty()) {
            sample.remove("missing");
        } else {
            sample.put("missing", missing);
        }
        write();
    }

    synchronized void needs(int posted, int planned) {
        if (!Integer.valueOf(posted).equals(sample.get("needsPosted"))
                || !Integer.valueOf(planned).equals(sample.get("needsPlanned"))) {
            sample.put("needsPosted", posted);
            sample.put("needsPlanned", planned);
            write();
        }
    }

    private void write() {
        status.put("updatedAt", Instant.now().toString());
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("status.json.tmp");
            JSON.writeValue(tmp.toFile(), status);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // The hub runs on without it; said once.
            if (!warned) {
                warned = true;
                System.err.println("cannot write " + file + ": " + e);
            }
        }
    }
}
