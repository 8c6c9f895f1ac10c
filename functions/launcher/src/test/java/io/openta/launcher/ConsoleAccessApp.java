package io.openta.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged access app ({@value #JAR}) as a child process beside an {@code openta infra} and {@code openta serve}:
 * the same database, Kafka broker and key folder (it verifies tokens with the serve's public key), its data root
 * under the test's folder, actions sent to the serve's API. Its output goes to {@code access.log} there. ({@code
 * openta serve --access-config} starts the access app too, see {@code ArrivalStartTest}; the console test was written
 * before and still starts its own.)
 */
final class ConsoleAccessApp implements AutoCloseable {
    static final String JAR = "functions/access/target/quarkus-app/quarkus-run.jar";

    private final Process process;
    private final Path log;
    final int httpPort;
    final int sftpPort;

    private ConsoleAccessApp(Process process, Path log, int httpPort, int sftpPort) {
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
        this.sftpPort = sftpPort;
    }

    /**
     * Starts the app on {@code dataRoot} with the users file {@code users}, the database of {@code dbUrl} (a JDBC URL
     * with user and password parameters, as {@code openta infra} prints it), {@code kafka}, tokens verified with
     * the public key in {@code authDir}, and actions going to {@code schedulerUrl}; returns once it serves HTTP.
     */
    static ConsoleAccessApp start(Path dataRoot, Path users, String dbUrl, String kafka, Path authDir,
            String schedulerUrl) throws Exception {
        Path jar = repoRoot().resolve(JAR);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no packaged access app at " + jar + ": run ./mvnw -B -o -q "
                    + "-Dmaven.test.skip=true package first");
        }
        Files.createDirectories(dataRoot);
        int http = Ports.free();
        int sftp = Ports.free();
        String plainUrl = dbUrl.contains("?") ? dbUrl.substring(0, dbUrl.indexOf('?')) : dbUrl;
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", plainUrl);
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", plainUrl.substring("jdbc:".length()));
        env.put("QUARKUS_DATASOURCE_USERNAME", OpenTa.urlParameter(dbUrl, "user"));
        env.put("QUARKUS_DATASOURCE_PASSWORD", OpenTa.urlParameter(dbUrl, "password"));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(http));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("OPENTA_ACCESS_DATA_ROOT", dataRoot.toString());
        env.put("OPENTA_ACCESS_CONFIG", users.toString());
        env.put("OPENTA_ACCESS_SFTP_PORT", String.valueOf(sftp));
        env.put("OPENTA_ACCESS_SFTP_HOST", "127.0.0.1");
        env.put("OPENTA_ACCESS_SCHEDULER_URL", schedulerUrl);
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", authDir.resolve(LocalAuth.PUBLIC_KEY).toString());
        env.put("MP_JWT_VERIFY_ISSUER", LocalAuth.ISSUER);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString()));
        Path log = dataRoot.resolve("access.log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        ConsoleAccessApp p = new ConsoleAccessApp(pb.start(), log, http, sftp);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            String out = p.log();
            if (out.contains("Listening on: http") && out.contains("SFTP server listening on")) {
                return p;
            }
            if (!p.process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        p.close();
        throw new IllegalStateException("the access app did not start:\n" + p.log());
    }

    String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    /** The repository root: the folder above the launcher module the test runs in. */
    private static Path repoRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("openta"))) {
                return p;
            }
        }
        return here.resolve("../..").normalize();
    }

    @Override
    public void close() {
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
}
