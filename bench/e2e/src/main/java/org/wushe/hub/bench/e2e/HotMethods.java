package org.wushe.hub.bench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * What the services spent their CPU on while the steps ran, from the JDK Flight Recorder files that {@code --jfr}
 * has each service write ({@code settings=profile}: a CPU sample of every running Java thread every 10–20 ms). Two
 * views per service, counting only samples taken between the first step's start and the last step's end: the methods
 * on top of the stack (where the time is spent, often in a library), and the hub's own method nearest the top (which
 * of the hub's code paid for it).
 */
final class HotMethods {

    private static final String OURS = "org.wushe.hub.";

    private HotMethods() {}

    static String summary(Path jfr, Instant from, Instant to, int n) throws IOException {
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        int samples = 0;
        try (RecordingFile file = new RecordingFile(jfr)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                if (!e.getEventType().getName().equals("jdk.ExecutionSample")
                        || e.getStartTime().isBefore(from)
                        || e.getStartTime().isAfter(to)) {
                    continue;
                }
                RecordedStackTrace stack = e.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = stack.getFrames();
                top.merge(name(frames.get(0)), 1, Integer::sum);
                String own = "(none of the hub's code on the stack)";
                for (RecordedFrame f : frames) {
                    if (f.isJavaFrame() && f.getMethod().getType().getName().startsWith(OURS)) {
                        own = name(f);
                        break;
                    }
                }
                ours.merge(own, 1, Integer::sum);
            }
        }
        StringBuilder b = new StringBuilder(
                String.format(Locale.ROOT, "%s: %,d CPU samples during the steps%n", jfr.getFileName(), samples));
        if (samples == 0) {
            return b.toString();
        }
        b.append("  on top of the stack:\n");
        append(b, top, samples, n);
        b.append("  the hub's own method nearest the top:\n");
        append(b, ours, samples, n);
        return b.toString();
    }

    static List<Path> recordings(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".jfr")).sorted().toList();
        }
    }

    private static void append(StringBuilder b, Map<String, Integer> counts, int samples, int n) {
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(n)
                .forEach(e -> b.append(
                        String.format(Locale.ROOT, "    %5.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey())));
    }

    private static String name(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.', type.lastIndexOf('.') - 1) + 1) + "."
                + f.getMethod().getName();
    }
}
