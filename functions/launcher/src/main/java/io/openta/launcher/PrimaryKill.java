package io.openta.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * Fails the primary of an {@code infra --standby} database on purpose: finds the node Patroni reports as primary
 * and kills its postmaster with SIGKILL (kill -9), as a crash of the primary's machine would. Used by
 * {@code openta bench failover} and the failover tests, from the nodes file the infra wrote.
 */
final class PrimaryKill {
    /** What was killed, and when (wall clock, to compare with the database's commit times). */
    record Killed(String zone, long pid, long atMillis, long atNanos) {
    }

    private record Node(String zone, int rest, Path data) {
    }

    private final List<Node> nodes;

    private PrimaryKill(List<Node> nodes) {
        this.nodes = nodes;
    }

    /** The nodes of the standby database in {@code standbyDir} (the infra's {@code --data}/standby). */
    static PrimaryKill of(Path standbyDir) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(standbyDir.resolve(StandbyDatabase.NODES_FILE))) {
            p.load(in);
        }
        return new PrimaryKill(List.of("a", "b").stream().map(z -> new Node(z, Integer.parseInt(p.getProperty(z
                + ".rest")), Path.of(p.getProperty(z + ".data")))).toList());
    }

    /** Kills the primary's postmaster; fails if no node is primary with a running postmaster. */
    Killed killPrimary() {
        for (Node n : nodes) {
            if (PatroniNode.restStatus(n.rest(), "/primary") == 200) {
                long pid = PatroniNode.postmasterPid(n.data()).orElseThrow(() -> new IllegalStateException(
                        "the primary " + n.zone() + " has no running postmaster"));
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly); // SIGKILL
                return new Killed(n.zone(), pid, System.currentTimeMillis(), System.nanoTime());
            }
        }
        throw new IllegalStateException("no node is primary");
    }

    /** Waits until one node is primary and the other its synchronous standby again (the pair is whole). */
    void awaitPair(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Node a = nodes.get(0);
            Node b = nodes.get(1);
            if ((primary(a) && sync(b)) || (primary(b) && sync(a))) {
                return;
            }
            Ports.pause(200);
        }
        throw new IllegalStateException("the nodes did not form a primary and a synchronous standby again within "
                + timeout.toSeconds() + " s");
    }

    /**
     * The database failover time of a kill: milliseconds from the kill until a client reaching the primary through
     * {@code jdbcUrl} (HAProxy) sees a shard task committed after it (a {@code sched.task_execution} row newer than
     * {@code lastIdBeforeKill} whose transaction began after the kill), polling every 100 ms, waiting up to
     * {@code timeout}; -1 if none by then. Seen by a client, because a transaction that began on the dying primary can
     * reach the standby's WAL and count as committed without its client ever hearing so.
     */
    static long awaitFirstTaskAfter(String jdbcUrl, Killed k, long lastIdBeforeKill, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String url = jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "connectTimeout=2&socketTimeout=10";
        while (System.nanoTime() < deadline) {
            try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM sched.task_execution WHERE id > ? AND executed_at > to_timestamp(? / 1000.0)")) {
                ps.setLong(1, lastIdBeforeKill);
                ps.setLong(2, k.atMillis());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getLong(1) > 0) {
                        return (System.nanoTime() - k.atNanos()) / 1_000_000;
                    }
                }
            } catch (SQLException e) {
                // the database is failing over: ask again
            }
            Ports.pause(100);
        }
        return -1;
    }

    /** The id of the latest shard task execution committed, -1 when the database does not answer. */
    static long lastTaskId(String jdbcUrl) {
        try (Connection c = DriverManager.getConnection(jdbcUrl); PreparedStatement ps = c.prepareStatement(
                "SELECT coalesce(max(id), 0) FROM sched.task_execution"); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return -1;
        }
    }

    /** The zone whose node is primary now, or null. */
    String primaryZone() {
        return nodes.stream().filter(PrimaryKill::primary).map(Node::zone).findFirst().orElse(null);
    }

    private static boolean primary(Node n) {
        return PatroniNode.restStatus(n.rest(), "/primary") == 200;
    }

    private static boolean sync(Node n) {
        return PatroniNode.restStatus(n.rest(), "/sync") == 200;
    }
}
