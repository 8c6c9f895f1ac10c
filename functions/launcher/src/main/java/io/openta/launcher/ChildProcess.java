package io.openta.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An external program (etcd, Patroni, HAProxy of {@code infra --standby}; the serve of {@code bench --on-serve}),
 * its output appended to a log file. Stopping sends SIGTERM, waits, then SIGKILL: Patroni stops its PostgreSQL on
 * SIGTERM, so the gentle signal comes first.
 */
final class ChildProcess {
    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> env, Path log, Path workDir)
            throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).directory(workDir.toFile());
        pb.environment().putAll(env);
        try {
            return new ChildProcess(name, pb.start(), log);
        } catch (IOException e) {
            throw new IOException(name + " could not be run (" + command.get(0) + "): " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** The processes this one started, and theirs. */
    Stream<ProcessHandle> descendants() {
        return process.descendants();
    }

    /** Fails with one line naming the program, its exit code and log, if it has exited. */
    void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited (code " + process.exitValue() + "): " + lastLine()
                    + " (log " + log + ")");
        }
    }

    /** The last non-blank line of its log, to say in one line why it failed. */
    String lastLine() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return lines.get(i).trim();
                }
            }
        } catch (IOException e) {
            // no log yet
        }
        return "no output";
    }

    Path log() {
        return log;
    }

    void stop(long graceSeconds) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
