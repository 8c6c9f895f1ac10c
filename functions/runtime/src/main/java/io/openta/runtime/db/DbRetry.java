package io.openta.runtime.db;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

/**
 * The one place that decides what a lost database means. When the PostgreSQL primary fails over, work in flight
 * sees its connection closed, a connection refused, or (on a node just demoted) a read-only transaction; none of
 * that says anything about the work itself. Such errors are transient: the whole transaction is run again after a
 * back-off (250 ms doubling to 2 s) on a new connection from the pool, for up to {@code openta.db.reconnect-for}
 * (default 2 minutes). Every other error passes through at once. A transaction whose commit was cut off may have
 * committed on the new primary; the work it retries is written to see that (a task finds its row DONE).
 */
@ApplicationScoped
public class DbRetry {
    private static final Logger LOG = Logger.getLogger(DbRetry.class);
    /**
     * SQLSTATEs of a database going away or not yet accepting writes: class 08 (connection exception), admin and
     * crash shutdown, cannot connect now (starting up), read-only transaction (a standby, or a demoted primary),
     * too many connections (clients of the lost primary reconnecting at once), and a session the server ended for
     * idling inside its transaction (a worker that was frozen past {@link DbConfig#taskIdleLimit()}: its work was
     * rolled back, and the run on a new connection finds the task DONE if another worker did it meanwhile).
     */
    private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "25006", "53300",
            "25P03");

    private final Duration reconnectFor;

    public DbRetry(DbConfig config) {
        this.reconnectFor = config.reconnectFor();
    }

    /** Runs {@code attempt}, again after a back-off while it fails transiently, until the reconnect time is up. */
    public <T> T run(String what, Supplier<T> attempt) {
        long deadline = System.nanoTime() + reconnectFor.toNanos();
        long backoff = 250;
        for (int n = 1; ; n++) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                if (!isTransient(e) || System.nanoTime() + backoff * 1_000_000 > deadline) {
                    throw e;
                }
                LOG.warnf("%s: the database is unreachable (attempt %d: %s); trying again in %d ms", what, n,
                        describe(e), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff = Math.min(2000, backoff * 2);
            }
        }
    }

    /**
     * True when {@code e} (or a cause) is a lost or refused connection, or a write refused by a read-only node. An
     * I/O error counts as a lost connection, unless it is about a file.
     */
    public static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseException db && db.getSqlState() != null) {
                return db.getSqlState().startsWith("08") || TRANSIENT_STATES.contains(db.getSqlState());
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState().startsWith("08") || TRANSIENT_STATES.contains(sql.getSQLState());
            }
            if (t instanceof java.nio.file.FileSystemException || t instanceof java.io.FileNotFoundException
                    || t instanceof java.nio.charset.CharacterCodingException) {
                // a file's fault (an inbox file gone, a folder not writable), not the database's: waiting cannot
                // mend it, and it must not be reported as an unreachable database for minutes
                return false;
            }
            if (t instanceof ClosedConnectionException || t instanceof IOException
                    || t instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(java.util.Locale.ROOT);
            // Vert.x reports some losses only in words (a pool whose connect failed, a connection closed mid-query)
            if (m.contains("connection") && (m.contains("closed") || m.contains("refused") || m.contains("reset")
                    || m.contains("lost") || m.contains("not active"))) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
