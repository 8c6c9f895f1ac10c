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
 * The clearing routes its main batch in parts (one task each, on real PostgreSQL, {@link EmbeddedInfra}): the parts
 * together must route every application exactly as one statement does, and a part run again (a retried task) must
 * replace its own rows only.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedInfra.class)
class TradeRoutingPartsTest {
    private static final String DAY = "20991105";
    private static final String ROUTING = """
            SELECT sender || '/' || record_no || ' ' || coalesce(pre_code, '----') || ' ' || coalesce(ta_account_id, '-')
              || ' ' || slot || ' ' || fund_code || ' ' || app_amount AS routed
            FROM trd.trade_route WHERE biz_date = $1 AND batch = '000' ORDER BY sender, record_no""";

    @Inject
    Transactions db;

    @AfterEach
    void clean() {
        db.inTransaction(sql -> {
            sql.update("DELETE FROM trd.trade_route WHERE biz_date = $1", DAY);
            sql.update("DELETE FROM trd.trade_app WHERE biz_date = $1", DAY);
            sql.update("DELETE FROM acct.account WHERE opened_date = $1", DAY);
            return sql.update("DELETE FROM clr.fund WHERE fund_code = 'TP0001'");
        });
    }

    @Test
    void partsRouteEveryApplicationAsOneStatementDoes() {
        db.inTransaction(TradeRoutingPartsTest::load);
        List<String> whole = db.inTransaction(sql -> {
            TradeRouting.route(sql, DAY, "000");
            return routed(sql);
        });
        assertEquals(40, whole.size());
        // the fixture's outcomes, so that an empty or wrong routing cannot pass by matching itself
        assertEquals(10, whole.stream().filter(r -> r.contains(" ---- ")).count(), String.join("\n", whole));
        assertEquals(10, whole.stream().filter(r -> r.contains(" 0009 ")).count());
        assertEquals(10, whole.stream().filter(r -> r.contains(" 0200 ")).count());
        assertEquals(10, whole.stream().filter(r -> r.contains(" 0518 ")).count());

        db.inTransaction(sql -> sql.update("DELETE FROM trd.trade_route WHERE biz_date = $1", DAY));
        db.inTransaction(sql -> TradeRouting.route(sql, DAY, "000", 1, 2));
        assertEquals(20, db.inTransaction(TradeRoutingPartsTest::routed).size(), "part 1 of 2 routes half");
        db.inTransaction(sql -> TradeRouting.route(sql, DAY, "000", 0, 2));
        assertEquals(whole, db.inTransaction(TradeRoutingPartsTest::routed));

        // part 0 again, as a retried task runs it: its rows are replaced, part 1's stay
        db.inTransaction(sql -> TradeRouting.route(sql, DAY, "000", 0, 2));
        assertEquals(whole, db.inTransaction(TradeRoutingPartsTest::routed));
    }

    private static List<String> routed(Sql sql) {
        return sql.list(ROUTING, DAY).stream().map(r -> r.getString("routed")).toList();
    }

    /**
     * Ten accounts of distributor TP1; forty purchases: ten found by TransactionAccountID (routed), ten naming no
     * known account (0009), ten of a fund not in the catalogue (0200), ten giving an account of another
     * TransactionAccountID (0518); record numbers 1..40, so both parities hold every kind.
     */
    private static int load(Sql sql) {
        sql.update("INSERT INTO clr.fund (fund_code, effective_date, fund_name, fund_type) "
                + "VALUES ('TP0001', '20990101', 'parts test fund', '04')");
        for (int i = 0; i < 10; i++) {
            sql.update("INSERT INTO acct.account (ta_account_id, distributor, txn_account_id, indiv, opened_date, slot) "
                    + "VALUES ($1, 'TP1', $2, '1', $3, $4)", String.format("99%010d", i), "TX" + i, DAY, i * 97);
        }
        for (int n = 1; n <= 40; n++) {
            int kind = (n - 1) / 10;
            int i = (n - 1) % 10;
            String txn = kind == 1 ? "NOSUCH" + i : "TX" + i;
            String fund = kind == 2 ? "NOFUND" : "TP0001";
            String taAccount = kind == 3 ? String.format("99%010d", (i + 1) % 10) : "";
            sql.update("""
                    INSERT INTO trd.trade_app (biz_date, batch, sender, record_no, file_name, serial, txn_date,
                      txn_time, txn_account_id, distributor, ta_account_text, business_code, fund_code, app_amount,
                      app_vol)
                    VALUES ($1, '000', 'TP1', $2, 'parts.TXT', $3, $7, '090000', $4, 'TP1', $5, '022', $6,
                      '000000000010000', '000000000000000')""", DAY, n, String.format("%024d", n), txn, taAccount,
                    fund, DAY);
        }
        return 40;
    }
}
