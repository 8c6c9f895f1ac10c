package io.openta.scheduler.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.openta.runtime.db.Transactions;
import io.openta.scheduler.repository.LeaderLease;
import io.openta.scheduler.security.EmbeddedInfra;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A fenced transaction longer than the leadership lease (a rollback of a large day) against a real PostgreSQL: its
 * fence's row lock keeps the periodic renewal out, so it must renew the lease before it commits. Otherwise the lease
 * has expired at the commit, the renewal that was waiting opens a new epoch, and the writes of the epoch the process
 * held are refused ("fenced: epoch N no longer holds the lease") although no other scheduler ever led.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedInfra.class)
@TestProfile(LongFencedTransactionTest.ShortLease.class)
class LongFencedTransactionTest {
    /** A lease of 3 s renewed every second: a 5 s transaction outlives it. */
    public static class ShortLease implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("openta.scheduler.leader-ttl", "PT3S", "openta.scheduler.leader-renew-every", "1s");
        }
    }

    @Inject
    FencedTransactions fenced;
    @Inject
    Leadership leadership;
    @Inject
    Transactions db;

    @Test
    void aTransactionLongerThanTheLeaseKeepsTheEpochAndTheNextWritePasses() throws Exception {
        for (int i = 0; i < 600 && !leadership.isLeader(); i++) {
            Thread.sleep(50);
        }
        assertTrue(leadership.isLeader(), "this scheduler never took the lease");
        long epoch = leadership.epoch();

        // busy in the database (not idle, so the fence's idle limit does not end it) for longer than the lease
        fenced.inTransaction(sql -> sql.one("SELECT pg_sleep(5) IS NULL AS slept"));

        // the next write passes the fence of the same epoch: no new epoch was opened behind this process's back
        long after = fenced.inTransaction(sql -> sql.one("SELECT 1 AS one").getLong("one"));
        assertEquals(1L, after);
        LeaderLease.Holder lease = db.inTransaction(LeaderLease::current);
        assertEquals(epoch, lease.epoch(), "the lease expired during the long transaction: a new epoch was opened");
        assertTrue(lease.live(), "the lease is not live after the long transaction");
        assertEquals(epoch, leadership.epoch());
    }
}
