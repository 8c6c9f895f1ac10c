package io.openta.scheduler.service;

import java.time.Duration;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.openta.model.events.DayCommand;
import io.openta.model.events.DayEvent;
import io.openta.model.events.Traffic;
import io.openta.runtime.db.DbRetry;
import io.openta.runtime.db.Sql;
import io.openta.runtime.db.Transactions;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;

/**
 * Seeds the shadow set from production ({@link DayCommand#SEED_SHADOW}, issue 12): the one scheduler operation that
 * reads production and writes shadow. The data layer's transactions are held to one side ({@code TrafficGuard});
 * this one is opened here, by name, as role {@value #SEED_ROLE} (migration V41: SELECT on the production tables,
 * membership in {@code openta_shadow}), so it can copy but cannot change a production row. It reads one snapshot
 * (REPEATABLE READ): a production day starting meanwhile is not half copied. Fenced like every scheduler decision:
 * the leadership fence is passed in a production transaction that keeps the lease row locked until the copy
 * committed. A refusal ({@link ShadowSeed#refusal}) or a failed copy changes nothing: the copy is one transaction.
 */
@ApplicationScoped
public class ShadowSeeding {
    /** The database role of the seed transaction (migration V41). */
    static final String SEED_ROLE = "openta_seed";
    private static final Logger LOG = Logger.getLogger(ShadowSeeding.class);
    /**
     * The fence transaction waits, idle, while the copy runs; the scheduler's usual three seconds would end it (and
     * its lease lock) mid-copy. The copy commits only well inside this limit ({@link #COPY_LIMIT}), so it never
     * commits after the fence's session was ended.
     */
    private static final Duration FENCE_IDLE_LIMIT = Duration.ofMinutes(10);
    /** How long the copy may take before it is rolled back rather than committed. */
    static final Duration COPY_LIMIT = FENCE_IDLE_LIMIT.minusSeconds(30);

    private final FencedTransactions fenced;
    private final Pool pool;

    public ShadowSeeding(FencedTransactions fenced, Pool pool) {
        this.fenced = fenced;
        this.pool = pool;
    }

    /** Decides a SEED_SHADOW command: the effects to apply (the answer, and the staging area and topics to empty). */
    DayEffects seed(DayCommand c) {
        DayEffects e = new DayEffects(Traffic.SHADOW);
        if (c.traffic() != Traffic.SHADOW) {
            e.events.add(failed(c, DayCommand.SEED_SHADOW + " refused: the command is not marked shadow"));
            return e;
        }
        try {
            return fenced.inTransaction(fence -> {
                fence.exec("SET LOCAL idle_in_transaction_session_timeout = '" + FENCE_IDLE_LIMIT.toSeconds() + "s'");
                // a lost database fails both transactions: the fence's retry runs the two again
                return asSeedRole(sql -> decide(sql, c));
            });
        } catch (NotLeaderException notLeader) {
            throw notLeader;
        } catch (RuntimeException error) {
            LOG.errorf("seeding the shadow set failed: %s", error.getMessage());
            // the copy is one transaction: the shadow set holds all of it or none (run the seed again)
            e.events.add(failed(c, "seeding the shadow set from production failed: " + error.getMessage()));
            return e;
        }
    }

    private static DayEffects decide(Sql sql, DayCommand c) {
        DayEffects e = new DayEffects(Traffic.SHADOW);
        String refused = ShadowSeed.refusal(sql, c.date());
        if (refused != null) {
            LOG.warnf("shadow seed refused: %s", refused);
            e.events.add(failed(c, DayCommand.SEED_SHADOW + " refused: " + refused));
            return e;
        }
        DayEvent seeded = ShadowSeed.seed(sql, c.date(), c.requestId());
        LOG.info(seeded.message());
        e.events.add(seeded);
        e.emptyStaging = true;
        e.emptyShadowTopics = true;
        return e;
    }

    /** Runs {@code work} in one REPEATABLE READ transaction as {@value #SEED_ROLE}. */
    private <T> T asSeedRole(Function<Sql, T> work) {
        SqlConnection conn = pool.getConnectionAndAwait();
        try {
            Transaction tx = conn.beginAndAwait();
            try {
                conn.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").executeAndAwait();
                setRole(conn);
                long start = System.nanoTime();
                T result = work.apply(new Sql(conn));
                if (System.nanoTime() - start > COPY_LIMIT.toNanos()) {
                    throw new IllegalStateException("the copy took longer than " + COPY_LIMIT.toMinutes()
                            + " minutes, the longest the leadership fence waits: rolled back");
                }
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
            Transactions.closeQuietly(conn);
        }
    }

    private static void setRole(SqlConnection conn) {
        try {
            conn.query("SET LOCAL ROLE " + SEED_ROLE).executeAndAwait();
        } catch (RuntimeException e) {
            if (DbRetry.isTransient(e)) {
                throw e;
            }
            throw new IllegalStateException("cannot run as role " + SEED_ROLE + " (" + e.getMessage()
                    + "); migration V41 creates it, or an administrator does", e);
        }
    }

    private static DayEvent failed(DayCommand c, String message) {
        return DayProgress.event(DayEvent.DAY_FAILED, c.date(), "", message, c.requestId());
    }
}
