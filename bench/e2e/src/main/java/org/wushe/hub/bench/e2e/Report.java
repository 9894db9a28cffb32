package org.wushe.hub.bench.e2e;

import static org.wushe.hub.bench.e2e.EndToEndBenchmark.fmt;
import static org.wushe.hub.bench.e2e.EndToEndBenchmark.map;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.wushe.hub.testing.Http;
import tools.jackson.databind.JsonNode;

/** The figures of one run, as text and as {@code results/latest.json}. */
record Report(
        Options options,
        Instant finished,
        double engineCatchUpSeconds,
        double registerSeconds,
        RawKafka.Throughput rawBurst,
        RawKafka.Latency rawLatency,
        NeedLoad.Step warmup,
        List<NeedLoad.Step> steps,
        String stopReason,
        StationStream stream,
        StackMemory.Snapshot idle,
        StackMemory.Snapshot loaded,
        JsonNode engineAfter,
        String loadAverageAtEnd,
        long otherJvmsAtEnd,
        List<StackCpu.PerNeed> cpu) {

    /** The step with the most proposals/s among those that kept up; null when none did. */
    NeedLoad.Step peak(Function<NeedLoad.Step, String> behind) {
        NeedLoad.Step best = null;
        for (NeedLoad.Step s : steps) {
            if (behind.apply(s) == null && (best == null || s.proposalsPerSecond() > best.proposalsPerSecond())) {
                best = s;
            }
        }
        return best;
    }

    String text(Function<NeedLoad.Step, String> behind) {
        StringBuilder b = new StringBuilder();
        b.append("RESULTS\n");
        line(
                b,
                "set-up      %,d volunteers registered in %.1f s; matching's engine held them all %.1f s later",
                options.volunteers(),
                registerSeconds,
                engineCatchUpSeconds);
        line(
                b,
                "raw Kafka   burst   %,d records of %,d B: %,.0f records/s (%.1f MiB/s), acks=all, idempotent, linger.ms=1, lz4",
                rawBurst.records(),
                rawBurst.valueBytes(),
                rawBurst.recordsPerSecond(),
                rawBurst.mibPerSecond());
        line(
                b,
                "            paced   %,d records at %.0f/s: p50 %.2f ms, p99 %.2f ms, max %.2f ms (send -> poll)",
                rawLatency.records(),
                rawLatency.achievedRate(),
                rawLatency.p50Ms(),
                rawLatency.p99Ms(),
                rawLatency.maxMs());
        b.append(
                "end to end  (POST /needs sent -> first PROPOSED match event for the need on the station's SSE stream)\n");
        b.append("  ").append(EndToEndBenchmark.stepHeader()).append('\n');
        for (NeedLoad.Step s : steps) {
            b.append("  ").append(EndToEndBenchmark.stepLine(s));
            String why = behind.apply(s);
            b.append(why == null ? "   kept up" : "   BEHIND: " + why).append('\n');
            if (s.failureSample() != null) {
                b.append("            first API failure: ")
                        .append(s.failureSample())
                        .append('\n');
            }
        }
        if (stopReason != null) {
            line(b, "  %s", stopReason);
        }
        b.append("  ").append(EndToEndBenchmark.stagesHeader()).append('\n');
        for (NeedLoad.Step s : steps) {
            b.append("  ").append(EndToEndBenchmark.stagesLine(s)).append('\n');
        }
        NeedLoad.Step peak = peak(behind);
        if (peak != null) {
            line(
                    b,
                    "peak sustained  %.1f proposals/s (step %s/s): need->proposal p50 %.0f ms, p99 %.0f ms",
                    peak.proposalsPerSecond(),
                    fmt(peak.offeredRate()),
                    peak.p50Ms(),
                    peak.p99Ms());
            line(
                    b,
                    "ratios          proposals/s / raw records/s = %.4f (1 : %,.0f)",
                    peak.proposalsPerSecond() / rawBurst.recordsPerSecond(),
                    rawBurst.recordsPerSecond() / peak.proposalsPerSecond());
            line(
                    b,
                    "                e2e p50 / raw p50 = %.0fx   e2e p99 / raw p99 = %.0fx   (at the peak step)",
                    peak.p50Ms() / rawLatency.p50Ms(),
                    peak.p99Ms() / rawLatency.p99Ms());
            NeedLoad.Step first = steps.get(0);
            if (first != peak) {
                line(
                        b,
                        "                at the first step (%s/s): e2e p50 / raw p50 = %.0fx, e2e p99 / raw p99 = %.0fx",
                        fmt(first.offeredRate()),
                        first.p50Ms() / rawLatency.p50Ms(),
                        first.p99Ms() / rawLatency.p99Ms());
            }
        } else {
            b.append("peak sustained  none: no step kept up\n");
        }
        line(
                b,
                "stream          %,d match events: %,d PROPOSED (%,d repeated for a need), %,d with another status, %,d unreadable",
                stream.matchEvents(),
                stream.proposedEvents(),
                stream.repeatedProposals(),
                stream.otherStatusEvents(),
                stream.undecodable());
        JsonNode e = engineAfter;
        line(
                b,
                "engine after    %s volunteers, %s holds; %s needs open, %s waiting, %s matched; %s proposed matches",
                e.get("engine").get("volunteers"),
                e.get("engine").get("holds"),
                e.get("needsOpen"),
                e.get("needsWaiting"),
                e.get("needsMatched"),
                e.get("proposed"));
        b.append(
                "memory of the whole stack, MiB (RSS and peak RSS from /proc/<pid>/status, PSS from /proc/<pid>/smaps_rollup)\n");
        memory(b, idle);
        memory(b, loaded);
        line(
                b,
                "machine         load average at the end %s; %d other JVMs on the machine",
                loadAverageAtEnd,
                otherJvmsAtEnd);
        return b.toString();
    }

    private static void memory(StringBuilder b, StackMemory.Snapshot s) {
        line(b, "  %s", s.when());
        line(b, "    %-58s %8s %8s %8s", "process", "RSS", "peak", "PSS");
        for (StackMemory.Row r : s.rows()) {
            line(
                    b,
                    "    %-58s %8d %8d %8s",
                    r.name() + " " + pids(r.pids()),
                    r.rssMiB(),
                    r.hwmMiB(),
                    r.pssMiB() < 0 ? "n/a" : Long.toString(r.pssMiB()));
        }
        line(
                b,
                "    %-58s %8d %8s %8d   (RSS counts shared pages once per process; PSS splits them)",
                "total",
                s.rssTotalMiB(),
                "",
                s.pssTotalMiB());
        line(
                b,
                "    bench JVM heap: used %,d, committed %,d, max %,d",
                s.heapUsedMiB(),
                s.heapCommittedMiB(),
                s.heapMaxMiB());
        for (String note : s.notes()) {
            line(b, "    note: %s", note);
        }
    }

    private static String pids(List<Long> pids) {
        if (pids.size() == 1) {
            return "(pid " + pids.get(0) + ")";
        }
        return "";
    }

    private static void line(StringBuilder b, String format, Object... args) {
        b.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    void writeJson(Path file, Function<NeedLoad.Step, String> behind) throws IOException {
        NeedLoad.Step peak = peak(behind);
        List<Object> stepList = new ArrayList<>();
        for (NeedLoad.Step s : steps) {
            stepList.add(step(s, behind.apply(s)));
        }
        Map<String, Object> ratios = peak == null
                ? null
                : map(
                        "peakProposalsPerSecondOverRawRecordsPerSecond",
                                peak.proposalsPerSecond() / rawBurst.recordsPerSecond(),
                        "e2eP50OverRawP50", peak.p50Ms() / rawLatency.p50Ms(),
                        "e2eP99OverRawP99", peak.p99Ms() / rawLatency.p99Ms(),
                        "atStep", peak.offeredRate());
        Map<String, Object> root = map(
                "benchmark", "e2e",
                "finishedAt", finished.toString(),
                "machine",
                        map(
                                "cores",
                                Runtime.getRuntime().availableProcessors(),
                                "loadAverageAtEnd",
                                loadAverageAtEnd,
                                "otherJvmsAtEnd",
                                otherJvmsAtEnd,
                                "java",
                                System.getProperty("java.version")),
                "options",
                        map(
                                "steps",
                                options.steps(),
                                "stepSeconds",
                                options.stepSeconds(),
                                "graceSeconds",
                                options.graceSeconds(),
                                "volunteers",
                                options.volunteers(),
                                "seededVolunteers",
                                options.seedVolunteers(),
                                "warmupNeeds",
                                options.warmupNeeds(),
                                "warmupRate",
                                options.warmupRate(),
                                "behindShare",
                                options.behindShare(),
                                "maxP99Ms",
                                options.maxP99Ms(),
                                "maxInFlight",
                                options.maxInFlight(),
                                "rawRecords",
                                options.rawRecords(),
                                "rawRecordBytes",
                                options.rawRecordBytes(),
                                "rawRate",
                                options.rawRate(),
                                "rawSeconds",
                                options.rawSeconds(),
                                "serviceArgs",
                                options.serviceArgs()),
                "setup", map("registerSeconds", registerSeconds, "engineCatchUpSeconds", engineCatchUpSeconds),
                "rawKafka", map("producer", RawKafka.settings(), "burst", rawBurst, "paced", rawLatency),
                "warmup", warmup == null ? null : warmupStep(),
                "steps", stepList,
                "stopReason", stopReason,
                "peak",
                        peak == null
                                ? null
                                : map(
                                        "offeredRate",
                                        peak.offeredRate(),
                                        "proposalsPerSecond",
                                        peak.proposalsPerSecond(),
                                        "p50Ms",
                                        peak.p50Ms(),
                                        "p99Ms",
                                        peak.p99Ms()),
                "ratios", ratios,
                "stream",
                        map(
                                "matchEvents",
                                stream.matchEvents(),
                                "proposedEvents",
                                stream.proposedEvents(),
                                "repeatedProposals",
                                stream.repeatedProposals(),
                                "otherStatusEvents",
                                stream.otherStatusEvents(),
                                "undecodable",
                                stream.undecodable()),
                "engineAfter", engineAfter,
                "memory", List.of(idle, loaded),
                "cpuPerNeed",
                        cpu.stream()
                                .map(c -> map(
                                        "step",
                                        c.label(),
                                        "needs",
                                        c.needs(),
                                        "msPerNeed",
                                        perNeed(c.msPerNeed()),
                                        "stackMsPerNeed",
                                        num(c.stackMsPerNeed()),
                                        "stackCores",
                                        c.stackCores(),
                                        "machineCores",
                                        c.machineCores(),
                                        "outsideCores",
                                        c.outsideCores()))
                                .toList());
        Files.createDirectories(file.getParent());
        Files.writeString(file, Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }

    private static Map<String, Object> step(NeedLoad.Step s, String behind) {
        return map(
                "offeredRate",
                s.offeredRate(),
                "seconds",
                s.seconds(),
                "needs",
                s.planned(),
                "sent",
                s.sent(),
                "created",
                s.created(),
                "failed",
                s.failed(),
                "firstFailure",
                s.failureSample(),
                "sendSeconds",
                s.sendSeconds(),
                "maxPacerLagMs",
                s.maxPacerLagMs(),
                "api",
                map("ratePerSecond", s.apiRate(), "p50Ms", s.apiP50Ms(), "p99Ms", s.apiP99Ms(), "maxMs", s.apiMaxMs()),
                "stream",
                map(
                        "proposed",
                        s.proposed(),
                        "proposalsPerSecond",
                        s.proposalsPerSecond(),
                        "p50Ms",
                        num(s.p50Ms()),
                        "p99Ms",
                        num(s.p99Ms()),
                        "maxMs",
                        num(s.maxMs()),
                        "missingAfterGrace",
                        s.missing(),
                        "graceSeconds",
                        s.graceSeconds()),
                "stages",
                s.stages(),
                "keptUp",
                behind == null,
                "behind",
                behind);
    }

    private Map<String, Object> warmupStep() {
        Map<String, Object> m = step(warmup, null);
        m.remove("keptUp");
        m.remove("behind");
        return m;
    }

    private static Map<String, Double> perNeed(Map<String, Double> ms) {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        ms.forEach((k, v) -> out.put(k, num(v)));
        return out;
    }

    private static Double num(double d) {
        return Double.isNaN(d) ? null : d;
    }
}
