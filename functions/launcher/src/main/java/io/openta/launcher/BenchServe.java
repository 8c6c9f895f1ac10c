package io.openta.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code openta serve} that {@code bench --on-serve} clears its days on: started in its own JVM (as {@code
 * ./openta serve} starts it) before the first day, on the bench's data folder, so that each day's {@code openta day}
 * finds it there ({@link ServeFile}) and pays no start-up; stopped (SIGTERM, as Ctrl-C) before the floor runs. Its
 * output goes to {@code <data>/logs/bench-serve.log}.
 */
final class BenchServe implements AutoCloseable {
    private final ChildProcess serve;
    private final Path data;
    private final long startupMillis;
    /** The jar the serve runs its functions app from (as {@link FunctionsProcess#locateJar} finds it). */
    private final Path functionsJar;

    private BenchServe(ChildProcess serve, Path data, long startupMillis, Path functionsJar) {
        this.serve = serve;
        this.data = data;
        this.startupMillis = startupMillis;
        this.functionsJar = functionsJar;
    }

    /**
     * Starts the serve and waits until it advertises itself and answers. Verification after each day is off, as on
     * the cluster of an {@code openta day} command: a background verification of one day would run beside the next.
     */
    static BenchServe start(Path data, int shards, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        ServeFile.delete(data);
        Map<String, String> serveEnv = new HashMap<>(env);
        serveEnv.put("OPENTA_SCHEDULER_VERIFY_AFTER_DAY", "false");
        long t0 = System.nanoTime();
        ChildProcess p = ChildProcess.start("openta serve", BenchDayRun.launcherCommand(env, "serve", "--data",
                data.toString(), "--shards", String.valueOf(shards), "--port", String.valueOf(Ports.free())), serveEnv,
                data.resolve("logs").resolve("bench-serve.log"), Path.of("").toAbsolutePath());
        long deadline = t0 + timeout.toNanos();
        while (true) {
            var running = ServeFile.find(data);
            if (running.isPresent() && ServeFile.answers(running.get().url())) {
                return new BenchServe(p, data, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0),
                        FunctionsProcess.locateJar(serveEnv));
            }
            if (!p.isAlive() || System.nanoTime() > deadline) {
                String why = p.isAlive() ? "timed out" : "exited";
                p.stop(0);
                throw new IOException("openta serve --data " + data + " did not start (" + why + "): " + p.lastLine()
                        + " (log " + p.log() + ")");
            }
            Thread.sleep(200);
        }
    }

    /** From starting the serve's JVM until it answered: PostgreSQL, Kafka and the functions app, paid once. */
    long startupMillis() {
        return startupMillis;
    }

    /**
     * The peak resident memory (VmHWM) of the serve's functions app since it started, in MB, or -1 when it cannot be
     * read: the day commands on a serve start no functions app of their own, so they cannot print it.
     */
    long functionsPeakMb() {
        String jar = functionsJar.toAbsolutePath().toString();
        return serve.descendants()
                .filter(h -> h.info().arguments().map(args -> Arrays.asList(args).contains(jar))
                        .orElse(false))
                .mapToLong(h -> ProcessMemory.peakResidentBytes(h.pid()))
                .filter(bytes -> bytes >= 0).map(bytes -> bytes >> 20).max().orElse(-1);
    }

    /** Stops the serve as Ctrl-C does, and waits for it (up to a minute, then kills it). */
    @Override
    public void close() {
        serve.stop(60);
        ServeFile.delete(data);
    }
}
