package io.openta.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's memory as Linux reports it in {@code /proc/<pid>/status}. */
final class ProcessMemory {
    private ProcessMemory() {
    }

    /** The peak resident set size (VmHWM) of process {@code pid} in bytes, or -1 when it cannot be read. */
    static long peakResidentBytes(long pid) {
        try {
            return parsePeakResidentBytes(Files.readString(Path.of("/proc", String.valueOf(pid), "status")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** VmHWM of a {@code /proc/<pid>/status} text in bytes (the file gives kB), or -1 when it has none. */
    static long parsePeakResidentBytes(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmHWM:")) {
                String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
                return Long.parseLong(parts[0]) * 1024;
            }
        }
        return -1;
    }
}
