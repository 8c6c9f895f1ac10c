package io.openta.scheduler.repository;

import io.openta.runtime.db.Sql;
import io.vertx.mutiny.sqlclient.Row;

/** The SQL of the leadership lease in {@code sched.leader} (one row) and the per-epoch write count. */
public final class LeaderLease {
    private LeaderLease() {
    }

    /** The lease's holder as the table has it. */
    public record Holder(long epoch, String holder, String url, int shards, boolean live, String leaseUntil,
            String acquiredAt) {
    }

    /**
     * Takes the lease when it is free or expired (raising the epoch), or renews it when this holder has it and it
     * has not expired (same epoch). A holder is {@code instance/pid/nonce}: a process of the same instance (a restart
     * on the same data folder, or of the same pod) takes a live lease over at once with a new epoch, since instance
     * names are unique among live schedulers and the previous process of the instance is gone. Returns the epoch held
     * afterwards, or null when another instance's lease is live.
     */
    public static Long acquireOrRenew(Sql sql, String holder, String url, int shards, long ttlMillis) {
        // a leader paused inside a transaction must not hold the takeover forever: its row lock is released
        // when the server ends its idle transaction (see FencedTransactions); this attempt gives up and retries
        sql.exec("SET LOCAL lock_timeout = '2s'");
        Row r = sql.one("""
                INSERT INTO sched.leader AS l (id, epoch, holder, url, shards, lease_until, acquired_at)
                VALUES (1, 1, $1, $2, $3, now() + $4 * interval '1 millisecond', now())
                ON CONFLICT (id) DO UPDATE SET
                  epoch = CASE WHEN l.holder = EXCLUDED.holder AND l.lease_until > now() THEN l.epoch
                               ELSE l.epoch + 1 END,
                  acquired_at = CASE WHEN l.holder = EXCLUDED.holder AND l.lease_until > now() THEN l.acquired_at
                                     ELSE now() END,
                  holder = EXCLUDED.holder, url = EXCLUDED.url, shards = EXCLUDED.shards,
                  lease_until = EXCLUDED.lease_until
                WHERE l.holder = EXCLUDED.holder OR l.lease_until <= now()
                   OR split_part(l.holder, '/', 1) = split_part(EXCLUDED.holder, '/', 1)
                RETURNING epoch""", holder, url, shards, ttlMillis);
        return r == null ? null : r.getLong("epoch");
    }

    public static Holder current(Sql sql) {
        Row r = sql.one("""
                SELECT epoch, holder, url, shards, lease_until > now() AS live, lease_until::text AS until,
                  acquired_at::text AS acquired FROM sched.leader WHERE id = 1""");
        return r == null ? null : new Holder(r.getLong("epoch"), r.getString("holder"), r.getString("url"),
                r.getInteger("shards"), r.getBoolean("live"), r.getString("until"), r.getString("acquired"));
    }

    /**
     * The fence: true when {@code epoch} holds the live lease. It renews the lease in passing, and its UPDATE keeps
     * the row locked until this transaction ends, so no takeover (an UPDATE of the same row) can commit in between;
     * an expired or taken-over lease matches no row. A lock (rather than FOR SHARE) also queues the lease renewal
     * fairly behind a stream of back-to-back writes, where share locks could starve it.
     */
    public static boolean holds(Sql sql, long epoch, String holder, long ttlMillis) {
        return sql.one("""
                UPDATE sched.leader SET lease_until = greatest(lease_until, now() + $3 * interval '1 millisecond')
                WHERE id = 1 AND epoch = $1 AND holder = $2 AND lease_until > now() RETURNING epoch""", epoch, holder,
                ttlMillis) != null;
    }

    /**
     * Renews the lease from the current time (not the transaction's start), in a transaction whose fence
     * ({@link #holds}) locked the row: the last statement of a long fenced transaction.
     */
    public static void extend(Sql sql, long epoch, String holder, long ttlMillis) {
        sql.update("""
                UPDATE sched.leader
                SET lease_until = greatest(lease_until, clock_timestamp() + $3 * interval '1 millisecond')
                WHERE id = 1 AND epoch = $1 AND holder = $2""", epoch, holder, ttlMillis);
    }

    public static void countWrite(Sql sql, long epoch, String holder) {
        sql.update("""
                INSERT INTO sched.leader_write (epoch, holder, writes) VALUES ($1, $2, 1)
                ON CONFLICT (epoch) DO UPDATE SET writes = sched.leader_write.writes + 1, last_at = clock_timestamp()""",
                epoch, holder);
    }

    /** Gives the lease up at shutdown, so that a follower takes over at once rather than after the TTL. */
    public static void release(Sql sql, long epoch, String holder) {
        sql.update("UPDATE sched.leader SET lease_until = now() WHERE id = 1 AND epoch = $1 AND holder = $2", epoch,
                holder);
    }
}
