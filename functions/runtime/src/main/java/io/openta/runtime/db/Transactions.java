package io.openta.runtime.db;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;

/** Runs blocking work in one database transaction, from a worker thread. */
@ApplicationScoped
public class Transactions {
    private final Pool pool;

    public Transactions(Pool pool) {
        this.pool = pool;
    }

    public <T> T inTransaction(Function<Sql, T> work) {
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
            conn.closeAndAwait();
        }
    }
}
