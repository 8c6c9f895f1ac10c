package io.openta.runtime.db;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.openta.model.events.Traffic;
import io.openta.runtime.db.shadow.TrafficGuard;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;

/**
 * Runs blocking work in one database transaction, from a worker thread. A transaction cut off by a lost database
 * (a primary failing over) is run again on a new connection ({@link DbRetry}): {@code work} must be safe to run
 * again, reading what it decides on inside the transaction. Each transaction runs under a traffic mark
 * ({@link TrafficGuard}): production unless the caller says otherwise.
 */
@ApplicationScoped
public class Transactions {
    private final Pool pool;
    private final DbRetry retry;
    private final TrafficGuard guard;

    public Transactions(Pool pool, DbRetry retry, TrafficGuard guard) {
        this.pool = pool;
        this.retry = retry;
        this.guard = guard;
    }

    public <T> T inTransaction(Function<Sql, T> work) {
        return inTransaction(Traffic.PRODUCTION, work);
    }

    /** Runs {@code work} in a transaction of {@code traffic}: shadow work sees only the shadow schemas. */
    public <T> T inTransaction(Traffic traffic, Function<Sql, T> work) {
        return retry.run("a transaction", () -> once(traffic, work));
    }

    private <T> T once(Traffic traffic, Function<Sql, T> work) {
        SqlConnection conn = pool.getConnectionAndAwait();
        try {
            Transaction tx = conn.beginAndAwait();
            try {
                T result = work.apply(guard.enter(conn, traffic));
                tx.commitAndAwait();
                return result;
            } catch (RuntimeException | Error e) {
                try {
                    tx.rollbackAndAwait();
                } catch (RuntimeException ignored) {
                    // the server rolls back a transaction whose connection is gone
                }
                throw e;
            }
        } finally {
            closeQuietly(conn);
        }
    }

    /** Gives a connection back to the pool; one whose server is gone is dropped by the pool, which is all we need. */
    public static void closeQuietly(SqlConnection conn) {
        try {
            conn.closeAndAwait();
        } catch (RuntimeException ignored) {
            // already closed by the lost server
        }
    }
}
