package io.openta.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;

/**
 * The database of {@code openta infra --standby}: a PostgreSQL primary in zone a and a synchronous standby in zone b,
 * each managed by Patroni, their leader key in one local etcd, and HAProxy in front routing to whichever node Patroni
 * reports as primary. With {@code synchronous_mode_strict} a commit is acknowledged only once the standby has it
 * (RPO 0). Start-up returns only when the primary answers through HAProxy and the standby is synchronous; otherwise
 * it fails with one line and stops what it started.
 *
 * <p>The nodes' ports and data folders are written to {@code nodes.properties} in the folder, for tools that fail
 * the primary over on purpose ({@link PrimaryKill}).
 */
final class StandbyDatabase implements AutoCloseable {
    static final String NODES_FILE = "nodes.properties";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path dir;
    private Etcd etcd;
    private final List<PatroniNode> nodes;
    private HaProxy haproxy;

    private StandbyDatabase(Path dir) {
        this.dir = dir;
        this.nodes = List.of(new PatroniNode("a", dir.resolve("pg-a")), new PatroniNode("b", dir.resolve("pg-b")));
    }

    static StandbyDatabase start(Path dir, Map<String, String> env) throws IOException {
        StandbyDatabase db = new StandbyDatabase(dir);
        try {
            db.startAll(env);
            return db;
        } catch (IOException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private void startAll(Map<String, String> env) throws IOException {
        Files.createDirectories(dir);
        etcd = Etcd.start(dir.resolve("etcd"), env);
        PatroniNode a = nodes.get(0);
        PatroniNode b = nodes.get(1);
        // zone a first, so that on a fresh folder it initialises the cluster and b clones it
        a.start(etcd.hostPort(), env);
        await(() -> a.isPrimary() || b.isPrimary(), a, "PostgreSQL node a did not become primary");
        b.start(etcd.hostPort(), env);
        haproxy = HaProxy.start(dir.resolve("haproxy"), nodes, env);
        await(() -> (a.isPrimary() && b.isSyncStandby()) || (b.isPrimary() && a.isSyncStandby()), b,
                "no synchronous standby: the nodes did not form a primary and a synchronous standby");
        await(this::primaryAnswers, a, "the primary does not answer through haproxy on port " + haproxy.port());
        writeNodes();
    }

    /** Waits for {@code ready}; fails with one line (the node's last log line) if a program exits or time runs out. */
    private void await(BooleanSupplier ready, PatroniNode watched, String what) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!ready.getAsBoolean()) {
            etcd.checkAlive();
            for (PatroniNode n : nodes) {
                if (n.process() != null) {
                    n.process().checkAlive();
                }
            }
            if (haproxy != null) {
                haproxy.process().checkAlive();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " within " + START_TIMEOUT.toSeconds() + " s; "
                        + watched.process().name() + " last logged: " + watched.process().lastLine() + " (log "
                        + watched.process().log() + ")");
            }
            Ports.pause(200);
        }
    }

    private boolean primaryAnswers() {
        try (Connection c = DriverManager.getConnection(jdbcUrl() + "&connectTimeout=2&socketTimeout=5");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT NOT pg_is_in_recovery()")) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            return false;
        }
    }

    private void writeNodes() throws IOException {
        Properties p = new Properties();
        for (PatroniNode n : nodes) {
            p.put(n.zone() + ".rest", String.valueOf(n.restPort()));
            p.put(n.zone() + ".pg", String.valueOf(n.pgPort()));
            p.put(n.zone() + ".data", n.dataDir().toAbsolutePath().toString());
        }
        p.put("haproxy", String.valueOf(haproxy.port()));
        try (OutputStream out = Files.newOutputStream(dir.resolve(NODES_FILE))) {
            p.store(out, "openta infra --standby: the Patroni nodes");
        }
    }

    /** The JDBC URL of the primary through HAProxy, credentials included (as {@code infra} prints it). */
    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + haproxy.port() + "/" + EmbeddedPostgresServer.DATABASE + "?user="
                + EmbeddedPostgresServer.USER + "&password=" + EmbeddedPostgresServer.PASSWORD;
    }

    /** Stops HAProxy, then both nodes (each Patroni stops its PostgreSQL), then etcd. */
    @Override
    public void close() {
        if (haproxy != null) {
            haproxy.stop();
        }
        // the standby first: a primary stopped first would hand its leader key over to the standby being stopped
        List<PatroniNode> order = new java.util.ArrayList<>(nodes);
        order.sort(java.util.Comparator.comparing(PatroniNode::isPrimary));
        for (PatroniNode n : order) {
            n.stop();
        }
        if (etcd != null) {
            etcd.stop();
        }
    }
}
