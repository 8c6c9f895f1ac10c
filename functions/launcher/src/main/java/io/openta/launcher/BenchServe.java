package io.openta.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code openta serve} that {@code bench --on-serve} clears its days on: started in its own JVM (as {@code
 * ./openta serve} starts it) before the first day, on the bench's data folder, so that each day's {@code openta day}
 * finds it there ({@link ServeFile}) and pays no start-up; stopped (SIGTERM, as Ctrl-C) before the floor runs. Its
 * output goes to {@code <data>/logs/bench-serve.log}.
 */
final class BenchServe implements AutoCloseable {
    private final Process process;
    private final Path data;
    private final long startupMillis;

    private BenchServe(Process process, Path data, long startupMillis) {
        this.process = process;
        this.data = data;
        this.startupMillis = startupMillis;
    }

    /**
     * Starts the serve and waits until it advertises itself and answers. Verification after each day is off, as on
     * the cluster of an {@code openta day} command: a background verification of one day would run beside the next.
     */
    static BenchServe start(Path data, int shards, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        Path log = Files.createDirectories(data.resolve("logs")).resolve("bench-serve.log");
        ServeFile.delete(data);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(env.getOrDefault("OPENTA_JAVA_OPTS", "-Xmx1g").trim().split("\\s+")));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), OpenTa.class.getName(), "serve", "--data",
                data.toString(), "--shards", String.valueOf(shards), "--port", String.valueOf(Ports.free())));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        pb.environment().put("OPENTA_SCHEDULER_VERIFY_AFTER_DAY", "false");
        long t0 = System.nanoTime();
        Process p = pb.start();
        long deadline = t0 + timeout.toNanos();
        while (true) {
            var serve = ServeFile.find(data);
            if (serve.isPresent() && ServeFile.answers(serve.get().url())) {
                return new BenchServe(p, data, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            }
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
                throw new IOException("openta serve --data " + data + " did not start (" + (p.isAlive() ? "timed out"
                        : "exit " + p.exitValue()) + "), see " + log + ":\n" + tail(log));
            }
            Thread.sleep(200);
        }
    }

    /** From starting the serve's JVM until it answered: PostgreSQL, Kafka and the functions app, paid once. */
    long startupMillis() {
        return startupMillis;
    }

    /** Stops the serve as Ctrl-C does, and waits for it (up to a minute, then kills it). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        ServeFile.delete(data);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
