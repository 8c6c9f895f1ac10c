package io.openta.runtime.db;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;

/**
 * Runs blocking work in one database transaction, from a worker thread. A transaction cut off by a lost database
 * (a primary failing over) is run again on a new connection ({@link DbRetry}): {@code work} must be safe to run
 * again, reading what it decides on inside the transaction.
 */
@ApplicationScoped
public class Transactions {
    private final Pool pool;
    private final DbRetry retry;

    public Transactions(Pool pool, DbRetry retry) {
        this.pool = pool;
        this.retry = retry;
    }

    public <T> T inTransaction(Function<Sql, T> work) {
        return retry.run("a transaction", () -> once(work));
    }

    private <T> T once(Function<Sql, T> work) {
        SqlConnection conn = pool.getConnectionAndAwait();
        try {
            Transaction tx = conn.beginAndAwait();
            try {
                T result = work.apply(new Sql(conn));
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
