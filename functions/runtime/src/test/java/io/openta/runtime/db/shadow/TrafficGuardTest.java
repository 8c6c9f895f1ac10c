package io.openta.runtime.db.shadow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.openta.model.events.Traffic;
import io.openta.runtime.db.DbConfig;
import io.openta.runtime.db.DbRetry;
import io.openta.runtime.db.Transactions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.PoolOptions;

/**
 * Fail closed, both directions, reads and writes: through the data layer ({@link Transactions}, the Vert.x client)
 * on a real PostgreSQL migrated with its shadow schemas. A refused statement names the table and the mark, and the
 * transaction leaves nothing behind.
 */
class TrafficGuardTest {
    private static final String PARK = "INSERT INTO %s.parked_message (topic, payload, reason) VALUES ('t', 'p', 'r')";
    private static final String PRODUCTION_PARKED = "SELECT count(*) FROM sched.parked_message";
    private static final String SHADOW_PARKED = "SELECT count(*) FROM shadow_sched.parked_message";

    private static MigratedDatabase db;
    private static Vertx vertx;
    private static Pool pool;
    private static Transactions guarded;
    private static Transactions unguarded;

    @BeforeAll
    static void start() throws Exception {
        db = new MigratedDatabase();
        vertx = Vertx.vertx();
        pool = Pool.newInstance(PgBuilder.pool().connectingTo(new PgConnectOptions().setHost("localhost")
                .setPort(db.postgres.getPort()).setDatabase("postgres").setUser("postgres").setPassword("postgres"))
                .with(new PoolOptions().setMaxSize(2)).using(vertx.getDelegate()).build());
        DbRetry noRetry = new DbRetry(new DbConfig() {
            @Override
            public Duration reconnectFor() {
                return Duration.ZERO;
            }

            @Override
            public Duration taskIdleLimit() {
                return Duration.ofMinutes(2);
            }
        });
        guarded = new Transactions(pool, noRetry, new TrafficGuard(() -> true));
        unguarded = new Transactions(pool, noRetry, new TrafficGuard(() -> false));
    }

    @AfterAll
    static void stop() throws Exception {
        pool.closeAndAwait();
        vertx.closeAndAwait();
        db.close();
    }

    @Test
    void shadowWorkRunsTheStagesStatementsOnTheShadowTables() throws Exception {
        long production = db.count(PRODUCTION_PARKED);
        long shadow = db.count(SHADOW_PARKED);
        String role = guarded.inTransaction(Traffic.SHADOW, sql -> {
            sql.update(PARK.formatted("sched"));   // as a stage writes it: mapped to shadow_sched
            return sql.one("SELECT current_user").getString(0);
        });
        assertEquals(ShadowNames.SHADOW_ROLE, role);
        assertEquals(shadow + 1, db.count(SHADOW_PARKED));
        assertEquals(production, db.count(PRODUCTION_PARKED));
        assertEquals(ShadowNames.PRODUCTION_ROLE,
                guarded.inTransaction(sql -> sql.one("SELECT current_user").getString(0)));
    }

    @Test
    void aShadowReadOfAProductionTableIsRefused() {
        // a quoted name escapes the statement mapping: the role refuses it
        var e = assertThrows(TrafficViolation.class, () -> guarded.inTransaction(Traffic.SHADOW,
                sql -> sql.one("SELECT count(*) FROM \"sched\".\"day\"")));
        assertTrue(e.getMessage().startsWith("SHADOW transaction refused: its statement names production table "
                + "sched.day ("), e.getMessage());
        var streamed = assertThrows(TrafficViolation.class, () -> guarded.inTransaction(Traffic.SHADOW,
                sql -> sql.stream("SELECT * FROM \"clr\".\"fund\"", 10, row -> { })));
        assertTrue(streamed.getMessage().contains("production table clr.fund"), streamed.getMessage());
    }

    @Test
    void anUnqualifiedNameDoesNotReachProduction() {
        // PostgreSQL skips a search_path schema the role may not use: the production table is not even found
        var e = assertThrows(PgException.class, () -> guarded.inTransaction(Traffic.SHADOW, sql -> {
            sql.exec("SET LOCAL search_path = clr");
            return sql.one("SELECT count(*) FROM fund");
        }));
        assertEquals("42P01", e.getSqlState(), e.getMessage());
        assertTrue(e.getMessage().contains("relation \"fund\" does not exist"), e.getMessage());
    }

    @Test
    void aShadowWriteToAProductionTableIsRefusedAndLeavesNothing() throws Exception {
        long production = db.count(PRODUCTION_PARKED);
        long shadow = db.count(SHADOW_PARKED);
        var e = assertThrows(TrafficViolation.class, () -> guarded.inTransaction(Traffic.SHADOW, sql -> {
            sql.update(PARK.formatted("sched"));
            return sql.update(PARK.formatted("\"sched\""));
        }));
        assertTrue(e.getMessage().contains("SHADOW transaction refused: its statement names production table "
                + "sched.parked_message"), e.getMessage());
        assertEquals(production, db.count(PRODUCTION_PARKED));
        assertEquals(shadow, db.count(SHADOW_PARKED));
    }

    @Test
    void aProductionReadOfAShadowTableIsRefused() {
        var e = assertThrows(TrafficViolation.class,
                () -> guarded.inTransaction(sql -> sql.one("SELECT count(*) FROM shadow_sched.day")));
        assertTrue(e.getMessage().startsWith("PRODUCTION transaction refused: its statement names shadow table "
                + "shadow_sched.day ("), e.getMessage());
    }

    @Test
    void aProductionWriteToAShadowTableIsRefusedAndLeavesNothing() throws Exception {
        long production = db.count(PRODUCTION_PARKED);
        long shadow = db.count(SHADOW_PARKED);
        var e = assertThrows(TrafficViolation.class, () -> guarded.inTransaction(sql -> {
            sql.update(PARK.formatted("sched"));
            return sql.update(PARK.formatted("shadow_sched"));
        }));
        assertTrue(e.getMessage().contains("PRODUCTION transaction refused: its statement names shadow table "
                + "shadow_sched.parked_message"), e.getMessage());
        assertEquals(production, db.count(PRODUCTION_PARKED));
        assertEquals(shadow, db.count(SHADOW_PARKED));
    }

    @Test
    void withShadowTrafficOffShadowWorkIsRefusedAndProductionRunsAsBefore() throws Exception {
        long shadow = db.count(SHADOW_PARKED);
        var e = assertThrows(TrafficViolation.class,
                () -> unguarded.inTransaction(Traffic.SHADOW, sql -> sql.update(PARK.formatted("sched"))));
        assertEquals("shadow traffic refused: shadow traffic is off (openta.shadow.enabled)", e.getMessage());
        assertEquals(shadow, db.count(SHADOW_PARKED));
        assertEquals("postgres", unguarded.inTransaction(sql -> sql.one("SELECT current_user").getString(0)));
    }
}
