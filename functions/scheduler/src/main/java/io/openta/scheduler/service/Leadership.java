package io.openta.scheduler.service;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.openta.runtime.config.OpenTaConfig;
import io.openta.runtime.db.Sql;
import io.openta.runtime.db.Transactions;
import io.openta.scheduler.repository.LeaderLease;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * This process's side of the leadership lease in {@code sched.leader}. Every few seconds it renews the lease it
 * holds, or takes a free or expired one (a new epoch). Whether this process may act is decided by the database in
 * each write transaction ({@link #fence}), never by the local view alone: the local view only says whether to try
 * (consume commands, sweep) and what a follower's REST API tells callers.
 */
@ApplicationScoped
public class Leadership {
    private static final Logger LOG = Logger.getLogger(Leadership.class);

    private final Transactions db;
    private final SchedulerConfig scheduling;
    private final OpenTaConfig config;
    private final String holder;
    /** The epoch this process holds, 0 when it is a follower. */
    private volatile long epoch;
    /** Until when (System.nanoTime) the last renewal keeps the lease, as seen from here. */
    private volatile long validUntilNanos;
    private volatile LeaderLease.Holder lastSeen;
    private final AtomicBoolean takeoverPending = new AtomicBoolean();
    /** Set once the start checks passed: until then this process does not compete for the lease. */
    private volatile boolean enabled;

    /**
     * @param instance this scheduler's instance name (OPENTA_INSTANCE), unique among live schedulers; the host name
     *                 (the pod's name on Kubernetes) when not set
     */
    public Leadership(Transactions db, SchedulerConfig scheduling, OpenTaConfig config,
            @ConfigProperty(name = "openta.instance") java.util.Optional<String> instance) {
        this.db = db;
        this.scheduling = scheduling;
        this.config = config;
        this.holder = instance.orElseGet(Leadership::hostName).replace('/', '-') + "/" + ProcessHandle.current().pid()
                + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Scheduled(every = "${openta.scheduler.leader-renew-every:2s}", delay = 0,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = MigrateOnly.Skip.class)
    void tick() {
        if (!enabled) {
            return;
        }
        long before = epoch;
        long started = System.nanoTime();
        try {
            Long held = db.inTransaction(sql -> LeaderLease.acquireOrRenew(sql, holder, scheduling.advertisedUrl(),
                    config.shards(), scheduling.leaderTtl().toMillis()));
            lastSeen = db.inTransaction(LeaderLease::current);
            if (held == null) {
                if (before != 0) {
                    LOG.warnf("leadership lost: epoch %d; %s leads now (epoch %d): following", before,
                            lastSeen == null ? "?" : lastSeen.holder(), lastSeen == null ? 0 : lastSeen.epoch());
                }
                epoch = 0;
                return;
            }
            validUntilNanos = started + scheduling.leaderTtl().toNanos();
            if (held != before) {
                epoch = held;
                takeoverPending.set(true);
                LOG.infof("leader: %s holds epoch %d (lease %s)", holder, held, scheduling.leaderTtl());
            }
        } catch (RuntimeException e) {
            LOG.warnf("leadership lease not renewed: %s", e.getMessage());
        }
    }

    /**
     * The fence, the first statement of every scheduler write transaction: passes only while this process holds the
     * live lease of its epoch (renewing it), and keeps the lease row locked to the end of the transaction. Returns the
     * epoch it passed with.
     */
    public long fence(Sql sql) {
        long e = epoch;
        if (e == 0) {
            throw new NotLeaderException("this scheduler is a follower" + leaderHint());
        }
        if (!LeaderLease.holds(sql, e, holder, scheduling.leaderTtl().toMillis())) {
            epoch = 0;
            LOG.warnf("fenced: epoch %d no longer holds the lease; the write is refused and this scheduler follows", e);
            throw new NotLeaderException("epoch " + e + " lost the lease" + leaderHint());
        }
        LeaderLease.countWrite(sql, e, holder);
        return e;
    }

    /**
     * Before the commit of a fenced transaction that ran {@code fencedAtNanos} (System.nanoTime) on: when it took
     * more than half the lease, the lease is renewed from now. The fence renewed it from the transaction's start and
     * its row lock kept the renewal ({@link #tick}) out since, so a transaction longer than the lease would otherwise
     * commit with the lease expired and the next tick would open a new epoch, refusing this process's writes in
     * between. No other scheduler can have taken the lease meanwhile: the row is locked by this transaction.
     */
    public void holdThroughCommit(Sql sql, long fencedEpoch, long fencedAtNanos) {
        long ttlNanos = scheduling.leaderTtl().toNanos();
        long now = System.nanoTime();
        if (now - fencedAtNanos <= ttlNanos / 2) {
            return;
        }
        LeaderLease.extend(sql, fencedEpoch, holder, scheduling.leaderTtl().toMillis());
        // the tick could not renew while the row was locked: the local view follows the renewal made here
        if (epoch == fencedEpoch) {
            validUntilNanos = Math.max(validUntilNanos, now + ttlNanos);
        }
    }

    /** True while this process believes it holds a live lease (the database still decides each write). */
    public boolean isLeader() {
        return epoch != 0 && System.nanoTime() < validUntilNanos;
    }

    public long epoch() {
        return epoch;
    }

    public String holder() {
        return holder;
    }

    /** The lease as last read (holder, its URL, epoch), or null before the first read. */
    public LeaderLease.Holder lastSeen() {
        return lastSeen;
    }

    /** True once after each takeover: the sweep then re-sends what the previous leader may not have sent. */
    public boolean takeTakeover() {
        return takeoverPending.getAndSet(false);
    }

    void enable() {
        enabled = true;
        tick();
    }

    /** A takeover sweep that failed is done again at the next sweep. */
    public void takeoverAgain() {
        takeoverPending.set(true);
    }

    private String leaderHint() {
        LeaderLease.Holder h = lastSeen;
        return h == null || !h.live() ? "" : "; the leader is " + h.holder() + " at " + h.url();
    }

    /** At shutdown (before the database pool closes) the lease is given up, so a follower takes over at once. */
    void release(@Observes @Priority(1) ShutdownEvent event) {
        enabled = false;
        long e = epoch;
        if (e == 0) {
            return;
        }
        epoch = 0;
        try {
            db.inTransaction(sql -> {
                LeaderLease.release(sql, e, holder);
                return null;
            });
            LOG.infof("leadership released (epoch %d)", e);
        } catch (RuntimeException ex) {
            LOG.warnf("leadership not released (it expires by itself): %s", ex.getMessage());
        }
    }

    private static String hostName() {
        String h = System.getenv("HOSTNAME");
        if (h != null && !h.isBlank()) {
            return h;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "host";
        }
    }
}
