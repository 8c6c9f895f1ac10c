package io.openta.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The access app (SFTP for distributors and the fund manager, arrival events, the console) as a child process of
 * {@code openta serve}, beside the functions app and on the same database and broker. Its output goes to
 * {@code <data>/logs/access.log}.
 */
final class AccessProcess implements AutoCloseable {
    /** Where the access app is built, relative to the repository (by the same {@code ./mvnw package}). */
    static final String JAR_IN_REPO = "functions/access/target/quarkus-app/quarkus-run.jar";

    private final FunctionsProcess app;
    private final int sftpPort;

    /**
     * What the access app is told: the users file, where it listens, its data root (inbox and outbox roots beneath
     * unless named), and the database, broker and TA code of the functions app it runs beside.
     */
    record Settings(Path jar, Path usersFile, int sftpPort, int httpPort, Path dataRoot, Path inboxRoot,
            Path outboxRoot, Path logFile, FunctionsProcess.Settings functions) {
    }

    /**
     * What {@code openta serve --access-config} asks for: the users file, the SFTP and HTTP ports (0: any free one),
     * the access app's data root ({@code DATA/files}: user folders, host key) and the inbox and outbox roots.
     */
    record Request(Path usersFile, int sftpPort, int httpPort, Path dataRoot, Path inboxRoot, Path outboxRoot) {
    }

    private AccessProcess(FunctionsProcess app, int sftpPort) {
        this.app = app;
        this.sftpPort = sftpPort;
    }

    /** Starts the app and waits until it is ready (its SFTP server listens by then: it starts with the app). */
    static AccessProcess start(Settings s, Duration readyTimeout) throws IOException {
        if (!java.nio.file.Files.isRegularFile(s.jar())) {
            throw new IllegalStateException("access app not found: " + s.jar()
                    + " (build it with ./mvnw -B -DskipTests package)");
        }
        // the SFTP port is chosen here, not by the app: serve prints it, and the app logs only what it was given
        int sftp = s.sftpPort() > 0 ? s.sftpPort() : Ports.free();
        int http = s.httpPort() > 0 ? s.httpPort() : Ports.free();
        FunctionsProcess app = FunctionsProcess.launch("the access app", s.jar(), environment(s, sftp, http),
                s.logFile(), http, readyTimeout);
        return new AccessProcess(app, sftp);
    }

    static Map<String, String> environment(Settings s, int sftpPort, int httpPort) {
        FunctionsProcess.Settings f = s.functions();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", f.reactiveUrl());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", f.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", f.dbUser());
        env.put("QUARKUS_DATASOURCE_PASSWORD", f.dbPassword());
        env.put("KAFKA_BOOTSTRAP_SERVERS", f.kafkaBootstrap());
        env.put("OPENTA_TA_CODE", f.taCode());
        env.put("QUARKUS_HTTP_PORT", String.valueOf(httpPort));
        env.put("OPENTA_ACCESS_SFTP_PORT", String.valueOf(sftpPort));
        env.put("OPENTA_ACCESS_CONFIG", s.usersFile().toAbsolutePath().toString());
        env.put("OPENTA_ACCESS_DATA_ROOT", s.dataRoot().toAbsolutePath().toString());
        env.put("OPENTA_ACCESS_INBOX", s.inboxRoot().toAbsolutePath().toString());
        env.put("OPENTA_ACCESS_OUTBOX", s.outboxRoot().toAbsolutePath().toString());
        env.put("OPENTA_PARENT_PID", String.valueOf(ProcessHandle.current().pid()));
        if (f.extraEnv() != null) {
            // the operators' token key (the console signs in against it), as the functions app has it
            for (String k : new String[] { "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_ISSUER" }) {
                if (f.extraEnv().containsKey(k)) {
                    env.put(k, f.extraEnv().get(k));
                }
            }
        }
        return env;
    }

    /** The access app jar: env OPENTA_ACCESS_JAR, else {@value #JAR_IN_REPO} under the repository. */
    static Path locateJar(Map<String, String> env) {
        String jar = env.get("OPENTA_ACCESS_JAR");
        if (jar != null && !jar.isBlank()) {
            return Path.of(jar).toAbsolutePath();
        }
        return FunctionsProcess.repositoryRoot(env).resolve(JAR_IN_REPO);
    }

    int sftpPort() {
        return sftpPort;
    }

    int httpPort() {
        return app.httpPort();
    }

    boolean isAlive() {
        return app.isAlive();
    }

    Path logFile() {
        return app.logFile();
    }

    @Override
    public void close() {
        app.stop();
    }
}
