package io.openta.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The functions app (all eight stages and the scheduler, one Quarkus fast-jar) as a child process of the launcher.
 * Its output goes to {@code <data>/logs/functions.log}.
 */
public final class FunctionsProcess implements AutoCloseable {
    /** Where the functions app is built, relative to the repository. */
    public static final String JAR_IN_REPO = "functions/all-in-one/target/quarkus-app/quarkus-run.jar";
    public static final String HEAP = "-Xmx2g";

    private final String name;
    private final Process process;
    private final Path logFile;
    private final int httpPort;
    private final List<String> javaOptions;
    private final Thread shutdownHook;

    /** What the child process is told through its environment. */
    public record Settings(Path jar, String jdbcUrl, String reactiveUrl, String dbUser, String dbPassword,
            String kafkaBootstrap, String taCode, int shards, Path stagingDir, Path logFile, int httpPort,
            Map<String, String> extraEnv) {
    }

    private FunctionsProcess(String name, Process process, Path logFile, int httpPort, List<String> javaOptions) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.httpPort = httpPort;
        this.javaOptions = javaOptions;
        this.shutdownHook = new Thread(this::stopQuietly, "openta-app-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts the app and waits until it reports ready; fails with the tail of its log when it dies or times out. */
    public static FunctionsProcess start(Settings s, Duration readyTimeout) throws IOException {
        FunctionsProcess fp = spawn(s, Map.of());
        fp.awaitReadyOrStop(readyTimeout);
        return fp;
    }

    /**
     * Starts the app without waiting for it: {@link #awaitReadyOrStop(Duration)} waits. {@code startEnv} is added
     * to its environment, for settings that only this start needs (e.g. retrying its first database connection
     * while PostgreSQL itself is still starting).
     */
    static FunctionsProcess spawn(Settings s, Map<String, String> startEnv) throws IOException {
        if (!Files.isRegularFile(s.jar())) {
            throw new IllegalStateException("functions app not found: " + s.jar()
                    + " (build it with ./mvnw -B -DskipTests package)");
        }
        Files.createDirectories(s.stagingDir());
        int port = s.httpPort() > 0 ? s.httpPort() : Ports.free();
        Map<String, String> env = environment(s, port);
        env.putAll(startEnv);
        return spawn("the functions app", s.jar(), env, s.logFile(), port);
    }

    /**
     * Starts a packaged Quarkus app ({@code jar}) with {@code env} added to this process's environment, its output
     * appended to {@code logFile}, and waits until {@code /q/health/ready} on {@code httpPort} answers 200. The
     * access app is started this way too ({@link AccessProcess}).
     */
    static FunctionsProcess launch(String name, Path jar, Map<String, String> env, Path logFile, int httpPort,
            Duration readyTimeout) throws IOException {
        FunctionsProcess fp = spawn(name, jar, env, logFile, httpPort);
        fp.awaitReadyOrStop(readyTimeout);
        return fp;
    }

    /** Starts a packaged Quarkus app as {@link #launch} does, without waiting for it. */
    private static FunctionsProcess spawn(String name, Path jar, Map<String, String> env, Path logFile, int httpPort)
            throws IOException {
        Files.createDirectories(logFile.getParent());
        List<String> opts = javaOptions();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(opts);
        cmd.add("-jar");
        cmd.add(jar.toAbsolutePath().toString());

        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        Files.writeString(logFile, "=== " + Instant.now() + " " + String.join(" ", cmd) + System.lineSeparator(),
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return new FunctionsProcess(name, pb.start(), logFile, httpPort, opts);
    }

    /** Waits until the app reports ready; stops it and fails with the tail of its log when it dies or times out. */
    void awaitReadyOrStop(Duration readyTimeout) {
        try {
            awaitReady(readyTimeout);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    static Map<String, String> environment(Settings s, int httpPort) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", s.reactiveUrl());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", s.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", s.dbUser());
        env.put("QUARKUS_DATASOURCE_PASSWORD", s.dbPassword());
        env.put("KAFKA_BOOTSTRAP_SERVERS", s.kafkaBootstrap());
        env.put("OPENTA_TA_CODE", s.taCode());
        env.put("OPENTA_SHARDS", String.valueOf(s.shards()));
        env.put("OPENTA_STAGING_DIR", s.stagingDir().toAbsolutePath().toString());
        env.put("QUARKUS_HTTP_PORT", String.valueOf(httpPort));
        // a local run stops the app right after its day: ./openta verify proves a day on demand instead
        env.put("OPENTA_SCHEDULER_VERIFY_AFTER_DAY", "false");
        // the app exits by itself if this launcher dies without stopping it (kill -9)
        env.put("OPENTA_PARENT_PID", String.valueOf(ProcessHandle.current().pid()));
        // names this app's static Kafka group membership: the same for a restart on the same data folder (it takes
        // its partitions back at once), different for several apps on one infra
        env.put("OPENTA_INSTANCE", instanceOf(s.logFile().toAbsolutePath().getParent().getParent()));
        if (s.extraEnv() != null) {
            env.putAll(s.extraEnv());
        }
        return env;
    }

    /** The instance name of the app run on a data folder (unique among live apps: the folder's database is locked). */
    static String instanceOf(Path dataDir) {
        return "openta-" + Integer.toHexString(dataDir.toAbsolutePath().normalize().toString().hashCode());
    }

    /** The child's JVM options: {@value #HEAP} and then those of OPENTA_FUNCTIONS_JAVA_OPTS. */
    public static List<String> javaOptions() {
        List<String> opts = new ArrayList<>();
        opts.add(HEAP);
        String extra = System.getenv("OPENTA_FUNCTIONS_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            opts.addAll(List.of(extra.trim().split("\\s+")));
        }
        return opts;
    }

    /**
     * The functions app jar: env OPENTA_FUNCTIONS_JAR, else {@value #JAR_IN_REPO} under env OPENTA_HOME, else under
     * the repository that holds the launcher's own jar or classes.
     */
    public static Path locateJar(Map<String, String> env) {
        String jar = env.get("OPENTA_FUNCTIONS_JAR");
        if (jar != null && !jar.isBlank()) {
            return Path.of(jar).toAbsolutePath();
        }
        return repositoryRoot(env).resolve(JAR_IN_REPO);
    }

    /** The repository root: env OPENTA_HOME, else the first folder above the launcher's code holding functions/. */
    public static Path repositoryRoot(Map<String, String> env) {
        String home = env.get("OPENTA_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath();
        }
        Optional<Path> found = Optional.empty();
        try {
            Path code = Path.of(FunctionsProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path d = code.toAbsolutePath(); d != null; d = d.getParent()) {
                if (Files.isDirectory(d.resolve("functions")) && Files.isRegularFile(d.resolve("pom.xml"))) {
                    found = Optional.of(d);
                    break;
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the working directory
        }
        return found.orElse(Path.of("").toAbsolutePath());
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " before it was ready; " + logFile + " ends with:" + System.lineSeparator() + logTail(40));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            Ports.pause(250);
        }
        throw new IllegalStateException(name + " was not ready after " + timeout.toSeconds() + " s; "
                + logFile + " ends with:" + System.lineSeparator() + logTail(40));
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * The app's peak resident memory so far in bytes (Linux's VmHWM of its process: heap, metaspace, threads, code
     * and buffers together), or -1 where {@code /proc} does not tell.
     */
    public long peakResidentBytes() {
        return ProcessMemory.peakResidentBytes(process.pid());
    }

    public int httpPort() {
        return httpPort;
    }

    public Path logFile() {
        return logFile;
    }

    public List<String> javaOptionsUsed() {
        return javaOptions;
    }

    /** The last lines of the app's log. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.ISO_8859_1);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the app at once (SIGKILL), as a crash would: nothing of it gets to finish. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already
        }
    }

    /** Asks the app to stop, waits 20 s, then kills it. */
    public void stop() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already
        }
    }

    private void stopQuietly() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

}
