package io.openta.trade.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.openta.model.events.Stage;
import io.openta.runtime.db.Sql;
import io.openta.runtime.db.Transactions;
import io.openta.scheduler.repository.DayRollback;
import io.openta.scheduler.security.EmbeddedInfra;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Account opening's one task (on real PostgreSQL, {@link EmbeddedInfra}): the outcomes it decides and keeps in
 * {@code acct.account_outcome}, the accounts it opens, the applications left as imported, and the same day again
 * after a rollback of clearing.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedInfra.class)
class AccountOpeningStepsTest {
    private static final String DAY = "20991106";
    private static final String OUTCOMES = """
            SELECT sender || '/' || record_no || ' ' || coalesce(code, '0000') || ' '
              || coalesce(ta_account_id, '-') AS outcome
            FROM acct.account_outcome WHERE biz_date = $1 ORDER BY sender, record_no""";
    private static final String APPLICATIONS = """
            SELECT to_jsonb(a)::text AS application FROM acct.account_app a WHERE biz_date = $1
            ORDER BY sender, record_no""";
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
    void openingDecidesOpensAndGivesTheSameDayAfterARollback() {
        long last = db.inTransaction(AccountOpeningStepsTest::load);
        List<String> imported = db.inTransaction(AccountOpeningStepsTest::applications);
        long decided = db.inTransaction(sql -> AccountOpening.open(sql, DAY));
        assertEquals(7, decided);
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
        assertEquals(imported, db.inTransaction(AccountOpeningStepsTest::applications),
                "the applications stay as imported");

        // a rollback of clearing withdraws the accounts and the outcomes; clearing again gives the same day
        db.inTransaction(sql -> {
            DayRollback.toStage(sql, DAY, Stage.CLEARING);
            return null;
        });
        assertEquals(List.of(), db.inTransaction(AccountOpeningStepsTest::outcomes), "outcomes withdrawn");
        assertEquals(List.of(), db.inTransaction(AccountOpeningStepsTest::opened), "accounts withdrawn");
        long again = db.inTransaction(sql -> AccountOpening.open(sql, DAY));
        assertEquals(7, again);
        assertEquals(outcomes, db.inTransaction(AccountOpeningStepsTest::outcomes));
        assertEquals(opened, db.inTransaction(AccountOpeningStepsTest::opened));
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

    private static List<String> applications(Sql sql) {
        return sql.list(APPLICATIONS, DAY).stream().map(r -> r.getString("application")).toList();
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
