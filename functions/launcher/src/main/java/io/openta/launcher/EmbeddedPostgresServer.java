package io.openta.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A real PostgreSQL (zonky embedded binaries) whose data directory is kept across runs: the clearing state of one
 * {@code --data} folder survives from one {@code openta day} to the next.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    public static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL on a free port with its data in {@code dataDir} (created and initialised on first use). */
    public static EmbeddedPostgresServer start(Path dataDir) throws IOException {
        return start(dataDir, Ports.free());
    }

    /**
     * Starts PostgreSQL on {@code port} (chosen beforehand, so that the functions app can be started with its URL
     * while PostgreSQL starts) with its data in {@code dataDir}.
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port) throws IOException {
        Files.createDirectories(dataDir);
        stopOrphan(dataDir);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.toFile())
                .setCleanDataDirectory(false)
                .setPort(port)
                // a clearing day writes millions of rows in a few statements: room for WAL between checkpoints,
                // memory for the sorts and hashes of set-based steps
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("max_wal_size", "8GB")
                .setServerConfig("checkpoint_timeout", "30min")
                .setServerConfig("wal_buffers", "64MB")
                .setServerConfig("work_mem", "64MB")
                .setServerConfig("maintenance_work_mem", "256MB")
                .start();
        return new EmbeddedPostgresServer(pg);
    }

    /**
     * A launcher killed with -9 leaves its PostgreSQL running on the data directory; stop it so that this run can
     * start one (PostgreSQL's own crash recovery then makes the data consistent). A PostgreSQL whose launcher is still
     * alive is not an orphan: that launcher holds the embedded server's lock file ({@code epg-lock}, released by the
     * operating system when its process dies), and this refuses instead of stopping another command's database.
     */
    static void stopOrphan(Path dataDir) throws IOException {
        refuseIfInUse(dataDir);
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        if (!first.matches("\\d+")) {
            return;
        }
        java.util.Optional<ProcessHandle> orphan = ProcessHandle.of(Long.parseLong(first))
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle p = orphan.get();
        p.destroy();
        try {
            p.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
        }
        for (int i = 0; i < 100 && Files.exists(pidFile) && p.isAlive(); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Throws when a live process (this one included) holds the data directory's embedded-server lock. */
    private static void refuseIfInUse(Path dataDir) throws IOException {
        Path lock = dataDir.resolve("epg-lock");
        if (!Files.isRegularFile(lock)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock held = channel.tryLock();
            if (held != null) {
                held.release();
                return;
            }
        } catch (OverlappingFileLockException e) {
            // held by this JVM: in use as much as by another process
        }
        throw new IOException("the PostgreSQL data folder " + dataDir + " is in use by another running openta command "
                + "(serve, infra, day or bench): stop that command first");
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return jdbcUrl(port());
    }

    /** The URL form the Quarkus reactive client takes. */
    public String reactiveUrl() {
        return reactiveUrl(port());
    }

    /** The JDBC URL of the server on {@code port}, before or after it started. */
    public static String jdbcUrl(int port) {
        return "jdbc:" + reactiveUrl(port);
    }

    /** The reactive client's URL of the server on {@code port}, before or after it started. */
    public static String reactiveUrl(int port) {
        return "postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("stopping PostgreSQL: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
