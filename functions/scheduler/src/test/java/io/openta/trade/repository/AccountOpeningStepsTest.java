package io.openta.trade.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.openta.runtime.db.Sql;
import io.openta.runtime.db.Transactions;
import io.openta.scheduler.security.EmbeddedInfra;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Account opening in its two steps (on real PostgreSQL, {@link EmbeddedInfra}): the outcomes decided once, then the
 * accounts and the applications' outcomes written by two tasks that run at once, so in either order, and a task run
 * again (a retry) must change nothing.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedInfra.class)
class AccountOpeningStepsTest {
    private static final String DAY = "20991106";
    private static final String OUTCOMES = """
            SELECT sender || '/' || record_no || ' ' || coalesce(return_code, '----') || ' '
              || coalesce(ta_account_id, '-') AS outcome
            FROM acct.account_app WHERE biz_date = $1 ORDER BY sender, record_no""";
    private static final String OPENED = """
            SELECT ta_account_id || ' ' || distributor || ' ' || txn_account_id || ' ' || slot AS opened
            FROM acct.account WHERE opened_date = $1 ORDER BY ta_account_id""";

    @Inject
    Transactions db;

    @AfterEach
    void clean() {
        db.inTransaction(sql -> {
            sql.update("DELETE FROM acct.account_outcome WHERE biz_date = $1", DAY);
            sql.update("DELETE FROM acct.account_app WHERE biz_date = $1", DAY);
            return sql.update("DELETE FROM acct.account WHERE opened_date = $1 OR ta_account_id = 'OLD1'", DAY);
        });
    }

    @Test
    void theTwoWritesGiveTheSameDayInEitherOrder() {
        long last = db.inTransaction(AccountOpeningStepsTest::load);
        long decided = db.inTransaction(sql -> AccountOpening.decide(sql, DAY));
        assertEquals(7, decided);
        db.inTransaction(sql -> AccountOpening.openAccounts(sql, DAY));
        db.inTransaction(sql -> AccountOpening.recordOutcomes(sql, DAY));
        List<String> outcomes = db.inTransaction(AccountOpeningStepsTest::outcomes);
        List<String> opened = db.inTransaction(AccountOpeningStepsTest::opened);
        // the fixture's outcomes: numbered in (sender, record) order from the last number, the refusals' codes kept
        assertEquals(List.of(
                "TB1/1 0000 " + number(last + 1),
                "TB1/2 0392 -",
                "TB1/3 0392 -",
                "TB1/4 0496 -",
                "TB1/5 0000 " + number(last + 2),
                "TB2/1 0000 " + number(last + 3),
                "TB2/2 0392 -"), outcomes);
        assertEquals(List.of(
                number(last + 1) + " TB1 NEW1 " + slot(number(last + 1)),
                number(last + 2) + " TB1 NEW2 " + slot(number(last + 2)),
                number(last + 3) + " TB2 NEW1 " + slot(number(last + 3))), opened);

        // undone as a rollback of clearing does, then the writes in the other order, the outcomes decided again
        db.inTransaction(sql -> {
            sql.update("DELETE FROM acct.account WHERE opened_date = $1", DAY);
            return sql.update("UPDATE acct.account_app SET return_code = NULL, ta_account_id = NULL "
                    + "WHERE biz_date = $1", DAY);
        });
        db.inTransaction(sql -> AccountOpening.decide(sql, DAY));
        db.inTransaction(sql -> AccountOpening.recordOutcomes(sql, DAY));
        assertEquals(outcomes, db.inTransaction(AccountOpeningStepsTest::outcomes), "outcomes before the accounts");
        db.inTransaction(sql -> AccountOpening.openAccounts(sql, DAY));
        assertEquals(opened, db.inTransaction(AccountOpeningStepsTest::opened));

        // the applications' write again (a retried task): the same outcomes
        db.inTransaction(sql -> AccountOpening.recordOutcomes(sql, DAY));
        assertEquals(outcomes, db.inTransaction(AccountOpeningStepsTest::outcomes));
        long kept = db.inTransaction(sql -> sql.one(
                "SELECT count(*) AS n FROM acct.account_outcome WHERE biz_date = $1", DAY).getLong("n"));
        assertEquals(7, kept, "deciding again replaced the day's outcomes");
    }

    private static String number(long n) {
        return String.format("%012d", n);
    }

    /** The hash slot as PostgreSQL gives it (AccountOpening.SLOT_OF_ACCOUNT), read back for the expected row. */
    private int slot(String account) {
        return db.inTransaction(sql -> sql.one("SELECT " + AccountOpening.SLOT_OF_ACCOUNT.replace("ta_account_id",
                "$1::text") + " AS s", account).getInteger("s"));
    }

    private static List<String> outcomes(Sql sql) {
        return sql.list(OUTCOMES, DAY).stream().map(r -> r.getString("outcome")).toList();
    }

    private static List<String> opened(Sql sql) {
        return sql.list(OPENED, DAY).stream().map(r -> r.getString("opened")).toList();
    }

    /**
     * An account opened earlier (TB1/OLD, not 12 digits, so it leaves the sequence alone); seven applications of two
     * senders: TB1/1 opens NEW1, TB1/2 repeats NEW1 (0392), TB1/3 asks for OLD (0392), TB1/4 is a repeated serial
     * (0496), TB1/5 opens NEW2, TB2/1 opens TB2's NEW1 (another distributor's pair), TB2/2 repeats it (0392).
     * Returns the sequence's last number before the day.
     */
    private static long load(Sql sql) {
        sql.update("INSERT INTO acct.account (ta_account_id, distributor, txn_account_id, indiv, opened_date, slot) "
                + "VALUES ('OLD1', 'TB1', 'OLD', '1', '20990101', 1)");
        String[][] apps = { { "TB1", "1", "NEW1", "f" }, { "TB1", "2", "NEW1", "f" }, { "TB1", "3", "OLD", "f" },
                { "TB1", "4", "NEW3", "t" }, { "TB1", "5", "NEW2", "f" }, { "TB2", "1", "NEW1", "f" },
                { "TB2", "2", "NEW1", "f" } };
        for (String[] a : apps) {
            sql.update("""
                    INSERT INTO acct.account_app (biz_date, sender, record_no, file_name, serial, txn_date, txn_time,
                      txn_account_id, distributor, business_code, indiv, dup)
                    VALUES ($1, $2::text, $3::text::int, 'steps.TXT', $3, '20991106', '090000', $4, $2::text, '001',
                      '1', $5::text::boolean)""", DAY, a[0], a[1], a[2], a[3]);
        }
        return sql.one(AccountOpening.LAST_NUMBER + " AS n").getLong("n");
    }
}
