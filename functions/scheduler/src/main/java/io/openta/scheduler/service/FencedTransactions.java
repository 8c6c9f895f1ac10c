package io.openta.scheduler.service;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.openta.model.events.Traffic;
import io.openta.runtime.db.Sql;
import io.openta.runtime.db.Transactions;

/**
 * Scheduler write transactions: each first passes the leadership {@link Leadership#fence fence} (same transaction),
 * so only the holder of the live lease commits anything. A process paused inside such a transaction would keep the
 * lease row locked and hold a takeover back; the server ends a transaction left idle for a few seconds, which
 * releases the lock and rolls the stale work back. A transaction that ran longer than half the lease renews it again
 * before its commit ({@link Leadership#holdThroughCommit}), as the lock kept the periodic renewal out meanwhile.
 */
@ApplicationScoped
public class FencedTransactions {
    private final Transactions db;
    private final Leadership leadership;

    public FencedTransactions(Transactions db, Leadership leadership) {
        this.db = db;
        this.leadership = leadership;
    }

    /** Runs {@code work} in one transaction after the fence; throws {@link NotLeaderException} when fenced off. */
    public <T> T inTransaction(Function<Sql, T> work) {
        return db.inTransaction(sql -> {
            sql.exec("SET LOCAL idle_in_transaction_session_timeout = '3s'");
            long fencedAt = System.nanoTime();
            long epoch = leadership.fence(sql);
            T result = work.apply(sql);
            leadership.holdThroughCommit(sql, epoch, fencedAt);
            return result;
        });
    }

    /**
     * Runs {@code work} in one transaction of {@code traffic} after the fence. A stress (shadow) day's state is in
     * the shadow schemas, which a shadow transaction sees alone: the fence is then passed in a production
     * transaction that keeps the lease row locked until the shadow work has committed, so no other scheduler can
     * take the lease (and write) in between.
     */
    public <T> T inTransaction(Traffic traffic, Function<Sql, T> work) {
        if (traffic != Traffic.SHADOW) {
            return inTransaction(work);
        }
        return inTransaction(fenced -> db.inTransaction(Traffic.SHADOW, work));
    }
}
