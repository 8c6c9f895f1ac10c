package io.openta.runtime.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * V51 on a database that already holds cleared days (real PostgreSQL, zonky binaries): a day cleared before V49 has
 * its account applications' outcomes only in the applications, and they must survive the columns' drop; a day
 * cleared with V49 or V50 already has them in acct.account_outcome, and keeps exactly those.
 */
class AccountOutcomeMigrationTest {
    private static final String OUTCOMES = """
            SELECT biz_date || ' ' || sender || '/' || record_no || ' ' || coalesce(code, '----') || ' '
              || coalesce(ta_account_id, '-') || ' ' || distributor || ' ' || txn_account_id || ' ' || indiv
            FROM acct.account_outcome ORDER BY biz_date, sender, record_no""";

    @Test
    void theOutcomesOfDaysClearedBeforeV49AreKeptWhenTheApplicationsLoseThem() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource ds = postgres.getPostgresDatabase();
            migrate(ds, "50");
            // 20990105 cleared before V49: the outcome written into each application, none kept apart
            application(ds, "20990105", "D01", 1, "T1", "'0000', '000000000001'");
            application(ds, "20990105", "D01", 2, "T1", "'0392', NULL");
            application(ds, "20990105", "D02", 1, "T2", "'0000', '000000000002'");
            // 20990106 cleared with V49 or V50: both, the same outcomes
            application(ds, "20990106", "D01", 1, "T3", "'0000', '000000000003'");
            application(ds, "20990106", "D01", 2, "T4", "'0104', NULL");
            exec(ds, """
                    INSERT INTO acct.account_outcome (biz_date, sender, record_no, distributor, txn_account_id, indiv,
                      code, ta_account_id)
                    VALUES ('20990106', 'D01', 1, 'D01', 'T3', '1', NULL, '000000000003'),
                           ('20990106', 'D01', 2, 'D01', 'T4', '1', '0104', NULL)""");
            // 20990107 imported, not cleared yet: no outcome to keep
            application(ds, "20990107", "D01", 1, "T5", "NULL, NULL");

            migrate(ds, "51");

            assertEquals(List.of(
                    "20990105 D01/1 ---- 000000000001 D01 T1 1",
                    "20990105 D01/2 0392 - D01 T1 1",
                    "20990105 D02/1 ---- 000000000002 D02 T2 1",
                    "20990106 D01/1 ---- 000000000003 D01 T3 1",
                    "20990106 D01/2 0104 - D01 T4 1"), rows(ds, OUTCOMES));
            assertEquals(List.of(), rows(ds, """
                    SELECT attname FROM pg_attribute WHERE attrelid = 'acct.account_app'::regclass AND attnum > 0
                      AND NOT attisdropped AND attname IN ('return_code', 'ta_account_id')"""),
                    "the applications no longer hold outcomes");
            assertEquals(List.of("6"), rows(ds, "SELECT count(*) FROM acct.account_app"), "no application lost");
        }
    }

    private static void migrate(DataSource ds, String target) {
        ProductionMigrations.configure(ds).target(target).load().migrate();
    }

    private static void application(DataSource ds, String date, String sender, int record, String txn,
            String outcome) throws SQLException {
        exec(ds, """
                INSERT INTO acct.account_app (biz_date, sender, record_no, file_name, serial, txn_date, txn_time,
                  txn_account_id, distributor, business_code, indiv, return_code, ta_account_id)
                VALUES ('%s', '%s', %d, 'OFD_%s.TXT', 'S%d', '%s', '090000', '%s', '%s', '001', '1', %s)"""
                .formatted(date, sender, record, sender, record, date, txn, sender, outcome));
    }

    private static void exec(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> rows(DataSource ds, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }
}
