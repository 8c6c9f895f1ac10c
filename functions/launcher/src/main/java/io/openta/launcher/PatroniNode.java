package io.openta.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * One Patroni-managed PostgreSQL 15 node (Debian {@code patroni}, {@code postgresql-15}) in a zone. PostgreSQL
 * refuses to run as root, so when this launcher runs as root Patroni (and the PostgreSQL it starts) runs as the
 * {@code postgres} OS user through {@code setpriv}, and its folder is handed to that user.
 */
final class PatroniNode {
    static final String BINARY_ENV = "OPENTA_PATRONI_BIN";
    static final String PG_BIN_ENV = "OPENTA_PG_BIN_DIR";
    static final String DEFAULT_PG_BIN = "/usr/lib/postgresql/15/bin";
    static final String SCOPE = "openta";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();

    private final String zone;
    private final Path dir;
    private final int pgPort;
    private final int restPort;
    private ChildProcess process;

    PatroniNode(String zone, Path dir) {
        this.zone = zone;
        this.dir = dir;
        this.pgPort = Ports.free();
        this.restPort = Ports.free();
    }

    /** Writes the node's configuration and starts Patroni; returns at once (see {@link #isPrimary}). */
    void start(String etcdHostPort, Map<String, String> env) throws IOException {
        Files.createDirectories(dir.resolve("run"));
        // a launcher killed with -9 may have left this node's PostgreSQL running (Patroni starts it in its own
        // session, so a kill of the launcher's process group misses it)
        EmbeddedPostgresServer.stopOrphan(dataDir());
        Path config = dir.resolve("patroni.yml");
        Files.writeString(config, config(etcdHostPort, env.getOrDefault(PG_BIN_ENV, DEFAULT_PG_BIN)),
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("patroni.log"), "", StandardCharsets.UTF_8);
        List<String> cmd = new ArrayList<>();
        if (runningAsRoot()) {
            handToPostgres(dir);
            cmd.addAll(List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups"));
        }
        cmd.add(env.getOrDefault(BINARY_ENV, "patroni"));
        cmd.add(config.toString());
        process = ChildProcess.start("patroni " + zone, cmd, Map.of("HOME", dir.toString(), "PGPASSFILE",
                dir.resolve("pgpass").toString()), dir.resolve("patroni.log"), dir);
    }

    private String config(String etcd, String pgBin) {
        return """
                scope: %1$s
                namespace: /openta/
                name: %2$s
                log:
                  level: INFO
                restapi:
                  listen: 127.0.0.1:%3$d
                  connect_address: 127.0.0.1:%3$d
                etcd3:
                  hosts: %4$s
                bootstrap:
                  dcs:
                    # short timings so that a lost primary is replaced within seconds (ttl >= loop_wait + 2 retry_timeout)
                    ttl: 10
                    loop_wait: 2
                    retry_timeout: 4
                    maximum_lag_on_failover: 1048576
                    # RPO 0: a commit returns only once the synchronous standby has it, and with strict mode a primary
                    # without a standby blocks writes rather than accept them alone
                    synchronous_mode: true
                    synchronous_mode_strict: true
                    # a crashed primary is failed over at once rather than restarted in place
                    primary_start_timeout: 0
                    postgresql:
                      use_pg_rewind: true
                      remove_data_directory_on_rewind_failure: true
                      remove_data_directory_on_diverged_timelines: true
                      parameters:
                        shared_buffers: 256MB
                        max_wal_size: 4GB
                        checkpoint_timeout: 30min
                        wal_buffers: 64MB
                        work_mem: 64MB
                        maintenance_work_mem: 256MB
                        wal_keep_size: 1GB
                        max_connections: 200
                  initdb:
                  - encoding: UTF8
                  - locale: C.UTF-8
                postgresql:
                  listen: 127.0.0.1:%5$d
                  connect_address: 127.0.0.1:%5$d
                  data_dir: %6$s
                  bin_dir: %7$s
                  pgpass: %8$s
                  authentication:
                    superuser:
                      username: %9$s
                      password: %10$s
                    replication:
                      username: replicator
                      password: replicator
                  pg_hba:
                  - local all all trust
                  - host all all 127.0.0.1/32 scram-sha-256
                  - host replication replicator 127.0.0.1/32 scram-sha-256
                  parameters:
                    unix_socket_directories: '%11$s'
                tags:
                  zone: %2$s
                """.formatted(SCOPE, zone, restPort, etcd, pgPort, dataDir(), pgBin, dir.resolve("pgpass"),
                EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD, dir.resolve("run"));
    }

    String zone() {
        return zone;
    }

    int pgPort() {
        return pgPort;
    }

    int restPort() {
        return restPort;
    }

    Path dataDir() {
        return dir.resolve("pgdata");
    }

    ChildProcess process() {
        return process;
    }

    /** True when Patroni's REST API answers 200 on {@code /primary}: this node runs the writable PostgreSQL. */
    boolean isPrimary() {
        return restStatus(restPort, "/primary") == 200;
    }

    /** True when this node is the synchronous standby ({@code /sync} answers 200). */
    boolean isSyncStandby() {
        return restStatus(restPort, "/sync") == 200;
    }

    /** The HTTP status of a Patroni REST endpoint, 0 when it does not answer. */
    static int restStatus(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** The pid of the postmaster running on a data directory, if its pid file names a live process. */
    static OptionalLong postmasterPid(Path dataDir) {
        try {
            Path pidFile = dataDir.resolve("postmaster.pid");
            if (!Files.isRegularFile(pidFile)) {
                return OptionalLong.empty();
            }
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            if (!first.matches("\\d+")
                    || !ProcessHandle.of(Long.parseLong(first)).map(ProcessHandle::isAlive).orElse(false)) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(first));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** Stops Patroni (which stops its PostgreSQL), then any postmaster it left behind. */
    void stop() {
        if (process != null) {
            process.stop(30);
        }
        try {
            EmbeddedPostgresServer.stopOrphan(dataDir());
        } catch (IOException e) {
            // nothing running there
        }
    }

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Makes {@code postgres} the owner of the node's folder, and checks that user can reach it. */
    private static void handToPostgres(Path dir) throws IOException {
        UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal postgres;
        GroupPrincipal group;
        try {
            postgres = users.lookupPrincipalByName("postgres");
            group = users.lookupPrincipalByGroupName("postgres");
        } catch (IOException e) {
            throw new IOException("no 'postgres' OS user to run PostgreSQL as (install postgresql-15)", e);
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class,
                        LinkOption.NOFOLLOW_LINKS);
                view.setOwner(postgres);
                view.setGroup(group);
            }
        }
        for (Path p = dir.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            var perms = Files.getPosixFilePermissions(p);
            if (!perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IOException("PostgreSQL runs as the postgres user, which cannot enter " + p
                        + " (give --data under a folder others may enter, e.g. /var/tmp)");
            }
        }
    }
}
