package io.openta.runtime.db.shadow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.openta.model.events.Traffic;

class ShadowNamesTest {
    @Test
    void aShadowStatementUsesTheShadowSchemas() {
        assertEquals("SELECT p.units FROM shadow_clr.position p JOIN shadow_acct.account a ON a.id = p.account_id "
                + "WHERE p.biz_date = $1",
                ShadowNames.statement("SELECT p.units FROM clr.position p JOIN acct.account a ON a.id = p.account_id "
                        + "WHERE p.biz_date = $1"));
        // mapped once only; column references and quoted names are left alone (the role refuses the latter)
        assertEquals("UPDATE shadow_sched.task t SET status = 'DONE' WHERE t.stage = $1",
                ShadowNames.statement("UPDATE shadow_sched.task t SET status = 'DONE' WHERE t.stage = $1"));
        assertEquals("SELECT 1 FROM \"clr\".\"fund\"", ShadowNames.statement("SELECT 1 FROM \"clr\".\"fund\""));
    }

    @Test
    void aMigrationMapsSchemasLiteralsAndTheRole() {
        assertEquals("""
                CREATE SCHEMA IF NOT EXISTS shadow_trd;
                CREATE TABLE shadow_trd.inbox_file (id int);
                WHERE n.nspname IN ('shadow_sched', 'shadow_clr');
                GRANT USAGE ON SCHEMA shadow_access TO openta_shadow;""", ShadowNames.migration("""
                CREATE SCHEMA IF NOT EXISTS trd;
                CREATE TABLE trd.inbox_file (id int);
                WHERE n.nspname IN ('sched', 'clr');
                GRANT USAGE ON SCHEMA access TO openta_production;"""));
    }

    @Test
    void namesTheTableOfTheOtherSide() {
        assertEquals(Optional.of("clr.fund"),
                ShadowNames.foreignTable(Traffic.SHADOW, "SELECT * FROM shadow_clr.quote q, \"clr\".\"fund\" f"));
        assertEquals(Optional.of("shadow_sched.day"),
                ShadowNames.foreignTable(Traffic.PRODUCTION, "SELECT * FROM sched.task, shadow_sched.day"));
        assertEquals(Optional.empty(), ShadowNames.foreignTable(Traffic.PRODUCTION, "SELECT * FROM sched.task"));
    }
}
