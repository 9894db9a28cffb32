package org.wushe.hub.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident set size and CPU time of a process, from Linux's {@code /proc}. */
public final class ProcessMemory {

    private ProcessMemory() {}

    /** The RSS in bytes, or -1 when unknown (not Linux, process gone). */
    public static long rssBytes(long pid) {
        try {
            for (String line :
                    Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException unknown) {
            return -1;
        }
        return -1;
    }

    /** CPU time (user and system) a process has used, in seconds, from {@code /proc/<pid>/stat}; -1 when unknown. */
    public static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            // After the command in parentheses: state is field 3, utime 14 and stime 15 (clock ticks of 1/100 s).
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (IOException | RuntimeException unknown) {
            return -1;
        }
    }

    /** {@code 1234567890} → {@code 1177 MiB}. */
    public static String mib(long bytes) {
        return bytes < 0 ? "?" : (bytes / (1024 * 1024)) + " MiB";
    }
}
