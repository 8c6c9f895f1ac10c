package io.openta.verify;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the trades of D are confirmed from, read again from the state (spec v2 2.1-2.6): the applications as the files
 * gave them, the fund catalogue (FundType), the quotes of D (NAV, FundStatus, FundIncome), the C5 fee tables in
 * force, the accounts an application can resolve to, the positions' closes before D, the income of D and which
 * applications repeat an earlier AppSheetSerialNo of their distributor (0496). Nothing the clearing stage derived
 * (return codes, resolved accounts, slots) is read: those are what the recompute checks.
 */
final class TradeInputs {
    /** FundIncome is per 10,000 shares. */
    private static final BigDecimal TEN_THOUSAND = new BigDecimal(10_000);

    /** A fund's quote on D. */
    record Quote(BigDecimal nav, BigDecimal incomePer10k, String status) {
    }

    /** An account: its distributor and transaction account. */
    record Account(String id, String distributor, String txnAccountId) {
    }

    /** The accounts of D's applications: by TAAccountID and by distributor/transaction account, opened by D. */
    private static final String ACCOUNTS_OF_D = """
            SELECT a.ta_account_id, a.distributor, a.txn_account_id FROM acct.account a
            WHERE a.opened_date <= :d AND (a.ta_account_id IN (SELECT rtrim(ta_account_text) FROM trd.trade_app
                WHERE biz_date = :d)
              OR (a.distributor, a.txn_account_id) IN (SELECT rtrim(distributor), rtrim(txn_account_id)
                FROM trd.trade_app WHERE biz_date = :d))""";

    final List<TradeApplication> applications = new ArrayList<>();
    /** Fund code -> FundType, the catalogue of D. */
    final Map<String, String> catalogue = new HashMap<>();
    final Map<String, Quote> quotes = new HashMap<>();
    final Map<String, Account> accountsById = new HashMap<>();
    final Map<String, Account> accountsByTxn = new HashMap<>();
    /** {@code account/fund} -> the close before D. */
    final Map<String, BigDecimal> closeBefore = new HashMap<>();
    /** {@code account/fund} -> the income of D (added to the close after the main clearing, v1 2.5). */
    final Map<String, BigDecimal> income = new HashMap<>();
    /** Keys of the applications that repeat an earlier AppSheetSerialNo of their sender (0496). */
    final Set<String> duplicates = new HashSet<>();
    FeeTable fees;

    private TradeInputs() {
    }

    static TradeInputs load(Db db) throws SQLException {
        TradeInputs in = new TradeInputs();
        db.query("SELECT " + TradeApplication.COLUMNS + " FROM trd.trade_app WHERE biz_date = :d",
                rs -> in.applications.add(TradeApplication.of(rs)));
        db.query("SELECT fund_code, fund_type FROM " + StateSql.FUNDS_OF_D + " f",
                rs -> in.catalogue.put(ByteText.rtrim(rs.getString(1)), rs.getString(2).trim()));
        db.query("SELECT fund_code, nav, income_per_10k, fund_status FROM clr.quote WHERE biz_date = :d",
                rs -> in.quotes.put(ByteText.rtrim(rs.getString(1)), new Quote(rs.getBigDecimal(2),
                        rs.getBigDecimal(3), rs.getString(4).trim())));
        in.fees = FeeTable.of(db);
        db.query(ACCOUNTS_OF_D, rs -> {
            Account a = new Account(rs.getString(1), rs.getString(2), rs.getString(3));
            in.accountsById.put(a.id(), a);
            in.accountsByTxn.put(a.distributor() + "/" + a.txnAccountId(), a);
        });
        db.query("WITH " + StateSql.stateOf("p.ta_account_id IN (SELECT ta_account_id FROM (" + ACCOUNTS_OF_D
                        + ") x)") + " SELECT ta_account_id, fund_code, start_d FROM state",
                rs -> in.closeBefore.put(TradeApplication.position(rs.getString(1), rs.getString(2)),
                        rs.getBigDecimal(3)));
        db.query("SELECT ta_account_id, fund_code, income FROM clr.income WHERE biz_date = :d",
                rs -> in.income.put(TradeApplication.position(rs.getString(1), rs.getString(2)),
                        rs.getBigDecimal(3)));
        // v1 2.2: per sender over its 01 and 03 files in order (batch, 01 before 03, file, record); every record
        // counts, whatever its outcome; serials compared as text (trailing spaces removed)
        db.query("""
                WITH s AS (
                  SELECT sender, '000' AS batch, 0 AS kind, file_name, record_no, rtrim(serial) AS serial
                  FROM acct.account_app WHERE biz_date = :d
                  UNION ALL
                  SELECT sender, batch, 1, file_name, record_no, rtrim(serial) FROM trd.trade_app WHERE biz_date = :d)
                SELECT batch, sender, record_no FROM (SELECT batch, sender, record_no, kind, row_number() OVER (
                  PARTITION BY sender, serial ORDER BY batch, kind, file_name, record_no) AS n FROM s) x
                WHERE kind = 1 AND n > 1""", rs -> in.duplicates.add(TradeApplication.key(rs.getString(1),
                rs.getString(2), rs.getInt(3))));
        return in;
    }

    /**
     * The negative-income reserve of a position for a main-clearing redemption (v1 2.5): where the fund is a
     * money-market fund whose income u of D is negative and the close before D, e, is positive,
     * ceil_to_0.01(|e x u / 10000|); else 0.
     */
    BigDecimal reserve(String position, String fund) {
        Quote q = quotes.get(fund);
        BigDecimal e = closeBefore.getOrDefault(position, BigDecimal.ZERO);
        if (q == null || !StateSql.MONEY_MARKET.equals(catalogue.get(fund)) || q.incomePer10k().signum() >= 0
                || e.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return e.multiply(q.incomePer10k()).abs().divide(TEN_THOUSAND).setScale(2, RoundingMode.CEILING);
    }
}
